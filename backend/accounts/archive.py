"""The personal-data archive a person can read (R-PLUS-5): a zip with 我的数据.json, their files, 说明.txt."""

from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from accounts import personal_data

if TYPE_CHECKING:
    from accounts.models import User

DATA_NAME = "我的数据.json"
README_NAME = "说明.txt"
FILES_FOLDER = "我的文件"


def collect(user: User) -> dict[str, Any]:
    """Every registered section, in reading order, with Chinese headings."""
    return {section: exporter(user) for section, exporter in personal_data.exporters()}


def _readme(user: User, file_count: int) -> str:
    lines = [
        "厂贸通 · 个人数据导出",
        f"导出时间：{timezone.localtime().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"{DATA_NAME}：平台保存的关于您的全部信息（账号、工厂资料、发布的信息、资质、收藏、浏览记录、"
        "对接记录、聊天、报名、投诉、反馈、通知等），可用任意文本编辑器或浏览器打开。",
        f"{FILES_FOLDER}/：您上传的文件（营业执照、身份证明、信息图片、聊天中您发送的附件等），共 {file_count} 个。",
        "",
        "聊天中对方的手机号等联系方式，在对方未主动交换前仍按打码显示；他人的资料不在导出中"
        "（通知按您当时收到的内容导出，可能含对方的昵称）。",
        "被他人投诉的记录不在导出中，以免泄露投诉人的身份。",
        "",
        "注销账号后，以下记录依法保留并匿名化处理：",
    ]
    for rule in personal_data.retention_rules():
        retention = rule.retention
        assert retention is not None
        name = rule.model._meta.verbose_name
        lines.append(f"- {name}：{retention.reason}；保存期限：{retention.period}；{retention.anonymised}。")
    return "\n".join(lines) + "\n"


def build(user: User) -> bytes:
    data = collect(user)
    files = personal_data.archive_files(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(data, ensure_ascii=False, indent=2, default=str))
        archive.writestr(README_NAME, _readme(user, len(files)))
        for path, content in files:
            archive.writestr(f"{FILES_FOLDER}/{path}", content)
    return buffer.getvalue()


def file_name(user: User) -> str:
    return f"厂贸通-我的数据-{timezone.localdate().isoformat()}.zip"
