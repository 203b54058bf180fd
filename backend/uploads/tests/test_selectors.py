"""files_owned_by: what other apps call before attaching uploaded files (R-APP-2, R-OPS-3)."""

from __future__ import annotations

import uuid

import pytest

from accounts.tests.factories import make_user
from common.errors import AppError, NotFound
from uploads.selectors import files_owned_by, get_file_for
from uploads.tests.factories import make_stored_file, pdf_bytes

pytestmark = pytest.mark.django_db


def test_files_are_returned_in_the_order_given_without_duplicates_R_APP_2() -> None:
    owner = make_user()
    a, b = make_stored_file(owner=owner), make_stored_file(owner=owner)
    found = files_owned_by(user=owner, ids=[str(b.pk), a.pk, b.pk], purposes=["post_media"])
    assert [x.pk for x in found] == [b.pk, a.pk]
    assert files_owned_by(user=owner, ids=[], purposes=["post_media"]) == []


def test_another_users_file_cannot_be_attached_R_OPS_3() -> None:
    owner, thief = make_user(), make_user()
    stored = make_stored_file(owner=owner)
    with pytest.raises(AppError) as caught:
        files_owned_by(user=thief, ids=[stored.pk], purposes=["post_media"], field="image_ids")
    assert caught.value.status_code == 422
    assert caught.value.detail == [
        {"field": "image_ids", "rule": "file_not_found", "message": "文件不存在或不是你上传的，请重新上传"}
    ]


def test_file_uploaded_for_another_purpose_is_refused_R_OPS_3() -> None:
    owner = make_user()
    licence = make_stored_file(owner=owner, purpose="licence", content=pdf_bytes(), name="l.pdf")
    with pytest.raises(AppError) as caught:
        files_owned_by(user=owner, ids=[licence.pk], purposes=["post_media"])
    assert caught.value.detail[0]["rule"] == "file_purpose_mismatch"
    assert caught.value.detail[0]["field"] == "file_ids"
    with pytest.raises(AppError) as bad_id:
        files_owned_by(user=owner, ids=["not-a-uuid"], purposes=["licence"])
    assert bad_id.value.detail[0]["rule"] == "invalid_file_id"


def test_private_file_is_not_found_for_others_R_OPS_3() -> None:
    owner = make_user()
    licence = make_stored_file(owner=owner, purpose="licence")
    assert get_file_for(user=owner, file_id=licence.pk) == licence
    for reader in (make_user(), None):
        with pytest.raises(NotFound):
            get_file_for(user=reader, file_id=licence.pk)
    with pytest.raises(NotFound):
        get_file_for(user=owner, file_id=uuid.uuid4())
