"""The subscription-message list stays one fixed number of queries however many templates the app
offers and the user has granted (R-APP-6)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.tests.factories import make_user, signed_in_client
from notifications.tests.factories import make_notification

pytestmark = pytest.mark.django_db

BOUND = 2  # the token, then every grant of the user in one read


def _offer_and_grant(settings: Any, clients: list[Any], n: int) -> list[str]:
    """The app offers ``n`` templates; every client taps 「允许」 on each of them once."""
    purposes = [f"purpose_{i}" for i in range(n)]
    settings.WECHAT_SUBSCRIBE_TEMPLATES = {p: f"tpl-{p}" for p in purposes}
    for client in clients:
        for start in range(0, n, 10):  # wx.requestSubscribeMessage asks for at most a few at a time
            granted = client.post("notifications/subscriptions", {"purposes": purposes[start : start + 10]})
            assert granted.status_code == 200, granted
        make_notification(recipient=client.user)
    return purposes


def _remaining(django_assert_max_num_queries: Any, client: Any) -> tuple[dict[str, int], int]:
    with django_assert_max_num_queries(BOUND) as captured:
        response = client.get("notifications/subscriptions")
    assert response.status_code == 200, response
    return {item["purpose"]: item["remaining"] for item in response.json()}, len(captured.captured_queries)


def test_subscription_list_query_count_does_not_grow_with_templates_or_grants_R_APP_6(
    settings: Any, django_assert_max_num_queries: Any
) -> None:
    me = signed_in_client(make_user(account_type="factory"))
    other = signed_in_client(make_user(account_type="trade"))

    few_purposes = _offer_and_grant(settings, [me, other], 3)
    few, few_count = _remaining(django_assert_max_num_queries, me)
    assert few == dict.fromkeys(few_purposes, 1)

    many_purposes = _offer_and_grant(settings, [me, other, me], 30)
    many, many_count = _remaining(django_assert_max_num_queries, me)
    assert many == {p: (3 if p in few_purposes else 2) for p in many_purposes}
    assert many_count == few_count, f"{few_count} queries for 3 templates but {many_count} for 30"
