"""The personal-data registry, the readable export archive and erasure on 注销 (R-PLUS-5, R-OPS-3, R-ROLE-3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.test.utils import isolate_apps

from accounts import personal_data
from accounts.models import User
from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import applied, worker_client
from common import crypto
from common.fields import EncryptedTextField
from common.testing import export_archive, png_bytes
from factories.tests.factories import profile_payload
from listings.models import PostKind
from listings.tests.factories import make_post
from messaging.tests.factories import open_chat
from support.tests.factories import complain
from uploads.models import StoredFile
from verification import services as verification_services
from verification.models import Qualification
from verification.tests.factories import make_reviewer, valid_id_number, valid_uscc

pytestmark = pytest.mark.django_db


def _points_at_user(field: Any) -> bool:
    if not field.is_relation or field.auto_created or field.related_model is None:
        return False
    related = field.related_model
    label = related if isinstance(related, str) else related._meta.label
    return bool(field.many_to_one or field.one_to_one or field.many_to_many) and label == settings.AUTH_USER_MODEL


def holds_personal_data(model: type[models.Model]) -> bool:
    fields = model._meta.get_fields()
    return any(_points_at_user(f) for f in fields) or any(isinstance(f, EncryptedTextField) for f in fields)


def uncovered(models_: list[type[models.Model]]) -> list[str]:
    found = []
    for model in models_:
        concrete = model._meta.concrete_model or model
        if holds_personal_data(concrete) and not personal_data.is_registered(concrete):
            found.append(concrete._meta.label)
    return sorted(set(found))


class TestRegistryCoversEveryModel:
    def test_every_model_relating_to_the_user_or_holding_encrypted_data_is_registered_R_PLUS_5(self) -> None:
        """R-PLUS-5: each model with a FK / one-to-one / many-to-many to the user, or an encrypted
        field, has an exporter and an eraser, a retention rule, or is part of a registered model."""
        candidates = [m for m in apps.get_models() if holds_personal_data(m)]
        assert len(candidates) > 30  # the walk sees the whole project, not an empty list
        assert uncovered(list(apps.get_models())) == []

    def test_a_model_added_later_without_registration_fails_the_walk_R_PLUS_5(self) -> None:
        with isolate_apps("accounts"):

            class DeliveryAddress(models.Model):  # noqa: DJ008
                user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

                class Meta:
                    app_label = "accounts"

            class IdCardScan(models.Model):  # noqa: DJ008
                number = EncryptedTextField()

                class Meta:
                    app_label = "accounts"

            class Colour(models.Model):  # noqa: DJ008
                name = models.CharField(max_length=10)

                class Meta:
                    app_label = "accounts"

            found = uncovered([DeliveryAddress, IdCardScan, Colour])
            assert found == ["accounts.DeliveryAddress", "accounts.IdCardScan"]

    def test_registrations_are_complete_and_documented_R_PLUS_5(self) -> None:
        registrations = personal_data.registrations()
        for label, registration in registrations.items():
            if registration.part_of:
                assert registration.part_of in registrations, f"{label}: part_of names an unregistered model"
            if registration.retention:
                rule = registration.retention
                assert rule.reason and rule.period and rule.anonymised, label
        # What the law makes us keep is kept under a rule, and anonymised by an eraser.
        for label in ("listings.Post", "applications.Application"):
            assert registrations[label].retention and registrations[label].eraser, label
            assert "3 年" in registrations[label].retention.period  # type: ignore[union-attr]
        with pytest.raises(ValueError, match="retention"):
            personal_data.register(Qualification, section="资质", exporter=lambda user: None)


# --- a factory owner with everything the platform keeps ---------------------------------------------


def upload(client: Any, purpose: str, name: str = "photo.png", color: str = "red") -> str:
    response = client.upload(
        "uploads",
        files={"file": SimpleUploadedFile(name, png_bytes(color), content_type="image/png")},
        data={"purpose": purpose},
    )
    assert response.status_code == 201, response
    return str(response.json()["id"])


@dataclass
class Owner:
    client: Any
    user: User
    phone: str
    credit_code: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    address: str
    factory_name: str
    stock_post: Any
    labour_post: Any
    file_ids: list[str]


def onboard_factory(n: int) -> Owner:
    phone, contact_phone = f"1395740{n:04d}", f"1395750{n:04d}"
    user = make_user(account_type="factory", phone=phone, display_name=f"工厂用户{n}")
    client = signed_in_client(user)
    licence_id = upload(client, "licence", "营业执照.png", color="blue")
    credit_code, legal = valid_uscc(n), f"法人代表{n}号"
    response = client.post(
        "qualifications/licence",
        {
            "company_name": f"宁波测试制品厂{n}",
            "credit_code": credit_code,
            "legal_representative": legal,
            "registered_address": f"浙江省宁波市鄞州区注册路 {n} 号",
            "is_long_term": True,
            "file_ids": [licence_id],
        },
    )
    assert response.status_code == 201, response
    verification_services.approve(qualification=Qualification.objects.get(user=user), reviewer=make_reviewer())
    photo_id = upload(client, "factory_photo", color="green")
    factory_name, contact_name, address = f"恒达不锈钢制品厂{n}", f"联系人甲{n}", f"姜山镇工业园区东区 {n} 号 A 座"
    payload = profile_payload(
        name=factory_name, contact_name=contact_name, contact_phone=contact_phone, address=address, photo_ids=[photo_id]
    )
    assert client.put("factories/mine", payload).status_code == 200
    post_image = upload(client, "post_media", color="yellow")
    stock = make_post(owner=user, kind=PostKind.STOCK, media_ids=[post_image], title=f"库存保温杯{n}")
    labour = make_post(owner=user, kind=PostKind.LABOUR, title=f"招聘抛光工{n}", address=address)
    return Owner(
        client=client,
        user=user,
        phone=phone,
        credit_code=credit_code,
        legal_representative=legal,
        contact_name=contact_name,
        contact_phone=contact_phone,
        address=address,
        factory_name=factory_name,
        stock_post=stock,
        labour_post=labour,
        file_ids=[licence_id, photo_id, post_image],
    )


def busy_factory(n: int = 1) -> tuple[Owner, Any, Any]:
    """A factory owner who favourited and viewed another post, chatted with a buyer (who wrote their
    phone) and sent an attachment, and received a worker's application."""
    owner = onboard_factory(n)
    elsewhere = make_post(kind=PostKind.PROCUREMENT)
    assert owner.client.post("favourites", {"post_id": elsewhere.pk}).status_code == 201
    assert owner.client.post("discovery/views", {"post_id": elsewhere.pk}).json()["recorded"] is True
    buyer = signed_in_client(make_user(account_type="trade", phone="13812340000", display_name="青岛买家"))
    conversation_id = open_chat(buyer, owner.stock_post, message="我的电话 13812340000")["conversation_id"]
    attachment = upload(owner.client, "chat_attachment", color="purple")
    sent = owner.client.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": attachment})
    assert sent.status_code == 201, sent
    owner.file_ids.append(attachment)
    worker = worker_client(name="赵师傅", phone="13900001111")
    applied(worker, owner.labour_post, note="晚上电话联系")
    return owner, elsewhere, worker


