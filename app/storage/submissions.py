"""Deadlines published by the consolidating office (``deadline``) and when submissions arrived (``inbox``)."""
from __future__ import annotations

import sqlite_utils


class Submissions:
    """What consolidation asks of the exchange tables; packages themselves are kept elsewhere."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def set_deadline(self, office_code: str, period: str, due: str) -> None:
        """The deadline ``office_code`` set for ``period`` (inside the caller's transaction)."""
        self.db.conn.execute("INSERT OR REPLACE INTO deadline (office_code, period, due) VALUES (?, ?, ?)",
                             (office_code, period, due))

    def deadline(self, office_code: str, period: str) -> str:
        """The due date ``office_code`` set for ``period``, or ""."""
        row = self.db.execute("SELECT due FROM deadline WHERE office_code = ? AND period = ?",
                              (office_code, period)).fetchone()
        return row[0] if row else ""

    def first_received(self, office_code: str, period: str) -> str:
        """When the first report package of ``office_code`` for ``period`` was created, or ""."""
        row = self.db.execute("SELECT min(created) FROM inbox WHERE office_code = ? AND period = ?"
                              " AND kind = 'report'", (office_code, period)).fetchone()
        return row[0] or ""
