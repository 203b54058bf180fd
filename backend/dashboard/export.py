"""Excel export of the dashboard: the same figures, one sheet per section, Chinese headers."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard.selectors import GRANULARITIES, Section

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def workbook_bytes(*, sections: list[Section], start: date, end: date, granularity: str) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for section in sections:
        sheet = book.create_sheet(title=section.title)
        sheet.append([f"{section.title}（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}，{GRANULARITIES[granularity]}）"])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(["指标", *section.periods, "合计"])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center")
        for series in section.series:
            sheet.append([series.label, *series.values, series.total])
        if section.rates:
            sheet.append([])
            sheet.append(["转化率", "数值"])
            for label, value in section.rates:
                sheet.append([label, value])
        sheet.column_dimensions["A"].width = 26
        for column in range(2, len(section.periods) + 3):
            sheet.column_dimensions[get_column_letter(column)].width = 14
        sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