class TestExportArchive:
    def test_factory_owner_export_has_profile_posts_qualification_favourites_history_and_files_R_PLUS_5(
        self,
    ) -> None:
        owner, elsewhere, _ = busy_factory()
        archive = export_archive(owner.client)

        disposition = archive.headers["Content-Disposition"]
        assert disposition.startswith("attachment") and ".zip" in disposition
        assert "%E5%8E%82%E8%B4%B8%E9%80%9A" in disposition  # 厂贸通, a name a person can read
        data = archive.data
        assert list(data)[:3] == ["账号", "账号状态记录", "工厂资料"]
        assert data["账号"]["手机号"] == owner.phone and data["账号"]["账号类型"] == "工厂"
        factory = data["工厂资料"]
        assert (factory["工厂名称"], factory["联系人"], factory["联系电话"]) == (
            owner.factory_name,
            owner.contact_name,
            owner.contact_phone,
        )
        assert factory["详细地址"] == owner.address and factory["所在地区"].endswith("鄞州区")
        posts = {p["标题"]: p for p in data["发布的信息"]}
        assert posts[owner.stock_post.title]["类型"] == "库存"
        assert posts[owner.labour_post.title]["类型"] == "用工" and posts[owner.labour_post.title]["状态"] == "已发布"
        [qualification] = data["资质"]
        assert qualification["类型"] == "营业执照" and qualification["状态"] == "已通过"
        assert qualification["统一社会信用代码"] == owner.credit_code
        assert qualification["法定代表人"] == owner.legal_representative
        assert qualification["提交时间"][:4].isdigit() and "T" in qualification["提交时间"]  # ISO dates
        assert [(f["对象"], f["编号"]) for f in data["收藏"]] == [("信息", elsewhere.pk)]
        assert [(v["对象"], v["编号"]) for v in data["浏览记录"]] == [("信息", elsewhere.pk)]
        assert data["对接记录"][0]["方向"] == "对方发起" and data["对接记录"][0]["进度"] == "已回复"
        [chat] = data["聊天"]
        assert [m["发送方"] for m in chat["消息"]] == ["对方", "我"]

        # The files themselves, byte for byte, in the folder; the JSON names each one.
        stored = {str(f.pk): f for f in StoredFile.objects.filter(owner=owner.user)}
        assert sorted(stored) == sorted(owner.file_ids)
        assert len(archive.files) == 4
        for file_id, row in stored.items():
            [path] = [p for p in archive.files if file_id in p]
            with row.file.open("rb") as fp:
                assert archive.files[path] == fp.read()
        purposes = {path.split("/")[0] for path in archive.files}
        assert purposes == {"营业执照", "工厂照片", "发布信息的图片", "聊天附件"}
        assert {f["文件"] for f in data["上传的文件"]} == set(archive.files)
        assert chat["消息"][1]["附件"] in archive.files
        assert factory["工厂照片"][0] in archive.files and qualification["证照文件"][0] in archive.files
        assert posts[owner.stock_post.title]["图片/视频/图纸"][0] in archive.files
        assert "网络招聘服务管理规定" in archive.readme and "我的数据.json" in archive.readme

    def test_export_holds_nothing_of_other_people_R_PLUS_5_R_PLUS_3(self) -> None:
        """A's archive has none of B's data, and a chat counterpart's phone stays masked."""
        owner_a, _, worker = busy_factory(1)
        owner_b = onboard_factory(2)
        archive = export_archive(owner_a.client)
        text = json.dumps(archive.data, ensure_ascii=False) + " ".join(archive.files)
        for foreign in (
            owner_b.phone,
            owner_b.credit_code,
            owner_b.legal_representative,
            owner_b.contact_name,
            owner_b.contact_phone,
            owner_b.address,
            owner_b.factory_name,
            owner_b.stock_post.title,
            *owner_b.file_ids,
        ):
            assert foreign not in text, foreign
        # The buyer's phone (never shared) and the worker's application are theirs, not A's. Their
        # nicknames appear only in the notifications A received, as the app showed them.
        assert "13812340000" not in text and "晚上电话联系" not in text and "13900001111" not in text
        without_notifications = json.dumps({k: v for k, v in archive.data.items() if k != "通知"}, ensure_ascii=False)
        assert "青岛买家" not in without_notifications and "赵师傅" not in without_notifications
        assert "138****0000" in text  # the buyer's message as A sees it in the app
        assert export_archive(worker).data["报名"][0]["申请资料"]["note"] == "晚上电话联系"


