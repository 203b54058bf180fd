"""The embedded run's demo applications, complaint and feedback load once (R-ROLE-3, R-OPS-4)."""

from __future__ import annotations

import pytest

from accounts.models import AccountType
from accounts.tests.factories import make_staff, make_user
from applications.demo import load_demo_applications
from applications.models import Application
from applications.tests.factories import labour_post
from support.demo import load_demo_support
from support.models import Complaint, Feedback

pytestmark = pytest.mark.django_db


def test_demo_loaders_are_idempotent_R_ROLE_3_R_OPS_4() -> None:
    worker = make_user(account_type=AccountType.WORKER, username="demo_13800000003", display_name="张师傅")
    operator = make_staff(groups=("客服",))
    operator.username = "support"  # the demo support operator made by seed_demo
    operator.save(update_fields=["username"])
    first, second = labour_post(), labour_post()

    assert load_demo_applications() == 2
    assert load_demo_support() == 2
    assert load_demo_applications() == 0
    assert load_demo_support() == 0

    statuses = dict(Application.objects.filter(worker=worker).values_list("post_id", "status"))
    assert statuses == {first.pk: "contacted", second.pk: "new"}
    assert Feedback.objects.get(user=worker).status == "replied"
    assert Complaint.objects.get(complainant=worker).status == "submitted"
