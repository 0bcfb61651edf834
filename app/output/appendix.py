"""The report's appendix tables: indicators compared over time, and documents advised upward."""
from __future__ import annotations

from decimal import Decimal

from app.domain import formatting, kinds, narrative
from app.domain.model import ReportData, Value
from app.domain.numbers import SUFFIX_QUALIFIERS
from app.domain.template import Indicator, Template
from app.output.model import Cell, Table
from app.reporting import aggregate

APPENDIX_COLUMNS = ("TT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Cùng kỳ năm trước", "So cùng kỳ (%)",
                    "Lũy kế năm", "Kế hoạch năm", "Đạt % kế hoạch")


def indicators(template: Template, comparisons: dict[str, aggregate.Comparison]) -> Table | None:
    rows = []
    for code, indicator in template.indicators.items():
        if not indicator.appendix or code not in comparisons:
            continue
        c = comparisons[code]
        current = c.current
        rows.append((
            Cell(str(len(rows) + 1)),
            Cell(indicator.label),
            unit_cell(indicator),
            typed_cell(indicator, current),
            figure_cell(indicator, c.prior),
            change_cell(c.change),
            marked_cell(indicator, c.year_to_date, c.year_to_date_denominator, c.to_date),
            figure_cell(indicator, c.plan),
            share_cell(c.share_of_plan),
        ))
    if not rows:
        return None
    return Table(APPENDIX_COLUMNS, tuple(rows), (0.7, 4.2, 1.5, 1.3, 1.3, 1.1, 1.3, 1.3, 1.1),
                 (False, False, False, True, True, True, True, True, True))


def unit_cell(indicator: Indicator) -> Cell:
    """"triệu đồng" for money unless the indicator sets its scale; "nghìn người" in thousands."""
    return Cell(indicator.value_kind.table_unit(indicator.unit, indicator.display()))


def figure_cell(indicator: Indicator, number: Decimal | None, denominator: Decimal | None = None) -> Cell:
    """A figure in the column's scale, with the indicator's decimals and padding (when it sets them)."""
    if number is None:
        return Cell("")
    return Cell(*indicator.value_kind.table_figure(number, denominator, indicator.display()))


def typed_cell(indicator: Indicator, value: Value | None) -> Cell:
    """This period's figure as it was typed: its qualifier ("khoảng 4.348", "4% trở lên"), the
    estimate mark ("ước 2.607") and the date it was counted to ("2.607 (đến 15/6/2021)")."""
    if value is None or value.number is None:
        return Cell("")
    cell = marked_cell(indicator, value.number, value.denominator, value)
    if value.as_of:
        return Cell(f"{cell.text} (đến {formatting.day_month_year(value.as_of)})", cell.number)
    return cell


def marked_cell(indicator: Indicator, number: Decimal | None, denominator: Decimal | None,
                marks: Value | None) -> Cell:
    """A figure with the qualifier and estimate mark of the value it comes from: the year to date
    built from quarters carries theirs ("khoảng 4.348" when a part was "khoảng", "ước …" when a
    part is an estimate), as this period's figure does."""
    cell = figure_cell(indicator, number, denominator)
    if number is None or marks is None:
        return cell
    text = cell.text
    if marks.qualifier in SUFFIX_QUALIFIERS:
        text = f"{text} {marks.qualifier}"
    elif marks.qualifier:
        text = f"{marks.qualifier} {text}"
    if marks.estimate:
        text = f"ước {text}"
    return Cell(text, cell.number)


def change_cell(change: Decimal | None) -> Cell:
    """Change on last year in percent points, as statistics print it (cut to two decimals)."""
    if change is None:
        return Cell("")
    return Cell(kinds.change_points(change), kinds.change_rounded(change))


def share_cell(share: Decimal | None) -> Cell:
    """Share of the annual plan in percent points, one decimal, halves away from zero."""
    if share is None:
        return Cell("")
    return Cell(kinds.share_points(share), kinds.share_rounded(share))


def advised(data: ReportData) -> Table | None:
    """Documents advised for the People's Committee (listed in an appendix)."""
    docs = [d for d in data.documents if d.advised]
    if not docs:
        return None
    rows = tuple((Cell(str(i)), Cell(narrative.reference(d)), Cell(d.summary))
                 for i, d in enumerate(docs, start=1))
    return Table(("TT", "Văn bản", "Trích yếu"), rows, (0.5, 4.0, 6.0), (False, False, False))
