"""Backups through SQLite's online backup API: consistent while the app keeps working.

The copy is written to a temporary file in the target folder, flushed to disk,
checked, then renamed over the target, so a power cut leaves either the old
backup or the new one, never half of one.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from app.errors import UserError, describe_os_error
from app.fsutil import check_name, fsync_dir, temp_path


def backup_database(db: sqlite_utils.Database, target: Path | str) -> Path:
    """Write a consistent copy of ``db`` to ``target`` atomically; return its path."""
    target = Path(target).resolve()
    if target.is_dir():
        raise UserError(f"“{target}” là một thư mục; hãy chọn tên tệp sao lưu.")
    check_name(target)
    tmp = temp_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
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
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise UserError(f"Không ghi được bản sao lưu vào {target}: {describe_os_error(exc)}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def backup_to_folder(store, folder: Path | str, office_code: str, keep: int = 10) -> Path:
    """A dated backup in ``<folder>/backup/<OFFICE>/``, keeping the newest ``keep``."""
    import datetime as dt

    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"Không truy cập được thư mục {folder}; chưa sao lưu.")
    target_dir = folder / "backup" / office_code
    stem = f"baocao-{office_code}"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_database(store.db, target_dir / f"{stem}-{stamp}.sqlite3")
    rotate(target_dir, stem, keep)
    return target


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups named ``stem-*.sqlite3`` in ``folder``."""
    backups = sorted(folder.glob(f"{stem}-*.sqlite3"))
    removed = backups[:-keep] if keep > 0 else backups
    for old in removed:
        old.unlink()
    return removed
