"""Backups through SQLite's online backup API: consistent while the app keeps working.

The copy is written to a temporary file in the target folder, flushed to disk,
checked, then renamed over the target, so a power cut leaves either the old
backup or the new one, never half of one. A run that was killed leaves its
temporary file (and SQLite's journal of it) behind; the next backup into the
same folder removes those leftovers — only our own temporary names, and only
ones older than the run.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import time
from pathlib import Path

from app.errors import UserError, describe_os_error
from app.fsutil import check_name, fsync_dir, temp_path
from app.storage.connection import Database

#: What ``fsutil.temp_path`` makes, plus the journal files SQLite keeps beside it.
_TEMP_SUFFIX = r"\.[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?"
_SQLITE_HEADER = b"SQLite format 3\x00"
_FOLDER = "backup"


def backup_database(db: Database, target: Path | str) -> Path:
    """Write a consistent copy of ``db`` to ``target`` atomically; return its path."""
    started = time.time()
    target = Path(target).resolve()
    if target.is_dir():
        raise UserError(f"“{target}” là một thư mục; hãy chọn tên tệp sao lưu.")
    check_name(target)
    tmp = temp_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target.parent, re.escape(target.name), started)
        _copy_checked(db, tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise UserError(f"Không ghi được bản sao lưu vào {target}: {describe_os_error(exc)}") from exc
    finally:
        _remove_quietly(tmp, Path(f"{tmp}-journal"))
    return target


def _copy_checked(db: Database, tmp: Path) -> None:
    dest = sqlite3.connect(str(tmp))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        check = dest.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dest.close()
    if check != "ok":
        raise UserError(f"Bản sao lưu không đạt kiểm tra toàn vẹn: {check}")
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def backup_to_folder(store, folder: Path | str, office_code: str, keep: int = 10) -> Path:
    """A dated backup in ``<folder>/backup/<OFFICE>/``, keeping the newest ``keep``."""
    started = time.time()
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"Không truy cập được thư mục {folder}; chưa sao lưu.")
    target_dir = folder / _FOLDER / office_code
    stem = f"baocao-{office_code}"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_database(store.db, target_dir / f"{stem}-{stamp}.sqlite3")
    rotate(target_dir, stem, keep, started=started)
    return target


def rotate(folder: Path, stem: str, keep: int, *, started: float | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups named ``stem-*.sqlite3`` in ``folder``.

    Temporary files of earlier, interrupted backups of the same stem (older
    than ``started``, default now) are removed as well.
    """
    remove_stale_temps(folder, re.escape(stem) + r"-\d{8}-\d{6}\.sqlite3", started or time.time())
    backups = sorted(folder.glob(f"{stem}-*.sqlite3"))
    removed = backups[:-keep] if keep > 0 else backups
    for old in removed:
        old.unlink()
    return removed


def remove_stale_temps(folder: Path, name_pattern: str, before: float) -> list[Path]:
    """Remove ``.<name>.<8 hex>.tmp`` files (and their journals) in ``folder`` last written before ``before``.

    ``name_pattern`` is a regular expression for the target's name; nothing
    else is touched, and a file still being written by a running backup is newer
    than ``before`` and stays.
    """
    pattern = re.compile(r"\." + name_pattern + _TEMP_SUFFIX)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        try:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) \
                    and entry.stat(follow_symlinks=False).st_mtime < before:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # another backup took it meanwhile; nothing to do
    return removed


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def newest_backup(database: Path) -> Path | None:
    """The most recent backup of this installation found near ``database``, or None.

    Looked for beside the database (``backup --out`` copies, the copies kept
    before an upgrade or a restore) and in ``backup/`` and ``backup/<ĐƠN VỊ>/``
    beside it (the layout ``backup --folder`` writes); only files that start as
    an SQLite database of this application count, and none that an
    installation uses (its lock file beside it).
    """
    database = Path(database).resolve()
    folders = [database.parent, database.parent / _FOLDER]
    try:
        folders += [p for p in (database.parent / _FOLDER).iterdir() if p.is_dir()]
    except OSError:
        pass
    found = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if _looks_like_backup(entry, database):
                found.append((entry.stat().st_mtime, entry.path))
    return Path(max(found)[1]) if found else None


def _looks_like_backup(entry: os.DirEntry, database: Path) -> bool:
    from app.storage.db import APPLICATION_ID

    if entry.name.startswith(".") or entry.name.endswith(("-wal", "-shm", "-journal", ".lock", ".keys")):
        return False
    if os.path.exists(entry.path + ".lock"):
        return False  # the live database of another installation in the same folder, not a backup
    try:
        if not entry.is_file(follow_symlinks=False) or Path(entry.path).resolve() == database:
            return False
        with open(entry.path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return len(header) == 100 and header.startswith(_SQLITE_HEADER) \
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
