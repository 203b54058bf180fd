"""Distance helpers used for "nearby" sorting and radius filters."""

from __future__ import annotations

import pytest

from regions.geo import bounding_box, distance_km

SHENZHEN = (22.543527, 114.057939)
GUANGZHOU = (23.129163, 113.264435)
BEIJING = (39.904211, 116.407394)


def test_distance_between_known_cities() -> None:
    assert distance_km(*SHENZHEN, *SHENZHEN) == 0
    assert distance_km(*SHENZHEN, *GUANGZHOU) == pytest.approx(104, abs=3)
    assert distance_km(*SHENZHEN, *BEIJING) == pytest.approx(1943, abs=15)
    assert distance_km(*SHENZHEN, *BEIJING) == pytest.approx(distance_km(*BEIJING, *SHENZHEN))


def test_bounding_box_contains_every_point_within_radius() -> None:
    lat, lon = BEIJING
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, 50)
    assert min_lat < lat < max_lat and min_lon < lon < max_lon
    # Points exactly 50 km north, south, east and west lie inside (on) the box.
    assert distance_km(lat, lon, max_lat, lon) == pytest.approx(50, abs=0.01)
    assert distance_km(lat, lon, lat, max_lon) >= 50
    assert distance_km(lat, lon, lat, min_lon) >= 50
    # Guangzhou is far outside a 50 km box around Beijing, Shenzhen inside a 120 km box around Guangzhou.
    assert not (min_lat <= GUANGZHOU[0] <= max_lat)
    g = bounding_box(*GUANGZHOU, 120)
    assert g[0] <= SHENZHEN[0] <= g[1] and g[2] <= SHENZHEN[1] <= g[3]


def test_bounding_box_edge_cases() -> None:
    assert bounding_box(89.9, 0, 100)[2:] == (-180.0, 180.0)
    assert bounding_box(10, 20, 0) == (10, 10, 20, 20)
    with pytest.raises(ValueError):
        bounding_box(10, 20, -1)