def encrypted_plaintexts() -> list[str]:
    """Every value of every encrypted column, read raw from the tables and decrypted."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, EncryptedTextField):
                    cursor.execute(f'SELECT "{field.column}" FROM "{model._meta.db_table}"')
                    found += [crypto.decrypt(v, context=field._context()) for (v,) in cursor.fetchall() if v]
    return found


def raw(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


class TestCancellationErases:
    def test_cancel_removes_licence_real_name_contact_data_and_files_and_anonymises_kept_records_R_PLUS_5(
        self,
    ) -> None:
        owner, _, worker = busy_factory()
        bystander = make_user(account_type="worker", phone="13900002222")
        id_number = valid_id_number(seq="456")
        response = worker.post("qualifications/personal-id", {"real_name": "赵大山", "id_number": id_number})
        assert response.status_code == 201, response
        avatar = upload(owner.client, "avatar", color="orange")
        assert owner.client.patch("me", {"avatar_url": f"/api/files/{avatar}"}).status_code == 200
        blobs = [
            name
            for f in StoredFile.objects.filter(owner=owner.user)
            for name in (f.file.name, f.thumbnail.name)
            if name
        ]
        assert len(blobs) >= 5 and all(default_storage.exists(name) for name in blobs)
        secrets = [
            owner.phone,
            owner.credit_code,
            owner.legal_representative,
            owner.contact_phone,
        ]
        secrets_of_worker = ["赵大山", id_number, "13900001111"]
        before = " ".join(encrypted_plaintexts())
        assert all(secret in before for secret in secrets + secrets_of_worker)  # the scan sees them

        assert owner.client.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204
        assert worker.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204

        uid = owner.user.pk
        [(phone, phone_index, openid, name, avatar)] = raw(
            "SELECT phone, phone_index, wechat_openid, display_name, avatar_url FROM accounts_user WHERE id = %s", uid
        )
        assert (phone, phone_index, openid, name, avatar) == ("", None, None, "已注销用户", "")
        assert raw("SELECT id FROM verification_qualification WHERE user_id IN (%s, %s)", uid, worker.user.pk) == []
        assert raw("SELECT id FROM factories_factoryprofile WHERE owner_id = %s", uid) == []
        plaintexts = " ".join(encrypted_plaintexts())
        for secret in secrets + secrets_of_worker:
            assert secret not in plaintexts, secret
        assert "13900002222" in plaintexts  # an account that did not cancel keeps its data
        # The kept records' plain columns no longer hold the address or the application's words.
        for table, column in (("listings_post", "address"), ("applications_application", "snapshot")):
            values = " ".join(str(v) for (v,) in raw(f'SELECT "{column}" FROM "{table}"'))
            assert owner.address not in values and "晚上电话联系" not in values and "赵师傅" not in values

        # Files are gone from storage, rows and blobs.
        assert not StoredFile.objects.filter(owner_id__in=(uid, worker.user.pk)).exists()
        assert not any(default_storage.exists(name) for name in blobs)

        # Recruitment records stay, anonymised: the labour post (taken down, no address, no images)
        # and the worker's application (snapshot replaced, withdrawn).
        [(status, address, latitude)] = raw(
            "SELECT status, address, latitude FROM listings_post WHERE id = %s", owner.labour_post.pk
        )
        assert (status, address, latitude) == ("taken_down", "", None)
        assert raw("SELECT id FROM listings_post WHERE id = %s", owner.stock_post.pk) == []
        [(snapshot, app_status)] = raw(
            "SELECT snapshot, status FROM applications_application WHERE post_id = %s", owner.labour_post.pk
        )
        snapshot = snapshot if isinstance(snapshot, dict) else json.loads(snapshot)
        assert snapshot == {"name": "已注销用户", "anonymised": True} and app_status == "withdrawn"
        bystander.refresh_from_db()
        assert bystander.is_active and bystander.phone == "13900002222"

    def test_complaint_evidence_stays_with_the_mediation_record_R_PLUS_5_R_OPS_4(self) -> None:
        owner = onboard_factory(3)
        worker = worker_client()
        evidence = upload(worker, "complaint_evidence", color="white")
        other = upload(worker, "chat_attachment", color="black")
        filed = complain(worker, target_type="post", target_id=owner.labour_post.pk, evidence_ids=[evidence])
        assert filed.status_code == 201, filed
        evidence_blob = StoredFile.objects.get(pk=evidence).file.name
        other_blob = StoredFile.objects.get(pk=other).file.name

        assert worker.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204

        assert default_storage.exists(evidence_blob) and not default_storage.exists(other_blob)
        [(description,)] = raw("SELECT description FROM support_complaint WHERE id = %s", filed.json()["id"])
        assert "押金" in description
        # The owner's post the complaint is about is kept (taken down, anonymised) when the owner cancels too.
        stock_id = owner.stock_post.pk
        complain(worker_client(), target_type="post", target_id=stock_id)
        assert owner.client.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204
        [(status, address)] = raw("SELECT status, address FROM listings_post WHERE id = %s", stock_id)
        assert (status, address) == ("taken_down", "")
