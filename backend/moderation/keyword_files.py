"""Reading and writing keyword lists as .txt, .csv and .xlsx for the console's import / export.

Every format carries the 匹配谐音 flag (issue #12 item 4), so an export imports back unchanged."""

from __future__ import annotations

import csv
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
    "match_homophones": ("匹配谐音", "谐音", "homophones", "match_homophones"),
}
_EXPORT_HEADERS = ("词", "动作", "分类", "启用", "匹配谐音", "备注")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AppError("invalid_file", "无法识别文件编码，请保存为 UTF-8 文本")


def parse_txt(data: bytes) -> list[KeywordRow]:
    """One keyword per line, optionally ``词,动作,分类,匹配谐音``; blank lines and lines starting with # are
    skipped. A line without the fourth column leaves the keyword's 匹配谐音 as it is."""
    rows: list[KeywordRow] = []
    for number, raw in enumerate(_decode(data).splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in _TXT_SPLIT.split(line, maxsplit=3)]
        parts += [""] * (4 - len(parts))
        rows.append(
            KeywordRow(
                line=number,
                word=parts[0],
                action=parts[1],
                category=parts[2],
                match_homophones=_yes_no(parts[3]) if parts[3] else None,
            )
        )
        if len(rows) > MAX_ROWS:
            raise AppError("too_many_rows", f"一次最多导入 {MAX_ROWS} 个违禁词")
    return rows


def _yes_no(value: object) -> bool | None:
    text = str(value if value is not None else "").strip().lower()
    if text in {"是", "启用", "匹配", "1", "true", "yes", "y"}:
        return True
    if text in {"否", "停用", "禁用", "不匹配", "0", "false", "no", "n"}:
        return False
    return None


def _parse_table(table: Iterable[Iterable[object]]) -> list[KeywordRow]:
    """Rows of a sheet or CSV file: columns 词 / 动作 / 分类 (optional 启用 / 匹配谐音 / 备注), found by the
    header row; without a header the first three columns are read in that order."""
    rows: list[KeywordRow] = []
    columns = {"word": 0, "action": 1, "category": 2}
    for number, values in enumerate(table, start=1):
        cells = ["" if v is None else str(v).strip() for v in values]
        if number == 1:
            lowered = [c.lower().lstrip("\ufeff") for c in cells]
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
                is_active=_yes_no(cell("is_active")) if "is_active" in columns else None,
                match_homophones=_yes_no(cell("match_homophones")) if "match_homophones" in columns else None,
            )
        )
        if len(rows) > MAX_ROWS:
            raise AppError("too_many_rows", f"一次最多导入 {MAX_ROWS} 个违禁词")
    return rows


def parse_xlsx(data: bytes) -> list[KeywordRow]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise AppError("invalid_file", "无法读取 Excel 文件，请上传 .xlsx 格式") from exc
    try:
        return _parse_table(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def parse_csv(data: bytes) -> list[KeywordRow]:
    """A CSV file as Excel or WPS saves it (UTF-8 with or without BOM, or GB18030), same columns as .xlsx."""
    try:
        return _parse_table(csv.reader(io.StringIO(_decode(data))))
    except csv.Error as exc:
        raise AppError("invalid_file", "无法读取 CSV 文件，请检查格式") from exc


def parse_file(name: str, data: bytes) -> list[KeywordRow]:
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        return parse_xlsx(data)
    if lowered.endswith(".csv"):
        return parse_csv(data)
    return parse_txt(data)


def _export_row(kw: BannedKeyword) -> list[str]:
    return [
        kw.word,
        KeywordAction(kw.action).label,
        KeywordCategory(kw.category).label,
        "是" if kw.is_active else "否",
        "是" if kw.match_homophones else "否",
        kw.note,
    ]


def export_xlsx(keywords: Iterable[BannedKeyword]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "违禁词"
    sheet.append(list(_EXPORT_HEADERS))
    for kw in keywords:
        sheet.append(_export_row(kw))
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["F"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_csv(keywords: Iterable[BannedKeyword]) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Chinese columns correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_EXPORT_HEADERS)
    for kw in keywords:
        writer.writerow(_export_row(kw))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_txt(keywords: Iterable[BannedKeyword]) -> str:
    lines = ["# 违禁词,动作,分类,匹配谐音（可直接重新导入）"]
    lines += [
        f"{kw.word},{KeywordAction(kw.action).label},{KeywordCategory(kw.category).label},"
        f"{'是' if kw.match_homophones else '否'}"
        for kw in keywords
    ]
    return "\n".join(lines) + "\n"
