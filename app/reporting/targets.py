"""Plans and targets in prose: how many indicators reached their annual plan (``{KH_DAT}``), and
the next period's targets, typed as that period's plan (``{CODE:muctieu}``).

An indicator has reached its plan when its figure to date (the appendix's year-to-date figure:
the sum of the year's quarters for a flow, the latest figure for a stock) is at or above it, or,
for a ceiling (template key ``"target": "at_most"``, a poverty rate "dưới 5%"), at or below it.
"""
from __future__ import annotations

from decimal import Decimal

from app.domain import kinds
from app.domain.period import Period
from app.domain.template import Template
from app.reporting import aggregate
from app.storage.store import Store


def plans_met(template: Template, comparisons: dict[str, aggregate.Comparison]) -> tuple[int, int] | None:
    """(reached, with a plan) over the indicators that have an annual plan; None when none has."""
    planned = [(template.indicators[code], c) for code, c in comparisons.items()
               if c.plan and code in template.indicators]
    if not planned:
        return None
    return sum(1 for ind, c in planned if ind.reached(c.year_to_date, c.plan)), len(planned)


def special(template: Template, comparisons: dict[str, aggregate.Comparison]) -> dict[str, str | Decimal]:
    """The report-wide placeholders: ``{KH_DAT}`` "04/05" (padded below 10 when the template pads
    counts) and ``{KH_DAT:tyle}`` the share reached in percent points, exact (80); absent when no
    indicator has a plan."""
    counted = plans_met(template, comparisons)
    if counted is None:
        return {}
    met, planned = counted
    display = kinds.Display(None, None, template.pad_small_counts)
    return {"KH_DAT": kinds.of("ratio").format(Decimal(met), Decimal(planned), display),
            "KH_DAT:tyle": kinds.share(Decimal(met), Decimal(planned))}


def unfilled(template: Template, comparisons: dict[str, aggregate.Comparison]) -> str:
    """Why ``{KH_DAT}`` prints "…" ("" when it prints a figure)."""
    return "" if plans_met(template, comparisons) else "chưa chỉ tiêu nào có kế hoạch năm"


def next_plans(store: Store, office_code: str, period: Period) -> dict[str, Decimal]:
    """The plans typed for the period after ``period`` (``set --period <next> --plan V``), by indicator."""
    following = aggregate.stored_values(store, office_code, period.next())
    return {code: v.plan for code, v in following.items() if v.plan is not None}


def report_special(store: Store, data) -> dict[str, str | Decimal]:
    """``special`` for a report as its printed copy fills it (its figures over the year to date)."""
    report = data.report
    values = aggregate.period_values(store, report.office_code, report.period, data.template, data.values)
    return special(data.template, aggregate.comparisons(store, report.office_code, report.period, data.template,
                                                        values))
