"""Reads of the administrative divisions: a level of the cascade picker, one region, its path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from django.db.models import QuerySet

from common.errors import NotFound, field_error
from common.presentation import Decorated
from regions.models import Region, RegionLevel

MUNICIPALITY_PREFIXES = frozenset({"11", "12", "31", "50"})

_by_adcode: dict[str, Region] = {}  # the process's regions read so far (the table is read-only: regions.admin)


def regions_by_adcode(adcodes: Iterable[str | None]) -> dict[str, Region]:
    """Regions by adcode, kept in the process once read (issue #13: list cards take their region from here
    rather than from one more join a page). The table only changes by migration. Rows read from here
    are shared: read only."""
    keys = {code for code in adcodes if code}
    missing = keys - _by_adcode.keys()
    if missing:
        _by_adcode.update(Region.objects.in_bulk(missing))
    return {code: _by_adcode[code] for code in keys if code in _by_adcode}


def forget_read_regions() -> None:
    """For tests, whose transactions may create a region and roll it back."""
    _by_adcode.clear()


def children_of(parent_adcode: str | None) -> QuerySet[Region]:
    """Provinces when ``parent_adcode`` is None, else the direct children of that region (by adcode).

    Raises NotFound for an adcode that does not exist, so a typo is not mistaken for "no children".
    """
    if parent_adcode is None:
        return Region.objects.filter(level=RegionLevel.PROVINCE).order_by("adcode")
    if not Region.objects.filter(adcode=parent_adcode).exists():
        raise NotFound("地区不存在")
    return Region.objects.filter(parent_id=parent_adcode).order_by("adcode")


def get_region(adcode: str) -> Region:
    region = Region.objects.filter(adcode=adcode).first()
    if region is None:
        raise NotFound("地区不存在")
    return region


def region_path(adcode: str) -> list[Region]:
    """The region and its ancestors, province first (at most three rows, one query)."""
    region = get_region(adcode)
    # adcodes encode the hierarchy (PP CC DD), so every possible ancestor is known without walking.
    ancestors = {adcode[:2] + "0000", adcode[:4] + "00"}
    if region.parent_id:
        ancestors.add(region.parent_id)
    found = {r.adcode: r for r in Region.objects.filter(adcode__in=ancestors - {adcode})}
    path = [region]
    current = region
    while current.parent_id:
        parent = found.get(current.parent_id)
        if parent is None:
            parent = Region.objects.get(adcode=current.parent_id)
        path.append(parent)
        current = parent
    return list(reversed(path))


def valid_region(adcode: str | None, *, field: str = "region_adcode") -> Region:
    """For forms of other apps: the chosen region, or a field error naming ``field``."""
    region = Region.objects.filter(adcode=adcode).first() if adcode else None
    if region is None:
        raise field_error(field, "invalid_choice", "请选择有效的地区")
    return region


def region_prefix(adcode: str | None, *, field: str = "region") -> str:
    """The one "in this region" rule of every list filter and matcher: the adcode prefix of a region and
    everything the regions table places under it. An adcode not in the table is a field error
    (422 ``validation_error``) naming ``field``."""
    return descendant_adcode_prefix(valid_region((adcode or "").strip(), field=field))


def descendant_adcode_prefix(region: Region) -> str:
    """The adcode prefix shared by a region and everything under it: a province → 2 digits, a
    prefecture-level unit → 4, a county → all 6. A municipality's one city (e.g. 500100 重庆市) holds every
    district and county of it, including 重庆's counties (5002xx), so it shares the province's 2 digits."""
    if region.level == RegionLevel.PROVINCE:
        return region.adcode[:2]
    if region.level == RegionLevel.CITY:
        return region.adcode[:2] if region.adcode[:2] in MUNICIPALITY_PREFIXES else region.adcode[:4]
    return region.adcode


@dataclass(frozen=True, eq=False)
class RegionDetail(Decorated):
    """A region with its path from the province down to it (``GET /api/regions/{adcode}``)."""

    wraps: ClassVar[str] = "region"

    region: Region
    path: list[Region]


def region_detail(adcode: str) -> RegionDetail:
    path = region_path(adcode)
    return RegionDetail(region=path[-1], path=path)
