"""意见反馈 (R-APP-4): users send feedback and see the operators' replies."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from common.errors import PermissionDenied
from common.testing import export_archive
from support import services
from support.models import Feedback
from support.tests.factories import notifications_of, reviewer_staff, support_staff, upload_evidence

pytestmark = pytest.mark.django_db


def send_feedback(client: Any, **body: Any) -> Any:
    return client.post("feedback", {"category": "suggestion", "content": "希望用工板块可以按工资排序", **body})


class TestFeedback:
    def test_feedback_reply_is_visible_to_the_user_R_APP_4(self) -> None:
        user = signed_in_client(make_user(account_type=AccountType.FACTORY))
        screenshot = upload_evidence(user)
        response = send_feedback(user, image_ids=[screenshot], contact_ok=True)
        assert response.status_code == 201, response
        created = response.json()
        assert (created["status"], created["status_label"], created["category_label"]) == (
            "pending",
            "待回复",
            "功能建议",
        )
        assert [i["id"] for i in created["images"]] == [screenshot]

        services.reply_feedback(
            operator=support_staff(), feedback_id=created["id"], reply="感谢建议，下个版本支持按工资排序"
        )

        mine = user.get("feedback/mine").json()
        assert mine["count"] == 1
        row = mine["items"][0]
        assert (row["status"], row["reply"]) == ("replied", "感谢建议，下个版本支持按工资排序")
        assert row["replied_at"] is not None
        titles = [n["title"] for n in user.get("notifications").json()["items"]]
        assert "你的意见反馈有了回复" in titles

    def test_users_see_only_their_own_feedback_and_only_support_replies_R_APP_4(self) -> None:
        author = signed_in_client(make_user(account_type=AccountType.WORKER))
        other = signed_in_client(make_user(account_type=AccountType.TRADE))
        feedback_id = send_feedback(author).json()["id"]

        assert other.get("feedback/mine").json()["count"] == 0
        with pytest.raises(PermissionDenied):
            services.reply_feedback(operator=reviewer_staff(), feedback_id=feedback_id, reply="不是客服")
        with pytest.raises(PermissionDenied):
            services.reply_feedback(operator=other.user, feedback_id=feedback_id, reply="我来回复")
        assert Feedback.objects.get().reply == ""
        assert notifications_of(author, "system") == []

    def test_feedback_is_validated_R_APP_4(self, api: Any) -> None:
        user = signed_in_client(make_user(account_type=AccountType.WORKER))
        assert send_feedback(user, content="好").status_code == 422
        assert send_feedback(user, category="praise").status_code == 422
        stranger_file = upload_evidence(signed_in_client(make_user(account_type=AccountType.TRADE)))
        bad = send_feedback(user, image_ids=[stranger_file])
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["field"] == "image_ids"
        assert api.post("feedback", {"content": "匿名反馈内容"}).status_code == 401

    def test_feedback_list_does_not_grow_with_rows_R_APP_4(self, django_assert_max_num_queries: Any) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        user = signed_in_client(make_user(account_type=AccountType.FACTORY))
        send_feedback(user, image_ids=[upload_evidence(user)])
        with CaptureQueriesContext(connection) as small:
            assert user.get("feedback/mine").status_code == 200
        baseline = len(small.captured_queries)  # read now: the next request resets the query log
        for _ in range(4):
            send_feedback(user, image_ids=[upload_evidence(user)])
        with django_assert_max_num_queries(baseline):
            assert user.get("feedback/mine").json()["count"] == 5


def test_personal_data_export_has_applications_complaints_and_feedback_R_PLUS_5() -> None:
    from applications.tests.factories import applied, labour_post, worker_client
    from support.tests.factories import complain

    post = labour_post()
    worker = worker_client()
    applied(worker, post, note="可以加班")
    assert complain(worker, target_type="post", target_id=post.pk).status_code == 201
    assert send_feedback(worker).status_code == 201

    data = export_archive(worker).data
    assert data["报名"][0]["申请资料"]["note"] == "可以加班"
    assert data["投诉"][0]["投诉类别"] == "虚假信息"
    assert data["反馈"][0]["内容"] == "希望用工板块可以按工资排序"
    # The factory's export holds no complaint about it: that would reveal who complained.
    assert export_archive(signed_in_client(post.owner)).data["投诉"] == []
