"""Applications keep their records readable for both parties, but a disabled account shows as
已停用用户 without its live name or phone (issue #10 item 3, R-ROLE-3, R-OPS-2)."""

from __future__ import annotations

import pytest

from accounts.models import AccountStatus, User
from applications.tests.factories import applied, factory_client, labour_post, worker_client

pytestmark = pytest.mark.django_db


def test_a_disabled_applicant_shows_as_disabled_without_phone_R_ROLE_3() -> None:
    post = labour_post()
    factory = factory_client(post)
    worker = worker_client(name="王师傅", phone="13912345678")
    applied(worker, post)
    User.objects.filter(pk=worker.user.pk).update(status=AccountStatus.DISABLED)
    row = factory.get(f"applications/for-post/{post.pk}").json()["items"][0]
    assert (row["applicant_name"], row["phone"]) == ("已停用用户", None)


def test_the_factory_of_a_disabled_account_shows_as_disabled_in_my_applications_R_ROLE_3() -> None:
    post = labour_post()
    worker = worker_client(name="李师傅")
    applied(worker, post)
    before = worker.get("applications/mine").json()["items"][0]["factory"]["name"]
    assert before.endswith("不锈钢制品厂")
    User.objects.filter(pk=post.owner_id).update(status=AccountStatus.DISABLED)
    assert worker.get("applications/mine").json()["items"][0]["factory"]["name"] == "已停用用户"
