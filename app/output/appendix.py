"""The report's appendix tables: indicators compared over time, and documents advised upward."""
from __future__ import annotations

from decimal import Decimal

from app.domain import formatting, narrative
from app.domain.model import ReportData
from app.domain.template import Indicator, Template
from app.output.model import Cell, Table
from app.reporting import aggregate

_MILLION = Decimal(10) ** 6

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
            Cell("triệu đồng" if indicator.kind == "money" else indicator.unit),
            figure_cell(indicator, current.number if current else None,
                         current.denominator if current else None),
            figure_cell(indicator, c.prior),
            percent_cell(c.change),
            figure_cell(indicator, c.year_to_date, c.year_to_date_denominator),
            figure_cell(indicator, c.plan),
            percent_cell(c.share_of_plan),
        ))
    if not rows:
        return None
    return Table(APPENDIX_COLUMNS, tuple(rows), (0.7, 4.2, 1.5, 1.3, 1.3, 1.1, 1.3, 1.3, 1.1),
                 (False, False, False, True, True, True, True, True, True))


def figure_cell(indicator: Indicator, number: Decimal | None, denominator: Decimal | None = None) -> Cell:
    if number is None:
        return Cell("")
    if indicator.kind == "ratio" and denominator is not None:
        return Cell(formatting.ratio(number, denominator), number)
    if indicator.kind == "money":
        millions = number / _MILLION
        return Cell(formatting.number(millions), millions)
    if indicator.kind == "percent":
        return Cell(formatting.percent(number), number)
    return Cell(formatting.number(number), number)


def percent_cell(number: Decimal | None) -> Cell:
    return Cell(formatting.number(number), number) if number is not None else Cell("")


def advised(data: ReportData) -> Table | None:
    """Documents advised for the People's Committee (listed in an appendix)."""
    docs = [d for d in data.documents if d.advised]
    if not docs:
        return None
    rows = tuple((Cell(str(i)), Cell(narrative.reference(d)), Cell(d.summary))
                 for i, d in enumerate(docs, start=1))
    return Table(("TT", "Văn bản", "Trích yếu"), rows, (0.5, 4.0, 6.0), (False, False, False))
