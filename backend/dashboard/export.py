"""Excel export of the dashboard, laid out like the screen (issue #14 item 4): first the headline figures
(本期, 上期, 变化), then one sheet per section with a title row, a header naming each column's unit, one
row per period and a 合计 row; 对接转化 adds its rates below."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.selectors import GRANULARITIES, Card, Section, previous_period

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADLINE_SHEET = "核心指标"


def _title(sheet: Worksheet, text: str, width: int) -> None:
    sheet.append([text])
    sheet["A1"].font = Font(bold=True, size=12)
    if width > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)


def _header(sheet: Worksheet, values: list[str]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", wrap_text=True)


def _headline_sheet(book: Workbook, cards: list[Card], start: date, end: date) -> None:
    sheet = book.create_sheet(title=HEADLINE_SHEET)
    prev_start, prev_end = previous_period(start, end)
    _title(
        sheet,
        f"核心指标（本期 {start:%Y-%m-%d} 至 {end:%Y-%m-%d}，上期 {prev_start:%Y-%m-%d} 至 {prev_end:%Y-%m-%d}）",
        6,
    )
    _header(sheet, ["指标", "单位", "本期", "上期", "变化", "明细"])
    for card in cards:
        value = round(card.value, 1) if card.percent else int(card.value)
        previous = round(card.previous, 1) if card.percent else int(card.previous)
        detail = "，".join(f"{label} {n}" for label, n in card.breakdown)
        sheet.append([card.label, card.unit, value, previous, card.change, detail])
    for column, width in zip("ABCDEF", (22, 8, 12, 12, 16, 60), strict=True):
        sheet.column_dimensions[column].width = width


def workbook_bytes(
    *, sections: list[Section], cards: list[Card] | None = None, start: date, end: date, granularity: str
) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    if cards:
        _headline_sheet(book, cards, start, end)
    for section in sections:
        sheet = book.create_sheet(title=section.title)
        width = len(section.series) + 1
        _title(sheet, f"{section.title}（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}，{GRANULARITIES[granularity]}）", width)
        _header(sheet, ["时间", *(f"{s.label}（{s.unit}）" for s in section.series)])
        for row in section.rows:
            sheet.append([row["period"], *row["values"]])  # type: ignore[misc]
        sheet.append(["合计", *(s.total for s in section.series)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        if section.rates:
            sheet.append([])
            _header(sheet, ["转化率", "数值"])
            for label, value in section.rates:
                sheet.append([label, value])
        sheet.column_dimensions["A"].width = 16
        for column in range(2, width + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 18
        sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
