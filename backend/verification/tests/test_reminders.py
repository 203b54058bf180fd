"""Qualification expiry: reminders 30/7/1 days ahead, then expiry removes publishing (R-OPS-2, R-APP-4)."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from freezegun import freeze_time

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from common.testing import ApiClient
from factories.models import FactoryProfile
from factories.tests.factories import make_verified_factory
from notifications.models import Notification
from verification import selectors
from verification.models import QualificationStatus
from verification.tests.factories import make_licence

pytestmark = pytest.mark.django_db

START = date(2026, 11, 2)


def run_job(day: date) -> str:
    out = StringIO()
    with freeze_time(f"{day.isoformat()} 02:00:00+08:00"):
        call_command("send_qualification_reminders", stdout=out)
    return out.getvalue()


def reminders_of(user: object) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, dedupe_key__startswith="qual-expiry-")
        .order_by("id")
        .values_list("dedupe_key", flat=True)
    )


def test_reminders_at_30_7_and_1_days_once_each_R_OPS_2() -> None:
    user = make_user(account_type=AccountType.TRADE)
    licence = make_licence(user, valid_until=START + timedelta(days=30))
    run_job(START - timedelta(days=1))  # 31 days ahead: nothing yet
    assert reminders_of(user) == []
    for offset in range(0, 30):  # run daily, as cron does, until the last valid day
        run_job(START + timedelta(days=offset))
        run_job(START + timedelta(days=offset))  # and a second time the same day
    assert reminders_of(user) == [
        f"qual-expiry-{licence.pk}-30",
        f"qual-expiry-{licence.pk}-7",
        f"qual-expiry-{licence.pk}-1",
    ]
    first = Notification.objects.get(dedupe_key=f"qual-expiry-{licence.pk}-30")
    assert "2026年12月02日" in first.body
    assert "剩余 30 天" in first.body


def test_a_missed_run_still_sends_the_step_it_skipped_R_OPS_2() -> None:
    user = make_user(account_type=AccountType.TRADE)
    licence = make_licence(user, valid_until=START + timedelta(days=20))
    run_job(START)
    assert reminders_of(user) == [f"qual-expiry-{licence.pk}-30"]


def test_long_term_licences_get_no_reminders_R_OPS_2() -> None:
    user = make_user(account_type=AccountType.TRADE)
    make_licence(user, valid_until=None)
    run_job(START)
    assert Notification.objects.filter(recipient=user).count() == 0


def test_expiry_removes_the_right_to_publish_R_OPS_2_R_APP_4() -> None:
    client = signed_in_client(account_type=AccountType.TRADE)
    licence = make_licence(client.user, valid_until=START + timedelta(days=1))
    with freeze_time(f"{START.isoformat()} 10:00:00+08:00"):
        assert client.get("me/publish-permission").json()["can_publish"] is True
    assert "expired=0" in run_job(START + timedelta(days=1))  # the last valid day
    assert "expired=1" in run_job(START + timedelta(days=2))
    assert "expired=0" in run_job(START + timedelta(days=2))  # idempotent
    licence.refresh_from_db()
    assert licence.status == QualificationStatus.EXPIRED
    with freeze_time(f"{(START + timedelta(days=2)).isoformat()} 10:00:00+08:00"):
        body = client.get("me/publish-permission").json()
        mine = client.get("qualifications/mine").json()["items"][0]
    assert body["can_publish"] is False
    assert body["code"] == "qualification_expired"
    assert mine["status"] == "expired"
    assert Notification.objects.filter(dedupe_key=f"qual-expired-{licence.pk}").count() == 1


def test_expiry_takes_the_factory_out_of_the_directory_R_OPS_2_R_APP_3() -> None:
    owner = make_user(account_type=AccountType.FACTORY)
    profile = make_verified_factory(owner)
    licence = owner.qualifications.get()
    licence.valid_until = START
    licence.is_long_term = False
    licence.save()
    visitor = ApiClient()
    assert [item["id"] for item in visitor.get("discovery/factories").json()["items"]] == [profile.pk]
    run_job(START + timedelta(days=1))
    assert FactoryProfile.objects.get(pk=profile.pk).is_verified is False
    assert visitor.get("discovery/factories").json()["count"] == 0
    assert visitor.get(f"factories/{profile.pk}").status_code == 404


def test_operator_lists_R_OPS_2() -> None:
    today = START
    soon = make_licence(make_user(account_type=AccountType.TRADE), valid_until=today + timedelta(days=10))
    later = make_licence(make_user(account_type=AccountType.TRADE), valid_until=today + timedelta(days=90))
    expired = make_licence(
        make_user(account_type=AccountType.TRADE), status=QualificationStatus.EXPIRED, valid_until=today
    )
    assert list(selectors.expiring_within(30, today=today)) == [soon]
    assert set(selectors.rereview_list(today=today)) == {soon, expired}
    assert later not in selectors.rereview_list(today=today)
    with freeze_time(f"{today.isoformat()} 10:00:00+08:00"):
        from django.utils import timezone

        overdue = make_licence(
            make_user(account_type=AccountType.TRADE),
            status=QualificationStatus.PENDING,
            review_due_at=timezone.now() - timedelta(hours=1),
        )
        make_licence(make_user(account_type=AccountType.TRADE), status=QualificationStatus.PENDING)
        assert list(selectors.overdue_reviews()) == [overdue]


def test_a_renewed_licence_silences_the_old_one_R_OPS_2() -> None:
    client = signed_in_client(account_type=AccountType.TRADE)
    old = make_licence(client.user, valid_until=START + timedelta(days=5))
    type(old).objects.filter(pk=old.pk).update(
        reviewed_at=old.reviewed_at - timedelta(days=300), submitted_at=old.submitted_at - timedelta(days=300)
    )
    make_licence(client.user, valid_until=None)  # the renewal, approved later
    run_job(START)
    assert reminders_of(client.user) == []
    assert "expired=1" in run_job(START + timedelta(days=6))
    assert Notification.objects.filter(recipient=client.user).count() == 0
    assert client.get("me/publish-permission").json()["can_publish"] is True
    assert old not in selectors.rereview_list(today=START + timedelta(days=6))
