"""Uploads on S3-compatible storage, against a real S3 server over HTTP (moto's standalone server): objects
private, readers sent to a URL signed for one object, thumbnails and erasure on the bucket too (issue #16,
R-OPS-3)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import boto3
import httpx
import pytest
from moto.server import ThreadedMotoServer

from accounts.tests.factories import make_user, signed_in_client
from uploads.models import StoredFile
from uploads.services import delete_blobs
from uploads.tests import factories as f

pytestmark = pytest.mark.django_db

BUCKET = "cmt-uploads-test"
KEYS = {"aws_access_key_id": "cmt-test-key", "aws_secret_access_key": "cmt-test-secret"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, settings: Any) -> Iterator[Any]:
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    settings.UPLOAD_STORAGE_REDIRECT = True
    settings.UPLOAD_SIGNED_URL_SECONDS = 300
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client: Any) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_an_upload_lands_in_the_bucket_as_a_private_object_with_its_thumbnail(bucket: Any) -> None:
    client = signed_in_client()
    response = client.upload("uploads", {"file": f.uploaded("车间.jpg", f.jpeg_bytes(size=(800, 600)), "image/jpeg")},
                             {"purpose": "factory_photo"})
    assert response.status_code == 201, response
    stored = StoredFile.objects.get(pk=response.json()["id"])

    assert {stored.file.name, stored.thumbnail.name} <= _keys(bucket)
    for key in (stored.file.name, stored.thumbnail.name):
        grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]  # the owner only: no AllUsers grant
        assert all("URI" not in g["Grantee"] for g in grants)


def test_a_reader_is_redirected_to_a_url_signed_for_that_object_and_gets_the_bytes(bucket: Any) -> None:
    owner = signed_in_client()
    original = f.jpeg_bytes(size=(640, 480), gps=True)
    created = owner.upload("uploads", {"file": f.uploaded("执照.jpg", original, "image/jpeg")}, {"purpose": "licence"})
    assert created.status_code == 201, created
    url = created.json()["url"]
    assert "sig=" in url  # a private file: our link is signed for this reader

    answer = owner.get(url)
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(bucket.meta.endpoint_url) and "Signature" in location
    assert "private" in answer.headers["Cache-Control"]

    fetched = httpx.get(location)
    assert fetched.status_code == 200
    assert fetched.headers["content-type"] == "image/jpeg"
    assert fetched.content[:2] == b"\xff\xd8" and b"Exif" not in fetched.content  # the re-encoded copy
    assert fetched.content == bucket.get_object(Bucket=BUCKET, Key=StoredFile.objects.get(
        pk=created.json()["id"]).file.name)["Body"].read()

    ranged = httpx.get(location, headers={"Range": "bytes=0-9"})  # the storage answers ranges itself
    assert ranged.status_code == 206 and len(ranged.content) == 10


def test_someone_else_gets_no_redirect_to_a_private_object(bucket: Any) -> None:
    owner = signed_in_client()
    created = owner.upload("uploads", {"file": f.uploaded("执照.jpg", f.jpeg_bytes(), "image/jpeg")},
                           {"purpose": "licence"})
    file_id = created.json()["id"]

    stranger = signed_in_client(make_user())
    answer = stranger.get(f"/api/files/{file_id}")
    assert answer.status_code == 404
    assert "Location" not in answer.headers


def test_deleting_the_blobs_removes_the_objects_from_the_bucket(bucket: Any) -> None:
    client = signed_in_client()
    created = client.upload("uploads", {"file": f.uploaded("p.jpg", f.jpeg_bytes(), "image/jpeg")},
                            {"purpose": "post_media"})
    stored = StoredFile.objects.get(pk=created.json()["id"])
    assert stored.file.name in _keys(bucket)

    delete_blobs(stored)

    assert not {stored.file.name, stored.thumbnail.name} & _keys(bucket)


def test_readiness_reports_the_storage_and_fails_when_the_bucket_is_gone(bucket: Any, settings: Any) -> None:
    from django.test import Client

    assert Client().get("/readyz").json()["checks"]["storage"] == "ok"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"],
                    "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "bucket_name": "no-such-bucket"}},
    }
    answer = Client().get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["storage"] == "error"
