"""Checks beyond the figures' rules, all warnings (never blocking, never correcting anything):
spelling, stale copies of last period's report, period words pointing at another period,
figures far from their usual range, and plans a placeholder prints that are not there.

``report_checks`` reads what it needs of earlier periods from the store; the checks
themselves work on plain report data (``spelling``, ``stale``, ``period_words``, ``outliers``).
Each is loaded when first used: the window's spelling marks need ``spelling`` alone.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.model import ReportData, Value
    from app.domain.period import Period
    from app.domain.validate import Finding
    from app.storage.store import Store


def report_checks(store: Store, data: ReportData) -> list[Finding]:
    """Every warning of these checks for ``data`` (the report as it prints)."""
    from app.checks import outliers, period_words, plans, stale, texts

    period = data.report.period
    previous = _previous(store, data)
    return (texts.spelling_findings(data)
            + period_words.period_word_findings(texts.report_texts(data), period, data)
            + stale.stale_findings(data, previous)
            + outliers.outlier_findings(data, _history(store, data))
            + plans.plan_findings(store, data))


def _previous(store: Store, data: ReportData) -> ReportData | None:
    """Last period's report (a month's or a quarter's; longer periods have none)."""
    period = data.report.period
    if not period.is_base:
        return None
    earlier = store.find_report(data.report.office_code, period.previous())
    return store.content.load(earlier) if earlier else None


def _history(store: Store, data: ReportData) -> list[tuple[Period, dict[str, Value]]]:
    """The figures of the four periods before, newest first; stops at the first period with no report."""
    from app.checks import outliers
    from app.reporting import aggregate

    out = []
    for period in outliers.earlier_periods(data.report.period):
        if period.is_base:
            values = aggregate.stored_values(store, data.report.office_code, period)
        else:
            values = aggregate.period_values(store, data.report.office_code, period, data.template)
        if not values:
            break
        out.append((period, values))
    return out
