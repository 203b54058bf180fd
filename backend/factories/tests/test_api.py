"""Factory onboarding and a factory's page (R-FLOW-1, R-TAX-1..3, R-APP-5, R-PLUS-4); the directory's tests are in
``discovery/tests/test_directory.py``."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from common.testing import ApiClient
from factories.models import FactoryProfile
from factories.tests.factories import make_verified_factory, profile_payload
from taxonomy.tests.factories import category
from uploads.models import FilePurpose
from uploads.tests.factories import make_stored_file
from verification.tests.factories import make_licence

pytestmark = pytest.mark.django_db


def error_fields(response: Any) -> list[str]:
    return [item["field"] for item in response.json()["detail"]]


class TestOnboarding:
    def test_factory_fills_its_profile_R_FLOW_1_R_TAX_2(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        photo = make_stored_file(owner=client.user, purpose=FilePurpose.FACTORY_PHOTO)
        response = client.put("factories/mine", profile_payload(client.user, photo_ids=[str(photo.pk)]))
        assert response.status_code == 200, response
        body = response.json()
        assert body["industry"]["name"] == "日用百货制造"
        assert [c["name"] for c in body["categories"]] == ["保温杯", "餐具"]
        assert {a["code"] for a in body["attributes"]} == {"production", "urgent_orders"}
        assert body["region"]["full_name"] == "浙江省宁波市鄞州区"
        # No map pick: the district's coordinates.
        assert body["latitude"] == pytest.approx(29.8165, abs=0.01)
        assert body["longitude"] == pytest.approx(121.5466, abs=0.01)
        assert body["contact_phone"] == "13957400001"  # the owner sees it in full
        assert body["is_owner"] is True
        assert body["is_verified"] is False
        assert body["photos"][0]["url"].startswith(f"/api/files/{photo.pk}")
        assert client.get("factories/mine").json()["id"] == body["id"]

    def test_second_save_updates_the_same_profile_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        first = client.put("factories/mine", profile_payload(client.user)).json()
        second = client.put(
            "factories/mine",
            profile_payload(
                client.user, name="宁波恒达保温杯厂", category_ids=[category("厨具").pk], latitude=29.9, longitude=121.6
            ),
        ).json()
        assert second["id"] == first["id"]
        assert second["name"] == "宁波恒达保温杯厂"
        assert [c["name"] for c in second["categories"]] == ["厨具"]
        assert second["latitude"] == 29.9
        assert FactoryProfile.objects.count() == 1

    def test_category_of_another_industry_is_refused_R_TAX_2(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        mould = category("注塑模具", industry_code="mould")
        response = client.put(
            "factories/mine", profile_payload(client.user, category_ids=[category("保温杯").pk, mould.pk])
        )
        assert response.status_code == 422
        assert error_fields(response) == ["category_ids"]
        assert "日用百货制造" in response.json()["message"]
        assert not FactoryProfile.objects.exists()

    def test_at_least_one_category_R_TAX_2(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.put("factories/mine", profile_payload(client.user, category_ids=[]))
        assert response.status_code == 422
        assert response.json()["detail"][0] == {
            "field": "category_ids",
            "rule": "required",
            "message": "请至少选择一个二级品类",
        }

    @pytest.mark.parametrize(
        ("overrides", "field", "rule"),
        [
            ({"industry_id": 999999}, "industry_id", "invalid_choice"),
            ({"attribute_ids": [999999]}, "attribute_ids", "invalid_choice"),
            ({"region_adcode": "330000"}, "region_adcode", "level"),  # a province is too coarse
            ({"region_adcode": "999999"}, "region_adcode", "not_found"),
            ({"contact_phone": "12345"}, "contact_phone", "phone_format"),
            ({"name": " "}, "name", "required"),
            ({"latitude": 29.8, "longitude": None}, "latitude", "pair"),
            ({"latitude": 121.5, "longitude": 29.8}, "latitude", "range"),  # swapped
        ],
    )
    def test_each_rule_names_its_field_R_FLOW_1(self, overrides: dict[str, Any], field: str, rule: str) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.put("factories/mine", profile_payload(client.user, **overrides))
        assert response.status_code == 422, response
        detail = response.json()["detail"][0]
        assert (detail["field"], detail["rule"]) == (field, rule)

    def test_city_level_region_and_landline_are_fine_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.put(
            "factories/mine", profile_payload(client.user, region_adcode="441900", contact_phone="0769-85551234")
        )
        assert response.status_code == 200, response
        assert response.json()["region"]["name"] == "东莞市"

    def test_a_profile_needs_a_workshop_photo_issue_15_item_3(self) -> None:
        """Issue #15 item 3: a factory page without a look inside is refused, naming the field; with one,
        the directory card carries it as its cover."""
        client = signed_in_client(account_type=AccountType.FACTORY)
        refused = client.put("factories/mine", profile_payload())
        assert (refused.status_code, error_fields(refused)) == (422, ["photo_ids"])
        assert refused.json()["detail"][0]["message"] == "请至少上传 1 张车间照片"
        saved = client.put("factories/mine", profile_payload(client.user))
        assert saved.status_code == 200, saved
        photo = saved.json()["photos"][0]
        assert saved.json()["cover_url"] == photo["thumbnail_url"]

    def test_photos_must_be_own_factory_photos_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        other = make_stored_file(owner=make_user(), purpose=FilePurpose.FACTORY_PHOTO)
        response = client.put("factories/mine", profile_payload(client.user, photo_ids=[str(other.pk)]))
        assert response.status_code == 422
        assert error_fields(response) == ["photo_ids"]

    def test_only_factories_onboard_R_ROLE_2(self) -> None:
        for account_type in (AccountType.TRADE, AccountType.WORKER):
            client = signed_in_client(account_type=account_type)
            assert client.put("factories/mine", profile_payload(client.user)).status_code == 403
            assert client.get("factories/mine").status_code == 403

    def test_mine_before_onboarding_is_404_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        response = client.get("factories/mine")
        assert response.status_code == 404
        assert response.json()["code"] == "factory_profile_missing"

    def test_verified_cannot_be_set_by_the_client_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        body = client.put(
            "factories/mine", {**profile_payload(client.user), "is_verified": True, "completed_deals": 999}
        ).json()
        assert body["is_verified"] is False
        assert body["completed_deals"] == 0

    def test_profile_created_after_approval_is_verified_R_FLOW_1(self) -> None:
        client = signed_in_client(account_type=AccountType.FACTORY)
        licence = make_licence(client.user)
        body = client.put("factories/mine", profile_payload(client.user)).json()
        assert body["is_verified"] is True
        assert body["verified_at"] is not None
        assert licence.reviewed_at is not None
        assert client.get("me/publish-permission").json()["can_publish"] is True


class TestVisibility:
    def test_unverified_factory_is_hidden_from_others_R_FLOW_1(self) -> None:
        owner = signed_in_client(account_type=AccountType.FACTORY)
        profile_id = owner.put("factories/mine", profile_payload(owner.user)).json()["id"]
        assert owner.get(f"factories/{profile_id}").status_code == 200
        assert ApiClient().get(f"factories/{profile_id}").status_code == 404
        assert signed_in_client(account_type=AccountType.TRADE).get(f"factories/{profile_id}").status_code == 404
        assert ApiClient().get("discovery/factories").json()["count"] == 0

    def test_others_see_a_masked_phone_R_PLUS_3_R_OPS_3(self) -> None:
        profile = make_verified_factory()
        for viewer in (ApiClient(), signed_in_client(account_type=AccountType.TRADE)):
            body = viewer.get(f"factories/{profile.pk}").json()
            assert body["contact_phone"] == "139****0001"
            assert body["is_owner"] is False
            assert "13957400001" not in str(body)

    def test_database_holds_no_plaintext_phone_R_OPS_3(self) -> None:
        profile = make_verified_factory()
        with connection.cursor() as cursor:
            cursor.execute("SELECT contact_phone FROM factories_factoryprofile WHERE id = %s", [profile.pk])
            (raw,) = cursor.fetchone()
        assert "13957400001" not in raw
        assert raw.startswith("v1:")
