"""Figures over time: six-month, nine-month and annual figures from the quarters entered,
the same period last year, the year to date (lũy kế) and the share of the annual plan.

Flows are summed over quarters; stocks take the latest quarter that has a value.
Percentages are never summed (they behave as stocks).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain import formatting
from app.domain.model import Value
from app.domain.period import Period
from app.domain.template import Indicator, Template
from app.storage.store import Store


def combine(template: Template, parts: list[dict[str, Value]]) -> dict[str, Value]:
    """Combine quarters' values (oldest first) per each indicator's time rule."""
    out: dict[str, Value] = {}
    for code, indicator in template.indicators.items():
        present = [p[code] for p in parts if code in p and p[code].number is not None]
        if not present:
            continue
        if indicator.time == "stock" or indicator.kind == "percent":
            out[code] = present[-1]
            continue
        number = sum((v.number for v in present), Decimal(0))
        denominator = None
        if indicator.kind == "ratio":
            denominator = sum((v.denominator or Decimal(0) for v in present), Decimal(0))
        out[code] = Value(code, number, denominator, qualifier=_carried(present),
                          estimate=any(v.estimate for v in present),
                          as_of=max((v.as_of for v in present if v.as_of), default=None),
                          plan=next((v.plan for v in reversed(present) if v.plan is not None), None))
    return out


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


@dataclass(frozen=True)
class Comparison:
    """One appendix row's figures: this period, last year, change, year to date, plan."""

    current: Value | None
    prior: Decimal | None
    change: Decimal | None  # percent points
    year_to_date: Decimal | None
    plan: Decimal | None
    share_of_plan: Decimal | None  # percent points
    year_to_date_denominator: Decimal | None = None  # ratios: "5/5"


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
        number = current.number if current else None
        prior = current.prior_year if current and current.prior_year is not None else None
        if prior is None and code in last_year:
            prior = last_year[code].number
        plan = current.plan if current and current.plan is not None else None
        if plan is None and code in ytd:
            plan = ytd[code].plan
        to_date = ytd[code].number if code in ytd else None
        if number is None and prior is None and to_date is None and plan is None:
            continue
        out[code] = Comparison(
            current=current,
            prior=prior,
            change=formatting.change_percent(number, prior) if number is not None and prior else None,
            year_to_date=to_date if _summable(indicator) else number,
            plan=plan,
            share_of_plan=_share(to_date if _summable(indicator) else number, plan),
            year_to_date_denominator=(ytd[code].denominator if code in ytd and _summable(indicator)
                                      else current.denominator if current else None),
        )
    return out


def _summable(indicator: Indicator) -> bool:
    return indicator.time == "flow" and indicator.kind != "percent"


def _share(number: Decimal | None, plan: Decimal | None) -> Decimal | None:
    if number is None or not plan:
        return None
    return (number * 100 / plan).quantize(Decimal("0.1")).normalize()
