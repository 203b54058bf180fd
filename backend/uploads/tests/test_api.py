"""Uploads through the HTTP API: type by content, caps, re-encoding, private files (R-APP-2, R-OPS-3)."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.utils import timezone
from freezegun import freeze_time
from PIL import Image

from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.testing import ApiClient, ApiResponse
from uploads import access
from uploads.models import FilePurpose, StoredFile
from uploads.tests import factories as f

pytestmark = pytest.mark.django_db


def upload(client: ApiClient, name: str, content: bytes, purpose: str, content_type: str = "image/jpeg") -> ApiResponse:
    return client.upload("uploads", {"file": f.uploaded(name, content, content_type)}, {"purpose": purpose})


def body(response: ApiResponse) -> bytes:
    raw = response.raw
    return b"".join(raw.streaming_content) if raw.streaming else raw.content


def staff_reader() -> ApiClient:
    staff = make_staff()
    staff.user_permissions.add(Permission.objects.get(codename="view_private_files"))
    return signed_in_client(staff)


class TestImages:
    def test_jpeg_is_stored_without_exif_or_gps_and_gets_a_thumbnail_R_APP_2_R_OPS_3(self) -> None:
        client = signed_in_client()
        original = f.jpeg_bytes(size=(900, 600), gps=True)
        assert b"Exif" in original and b"Serial-0042" in original

        response = upload(client, "工厂 照片.jpg", original, "post_media")

        assert response.status_code == 201, response
        data = response.json()
        assert (data["kind"], data["content_type"], data["width"], data["height"]) == ("image", "image/jpeg", 900, 600)
        assert data["original_name"] == "工厂 照片.jpg"
        assert data["url"] == f"/api/files/{data['id']}"
        stored = client.get(data["url"])
        assert stored.status_code == 200
        assert stored.headers["Content-Type"] == "image/jpeg"
        assert stored.headers["X-Content-Type-Options"] == "nosniff"
        content = body(stored)
        assert b"Exif" not in content and b"Serial-0042" not in content
        image = Image.open(io.BytesIO(content))
        assert image.format == "JPEG"
        assert not image.getexif()
        assert not image.getexif().get_ifd(0x8825)
        thumb = client.get(data["thumbnail_url"])
        assert thumb.status_code == 200
        assert max(Image.open(io.BytesIO(body(thumb))).size) == 400

    def test_exif_orientation_is_applied_before_stripping_R_APP_2(self) -> None:
        # Orientation 6 = the camera was turned; viewers rotate 90°. Without EXIF the pixels must already be upright.
        response = upload(signed_in_client(), "turned.jpg", f.jpeg_bytes(size=(60, 30), orientation=6), "post_media")
        assert response.status_code == 201, response
        assert (response.json()["width"], response.json()["height"]) == (30, 60)

    @pytest.mark.parametrize(
        ("builder", "content_type", "kind"),
        [(f.png_bytes, "image/png", "image"), (f.webp_bytes, "image/webp", "image")],
    )
    def test_png_and_webp_keep_their_format_R_APP_2(self, builder: Any, content_type: str, kind: str) -> None:
        response = upload(signed_in_client(), "x.bin", builder(), "factory_photo", content_type="text/plain")
        assert response.status_code == 201, response
        assert response.json()["content_type"] == content_type
        assert response.json()["thumbnail_url"]

    def test_storage_name_is_chosen_by_the_server_and_display_name_is_sanitised_R_OPS_3(self) -> None:
        evil = "../../etc/passwd/\u202egpj.exe<script>"
        response = upload(signed_in_client(), evil, f.jpeg_bytes(), "avatar")
        assert response.status_code == 201, response
        stored = StoredFile.objects.get(pk=response.json()["id"])
        assert stored.file.name.startswith("uploads/")
        assert stored.file.name.endswith(f"{stored.pk.hex}.jpg")
        assert "passwd" not in stored.file.name and ".." not in stored.file.name
        assert "/" not in stored.original_name and "\u202e" not in stored.original_name
        assert "<" not in stored.original_name

    def test_oversize_image_is_refused_R_APP_2(self, settings: Any) -> None:
        settings.UPLOAD_MAX_IMAGE_BYTES = 2_000
        response = upload(signed_in_client(), "big.jpg", f.jpeg_bytes(size=(400, 400), gps=True), "post_media")
        assert response.status_code == 413
        assert response.json()["code"] == "upload_too_large"
        assert "文件过大" in response.json()["message"]
        assert not StoredFile.objects.exists()

    def test_decompression_bomb_is_refused_before_decoding_R_OPS_3(self) -> None:
        bomb = f.png_claiming_size(100_000, 100_000)
        assert len(bomb) < 2_000
        response = upload(signed_in_client(), "bomb.png", bomb, "post_media")
        assert response.status_code == 400
        assert response.json()["code"] == "image_too_many_pixels"

    def test_image_over_the_pixel_setting_is_refused_R_OPS_3(self, settings: Any) -> None:
        settings.UPLOAD_MAX_IMAGE_PIXELS = 5_000
        response = upload(signed_in_client(), "wide.jpg", f.jpeg_bytes(size=(100, 100)), "post_media")
        assert response.json()["code"] == "image_too_many_pixels"
        assert "万像素" in response.json()["message"]

    def test_corrupted_image_is_refused_R_APP_2(self) -> None:
        broken = f.jpeg_bytes(size=(300, 300))[:400]
        response = upload(signed_in_client(), "broken.jpg", broken, "post_media")
        assert response.status_code == 400
        assert response.json()["code"] == "upload_corrupt"


class TestRefusedTypes:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("photo.jpg", b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
            ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
            ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            ("run.jpg", b"#!/bin/sh\nrm -rf /\n"),
            ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,"),
            ("archive.dwg", b"PK\x03\x04" + b"\x00" * 100),
        ],
    )
    def test_html_svg_scripts_and_others_are_refused_whatever_the_name_R_OPS_3(self, name: str, content: bytes) -> None:
        response = upload(signed_in_client(), name, content, "post_media", content_type="image/jpeg")
        assert response.status_code == 415, response
        assert response.json()["code"] == "upload_type_not_allowed"
        message = response.json()["message"]
        assert "图片（JPG/PNG/WebP）" in message and "视频（MP4）" in message and "DWG/DXF/STEP" in message
        assert not StoredFile.objects.exists()

    def test_purpose_limits_the_kinds_R_APP_2(self) -> None:
        client = signed_in_client()
        video_as_avatar = upload(client, "me.mp4", f.mp4_bytes(), "avatar")
        assert video_as_avatar.json()["code"] == "upload_type_not_allowed"
        assert "视频" not in video_as_avatar.json()["message"]
        assert "图片" in video_as_avatar.json()["message"]
        video_in_chat = upload(client, "clip.mp4", f.mp4_bytes(), "chat_attachment")
        assert video_in_chat.json()["code"] == "upload_type_not_allowed"
        pdf_licence = upload(client, "licence.pdf", f.pdf_bytes(), "licence")
        assert pdf_licence.status_code == 201
        drawing_licence = upload(client, "licence.dxf", f.dxf_bytes(), "licence")
        assert drawing_licence.json()["code"] == "upload_type_not_allowed"

    def test_unknown_purpose_and_anonymous_upload_are_refused_R_APP_2(self, api: ApiClient) -> None:
        assert upload(signed_in_client(), "a.jpg", f.jpeg_bytes(), "anything").status_code == 422
        assert upload(api, "a.jpg", f.jpeg_bytes(), "post_media").status_code == 401


class TestDrawingsAndVideo:
    @pytest.mark.parametrize(
        ("builder", "name", "content_type", "extension"),
        [
            (f.pdf_bytes, "图纸.pdf", "application/pdf", "pdf"),
            (f.dxf_bytes, "part.dxf", "application/dxf", "dxf"),
            (f.step_bytes, "part.stp", "model/step", "step"),
            (f.dwg_bytes, "part.dwg", "application/acad", "dwg"),
        ],
    )
    def test_drawings_are_accepted_and_download_as_attachments_R_APP_2(
        self, builder: Any, name: str, content_type: str, extension: str
    ) -> None:
        client = signed_in_client()
        response = upload(client, name, builder(), "post_media", content_type="text/html")
        assert response.status_code == 201, response
        data = response.json()
        assert (data["kind"], data["content_type"], data["thumbnail_url"]) == ("drawing", content_type, None)
        served = client.get(data["url"])
        assert served.status_code == 200
        assert served.headers["Content-Type"] == content_type
        assert served.headers["Content-Disposition"].startswith("attachment")
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in served.headers["Content-Security-Policy"]
        assert body(served) == builder()
        assert StoredFile.objects.get(pk=data["id"]).extension == extension

    def test_text_that_only_looks_like_dxf_is_refused_R_OPS_3(self) -> None:
        fake = b"0\nSECTION\n2\nHEADER\n<script>alert(1)</script>\n"
        response = upload(signed_in_client(), "x.dxf", fake, "post_media")
        assert response.json()["code"] == "upload_type_not_allowed"

    def test_mp4_is_accepted_as_video_and_served_in_ranges_R_APP_2(self) -> None:
        client = signed_in_client()
        video = f.mp4_bytes()
        response = upload(client, "样品.mp4", video, "post_media", content_type="application/octet-stream")
        assert response.status_code == 201, response
        assert (response.json()["kind"], response.json()["content_type"]) == ("video", "video/mp4")
        url = response.json()["url"]
        whole = client.get(url)
        assert whole.headers["Content-Disposition"].startswith("inline")
        assert body(whole) == video
        # iOS players fetch MP4 in byte ranges and refuse servers that cannot answer them.
        part = client.get(url, headers={"Range": "bytes=4-11"})
        assert part.status_code == 206
        assert part.headers["Content-Range"] == f"bytes 4-11/{len(video)}"
        assert body(part) == b"ftypisom"
        beyond = client.get(url, headers={"Range": f"bytes={len(video) + 10}-"})
        assert beyond.status_code == 416

    def test_oversize_video_is_refused_R_APP_2(self, settings: Any) -> None:
        settings.UPLOAD_MAX_VIDEO_BYTES = 100
        response = upload(signed_in_client(), "v.mp4", f.mp4_bytes(), "post_media")
        assert response.json()["code"] == "upload_too_large"


class TestPrivateFiles:
    def test_licence_is_readable_by_owner_and_staff_only_R_OPS_3(self, api: ApiClient) -> None:
        owner = signed_in_client()
        response = upload(owner, "licence.jpg", f.jpeg_bytes(), "licence")
        assert response.status_code == 201
        file_id = response.json()["id"]
        plain = f"/api/files/{file_id}"

        assert owner.get(plain).status_code == 200
        assert owner.get(plain + "/thumbnail").status_code == 200
        assert staff_reader().get(plain).status_code == 200
        assert owner.get(plain).headers["Cache-Control"].startswith("private")
        for outsider in (signed_in_client(), api, signed_in_client(make_staff())):
            refused = outsider.get(plain)
            assert refused.status_code == 404, outsider
            assert refused.json()["code"] == "not_found"
            assert outsider.get(plain + "/thumbnail").status_code == 404

    def test_signed_links_open_one_file_for_a_limited_time_R_OPS_3(self, api: ApiClient) -> None:
        owner = signed_in_client()
        first = upload(owner, "a.jpg", f.jpeg_bytes(), "licence").json()
        second = upload(owner, "b.jpg", f.jpeg_bytes(color="blue"), "licence").json()
        # <image> tags in the mini-program cannot send a bearer header: the returned URL is signed.
        assert "?sig=" in first["url"] and "?sig=" in first["thumbnail_url"]
        assert api.get(first["url"]).status_code == 200
        assert api.get(first["thumbnail_url"]).status_code == 200
        sig = first["url"].split("?sig=")[1]
        assert api.get(f"/api/files/{second['id']}?sig={sig}").status_code == 404
        assert api.get(f"/api/files/{first['id']}/thumbnail?sig={sig}").status_code == 404
        assert api.get(first["url"][:-3] + "abc").status_code == 404
        with freeze_time(timezone.now() + timedelta(hours=3)):
            assert api.get(first["url"]).status_code == 404
            assert owner.get(f"/api/files/{first['id']}").status_code == 200

    def test_registered_rule_lets_other_parties_read_R_OPS_3(self) -> None:
        owner, party, stranger = signed_in_client(), signed_in_client(), signed_in_client()
        file_id = upload(owner, "drawing.pdf", f.pdf_bytes(), "chat_attachment").json()["id"]

        def conversation_party(user: Any, stored: StoredFile) -> bool:
            return bool(user.pk == party.user.pk)

        access.register_reader(FilePurpose.CHAT_ATTACHMENT, conversation_party)
        try:
            assert party.get(f"/api/files/{file_id}").status_code == 200
            assert stranger.get(f"/api/files/{file_id}").status_code == 404
        finally:
            access.unregister_reader(FilePurpose.CHAT_ATTACHMENT, conversation_party)
        assert party.get(f"/api/files/{file_id}").status_code == 404

    def test_public_post_image_is_readable_anonymously_R_APP_5(self, api: ApiClient) -> None:
        data = upload(signed_in_client(), "p.jpg", f.jpeg_bytes(), "post_media").json()
        assert "sig" not in data["url"]
        response = api.get(data["url"])
        assert response.status_code == 200
        assert response.headers["Cache-Control"].startswith("public")
        assert api.get(data["thumbnail_url"]).status_code == 200

    def test_unknown_or_deleted_file_is_404(self, api: ApiClient) -> None:
        assert api.get("/api/files/00000000-0000-0000-0000-000000000000").status_code == 404
        data = upload(signed_in_client(), "p.jpg", f.jpeg_bytes(), "post_media").json()
        default_storage.delete(StoredFile.objects.get(pk=data["id"]).file.name)
        assert api.get(data["url"]).status_code == 404


class TestMyFiles:
    def test_list_shows_only_own_files_newest_first_R_OPS_3(self, django_assert_max_num_queries: Any) -> None:
        client = signed_in_client()
        other = make_user()
        for color in ("red", "blue", "green"):
            f.make_stored_file(owner=client.user, content=f.jpeg_bytes(color=color))
        f.make_stored_file(owner=client.user, purpose="licence", content=f.pdf_bytes(), name="l.pdf")
        f.make_stored_file(owner=other)
        client.get("me")  # the day's first request records activity; keep it out of the count
        with django_assert_max_num_queries(3):  # token, count, page
            response = client.get("uploads")
        items = response.json()["items"]
        assert response.json()["count"] == 4
        assert [item["purpose"] for item in items] == ["licence", "post_media", "post_media", "post_media"]
        licences = client.get("uploads", {"purpose": "licence"}).json()
        assert licences["count"] == 1
        assert "?sig=" in licences["items"][0]["url"]
        for _ in range(10):
            f.make_stored_file(owner=client.user)
        with django_assert_max_num_queries(3):
            assert client.get("uploads", {"page_size": 50}).json()["count"] == 14

    def test_daily_upload_quota_R_OPS_3(self, settings: Any) -> None:
        settings.UPLOAD_MAX_FILES_PER_DAY = 2
        client = signed_in_client()
        assert upload(client, "1.jpg", f.jpeg_bytes(), "post_media").status_code == 201
        assert upload(client, "2.jpg", f.jpeg_bytes(), "post_media").status_code == 201
        third = upload(client, "3.jpg", f.jpeg_bytes(), "post_media")
        assert third.status_code == 429
        assert third.json()["code"] == "upload_quota_exceeded"
        assert upload(signed_in_client(), "4.jpg", f.jpeg_bytes(), "post_media").status_code == 201
