"""Outliers: a figure far from the same indicator's last four periods.

The rule is the usual one of health and statistics information systems: outside the mean
± k standard deviations of the four periods before (k from the template's
``outlier_factor``, 2 by default), checked only once four earlier periods have the figure.
The standard deviation is the sample one (n − 1), the more forgiving of the two on four
values. A ratio ("5/5") is judged by its share.
"""
from __future__ import annotations

import statistics
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import msgspec

from app.domain import formatting
from app.domain.model import ReportData, Value
from app.domain.period import Period
from app.domain.template import Indicator
from app.domain.validate import Finding, Severity

HISTORY = 4
DEFAULT_FACTOR = Decimal(2)


class Range(msgspec.Struct, frozen=True):
    low: Decimal
    high: Decimal
    mean: Decimal
    deviation: Decimal


def earlier_periods(period: Period, count: int = HISTORY) -> list[Period]:
    """The ``count`` periods of the same kind just before ``period``, newest first."""
    out, current = [], period
    for _ in range(count):
        current = current.previous() if period.is_base else current.same_period_last_year()
        out.append(current)
    return out


def usual_range(history: list[Decimal], factor: Decimal = DEFAULT_FACTOR) -> Range:
    """Mean ± ``factor`` sample standard deviations of ``history`` (at least two values)."""
    mean = statistics.mean(history)
    deviation = statistics.stdev(history)
    return Range(mean - factor * deviation, mean + factor * deviation, mean, deviation)


def _measure(indicator: Indicator, value: Value | None) -> Decimal | None:
    if value is None or value.number is None:
        return None
    if indicator.kind == "ratio":
        return value.number / value.denominator if value.denominator else None
    return value.number


def outlier_findings(data: ReportData, history: list[tuple[Period, dict[str, Value]]]) -> list[Finding]:
    """Warnings for the figures of ``data`` outside the usual range of ``history`` (newest first)."""
    if len(history) < HISTORY:
        return []
    factor = Decimal(data.template.outlier_factor or DEFAULT_FACTOR)
    span = f"{history[-1][0].label} – {history[0][0].label}"
    out = []
    for code, indicator in data.template.indicators.items():
        now = _measure(indicator, data.values.get(code))
        before = [_measure(indicator, values.get(code)) for _, values in history]
        if now is None or any(b is None for b in before):
            continue
        usual = usual_range(before, factor)
        if indicator.minimum is not None and usual.low < Decimal(indicator.minimum):
            usual = Range(Decimal(indicator.minimum), usual.high, usual.mean, usual.deviation)
        if usual.low <= now <= usual.high:
            continue
        out.append(Finding(Severity.WARNING, indicator.section, code,
                           f"“{indicator.label}” ({code}) = {_show(indicator, now)} nằm ngoài khoảng thường gặp "
                           f"{_show(indicator, usual.low, ROUND_CEILING, unit=False)} – {_show(indicator, usual.high, ROUND_FLOOR)} "
                           f"(trung bình ± {formatting.number(factor)} độ lệch chuẩn của {HISTORY} kỳ {span}); "
                           "hãy kiểm tra lại.", "outlier"))
    return out


def _show(indicator: Indicator, number: Decimal, rounding: str = ROUND_FLOOR, unit: bool = True) -> str:
    """A figure as the indicator shows it (whole people, whole đồng); a bound of the range is rounded inwards,
    so every whole figure shown inside it is inside, every one shown outside is outside."""
    if indicator.kind == "ratio":
        number = (number * 100).quantize(Decimal("0.1"), rounding=rounding).normalize()
        return f"{formatting.number(number)}%"
    places = Decimal(1) if indicator.kind in ("count", "money") else Decimal("0.01")
    number = number.quantize(places, rounding=rounding).normalize()
    if indicator.kind == "money":
        return formatting.money(number)
    if indicator.kind == "percent":
        return f"{formatting.number(number)}%"
    return f"{formatting.number(number)} {indicator.unit if unit else ''}".rstrip()
