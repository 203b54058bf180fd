"""Reads of factories: the owner's profile, a factory's page and the directory (R-APP-3, R-APP-5)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from common.errors import NotFound
from factories.models import FactoryProfile
from regions.geo import EARTH_RADIUS_KM, bounding_box


def _with_relations(qs: QuerySet[FactoryProfile]) -> QuerySet[FactoryProfile]:
    from taxonomy.models import AttributeTag

    return qs.select_related("industry", "region").prefetch_related(
        "categories",
        Prefetch("attributes", queryset=AttributeTag.objects.select_related("group")),
        "photos",
    )


def my_factory(*, user: Any) -> FactoryProfile:
    profile = _with_relations(FactoryProfile.objects.filter(owner_id=getattr(user, "pk", None))).first()
    if profile is None:
        raise NotFound("尚未填写工厂入驻信息", code="factory_profile_missing")
    return profile


def get_factory_for(*, user: Any, factory_id: int) -> FactoryProfile:
    """A factory's page: verified factories for everyone, an unverified one for its owner only."""
    profile = _with_relations(FactoryProfile.objects.filter(pk=factory_id)).first()
    if profile is None:
        raise NotFound()
    is_owner = user is not None and profile.owner_id == getattr(user, "pk", None)
    if not profile.is_verified and not is_owner:
        raise NotFound()
    return profile


def region_prefix(adcode: str) -> str:
    """The adcode prefix of a province, city or district and everything under it."""
    from regions.selectors import descendant_adcode_prefix, valid_region

    return descendant_adcode_prefix(valid_region((adcode or "").strip(), field="region"))


@dataclass(frozen=True)
class DirectoryFilter:
    industry_id: int | None = None
    category_id: int | None = None
    region: str | None = None
    attribute_ids: list[int] = field(default_factory=list)
    keyword: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    within_km: float | None = None
    sort: str = "deals"  # "deals" (接单量) or "distance"


def _distance_km(latitude: float, longitude: float) -> Any:
    """Great-circle distance (haversine) from the given point, as an SQL expression."""
    lat0 = math.radians(latitude)
    lon0 = math.radians(longitude)
    dlat = Radians(F("latitude")) - Value(lat0)
    dlon = Radians(F("longitude")) - Value(lon0)
    a = Power(Sin(dlat / 2), 2) + Value(math.cos(lat0)) * Cos(Radians(F("latitude"))) * Power(Sin(dlon / 2), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def directory(filters: DirectoryFilter) -> QuerySet[FactoryProfile]:
    """Verified factories matching every filter. Tags: a factory must carry all requested ones."""
    qs = FactoryProfile.objects.filter(is_verified=True, owner__is_active=True, owner__deleted_at__isnull=True)
    qs = qs.exclude(owner__status="disabled")
    if filters.industry_id:
        qs = qs.filter(industry_id=filters.industry_id)
    if filters.category_id:
        qs = qs.filter(
            Exists(
                FactoryProfile.categories.through.objects.filter(
                    factoryprofile_id=OuterRef("pk"), categorytag_id=filters.category_id
                )
            )
        )
    if filters.region:
        qs = qs.filter(region__adcode__startswith=region_prefix(filters.region))
    for tag_id in dict.fromkeys(filters.attribute_ids):
        qs = qs.filter(
            Exists(
                FactoryProfile.attributes.through.objects.filter(
                    factoryprofile_id=OuterRef("pk"), attributetag_id=tag_id
                )
            )
        )
    if filters.keyword:
        word = filters.keyword.strip()
        qs = qs.filter(Q(name__icontains=word) | Q(main_products__icontains=word))
    has_point = filters.latitude is not None and filters.longitude is not None
    if has_point:
        assert filters.latitude is not None and filters.longitude is not None
        if filters.within_km:
            # A bounding box first (plain comparisons) limits the rows the trigonometry runs on.
            min_lat, max_lat, min_lon, max_lon = bounding_box(filters.latitude, filters.longitude, filters.within_km)
            qs = qs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
        qs = qs.annotate(distance_km=_distance_km(filters.latitude, filters.longitude))
        if filters.within_km:
            qs = qs.filter(distance_km__lte=filters.within_km)
    else:
        qs = qs.annotate(distance_km=Value(None, output_field=FloatField()))
    if filters.sort == "distance" and has_point:
        qs = qs.order_by(F("distance_km").asc(nulls_last=True), "-completed_deals", "-id")
    else:
        qs = qs.order_by("-completed_deals", "-verified_at", "-id")
    return _with_relations(qs)
