"""Uploaded files in the personal-data registry (R-PLUS-5): listed and included in the archive, deleted on 注销.

Files a kept record still needs (complaint evidence, see ``support.personal_data``) stay; every other
file of the user — licences, ID documents, post images, factory photos, chat attachments, avatars —
is deleted from storage together with its thumbnail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import kept_file_ids, register
from uploads.models import FilePurpose, StoredFile
from uploads.services import delete_blobs

if TYPE_CHECKING:
    from accounts.models import User


# The archive's sub-folder for each purpose (a person browses these).
FOLDERS: dict[str, str] = {
    FilePurpose.LICENCE: "营业执照",
    FilePurpose.ID_DOCUMENT: "身份证明",
    FilePurpose.CERTIFICATE: "技能证书",
    FilePurpose.POST_MEDIA: "发布信息的图片",
    FilePurpose.FACTORY_PHOTO: "工厂照片",
    FilePurpose.CHAT_ATTACHMENT: "聊天附件",
    FilePurpose.COMPLAINT_EVIDENCE: "投诉与反馈图片",
    FilePurpose.AVATAR: "头像",
}


def archive_path(stored: StoredFile) -> str:
    """Where ``stored`` sits in the archive's files folder; other sections name files by this path."""
    return f"{FOLDERS.get(stored.purpose, '其他')}/{stored.pk}.{stored.extension}"


def export_files(user: User) -> list[dict[str, Any]]:
    return [
        {
            "文件": archive_path(f),
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
                found.append((archive_path(stored), fp.read()))
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
