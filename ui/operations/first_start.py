"""First start: the templates and periods to offer, and creating the office ready to report."""
from __future__ import annotations

import datetime as dt

from app.domain.model import OfficeProfile
from app.domain.period import Period
from app.reporting import desk, due, office_templates
from app.reporting.changes import Changes
from app.reporting.office_templates import TemplateChoice
from app.storage.rows import transaction
from ui.operations.op import Op
from ui.operations.runner import Operations

__all__ = ["TemplateChoice", "create_office_ready", "current_period", "period_choices", "template_choices"]


def template_choices(level: str) -> list[TemplateChoice]:
    """The shipped templates, the one made for ``level`` first."""
    return office_templates.choices(level)


def current_period(today: dt.date | None = None) -> Period:
    """The quarter whose report is due next (Nghị định 09/2019: by the 20th of its last month)."""
    return due.current_quarter(today)


def period_choices(today: dt.date | None = None) -> list[Period]:
    """The current quarter first among the recent periods (newest first)."""
    return due.recent_periods(today)


def due_date(period: Period) -> dt.date:
    return due.due_date(period)


def create_office_ready(*, parent, ops: Operations, code: str, level: str, profile: OfficeProfile,
                        template: str) -> Op:
    """Create the office and choose its template for new reports; the ``Changes`` name the office."""
    def step(store) -> Changes:
        with transaction(store.db):  # the office and its template choice, or neither
            changes = desk.create_office(store, code, level, profile)
            office_templates.use(store, changes.office, template)
        return changes

    return Op(parent, ops).database(step)
