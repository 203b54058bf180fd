"""Plain geometry on latitude/longitude, for distance sorting and "within N km" filters."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius; errors of ~0.5% are irrelevant at city scale
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """``(min_lat, max_lat, min_lon, max_lon)`` of a box containing every point within ``km``.

    Meant as a cheap index-friendly pre-filter before the exact ``distance_km`` check; it is slightly
    larger than the circle, never smaller.
    """
    if km < 0:
        raise ValueError("km must not be negative")
    d_lat = km / KM_PER_DEGREE_LAT
    min_lat, max_lat = max(-90.0, lat - d_lat), min(90.0, lat + d_lat)
    # Longitude degrees shrink towards the poles; use the latitude where they are narrowest in the box.
    widest_lat = max(abs(min_lat), abs(max_lat))
    cos_lat = math.cos(math.radians(widest_lat))
    if cos_lat < 1e-9 or km / (KM_PER_DEGREE_LAT * cos_lat) >= 180:
        return min_lat, max_lat, -180.0, 180.0
    d_lon = km / (KM_PER_DEGREE_LAT * cos_lat)
    return min_lat, max_lat, lon - d_lon, lon + d_lon
