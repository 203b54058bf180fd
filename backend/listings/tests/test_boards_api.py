"""GET /api/boards: the board definitions the client reads (issue #10), cacheable with an ETag."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_boards_lists_every_kind_with_labels_publisher_sorts_and_filters_R_BOARD_1(api) -> None:
    response = api.get("/api/boards")
    assert response.status_code == 200
    boards = {b["kind"]: b for b in response.json()}
    assert list(boards) == ["procurement", "stock", "labour", "processing_demand", "processing_service"]
    assert boards["procurement"]["publisher_account_type"] == "trade"
    assert boards["stock"]["board_name"] == "库存信息" and boards["stock"]["label"] == "库存"
    assert [s["key"] for s in boards["labour"]["sorts"]] == ["newest", "wage", "nearest"]
    assert {f["name"] for f in boards["labour"]["filters"]} >= {"job_type", "region", "meals", "housing"}
    grade = next(f for f in boards["stock"]["filters"] if f["name"] == "grade")
    assert [o["value"] for o in grade["options"]] == ["A", "B", "C"]
    assert boards["labour"]["accepts_applications"] and not boards["stock"]["accepts_applications"]
    # Issue #15: the role each board is shown to first (a worker's home is jobs first), and the wage unit filter.
    assert boards["labour"]["recommended_to"] == ["worker"]
    assert boards["stock"]["recommended_to"] == ["trade"]
    wage_unit = next(f for f in boards["labour"]["filters"] if f["name"] == "wage_unit")
    assert [(o["value"], o["label"]) for o in wage_unit["options"]] == [
        ("hour", "时薪"), ("day", "日薪"), ("piece", "计件"), ("month", "月薪")
    ]
    assert {boards[k]["group"] for k in ("processing_demand", "processing_service")} == {"processing"}
    assert next(s for s in boards["stock"]["sorts"] if s["key"] == "nearest")["needs_location"] is True


def test_boards_answer_304_to_a_matching_etag(api) -> None:
    first = api.get("/api/boards")
    etag = first.headers["ETag"]
    assert etag and first.headers["Cache-Control"] == "no-cache"
    assert api.get("/api/boards", headers={"If-None-Match": etag}).status_code == 304
    assert api.get("/api/boards", headers={"If-None-Match": 'W/"boards-stale"'}).status_code == 200


def test_every_sort_and_filter_a_board_offers_is_accepted_by_its_list_R_BOARD_1(api) -> None:
    """What the definitions promise, the board list accepts (no 422 for an advertised sort or filter)."""
    samples = {"region": "330212", "boolean": "true", "select": None, "number": "1"}
    for board in api.get("/api/boards").json():
        for sort in board["sorts"]:
            query = {"sort": sort["key"], **({"lat": 29.8, "lng": 121.5} if sort["needs_location"] else {})}
            assert api.get(f"/api/discovery/{board['kind']}", query).status_code == 200, (board["kind"], sort)
        for f in board["filters"]:
            value = f["options"][0]["value"] if f["options"] else samples.get(f["type"], "1")
            response = api.get(f"/api/discovery/{board['kind']}", {f["name"]: value})
            assert response.status_code == 200, (board["kind"], f, response.content)
