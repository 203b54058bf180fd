"""Query plans of ranking factories for a demand on PostgreSQL (issue #13): at a size that fits CI (4,000
factories over the categories of one industry, fresh statistics), the candidate query reads one range of
a ranking index — the demand's category, or its industry for the rest — and never scans the factories
or all ranking rows sequentially.

The plans are PostgreSQL's: on SQLite these tests skip, and CI (``CI=true``, which runs on PostgreSQL)
fails them instead, as the board plan tests do (``discovery/tests/test_query_plans.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import User
from common.management.commands.refresh_statistics import refresh_statistics
from common.testing import require_postgres, shared_by_module
from factories.models import FactoryProfile
from matching import matchers, ranking
from matching.services import refresh_all_factory_ranks
from regions.models import Region
from search.tests.factories import NINGBO_YINZHOU
from taxonomy.models import AttributeTag, CategoryTag, Industry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres_only")]

FACTORIES = 4_000


@pytest.fixture(scope="module")
def many_factories(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """4,000 verified factories of 日用百货 scattered over China, each with two of its categories and
    some attributes, ranking rows written by the refresh the hourly job runs."""
    require_postgres()
    with shared_by_module(django_db_blocker):
        rng = random.Random(13)
        industry = Industry.objects.get(code="daily_goods")
        categories = list(CategoryTag.objects.filter(industry=industry).values_list("pk", flat=True))
        attributes = list(AttributeTag.objects.values_list("pk", flat=True))
        region = Region.objects.get(pk=NINGBO_YINZHOU)
        owners = User.objects.bulk_create(
            [User(username=f"plan_f{i}", account_type="factory", password="!") for i in range(FACTORIES)]
        )
        factories = FactoryProfile.objects.bulk_create(
            [
                FactoryProfile(
                    owner=owner,
                    name=f"工厂{i}",
                    industry=industry,
                    region=region,
                    address="工业园区 8 号",
                    latitude=rng.uniform(22, 40),
                    longitude=rng.uniform(105, 122),
                    main_products="保温杯",
                    contact_name="王厂长",
                    is_verified=rng.random() < 0.9,
                )
                for i, owner in enumerate(owners)
            ]
        )
        FactoryProfile.categories.through.objects.bulk_create(
            [
                FactoryProfile.categories.through(factoryprofile_id=f.pk, categorytag_id=c)
                for f in factories
                for c in rng.sample(categories, k=min(2, len(categories)))
            ]
        )
        FactoryProfile.attributes.through.objects.bulk_create(
            [
                FactoryProfile.attributes.through(factoryprofile_id=f.pk, attributetag_id=a)
                for f in factories
                for a in rng.sample(attributes, k=2)
            ]
        )
        refresh_all_factory_ranks()
        refresh_statistics()
        yield


def _plan(demand: matchers.Demand, *, same_category: bool, at_least: float | None = None) -> str:
    sql, params = ranking.candidate_sql(
        demand, exclude_owner_id=0, same_category=same_category, limit=40, at_least=at_least
    )
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _demand() -> matchers.Demand:
    category = CategoryTag.objects.get(name="保温杯")
    return matchers.Demand(
        owner_id=0,
        category_id=category.pk,
        industry_id=category.industry_id,
        quantity=Decimal(2000),
        delivery_date=timezone.localdate() + timedelta(days=10),
        sample_required=True,
        latitude=29.83,
        longitude=121.55,
    )


def _assert_reads_one_index_range(plan: str, index: str) -> None:
    assert any(
        f"{scan} {index}" in plan for scan in ("Index Only Scan using", "Index Scan using", "Bitmap Index Scan on")
    ), plan
    assert "Seq Scan" not in plan, plan
    assert "factories_factoryprofile" not in plan, plan


def test_candidates_of_a_category_are_one_range_of_its_ranking_index_issue_13(many_factories) -> None:
    """Issue #13: the demand's category is one range of ``factory_rank_category_idx`` (index-only: every
    ranked feature is in the index), with no sequential scan of factories or ranking rows."""
    _assert_reads_one_index_range(_plan(_demand(), same_category=True), "factory_rank_category_idx")


def test_the_rest_of_the_industry_is_one_range_of_its_ranking_index_issue_13(many_factories) -> None:
    """Issue #13: the industry's other factories, when the category's 20th best can still be beaten,
    are one range of ``factory_rank_industry_idx``, each checked against the category by an index."""
    plan = _plan(_demand(), same_category=False, at_least=60)
    _assert_reads_one_index_range(plan, "factory_rank_industry_idx")
