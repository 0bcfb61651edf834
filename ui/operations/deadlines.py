"""The deadline the office above set for this office's report (received with its packages)."""
from __future__ import annotations

import datetime as dt

from app.reporting.desk import Sheet
from ui.operations.op import Op
from ui.operations.runner import Operations


def due_date(store, office_code: str, period: str) -> dt.date | None:
    """The date ``office_code``'s parent office set for ``period``, or None (no parent, none received, unreadable)."""
    office = next((o for o in store.offices() if o.code == office_code), None)
    parent = office.current.parent_code if office and office.profiles else None
    if not parent:
        return None
    try:
        return dt.date.fromisoformat(store.submissions.deadline(parent, period)[:10])
    except ValueError:
        return None


def load_deadline(*, parent, ops: Operations, sheet: Sheet) -> Op:
    """Gives the report's due date (or None)."""
    office, period = sheet.report.office_code, str(sheet.report.period)
    return Op(parent, ops).database(lambda store: due_date(store, office, period))
