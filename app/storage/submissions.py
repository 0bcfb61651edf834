"""Deadlines and received packages as the consolidation reads them (the exchange tables' repository)."""
from __future__ import annotations

from app.storage.connection import Database


def _exchange():
    """``app.storage.exchange``, loaded when first asked for: printing a report needs none of it."""
    from app.storage import exchange

    return exchange


class Submissions:
    """A thin view of ``app.storage.exchange`` bound to one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set_deadline(self, office_code: str, period: str, due: str) -> None:
        """The deadline ``office_code`` set for ``period`` (inside the caller's transaction)."""
        _exchange().set_deadline(self.db, office_code, period, due)

    def set_deadlines(self, office_code: str, deadlines: dict[str, str]) -> None:
        """Every ``period → due`` of ``deadlines`` set by ``office_code``, in one transaction."""
        with self.db.atomic():
            for period, due in deadlines.items():
                _exchange().set_deadline(self.db, office_code, period, due)

    def deadline(self, office_code: str, period: str) -> str:
        """The due date ``office_code`` set for ``period``, or ""."""
        return _exchange().deadline(self.db, office_code, period) or ""

    def first_received(self, office_code: str, period: str) -> str:
        """When the first report package of ``office_code`` for ``period`` was created, or ""."""
        return _exchange().first_received(self.db, office_code, period) or ""
