"""Reading and writing keyword lists as .txt and .xlsx for the console's import / export."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from common.errors import AppError
from moderation.models import BannedKeyword, KeywordAction, KeywordCategory
from moderation.services import KeywordRow

MAX_ROWS = 50_000
_TXT_SPLIT = re.compile(r"[,，\t]")

# Header names recognised in the first row of a sheet (Chinese as exported, English as a courtesy).
_HEADERS = {
    "word": ("词", "违禁词", "关键词", "敏感词", "word", "keyword"),
    "action": ("动作", "处理方式", "action"),
    "category": ("分类", "类别", "category"),
    "note": ("备注", "note"),
    "is_active": ("启用", "状态", "active", "is_active"),
}
_EXPORT_HEADERS = ("词", "动作", "分类", "启用", "备注")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AppError("invalid_file", "无法识别文件编码，请保存为 UTF-8 文本")


def parse_txt(data: bytes) -> list[KeywordRow]:
    """One keyword per line, optionally ``词,动作,分类``; blank lines and lines starting with # are skipped."""
    rows: list[KeywordRow] = []
    for number, raw in enumerate(_decode(data).splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in _TXT_SPLIT.split(line, maxsplit=2)]
        parts += [""] * (3 - len(parts))
        rows.append(KeywordRow(line=number, word=parts[0], action=parts[1], category=parts[2]))
        if len(rows) > MAX_ROWS:
            raise AppError("too_many_rows", f"一次最多导入 {MAX_ROWS} 个违禁词")
    return rows


def _active(value: object) -> bool | None:
    text = str(value if value is not None else "").strip().lower()
    if text in {"是", "启用", "1", "true", "yes", "y"}:
        return True
    if text in {"否", "停用", "禁用", "0", "false", "no", "n"}:
        return False
    return None


def parse_xlsx(data: bytes) -> list[KeywordRow]:
    """Columns 词 / 动作 / 分类 (optional 启用 / 备注), found by the header row; without a header the
    first three columns are read in that order."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise AppError("invalid_file", "无法读取 Excel 文件，请上传 .xlsx 格式") from exc
    try:
        sheet = workbook.worksheets[0]
        rows: list[KeywordRow] = []
        columns = {"word": 0, "action": 1, "category": 2}
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else str(v).strip() for v in values]
            if number == 1:
                lowered = [c.lower() for c in cells]
                found: dict[str, int] = {}
                for name, labels in _HEADERS.items():
                    for label in labels:
                        if label in lowered:
                            found[name] = lowered.index(label)
                            break
                if "word" in found:
                    columns = found
                    continue

            def cell(name: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
                index = columns.get(name)
                return cells[index] if index is not None and index < len(cells) else ""

            if not cell("word"):
                continue
            rows.append(
                KeywordRow(
                    line=number,
                    word=cell("word"),
                    action=cell("action"),
                    category=cell("category"),
                    note=cell("note"),
                    is_active=_active(cell("is_active")) if "is_active" in columns else None,
                )
            )
            if len(rows) > MAX_ROWS:
                raise AppError("too_many_rows", f"一次最多导入 {MAX_ROWS} 个违禁词")
        return rows
    finally:
        workbook.close()


def export_xlsx(keywords: Iterable[BannedKeyword]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "违禁词"
    sheet.append(list(_EXPORT_HEADERS))
    for kw in keywords:
        sheet.append(
            [
                kw.word,
                KeywordAction(kw.action).label,
                KeywordCategory(kw.category).label,
                "是" if kw.is_active else "否",
                kw.note,
            ]
        )
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["E"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_txt(keywords: Iterable[BannedKeyword]) -> str:
    lines = ["# 违禁词,动作,分类（可直接重新导入）"]
    lines += [f"{kw.word},{KeywordAction(kw.action).label},{KeywordCategory(kw.category).label}" for kw in keywords]
    return "\n".join(lines) + "\n"
