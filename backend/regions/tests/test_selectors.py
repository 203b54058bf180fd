"""Region reads other apps use: checks on submitted adcodes and "everything under this region"."""

from __future__ import annotations

import pytest

from common.errors import AppError
from regions import selectors
from regions.models import Region

pytestmark = pytest.mark.django_db


def test_valid_region_names_the_field() -> None:
    assert selectors.valid_region("440305").name == "南山区"
    with pytest.raises(AppError) as exc:
        selectors.valid_region("123", field="location.region")
    assert exc.value.detail[0]["field"] == "location.region"


def test_descendant_prefix_covers_everything_under_a_region() -> None:
    for adcode in ("440000", "440300", "500100", "429000"):
        region = selectors.get_region(adcode)
        prefix = selectors.descendant_adcode_prefix(region)
        under = set(Region.objects.filter(adcode__startswith=prefix).values_list("adcode", flat=True))
        # Walk the tree to compare against what the prefix claims.
        expected = {adcode}
        frontier = [adcode]
        while frontier:
            children = list(Region.objects.filter(parent_id__in=frontier).values_list("adcode", flat=True))
            expected.update(children)
            frontier = children
        if adcode == "500100":
            # A municipality's city shares its province's prefix; the province row itself is harmless
            # there (it is the same place).
            expected.add("500000")
        assert under == expected, adcode
