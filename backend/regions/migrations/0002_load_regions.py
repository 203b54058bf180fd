"""Loads China's provinces, cities and districts (adcode, name, coordinate) from the table shipped in
``regions/data/adcodes.csv`` (source and licence in ``regions/data/README.md``), so every database
(test databases included) has them. Shaping rules:
- ``xxxx01 市辖区`` rows are placeholders with no coordinate and no children: skipped.
- Municipalities (北京 / 天津 / 上海 / 重庆) have one city row named after the municipality; 重庆's
  separate ``500200 县`` row is folded into it, so a municipality always has exactly one city.
- ``省直辖县级行政区划`` rows keep their adcode under a clearer name (省直辖县级市); their children
  are cities in their own right, so their ``city_name`` is their own name.
- Rows without a coordinate take the mean of their children's, else their parent's.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.db import migrations

MUNICIPALITIES = {"11", "12", "31", "50"}
FOLDED_CITIES = {"500200": "500100"}  # 重庆 "县" → 重庆市
DIRECT_COUNTY_PLACEHOLDERS = {"省直辖县级行政区划": "省直辖县级市", "自治区直辖县级行政区划": "自治区直辖县级市"}


ADCODES_CSV = Path(__file__).resolve().parent.parent / "data" / "adcodes.csv"


def _level(code: str) -> int:
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    return 3


def _coord(value: str) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def read_rows() -> dict[str, dict[str, Any]]:
    with ADCODES_CSV.open(encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    rows: dict[str, dict[str, Any]] = {}
    for record in raw:
        code = record["adcode"]
        name = record["name"].strip()
        if code in FOLDED_CITIES:
            continue
        if _level(code) == 3 and name == "市辖区":
            continue
        rows[code] = {
            "adcode": code,
            "name": name,
            "level": _level(code),
            "lon": _coord(record["longitude"]),
            "lat": _coord(record["latitude"]),
        }

    for code, row in rows.items():
        level = row["level"]
        if level == 2:
            row["parent"] = code[:2] + "0000"
        elif level == 3:
            city = code[:4] + "00"
            row["parent"] = FOLDED_CITIES.get(city, city)
        else:
            row["parent"] = None
        if row["parent"] is not None and row["parent"] not in rows:
            raise RuntimeError(f"region {code} has no parent row {row['parent']}")

    for code, row in rows.items():
        if row["level"] == 2 and code[:2] in MUNICIPALITIES:
            row["name"] = rows[code[:2] + "0000"]["name"]
        elif row["level"] == 2 and row["name"] in DIRECT_COUNTY_PLACEHOLDERS:
            row["name"] = DIRECT_COUNTY_PLACEHOLDERS[row["name"]]
            row["direct_counties"] = True

    # Fill missing coordinates: first from children (placeholder cities), then from the parent.
    children: dict[str, list[dict[str, Any]]] = {}
    for row in rows.values():
        if row["parent"]:
            children.setdefault(row["parent"], []).append(row)
    for code, row in rows.items():
        if row["lat"] is None:
            located = [c for c in children.get(code, []) if c["lat"] is not None]
            if located:
                row["lat"] = round(sum(c["lat"] for c in located) / len(located), 6)
                row["lon"] = round(sum(c["lon"] for c in located) / len(located), 6)
    for level in (2, 3):
        for row in rows.values():
            if row["level"] == level and row["lat"] is None:
                parent = rows[row["parent"]]
                row["lat"], row["lon"] = parent["lat"], parent["lon"]

    for row in rows.values():
        if row["level"] == 1:
            row["province_name"], row["city_name"] = row["name"], ""
        elif row["level"] == 2:
            row["province_name"], row["city_name"] = rows[row["parent"]]["name"], row["name"]
        else:
            city = rows[row["parent"]]
            row["province_name"] = rows[city["parent"]]["name"]
            row["city_name"] = row["name"] if city.get("direct_counties") else city["name"]
    return rows


def load(apps: Any, schema_editor: Any) -> None:
    Region = apps.get_model("regions", "Region")
    rows = read_rows()
    existing = set(Region.objects.values_list("adcode", flat=True))
    # Parents first, so every parent_id points at a row that is already there.
    for level in (1, 2, 3):
        Region.objects.bulk_create(
            [
                Region(
                    adcode=row["adcode"],
                    name=row["name"],
                    level=level,
                    parent_id=row["parent"],
                    province_name=row["province_name"],
                    city_name=row["city_name"],
                    latitude=row["lat"],
                    longitude=row["lon"],
                )
                for row in sorted(rows.values(), key=lambda r: r["adcode"])
                if row["level"] == level and row["adcode"] not in existing
            ],
            batch_size=500,
        )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
