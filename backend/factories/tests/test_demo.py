"""Demo factories (R-APP-3, R-FLOW-1): realistic, verified, valid credit codes, idempotent."""

from __future__ import annotations

import pytest

from common.testing import ApiClient
from factories.demo import DEMO_FACTORIES, load_demo_factories
from factories.models import FactoryProfile
from taxonomy.models import Industry
from verification.models import Qualification, QualificationStatus
from verification.validators import is_valid_uscc

pytestmark = pytest.mark.django_db


def test_demo_factories_are_verified_listed_and_loaded_once_R_APP_3() -> None:
    assert len(DEMO_FACTORIES) >= 30
    assert load_demo_factories() == 30
    assert load_demo_factories() == 0
    assert FactoryProfile.objects.count() == 30
    # Asking for all of them adds only the missing ones.
    assert load_demo_factories(count=len(DEMO_FACTORIES)) == len(DEMO_FACTORIES) - 30

    licences = Qualification.objects.filter(status=QualificationStatus.APPROVED)
    assert licences.count() == len(DEMO_FACTORIES)
    assert all(is_valid_uscc(q.credit_code) for q in licences)
    assert set(FactoryProfile.objects.values_list("industry_id", flat=True)) == set(
        Industry.objects.values_list("pk", flat=True)
    )
    provinces = {p.region_id[:2] for p in FactoryProfile.objects.all()}
    assert {"33", "44", "32", "35", "37", "13", "41"} <= provinces
    assert all(p.owner.phone.startswith("1390000") for p in FactoryProfile.objects.select_related("owner"))

    listing = ApiClient().get("discovery/factories", {"page_size": 100}).json()
    assert listing["count"] == len(DEMO_FACTORIES)
    assert all(item["is_verified"] and item["categories"] for item in listing["items"])
