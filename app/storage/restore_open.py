"""Restoring a backup into the database the window holds open, and telling what a backup holds.

The window holds the database's lock, so ``restore --from`` (which replaces the
file) would be refused. Here the same checks run on the backup
(``restore.check_backup``), the current content is first kept as a checked
copy under the same dated name beside the database, and the backup is then
copied page by page into the open database through SQLite's backup API, in
one step, followed by the schema upgrade an older backup needs. The signing
key file beside the database is not touched.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import msgspec

from app.errors import UserError
from app.fsutil import check_readable
from app.storage import migrations
from app.storage.backup import backup_database
from app.storage.connection import Database
from app.storage.db import read_only_uri
from app.storage.restore import MAX_BACKUP_BYTES, Restored, check_backup, dated_name


class BackupInfo(msgspec.Struct, frozen=True):
    """What a backup file holds, for the operator to confirm before restoring it."""

    path: Path
    offices: tuple[str, ...]  # "CODE – name"
    newest_period: str  # "" when it holds no report
    reports: int
    modified: str  # the file's date, "dd/mm/yyyy hh:mm"
    schema: int
    size: int


def _refuse_self(database: Path, backup: Path) -> None:
    if backup == database:
        raise UserError(f"Tệp {backup} chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu khác.")


def describe_backup(database: Path | str, backup: Path | str) -> BackupInfo:
    """Check ``backup`` as a restore would (raising UserError naming it) and say what it holds."""
    database, backup = Path(database).resolve(), Path(backup).resolve()
    _refuse_self(database, backup)
    check_readable(backup, MAX_BACKUP_BYTES, what="bản sao lưu")
    version = check_backup(backup)
    conn = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        offices = tuple(f"{code} – {name}" if name else code for code, name in conn.execute(
            "SELECT o.code, (SELECT p.name FROM office_profile p WHERE p.office_id = o.id"
            " ORDER BY p.valid_from DESC LIMIT 1) FROM office o ORDER BY o.code"))
        periods = [row[0] for row in conn.execute("SELECT DISTINCT period FROM report")]
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Không đọc được nội dung bản sao lưu {backup}: {exc}; chưa thay đổi gì.") from exc
    finally:
        conn.close()
    stat = backup.stat()
    modified = dt.datetime.fromtimestamp(stat.st_mtime).strftime("%d/%m/%Y %H:%M")
    return BackupInfo(backup, offices, _newest(periods), len(periods), modified, version, stat.st_size)


def _newest(periods: list[str]) -> str:
    from app.domain.period import Period

    parsed = []
    for code in periods:
        try:
            parsed.append(Period.parse(code))
        except UserError:
            continue
    return str(max(parsed, key=lambda p: p.sort_key)) if parsed else ""


def restore_open(db: Database, database: Path | str, backup: Path | str) -> Restored:
    """Put the checked backup at ``backup`` into the open database ``db`` (the file ``database``).

    Raises UserError (nothing changed) when the backup is not a sound database
    of this application, is from a newer version or is the database itself.
    """
    database, backup = Path(database).resolve(), Path(backup).resolve()
    _refuse_self(database, backup)
    check_readable(backup, MAX_BACKUP_BYTES, what="bản sao lưu")
    version = check_backup(backup)
    kept = backup_database(db, dated_name(database))
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()
    migrations.upgrade(db, database)
    return Restored(database, kept, version, version < migrations.LATEST)
