"""Figures over time: six-month, nine-month and annual figures from the quarters entered,
the same period last year, the year to date (lũy kế) and the share of the annual plan.

Flows are summed over quarters; stocks take the latest quarter that has a value; how a
figure adds up is its kind's (``app.domain.kinds``: percentages are never summed).
"""
from __future__ import annotations

from decimal import Decimal

import msgspec

from app.domain.model import Value
from app.domain.period import Period
from app.domain.template import Indicator, Template
from app.storage.store import Store


def combine(template: Template, parts: list[dict[str, Value]]) -> dict[str, Value]:
    """Combine quarters' values (oldest first) per each indicator's time rule and kind."""
    out: dict[str, Value] = {}
    for code, indicator in template.indicators.items():
        present = [p[code] for p in parts if code in p and p[code].number is not None]
        if not present:
            continue
        if not indicator.value_kind.sums_over_time(indicator.time):
            out[code] = present[-1]
            continue
        plan = next((v.plan for v in reversed(present) if v.plan is not None), None)
        out[code] = total(indicator, present, plan)
    return out


def total(indicator: Indicator, present: list[Value], plan: Decimal | None) -> Value:
    """The sum of several figures of one indicator (quarters, or offices) as its kind adds them,
    with the qualifier carried, an estimate if any part is one, and the latest as-of date."""
    number, denominator = indicator.value_kind.total([(v.number, v.denominator) for v in present])
    return Value(indicator.code, number, denominator, qualifier=_carried(present),
                 estimate=any(v.estimate for v in present),
                 as_of=max((v.as_of for v in present if v.as_of), default=None), plan=plan)


def _carried(present: list[Value]) -> str | None:
    """A qualifier on any part carries to the total: the same word when all agree, else "khoảng"."""
    words = {v.qualifier for v in present if v.qualifier}
    if not words:
        return None
    return words.pop() if len(words) == 1 and len([v for v in present if v.qualifier]) == len(present) \
        else "khoảng"


def stored_values(store: Store, office_code: str, period: Period) -> dict[str, Value]:
    report = store.find_report(office_code, period)
    return store.content.values(report.id) if report else {}


def base_values(store: Store, office_code: str, part: Period) -> list[dict[str, Value]]:
    """A base period's figures: its own report, or for a quarter without one, its months' reports."""
    own = stored_values(store, office_code, part)
    if own or not part.is_quarter:
        return [own]
    return [stored_values(store, office_code, Period(part.year, f"M{m}")) for m in part.months]


def period_values(store: Store, office_code: str, period: Period, template: Template,
                  own: dict[str, Value] | None = None) -> dict[str, Value]:
    """The figures ``period`` prints: a base period's own, or built from its parts (see ``derived``)."""
    from app.reporting import derived

    return derived.derive(store, office_code, period, template, own).values


class Comparison(msgspec.Struct, frozen=True):
    """One appendix row's figures: this period, last year, change, year to date, plan."""

    current: Value | None
    prior: Decimal | None
    change: Decimal | None  # percent points, exact (printing rounds it)
    year_to_date: Decimal | None
    plan: Decimal | None
    share_of_plan: Decimal | None  # percent points, exact (printing rounds it)
    year_to_date_denominator: Decimal | None = None  # ratios: "5/5"
    to_date: Value | None = None  # the value behind the year to date: its qualifier and estimate mark


def comparisons(store: Store, office_code: str, period: Period, template: Template,
                values: dict[str, Value]) -> dict[str, Comparison]:
    """Appendix figures for every indicator that has any of them."""
    last_year = period_values(store, office_code, period.same_period_last_year(), template)
    ytd_period = Period.first_months(period.year, period.months[-1])
    if ytd_period == period or ytd_period.parts() == [period]:
        ytd = values
    else:
        ytd = combine(template, [v for q in period.year_to_date() for v in base_values(store, office_code, q)])
    out = {}
    for code, indicator in template.indicators.items():
        current = values.get(code)
        prior = current.prior_year if current and current.prior_year is not None else None
        if prior is None and code in last_year:
            prior = last_year[code].number
        plan = current.plan if current and current.plan is not None else None
        if plan is None and code in ytd:
            plan = ytd[code].plan
        row = comparison(indicator, current, prior, ytd.get(code), plan)
        if row is not None:
            out[code] = row
    return out


def comparison(indicator: Indicator, current: Value | None, prior: Decimal | None, to_date: Value | None,
               plan: Decimal | None) -> Comparison | None:
    """One appendix row from its figures (None when it has none): the change, the year to date as the
    indicator's kind and time rule build it, and the share of the plan, exact."""
    kind = indicator.value_kind
    number = current.number if current else None
    summed = kind.sums_over_time(indicator.time)
    raw_to_date = to_date.number if to_date else None
    ytd_number = raw_to_date if summed else number
    if number is None and prior is None and raw_to_date is None and plan is None:
        return None
    return Comparison(
        current=current, prior=prior, change=kind.change(number, prior), year_to_date=ytd_number, plan=plan,
        share_of_plan=kind.share_of_plan(ytd_number, plan),
        year_to_date_denominator=(to_date.denominator if to_date and summed
                                  else current.denominator if current else None),
        to_date=to_date if summed else current)
