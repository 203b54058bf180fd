"""Qualification certification through the API: submit, history, review, publish permission
(R-FLOW-1, R-APP-4, R-ADM-1, R-OPS-3)."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from common.models import AuditEntry
from notifications.models import Notification, NotificationKind
from notifications.services import record_subscription_grants
from uploads.models import FilePurpose
from uploads.tests.factories import make_stored_file
from verification.models import Qualification, QualificationStatus
from verification.tests.factories import (
    licence_file,
    licence_payload,
    make_licence,
    make_reviewer,
    valid_id_number,
    valid_uscc,
    wrong_check_char,
)
from verification.validators import USCC_ALPHABET

pytestmark = pytest.mark.django_db


def field_names(response: Any) -> list[str]:
    return [item["field"] for item in response.json()["detail"]]


class TestSubmitLicence:
    def test_factory_submits_and_sees_it_pending_with_a_due_date_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        code = valid_uscc(7)
        response = client.post("qualifications/licence", licence_payload(client.user, credit_code=code.lower()))
        assert response.status_code == 201, response
        body = response.json()
        assert body["status"] == "pending"
        assert body["status_label"] == "待审核"
        assert body["review_due_at"]
        assert body["credit_code_masked"] == mask(code)
        assert code not in str(body)
        assert body["files"][0]["url"].startswith("/api/files/")
        assert AuditEntry.objects.filter(action="qualification.submit").count() == 1

    def test_trade_company_can_submit_too_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.TRADE)
        assert client.post("qualifications/licence", licence_payload(client.user)).status_code == 201

    def test_bad_check_character_is_refused_naming_credit_code_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        bad = wrong_check_char(valid_uscc(3), USCC_ALPHABET)
        response = client.post("qualifications/licence", licence_payload(client.user, credit_code=bad))
        assert response.status_code == 422
        assert response.json()["detail"][0] == {
            "field": "credit_code",
            "rule": "checksum",
            "message": "统一社会信用代码校验不通过，请核对后重新填写",
        }
        assert not Qualification.objects.exists()

    def test_short_code_is_a_length_error_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.post("qualifications/licence", licence_payload(client.user, credit_code="9135010"))
        assert response.status_code == 422
        assert response.json()["detail"][0]["rule"] == "length"

    def test_worker_cannot_submit_a_licence_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.WORKER)
        response = client.post("qualifications/licence", licence_payload(client.user))
        assert response.status_code == 403
        assert response.json()["code"] == "wrong_account_type"

    def test_licence_needs_an_image_the_user_uploaded_as_a_licence_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        no_file = client.post("qualifications/licence", licence_payload(client.user, file_ids=[]))
        assert no_file.status_code == 422
        assert field_names(no_file) == ["file_ids"]
        someone_elses = licence_file(make_user(account_type=AccountType.FACTORY))
        stolen = client.post("qualifications/licence", licence_payload(client.user, file_ids=[str(someone_elses.pk)]))
        assert stolen.status_code == 422
        assert field_names(stolen) == ["file_ids"]
        photo = make_stored_file(owner=client.user, purpose=FilePurpose.FACTORY_PHOTO)
        wrong_purpose = client.post("qualifications/licence", licence_payload(client.user, file_ids=[str(photo.pk)]))
        assert wrong_purpose.status_code == 422
        assert field_names(wrong_purpose) == ["file_ids"]

    def test_validity_must_be_long_term_or_in_the_future_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        missing = client.post("qualifications/licence", licence_payload(client.user, is_long_term=False))
        assert missing.status_code == 422
        assert field_names(missing) == ["valid_until"]
        past = (timezone.localdate() - timedelta(days=1)).isoformat()
        expired = client.post(
            "qualifications/licence", licence_payload(client.user, is_long_term=False, valid_until=past)
        )
        assert expired.status_code == 422
        assert expired.json()["detail"][0]["rule"] == "future"
        future = (timezone.localdate() + timedelta(days=400)).isoformat()
        ok = client.post("qualifications/licence", licence_payload(client.user, is_long_term=False, valid_until=future))
        assert ok.status_code == 201
        assert ok.json()["valid_until"] == future

    def test_a_pending_submission_blocks_another_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        assert client.post("qualifications/licence", licence_payload(client.user)).status_code == 201
        again = client.post("qualifications/licence", licence_payload(client.user))
        assert again.status_code == 409
        assert again.json()["code"] == "qualification_pending"

    def test_after_rejection_the_user_can_resubmit_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        make_licence(client.user, status=QualificationStatus.REJECTED)
        assert client.post("qualifications/licence", licence_payload(client.user)).status_code == 201

    def test_anonymous_is_refused_R_APP_4(self, api: Any) -> None:
        assert api.post("qualifications/licence", {}).status_code == 401


class TestSubmitPersonalId:
    def test_worker_submits_real_name_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.WORKER)
        number = valid_id_number()
        certificate = make_stored_file(owner=client.user, purpose=FilePurpose.CERTIFICATE)
        response = client.post(
            "qualifications/personal-id",
            {"real_name": "李小花", "id_number": number, "certificate_file_ids": [str(certificate.pk)]},
        )
        assert response.status_code == 201, response
        body = response.json()
        assert body["kind"] == "personal_id"
        assert body["id_number_masked"] == number[:3] + "*" * 11 + number[-4:]
        assert body["real_name_masked"] == "李**"
        assert number not in str(body)

    def test_wrong_check_digit_is_refused_naming_id_number_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.WORKER)
        bad = wrong_check_char(valid_id_number(), "0123456789X")
        response = client.post("qualifications/personal-id", {"real_name": "李小花", "id_number": bad})
        assert response.status_code == 422
        assert response.json()["detail"][0]["field"] == "id_number"
        assert response.json()["detail"][0]["rule"] == "checksum"

    def test_under_16_is_refused_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.WORKER)
        young = timezone.localdate().replace(year=timezone.localdate().year - 15)
        number = valid_id_number(birth=f"{young:%Y%m%d}" if young.month != 2 or young.day != 29 else "20200101")
        response = client.post("qualifications/personal-id", {"real_name": "李小花", "id_number": number})
        assert response.status_code == 422
        assert response.json()["detail"][0]["rule"] == "min_age"

    def test_companies_do_not_do_real_name_certification_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.TRADE)
        response = client.post("qualifications/personal-id", {"real_name": "李小花", "id_number": valid_id_number()})
        assert response.status_code == 403


class TestMine:
    def test_history_newest_first_with_reject_reason_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        old = make_licence(client.user, status=QualificationStatus.REJECTED)
        Qualification.objects.filter(pk=old.pk).update(
            reject_reason="照片模糊", submitted_at=timezone.now() - timedelta(days=2)
        )
        new = make_licence(client.user, status=QualificationStatus.PENDING)
        make_licence(make_user(account_type=AccountType.FACTORY))  # someone else's
        response = client.get("qualifications/mine")
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        assert [item["id"] for item in body["items"]] == [new.pk, old.pk]
        assert body["items"][1]["reject_reason"] == "照片模糊"

    def test_query_count_does_not_grow_with_rows_R_APP_4(self, django_assert_max_num_queries: Any) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        make_licence(client.user, status=QualificationStatus.REJECTED)
        with CaptureQueriesContext(connection) as few:
            assert client.get("qualifications/mine").status_code == 200
        for _ in range(6):
            q = make_licence(client.user, status=QualificationStatus.REJECTED)
            q.files.add(licence_file(client.user))
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get("qualifications/mine").json()["count"] == 7


def mask(code: str) -> str:
    return code[:6] + "*" * 8 + code[-4:]


class TestPublishPermission:
    def test_reasons_follow_the_qualification_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.TRADE)
        none = client.get("me/publish-permission").json()
        assert none == {
            "can_publish": False,
            "code": "qualification_required",
            "message": "资质认证通过后才能发布信息，请先提交营业执照",
            "detail": None,
        }
        client.post("qualifications/licence", licence_payload(client.user))
        pending = client.get("me/publish-permission").json()
        assert pending["can_publish"] is False
        assert "审核中" in pending["message"]
        Qualification.objects.filter(user=client.user).update(status=QualificationStatus.APPROVED)
        assert client.get("me/publish-permission").json()["can_publish"] is True

    def test_worker_is_told_workers_do_not_publish_R_APP_4(self) -> None:
        client = signed_in_client(account_type=AccountType.WORKER)
        body = client.get("me/publish-permission").json()
        assert body["can_publish"] is False
        assert body["code"] == "worker_cannot_publish"

    def test_factory_needs_its_profile_after_approval_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        make_licence(client.user)
        assert client.get("me/publish-permission").json()["code"] == "factory_profile_required"


class TestReview:
    def _pending(self) -> tuple[Any, Qualification]:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.post("qualifications/licence", licence_payload(client.user))
        return client, Qualification.objects.get(pk=response.json()["id"])

    def test_approve_notifies_and_audits_and_allows_publishing_R_ADM_1_R_APP_4(self) -> None:
        applicant, qualification = self._pending()
        applicant.user.account_type = AccountType.TRADE  # no factory profile needed to publish
        applicant.user.save()
        reviewer = signed_in_client(make_reviewer())
        response = reviewer.post(f"qualifications/{qualification.pk}/approve")
        assert response.status_code == 200, response
        assert response.json()["status"] == "approved"
        note = Notification.objects.get(recipient=applicant.user)
        assert note.kind == NotificationKind.QUALIFICATION
        assert "通过" in note.title
        entry = AuditEntry.objects.get(action="qualification.approve")
        assert entry.actor == reviewer.user
        assert entry.target_id == str(qualification.pk)
        assert applicant.get("me/publish-permission").json()["can_publish"] is True

    def test_reject_needs_a_reason_which_reaches_the_user_R_ADM_1(
        self, wechat: Any, django_capture_on_commit_callbacks: Any, settings: Any
    ) -> None:
        applicant, qualification = self._pending()
        applicant.user.wechat_openid = "openid-applicant"
        applicant.user.save()
        # The user tapped "allow" in wx.requestSubscribeMessage: WeChat and we both record it.
        wechat.grant_subscription("openid-applicant", settings.WECHAT_SUBSCRIBE_TEMPLATES["review_result"])
        record_subscription_grants(user=applicant.user, purposes=["review_result"])
        reviewer = signed_in_client(make_reviewer())
        blank = reviewer.post(f"qualifications/{qualification.pk}/reject", {"reason": "  "})
        assert blank.status_code == 422
        assert field_names(blank) == ["reason"]
        with django_capture_on_commit_callbacks(execute=True):
            response = reviewer.post(f"qualifications/{qualification.pk}/reject", {"reason": "营业执照照片不清晰"})
        assert response.status_code == 200
        mine = applicant.get("qualifications/mine").json()["items"][0]
        assert mine["status"] == "rejected"
        assert mine["reject_reason"] == "营业执照照片不清晰"
        note = Notification.objects.get(recipient=applicant.user)
        assert "营业执照照片不清晰" in note.body
        sent = wechat.sent()
        assert len(sent) == 1
        assert sent[0]["touser"] == "openid-applicant"
        assert "营业执照照片不清晰" in str(sent[0]["data"])
        assert AuditEntry.objects.get(action="qualification.reject").reason == "营业执照照片不清晰"

    def test_second_reviewer_gets_already_reviewed_R_ADM_1(self) -> None:
        _, qualification = self._pending()
        first = signed_in_client(make_reviewer())
        second = signed_in_client(make_reviewer())
        assert first.post(f"qualifications/{qualification.pk}/approve").status_code == 200
        late = second.post(f"qualifications/{qualification.pk}/reject", {"reason": "信息不符"})
        assert late.status_code == 409
        assert late.json()["code"] == "already_reviewed"
        assert Qualification.objects.get(pk=qualification.pk).status == QualificationStatus.APPROVED
        assert Notification.objects.filter(recipient=qualification.user).count() == 1

    def test_app_users_cannot_review_R_ADM_1(self) -> None:
        applicant, qualification = self._pending()
        assert applicant.post(f"qualifications/{qualification.pk}/approve").status_code == 403
        other = signed_in_client(account_type=AccountType.TRADE)
        assert other.post(f"qualifications/{qualification.pk}/reject", {"reason": "x"}).status_code == 403
        reviewer = signed_in_client(make_reviewer())
        assert reviewer.post("qualifications/999999/approve").status_code == 404

    def test_approval_verifies_an_existing_factory_profile_R_FLOW_1(self) -> None:
        from factories.models import FactoryProfile
        from factories.tests.factories import make_factory

        applicant, qualification = self._pending()
        profile = make_factory(applicant.user)
        assert profile.is_verified is False
        signed_in_client(make_reviewer()).post(f"qualifications/{qualification.pk}/approve")
        profile = FactoryProfile.objects.get(pk=profile.pk)
        assert profile.is_verified is True
        assert profile.verified_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_at_the_same_moment_one_wins_R_ADM_1() -> None:
    """Real concurrency needs row locks; SQLite serialises whole transactions, so PostgreSQL only."""
    if connection.vendor != "postgresql":
        pytest.skip("row-level locking is exercised on PostgreSQL")
    from verification import services

    applicant = make_user(account_type=AccountType.FACTORY)
    qualification = make_licence(applicant, status=QualificationStatus.PENDING)
    reviewers = [make_reviewer(), make_reviewer()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(index: int) -> None:
        from common.errors import Conflict

        barrier.wait()
        try:
            if index == 0:
                services.approve(qualification=qualification, reviewer=reviewers[0])
            else:
                services.reject(qualification=qualification, reviewer=reviewers[1], reason="信息不符")
            outcomes.append("ok")
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already_reviewed", "ok"]
    assert Notification.objects.filter(recipient=applicant).count() == 1


def test_database_holds_no_plaintext_codes_or_names_R_OPS_3() -> None:
    company = signed_in_client(account_type=AccountType.FACTORY)
    code = valid_uscc(42)
    assert company.post("qualifications/licence", licence_payload(company.user, credit_code=code)).status_code == 201
    worker = signed_in_client(account_type=AccountType.WORKER)
    number = valid_id_number(birth="19880808")
    assert worker.post("qualifications/personal-id", {"real_name": "李小花", "id_number": number}).status_code == 201
    with connection.cursor() as cursor:
        cursor.execute("SELECT credit_code, legal_representative, real_name, id_number FROM verification_qualification")
        rows = cursor.fetchall()
    dump = repr(rows)
    for secret in (code, "王建国", "李小花", number):
        assert secret not in dump
    assert all(value.startswith("v1:") for row in rows for value in row if value)
