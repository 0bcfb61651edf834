"""Opening the local database file: identity, durability, integrity, schema, locking.

One SQLite file per installation, on a local disk. Opening it sets
``application_id``, ``synchronous=FULL``, foreign keys and WAL (local disks
only), runs ``PRAGMA quick_check`` and migrates the schema step by step, with a
backup first. A database from a newer version of the app is refused.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from app.errors import DatabaseError
from app.storage import location, migrations
from app.storage.lock import InstanceLock

APPLICATION_ID = 0x4C445442  # "LDTB"


@dataclass
class Opened:
    """An open database and what the operator should be told about it."""

    db: sqlite_utils.Database
    path: Path | None
    warnings: list[str] = field(default_factory=list)
    lock: InstanceLock | None = None
    migrated_from: int | None = None

    def close(self) -> None:
        self.db.close()
        if self.lock:
            self.lock.release()


def open_database(path: Path | str | None, *, exclusive: bool = False) -> Opened:
    """Open (creating if needed) and migrate the database at ``path``; None for memory.

    With ``exclusive`` the file is locked for this process (the window takes it,
    so a second window on the same file is refused with a clear message).
    Raises DatabaseError with an operator-facing message.
    """
    if path is None:
        db = sqlite_utils.Database(sqlite3.connect(":memory:", check_same_thread=False), execute_plugins=False)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db, wal=False)
        migrations.upgrade(db, None)
        return Opened(db, None)
    path = Path(path).resolve()
    warnings = location.warnings_for(path)
    lock = InstanceLock(path.with_name(path.name + ".lock")) if exclusive else None
    if lock:
        lock.acquire()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
        db = sqlite_utils.Database(conn, execute_plugins=False)  # no plugin scan: a faster start
        _identify(db, existed, path)
        _configure(db, wal=not warnings)
        _quick_check(db, path)
        before = migrations.current_version(db)
        migrations.upgrade(db, path)
    except sqlite3.DatabaseError as exc:
        if lock:
            lock.release()
        raise DatabaseError(f"Không mở được cơ sở dữ liệu {path}: {exc}") from exc
    except BaseException:
        if lock:
            lock.release()
        raise
    migrated = before if before != migrations.LATEST and existed else None
    return Opened(db, path, warnings, lock, migrated)


def _identify(db: sqlite_utils.Database, existed: bool, path: Path) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if existed and app_id not in (0, APPLICATION_ID):
        raise DatabaseError(f"Tệp {path} không phải là cơ sở dữ liệu của phần mềm báo cáo.")
    if existed and app_id == 0 and db.table_names():
        raise DatabaseError(f"Tệp {path} là một cơ sở dữ liệu SQLite khác, không phải của phần mềm này.")
    if app_id == 0:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _configure(db: sqlite_utils.Database, *, wal: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    if wal:
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def _quick_check(db: sqlite_utils.Database, path: Path) -> None:
    result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise DatabaseError(
            f"Cơ sở dữ liệu {path} bị hỏng ({'; '.join(result[:3])}). "
            "Hãy khôi phục từ bản sao lưu gần nhất."
        )


def default_path() -> Path:
    """The per-user data file: %APPDATA%\\BaoCaoLDTBXH on Windows, XDG on Linux."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "BaoCaoLDTBXH" / "baocao.sqlite3"
