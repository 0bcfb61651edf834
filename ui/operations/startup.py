"""Opening the database for the window: locked, in the window's audit channel, and a second connection
for the shared folder."""
from __future__ import annotations

from pathlib import Path

import msgspec

from app.reporting import settings as settings_mod
from app.storage import db as dbmod
from app.storage.store import Store
from ui.operations.runner import Operations

CHANNEL = "window"


class Startup(msgspec.Struct):
    """What the window starts with."""

    ops: Operations
    label: str  # the database file, for the operator
    language: str
    warnings: list[str] = msgspec.field(default_factory=list)


def _store(opened: dbmod.Opened) -> Store:
    store = Store(opened.db)
    if hasattr(store, "channel"):  # the audit says where each change came from
        store.channel = CHANNEL
    return store


def open_window_database(db_path: Path | None) -> Startup:
    """Open (and lock) the database for this window; raises UserError with the reason.

    The database thread owns this connection. Shared-folder work gets a second
    connection to the same file, opened on its own thread when first needed: in
    WAL mode it reads while the window writes, and the two writers wait for each
    other's short transactions (busy timeout) instead of a save queueing behind
    a whole sync.
    """
    opened = dbmod.open_database(db_path or dbmod.default_path(), exclusive=True)
    store = _store(opened)
    language = settings_mod.load(store).language

    def exchange_connection():
        other = dbmod.open_database(opened.path)  # same process: the window's lock already covers it
        return _store(other), other.close

    ops = Operations(store, opened.close, exchange_opener=exchange_connection)
    return Startup(ops, str(opened.path), language, list(opened.warnings))
