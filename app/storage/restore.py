"""Putting a checked backup in place of the database (``restore --from FILE``).

The backup is opened read-only and checked whole (``PRAGMA integrity_check``,
this application's ``application_id``, a schema this version understands);
then it is copied through SQLite's backup API to a temporary file beside the
database, flushed, and renamed over it. The file that was there is kept under a
dated name beside it (``baocao.sqlite3.truoc-khoi-phuc-20261201-153000``) with
its journal, so a restore can itself be undone. The signing key file beside the
database is not touched: the key belongs to the installation, not to the
backup. The database's lock is held throughout, so a restore never happens
under an open window or a running command.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import msgspec

from app.errors import DatabaseError, UserError, describe_os_error
from app.fsutil import check_readable, fsync_dir, temp_path
from app.storage import migrations
from app.storage.db import APPLICATION_ID, lock_path, open_database, read_only_uri, unmerged_journal
from app.storage.lock import COMMAND, InstanceLock

MAX_BACKUP_BYTES = 8 * 1024**3  # far beyond any office's database; a device or a FIFO is refused anyway
_HEADER = b"SQLite format 3\x00"
_JOURNALS = ("-wal", "-journal")


class Restored(msgspec.Struct, frozen=True):
    """What a restore did: the database now in place, the copy kept of the old one, the schema step taken."""

    path: Path
    kept: Path | None
    backup_version: int
    migrated: bool


def restore(database: Path | str, backup: Path | str) -> Restored:
    """Replace the database at ``database`` by the checked backup at ``backup``.

    Raises UserError (nothing changed) when the backup is not a sound database
    of this application, is from a newer version, is the database itself, or
    when the database is held by the window or another command.
    """
    database, backup = Path(database).resolve(), Path(backup).resolve()
    if backup == database:
        raise UserError(f"Tệp {backup} chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu khác.")
    check_readable(backup, MAX_BACKUP_BYTES, what="bản sao lưu")
    if database.exists() and not database.is_file() or database.is_symlink():
        raise UserError(f"{database} không phải một tệp thường (thư mục, thiết bị, đường ống hay liên kết); "
                        "không đặt bản sao lưu vào đó. Hãy chỉ --db vào tệp baocao.sqlite3.")
    lock = InstanceLock(lock_path(database), COMMAND)
    lock.acquire()
    try:
        version = check_backup(backup)
        kept = _put_in_place(database, backup)
        opened = open_database(database)  # the lock is ours already; an older schema is upgraded here
        opened.close()
    finally:
        lock.release()
    return Restored(database, kept, version, version < migrations.LATEST)


def check_backup(backup: Path) -> int:
    """Check ``backup`` read-only; return its schema version or raise UserError saying what is wrong."""
    _check_header(backup)
    if unmerged_journal(backup):
        raise UserError(f"Bên cạnh bản sao lưu {backup} có tệp -wal chưa gộp mà thư mục chỉ đọc, nên không đọc "
                        "được đủ; hãy chép cả hai tệp vào ổ đĩa của máy rồi khôi phục từ bản chép. "
                        "Chưa thay đổi gì.")
    try:
        conn = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if any(word in str(exc) for word in ("malformed", "not a database", "corrupt")):
            raise UserError(f"Bản sao lưu {backup} bị hỏng ({exc}); hãy chọn bản khác. Chưa thay đổi gì.") from exc
        raise UserError(f"Không đọc được bản sao lưu {backup}: {exc}; chưa thay đổi gì.") from exc
    if integrity != ["ok"]:
        raise UserError(f"Bản sao lưu {backup} bị hỏng ({'; '.join(integrity[:3])}); hãy chọn bản khác. "
                        "Chưa thay đổi gì.")
    if app_id != APPLICATION_ID or version == 0:
        raise UserError(f"Tệp {backup} không phải bản sao lưu của phần mềm báo cáo; chưa thay đổi gì.")
    if version > migrations.LATEST:
        raise UserError(f"Bản sao lưu {backup} do phiên bản mới hơn của phần mềm tạo ra (lược đồ {version}, "
                        f"phiên bản này hiểu đến {migrations.LATEST}); hãy cập nhật phần mềm. Chưa thay đổi gì.")
    return version


def _check_header(backup: Path) -> None:
    try:
        with open(backup, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise UserError(f"Không đọc được bản sao lưu {backup}: {describe_os_error(exc)}.") from exc
    if not header:
        raise UserError(f"Bản sao lưu {backup} rỗng (0 byte); hãy chọn bản khác. Chưa thay đổi gì.")
    if len(header) < 100 or not header.startswith(_HEADER):
        raise UserError(f"Tệp {backup} không phải bản sao lưu cơ sở dữ liệu (không phải tệp SQLite); "
                        "chưa thay đổi gì.")


def _put_in_place(database: Path, backup: Path) -> Path | None:
    tmp = temp_path(database)
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        _copy_backup(backup, tmp)
        kept = _keep_current(database)
        os.replace(tmp, database)
        fsync_dir(database.parent)
    except OSError as exc:
        raise UserError(f"Không đặt được bản sao lưu vào {database}: {describe_os_error(exc)}.") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            if leftover.exists():
                leftover.unlink()
    return kept


def _copy_backup(backup: Path, tmp: Path) -> None:
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
    finally:
        source.close()
    if check != "ok":
        raise DatabaseError(f"Bản chép của {backup} không đạt kiểm tra toàn vẹn ({check}); chưa thay đổi gì.")
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def _keep_current(database: Path) -> Path | None:
    """Keep the file now at ``database`` (whatever it holds) under a dated name; move its journals with it."""
    if not database.exists():
        return None
    _checkpoint(database)
    kept = dated_name(database)
    try:
        os.link(database, kept)  # the same bytes under a second name, at no cost
    except OSError:
        shutil.copy2(database, kept)
        with open(kept, "rb+") as handle:
            os.fsync(handle.fileno())
    for suffix in _JOURNALS:
        journal = Path(f"{database}{suffix}")
        if journal.exists() and journal.stat().st_size > 0:
            os.replace(journal, Path(f"{kept}{suffix}"))  # never left to be replayed into the restored file
        elif journal.exists():
            journal.unlink()
    shm = Path(f"{database}-shm")
    if shm.exists():
        shm.unlink()  # an index of the old journal only; SQLite rebuilds it
    return kept


def _checkpoint(database: Path) -> None:
    """Fold the old file's write-ahead log into it when it is a readable database; leave it as it is if not."""
    try:
        with open(database, "rb") as handle:
            if not handle.read(16).startswith(_HEADER):
                return
        conn = sqlite3.connect(str(database), timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return  # a damaged file is kept exactly as found


def dated_name(database: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = database.with_name(f"{database.name}.truoc-khoi-phuc-{stamp}")
    counter = 2
    while candidate.exists():
        candidate = database.with_name(f"{database.name}.truoc-khoi-phuc-{stamp}-{counter}")
        counter += 1
    return candidate
