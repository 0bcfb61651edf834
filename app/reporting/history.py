"""What the window shows of the past: a report's change log and one figure's earlier periods and changes.

The log is the one ``audit --office C --period P`` prints (every revision of the
period, oldest first), the change text built the same way.
"""
from __future__ import annotations

import datetime as dt

import msgspec

from app.domain.period import Period
from app.reporting import aggregate
from app.reporting.audit_text import change_text
from app.storage import audit
from app.storage.store import Store


class AuditEntry(msgspec.Struct, frozen=True):
    """One change as the operator reads it: local time, office, user, door, what, old → new."""

    at: str
    office: str
    user: str
    channel: str  # "window", "command", "sync", "import" (or "" when not recorded)
    entity: str
    key: str
    change: str
    reason: str


class CellHistory(msgspec.Struct, frozen=True):
    """One indicator: its figure in the periods before (newest first) and its latest changes (newest first)."""

    code: str
    label: str
    earlier: tuple[tuple[str, str], ...]  # (period label, figure text or "" when none)
    changes: tuple[AuditEntry, ...]


def local_time(stamp: str | None) -> str:
    """A stored UTC stamp as the office's local "dd/mm/yyyy hh:mm:ss"; the text itself when unreadable."""
    try:
        moment = dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp or "")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def entry_of(row: dict) -> AuditEntry:
    return AuditEntry(local_time(row.get("at")), str(row.get("office_code") or ""), str(row.get("user") or ""),
                      str(row.get("channel") or ""), str(row.get("entity") or ""), str(row.get("key") or ""),
                      change_text(row.get("old"), row.get("new")), str(row.get("reason") or ""))


def _revisions(store: Store, office: str, period: str) -> list[str]:
    current = store.report(office, period)  # a plain error for an unknown office, period or report
    return [r.id for r in store.reports(office) if str(r.period) == str(current.period)]


def audit_entries(store: Store, office: str, period: str) -> list[AuditEntry]:
    """Every change of every revision of the office's report for ``period``, oldest first."""
    return [entry_of(row) for rid in _revisions(store, office, period) for row in store.audit_trail(rid)]


def step_back(period: Period) -> Period:
    """The period of the same length just before: last quarter, last month, or the same period a year ago."""
    if period.is_quarter or period.is_month:
        return period.previous()
    return period.same_period_last_year()


def cell_history(store: Store, office: str, period: str, code: str, count: int = 4,
                 changes: int = 5) -> CellHistory:
    """Indicator ``code``: its figure in the ``count`` periods before ``period`` and its latest changes."""
    return cell_histories(store, office, period, [code], count, changes)[code]


def cell_histories(store: Store, office: str, period: str, codes: list[str], count: int = 4,
                   changes: int = 1) -> dict[str, CellHistory]:
    """``cell_history`` of several indicators at once (a section's grid): each earlier period is built once."""
    report = store.report(office, period)
    template = store.template_of(report)
    revisions = _revisions(store, office, period)
    steps, step = [], report.period
    for _ in range(count):
        step = step_back(step)
        steps.append((step.label, aggregate.period_values(store, office, step, template)))
    out = {}
    for code in codes:
        indicator = template.indicators.get(code)
        earlier = tuple((label, _shown(indicator, values.get(code))) for label, values in steps)
        rows = audit.about(store.db, revisions, "value", code, changes)
        out[code] = CellHistory(code, indicator.label if indicator else code, earlier,
                                tuple(entry_of(row) for row in rows))
    return out


def _shown(indicator, value) -> str:
    if indicator is None or value is None or value.number is None:
        return ""
    return indicator.value_kind.format(value.number, value.denominator)
