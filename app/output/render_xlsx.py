"""The report's figures as a workbook (openpyxl): numbers are numbers, not text, shown with the
decimals and padding the printed report gives them (the indicator's display keys)."""
from __future__ import annotations

import io
import re
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app.output.printed import PrintedReport
from app.output.printed import Table as ModelTable

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_FIGURE = re.compile(r"^(?P<before>\D*?)-?(?P<digits>\d[\d.,]*)(?P<after>%?.*)$", re.S)


_RATIO = re.compile(r"\d/\d")  # "04/04": kept as printed (a date in brackets is not a ratio)


def number_format(text: str) -> str:
    """The workbook shows a figure as the report prints it: "04" padded, "6,30" with two decimals,
    and the words around it ("ước khoảng 4.348", "4% trở lên", "2.607 (đến 15/6/2021)") as text
    around the number it holds."""
    found = _FIGURE.match(text)
    if found is None:
        return "General"
    digits = found["digits"]
    if len(digits) == 2 and digits.startswith("0") and digits[1].isdigit():
        shown = "00"
    else:
        places = len(digits.split(",", 1)[1]) if "," in digits else 0
        shown = "#,##0" + ("." + "0" * places if places else "")
    before, after = found["before"], found["after"]
    if after == "%" and not before:
        after = ""  # a bare percent: the column's unit says it
    return _literal(before) + shown + _literal(after)


def _literal(text: str) -> str:
    """Words inside a number format, quoted."""
    return '"' + text.replace('"', "") + '"' if text else ""


def _sheet(wb: Workbook, title: str, heading: list[str], table: ModelTable, first: bool) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    for row, line in enumerate(heading, start=1):
        ws.cell(row=row, column=1, value=_nfc(line)).font = Font(name="Times New Roman", bold=row < 3, size=12)
    top = len(heading) + 2
    for col, name in enumerate(table.columns, start=1):
        cell = ws.cell(row=top, column=col, value=_nfc(name))
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = _BORDER
    for r, row in enumerate(table.rows, start=top + 1):
        for c, (value, numeric) in enumerate(zip(row, table.numeric, strict=True), start=1):
            if numeric and value.number is not None and not _RATIO.search(value.text.split(" (")[0]):
                cell = ws.cell(row=r, column=c, value=value.number)
                cell.number_format = number_format(value.text)
            else:
                cell = ws.cell(row=r, column=c, value=_nfc(value.text) or None)
            cell.font = Font(name="Times New Roman")
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=not numeric, vertical="center")
    total = sum(table.widths)
    for col, width in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(6, 110 * width / total)
    ws.freeze_panes = ws.cell(row=top + 1, column=3)


def render(model: PrintedReport) -> bytes:
    wb = Workbook()
    heading = [model.header.office, *model.appendix_title[1:]] if model.appendix_title else [model.header.office]
    heading.append(f"{model.header.title}: {model.header.summary}")  # which report these figures belong to
    if model.appendix:
        _sheet(wb, "Số liệu", heading, model.appendix, first=True)
    if model.documents:
        _sheet(wb, "Văn bản", [model.header.office], model.documents, first=not model.appendix)
    for index, (title, table) in enumerate(model.extra_tables, start=1):
        _sheet(wb, f"Tổng hợp {index}", [model.header.office, title], table,
               first=not model.appendix and not model.documents and index == 1)
    if not model.appendix and not model.documents and not model.extra_tables:
        wb.active.title = "Số liệu"
        wb.active["A1"] = "Báo cáo chưa có số liệu."
    wb.properties.title = _nfc(model.header.summary)
    wb.properties.creator = _nfc(model.header.office)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
