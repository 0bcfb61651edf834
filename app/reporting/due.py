"""The period an operator reports on today, by the data cut-off of Nghị định 09/2019/NĐ-CP.

A quarter's data runs from the 15th of the month before it to the 14th of its last
month, and its report is due by the 20th of that last month (Điều 12). Until that
day the quarter's report is the one to write; after it, the next quarter's.
"""
from __future__ import annotations

import datetime as dt

from app.domain.period import Period

DUE_DAY = 20


def due_date(period: Period, day: int = DUE_DAY) -> dt.date:
    """The day a period's report is due: ``day`` of its last month."""
    return dt.date(period.year, period.months[-1], day)


def current_quarter(today: dt.date | None = None, day: int = DUE_DAY) -> Period:
    """The quarter whose report is due next, counting today (Dec 2 → Q4, Dec 21 → next year's Q1)."""
    today = today or dt.date.today()
    quarter = Period(today.year, f"Q{(today.month - 1) // 3 + 1}")
    return quarter if today <= due_date(quarter, day) else quarter.next()


def recent_periods(today: dt.date | None = None, count: int = 4) -> list[Period]:
    """The current quarter and the ``count`` quarters before it, newest first, then the year's longer
    periods already under way (6 tháng, 9 tháng, năm) that end no later than the current quarter."""
    current = current_quarter(today)
    quarters = [current]
    for _ in range(count):
        quarters.append(quarters[-1].previous_quarter())
    longer = [Period(current.year, kind) for kind in ("Y", "9M", "H1")
              if Period(current.year, kind).end <= current.end]
    return sorted({*quarters, *longer}, key=lambda p: p.sort_key, reverse=True)
