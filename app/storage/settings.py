"""Durable key → JSON text settings (``setting``); the typed model lives in ``app.reporting.settings``."""
from __future__ import annotations

from app.storage.audit import AuditLog
from app.storage.connection import Database
from app.storage.rows import transaction


class SettingRows:
    """The ``setting`` table."""

    def __init__(self, db: Database, log: AuditLog) -> None:
        self.db = db
        self.log = log

    def all(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM setting").fetchall())

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, changes: dict[str, tuple[str, object, object]], office_code: str = "") -> None:
        """Store ``{key: (text, old, new)}`` in one transaction, each change audited as old → new."""
        with transaction(self.db):
            for key, (text, old, new) in changes.items():
                self.db.conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, text))
                self.log.record(office_code, "setting", key, old, new)
