"""The past of the open report: its change log and one figure's earlier periods and latest changes."""
from __future__ import annotations

from app.reporting import history
from ui.operations.op import Op
from ui.operations.runner import Operations


def list_audit(*, parent, ops: Operations, office: str, period: str) -> Op:
    """Every change of the office's report for ``period`` (all revisions), oldest first: ``AuditEntry`` list."""
    return Op(parent, ops).database(lambda store: history.audit_entries(store, office, period))


def cell_history(*, parent, ops: Operations, office: str, period: str, code: str) -> Op:
    """Indicator ``code``'s figure in the 4 periods before and its latest changes: a ``CellHistory``."""
    return Op(parent, ops).database(lambda store: history.cell_history(store, office, period, code))


def cell_histories(*, parent, ops: Operations, office: str, period: str, codes: list[str]) -> Op:
    """The ``CellHistory`` of each of ``codes`` (4 periods before, the latest change): a dict by code."""
    codes = list(codes)
    return Op(parent, ops).database(lambda store: history.cell_histories(store, office, period, codes))
