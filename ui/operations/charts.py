"""Trend charts: an indicator's figures over the last periods, and whether the report's appendix
"Biểu đồ" draws it."""
from __future__ import annotations

from decimal import Decimal

from app.reporting import trends
from app.reporting.desk import Sheet
from ui.operations.op import Op
from ui.operations.runner import Operations


def load_trend(*, parent, ops: Operations, sheet: Sheet, code: str) -> Op:
    """``(Trend, included)``: the indicator over the last 8 periods and a year before, and whether
    the appendix draws it."""
    office, period, template = sheet.report.office_code, sheet.report.period, sheet.data.template

    def step(store):
        return (trends.trend(store, office, period, template, code),
                code in trends.chosen(store, office, period, template))

    return Op(parent, ops).database(step)


def include_chart(*, parent, ops: Operations, sheet: Sheet, code: str, included: bool) -> Op:
    """Add the indicator to the report's appendix "Biểu đồ" or take it out; the codes drawn after."""
    office, period, template = sheet.report.office_code, sheet.report.period, sheet.data.template

    def step(store):
        codes = [c for c in trends.chosen(store, office, period, template) if c != code]
        if included:
            codes.append(code)
        return trends.choose(store, office, period, template, codes)  # one transaction

    return Op(parent, ops).database(step)


def chart_number(value: Decimal | None) -> str:
    """A chart's figure as Vietnamese print it: "2.607"."""
    return trends.number_text(value)
