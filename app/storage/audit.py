"""The change log: every write, with who made it and through which door.

Who is the office the change belongs to and the operating-system user running
the program; the door (``channel``) is "window", "command", "sync" or
"import", set on the log by whoever opens it. Callers record inside the
transaction of the change itself, so a change and its entry land together.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
from typing import Any

from app.storage.connection import Database

CHANNELS = ("window", "command", "sync", "import")
_COLUMNS = ("at", "office_code", "report_id", "entity", "key", "old", "new", "reason", "user", "channel")


def now() -> str:
    """The current UTC time to the second, as ISO text (what every stored stamp uses)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def os_user() -> str:
    """The operating-system user name, or "" where the system cannot say (no login name)."""
    try:
        return getpass.getuser()[:200]
    except (OSError, KeyError, ImportError):  # no USER variable and no password entry
        return ""


def _encode(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class AuditLog:
    """Appends to the ``audit`` table; ``channel`` says through which door the writes come."""

    def __init__(self, db: Database, channel: str = "command") -> None:
        self.db = db
        self.user = os_user()
        self.channel = channel

    def record(self, office_code: str, entity: str, key: str, old: Any, new: Any,
               report_id: str | None = None, reason: str = "") -> None:
        """One change (old → new); the caller is inside the change's transaction."""
        row = (now(), office_code, report_id, entity, key, _encode(old), _encode(new), reason,
               self.user, self.channel)
        self.db.conn.execute(
            f"INSERT INTO audit ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})", row)

    def trail(self, report_id: str) -> list[dict]:
        """A report's entries, oldest first, as dicts of the audit columns."""
        cursor = self.db.execute(
            "SELECT at, office_code, entity, key, old, new, reason, user, channel FROM audit"
            " WHERE report_id = ? ORDER BY id", (report_id,))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def entries(self, entity: str, key: str | None = None) -> list[dict]:
        """Entries about one kind of thing (e.g. "file", "template"), oldest first."""
        where, args = ("entity = ?", (entity,)) if key is None else ("entity = ? AND key = ?", (entity, key))
        cursor = self.db.execute(
            "SELECT at, office_code, report_id, entity, key, old, new, reason, user, channel FROM audit"
            f" WHERE {where} ORDER BY id", args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def about(db: Database, report_ids: list[str], entity: str, key: str, limit: int = 5) -> list[dict]:
    """The newest ``limit`` entries about one thing (e.g. entity "value", key "VL_MOI") of these reports."""
    if not report_ids:
        return []
    marks = ", ".join("?" for _ in report_ids)
    cursor = db.execute(
        "SELECT at, office_code, report_id, entity, key, old, new, reason, user, channel FROM audit"
        f" WHERE report_id IN ({marks}) AND entity = ? AND key = ? ORDER BY id DESC LIMIT ?",
        (*report_ids, entity, key, limit))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
