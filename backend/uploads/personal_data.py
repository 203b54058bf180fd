"""Uploaded files in the personal-data registry (R-PLUS-5): listed and included in the archive, deleted on 注销.

Files a kept record still needs (complaint evidence, see ``support.personal_data``) stay; every other
file of the user — licences, ID documents, post images, factory photos, chat attachments, avatars —
is deleted from storage together with its thumbnail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import kept_file_ids, register
from uploads.models import StoredFile
from uploads.services import delete_blobs

if TYPE_CHECKING:
    from accounts.models import User


def _archive_path(stored: StoredFile) -> str:
    return f"{stored.get_purpose_display().split('（')[0]}/{stored.pk}.{stored.extension}"


def export_files(user: User) -> list[dict[str, Any]]:
    return [
        {
            "文件": _archive_path(f),
            "用途": f.get_purpose_display(),
            "类型": f.get_kind_display(),
            "原文件名": f.original_name,
            "大小（字节）": f.size,
            "上传时间": f.created_at.isoformat(),
        }
        for f in StoredFile.objects.filter(owner=user).order_by("created_at")
    ]


def archive_files(user: User) -> list[tuple[str, bytes]]:
    found = []
    for stored in StoredFile.objects.filter(owner=user).order_by("created_at"):
        try:
            with stored.file.open("rb") as fp:
                found.append((_archive_path(stored), fp.read()))
        except OSError:  # a blob lost from storage: the listing still names it
            continue
    return found


def erase_files(user: User) -> None:
    kept = kept_file_ids(user)
    for stored in StoredFile.objects.filter(owner=user).exclude(pk__in=kept):
        delete_blobs(stored)
        stored.delete()


def register_all() -> None:
    register(StoredFile, section="上传的文件", exporter=export_files, eraser=erase_files, files=archive_files)
