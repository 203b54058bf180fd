"""Review within 1 Chinese working day, holidays and make-up workdays counted (R-FLOW-1)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from accounts.models import AccountType
from accounts.tests.factories import signed_in_client
from verification.tests.factories import licence_payload
from verification.workdays import is_working_day, next_working_day, review_due_at

SHANGHAI = ZoneInfo("Asia/Shanghai")


def end_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=SHANGHAI)


def submit_at(moment: str) -> datetime:
    with freeze_time(moment):
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.post("qualifications/licence", licence_payload(client.user))
        assert response.status_code == 201, response
        return datetime.fromisoformat(response.json()["review_due_at"])


@pytest.mark.django_db
class TestDueDateThroughTheApi:
    def test_before_national_day_it_is_due_after_the_holiday_R_FLOW_1(self) -> None:
        # 2026-10-01..07 is the 国庆 holiday; the 30th of September is a Wednesday.
        assert submit_at("2026-09-30 10:00:00+08:00") == end_of(date(2026, 10, 8))

    def test_friday_is_due_on_monday_R_FLOW_1(self) -> None:
        assert submit_at("2026-11-06 16:30:00+08:00") == end_of(date(2026, 11, 9))

    def test_make_up_saturday_counts_as_a_working_day_R_FLOW_1(self) -> None:
        # Saturday 2026-10-10 is a 调休 working day after 国庆, so Friday's submission is due then.
        assert submit_at("2026-10-09 09:00:00+08:00") == end_of(date(2026, 10, 10))

    def test_china_date_decides_not_utc_R_FLOW_1(self) -> None:
        # 2026-11-05 23:30 in China is still Thursday there (15:30 UTC): due Friday, not Monday.
        assert submit_at("2026-11-05 15:30:00+00:00") == end_of(date(2026, 11, 6))


class TestCalendar:
    def test_spring_festival_and_its_make_up_days_R_FLOW_1(self) -> None:
        # 2026: 春节 holiday 2-15..2-23; Saturday 2-14 and 2-28 are make-up workdays.
        assert is_working_day(date(2026, 2, 14))
        assert not is_working_day(date(2026, 2, 16))
        assert next_working_day(date(2026, 2, 14)) == date(2026, 2, 24)

    def test_sunday_make_up_before_mid_autumn_R_FLOW_1(self) -> None:
        assert is_working_day(date(2026, 9, 20))  # Sunday, 调休上班
        assert next_working_day(date(2026, 9, 19)) == date(2026, 9, 20)
        # 中秋 2026-09-25..27 (Fri-Sun): Thursday's submission is due Monday.
        assert next_working_day(date(2026, 9, 24)) == date(2026, 9, 28)

    def test_years_not_yet_published_fall_back_to_weekdays_R_FLOW_1(self) -> None:
        friday = date(2031, 3, 7)
        assert friday.weekday() == 4
        assert next_working_day(friday) == date(2031, 3, 10)

    def test_due_time_is_end_of_day_in_china_R_FLOW_1(self) -> None:
        due = review_due_at(datetime(2026, 9, 30, 2, 0, tzinfo=ZoneInfo("UTC")))
        assert due == end_of(date(2026, 10, 8))
