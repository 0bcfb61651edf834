"""Opening the local database file: identity, durability, integrity, schema, locking.

One SQLite file per installation, on a local disk. Opening it sets
``application_id``, ``synchronous=FULL``, foreign keys and WAL (local disks
only), runs ``PRAGMA quick_check`` and migrates the schema step by step, with a
backup first. A database from a newer version of the app is refused.

A file that is present but empty or not a database of this application is
refused with the newest backup found and the command that restores it: it is
never silently replaced by a new empty database. A new database is built
under a temporary name and moved into place whole, so a crash while creating
one never leaves an empty file behind. Reading commands open the file
read-only, so a backup on a CD, a write-protected stick or a read-only share
can be read.
"""
from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import msgspec

from app.errors import DatabaseError, describe_os_error
from app.storage import location, migrations
from app.storage.connection import Database
from app.storage.lock import WINDOW, InstanceLock

APPLICATION_ID = 0x4C445442  # "LDTB"
_HEADER = b"SQLite format 3\x00"


class Opened(msgspec.Struct):
    """An open database and what the operator should be told about it."""

    db: Database
    path: Path | None
    warnings: list[str] = msgspec.field(default_factory=list)
    lock: InstanceLock | None = None
    migrated_from: int | None = None
    read_only: bool = False

    def close(self) -> None:
        self.db.close()
        if self.lock:
            self.lock.release()


def lock_path(path: Path) -> Path:
    """The single-instance lock file of the database at ``path``."""
    return path.with_name(path.name + ".lock")


def open_database(path: Path | str | None, *, exclusive: bool = False, read_only: bool = False,
                  holder: str = WINDOW) -> Opened:
    """Open (creating if absent) and migrate the database at ``path``; None for memory.

    With ``exclusive`` the file is locked for this process, recorded as held by
    ``holder`` ("window" or "command"), so a second writer is refused with a
    message saying who holds it. With ``read_only`` an existing file is opened
    without writing anything (nor needing a writable folder); an absent file is
    still created. Raises DatabaseError with an operator-facing message.
    """
    if path is None:
        db = Database(sqlite3.connect(":memory:", check_same_thread=False))
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db, wal=False)
        migrations.upgrade(db, None)
        return Opened(db, None)
    path = Path(path).resolve()
    _refuse_special(path)  # before a lock file is made beside a folder or a device
    if read_only and path.exists():
        return _open_read_only(path)
    warnings = location.warnings_for(path)
    lock = InstanceLock(lock_path(path), holder) if exclusive else None
    if lock:
        lock.acquire()
    try:
        db, before = _open_writable(path, wal=not warnings)
    except BaseException:
        if lock:
            lock.release()
        raise
    migrated = before if 0 < before != migrations.LATEST else None
    return Opened(db, path, warnings, lock, migrated)


def _open_writable(path: Path, *, wal: bool) -> tuple[Database, int]:
    try:
        if path.parent.is_dir() and not _writable(path.parent):
            raise DatabaseError(f"Thư mục {path.parent} chỉ đọc (hoặc không có quyền ghi): không mở được cơ sở "
                                "dữ liệu để sửa. Các lệnh chỉ đọc (get, validate, export, dump, audit) vẫn dùng "
                                "được nếu tệp đã có; để sửa, hãy chép tệp vào một thư mục ghi được.")
        if not path.exists():
            _create_fresh(path)
        refuse_unusable(path)
        if not os.access(path, os.W_OK):
            raise DatabaseError(f"Tệp cơ sở dữ liệu {path} chỉ đọc: không sửa được. Các lệnh chỉ đọc "
                                "(get, validate, export, dump, audit) vẫn dùng được.")
        db = Database(_connect(path))
        try:
            _identify(db, path)
            _configure(db, wal=wal)
            _quick_check(db, path)
            before = migrations.current_version(db)
            migrations.upgrade(db, path)
        except BaseException:
            db.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_sqlite_failure(path, exc)) from exc
    except OSError as exc:
        raise DatabaseError(f"Không mở được cơ sở dữ liệu {path}: {describe_os_error(exc)}.") from exc
    return db, before


def _open_read_only(path: Path) -> Opened:
    try:
        refuse_unusable(path)
        db = Database(_connect(path, read_only=True))
        try:
            _identify(db, path, write=False)
            db.execute("PRAGMA foreign_keys = ON")
            _quick_check(db, path)
            version = migrations.current_version(db)
            if version > migrations.LATEST:
                migrations.upgrade(db, None)  # refuses a newer schema with its message, writing nothing
        except BaseException:
            db.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_sqlite_failure(path, exc)) from exc
    except OSError as exc:
        raise DatabaseError(f"Không đọc được cơ sở dữ liệu {path}: {describe_os_error(exc)}.") from exc
    if version < migrations.LATEST:
        db.close()
        if _writable(path.parent) and os.access(path, os.W_OK):
            return open_database(path)  # an older schema is upgraded first, as any opening does
        raise DatabaseError(f"Cơ sở dữ liệu {path} theo lược đồ cũ (v{version}) và nằm ở chỗ chỉ đọc nên không "
                            "nâng cấp được; hãy chép tệp vào ổ đĩa của máy rồi mở bản chép.")
    return Opened(db, path, location.warnings_for(path) + _unmerged_journal(path), read_only=True)


def unmerged_journal(path: Path) -> bool:
    """True when ``path`` sits where it cannot be written beside a non-empty write-ahead log.

    SQLite then reads the file as it is, without the changes still in the log.
    """
    wal = Path(f"{path}-wal")
    return not _writable(path.parent) and wal.exists() and wal.stat().st_size > 0


def _unmerged_journal(path: Path) -> list[str]:
    if not unmerged_journal(path):
        return []
    return [f"Bên cạnh {path} có tệp {path.name}-wal chưa gộp mà thư mục chỉ đọc: những thay đổi cuối "
            "cùng có thể không hiện ra. Hãy chép cả hai tệp vào ổ đĩa của máy rồi mở bản chép."]


def _sqlite_failure(path: Path, exc: sqlite3.DatabaseError) -> str:
    damaged = any(word in str(exc) for word in ("not a database", "malformed", "corrupt"))
    return f"Không mở được cơ sở dữ liệu {path}: {exc}." + (f" {restore_hint(path)}" if damaged else "")


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    return sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False, timeout=10)


def read_only_uri(path: Path) -> str:
    """The URI opening ``path`` for reading only; on read-only media SQLite is told nothing will change it."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return uri + ("" if _writable(Path(path).parent) else "&immutable=1")


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _create_fresh(path: Path) -> None:
    """Build a new, migrated database under a temporary name, then move it to ``path`` unless one appeared."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        conn = sqlite3.connect(str(tmp))
        try:
            db = Database(conn)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.upgrade(db, None)
            conn.commit()
        finally:
            conn.close()
        _move_new(tmp, path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            if leftover.exists():
                leftover.unlink()


def _move_new(tmp: Path, path: Path) -> None:
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    try:
        if os.name == "nt":  # pragma: no cover - rename refuses an existing target there
            os.rename(tmp, path)
        else:
            os.link(tmp, path)  # never replaces a file another process created meanwhile
    except FileExistsError:
        return
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(tmp, path)


def refuse_unusable(path: Path) -> None:
    """Refuse what is at ``path`` unless it is an ordinary file starting as an SQLite database.

    A folder, a device or a FIFO is refused before it is opened (a FIFO would
    block the open for ever); an empty or foreign file with the newest backup.
    """
    _refuse_special(path)
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header:
        raise DatabaseError(f"Tệp cơ sở dữ liệu {path} rỗng (0 byte): dữ liệu đã mất hoặc chưa ghi xong. "
                            f"Không mở để khỏi tạo một cơ sở dữ liệu trống thay cho dữ liệu cũ. {restore_hint(path)}")
    if len(header) < 100 or not header.startswith(_HEADER):
        raise DatabaseError(f"Tệp {path} không phải là cơ sở dữ liệu (có thể đã bị ghi đè hoặc hỏng). "
                            f"{restore_hint(path)}")


def _refuse_special(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # absent, or unreadable: opening it says so
    if not stat.S_ISREG(mode):
        raise DatabaseError(f"{path} không phải một tệp thường (thư mục, thiết bị hay đường ống), không thể là "
                            "cơ sở dữ liệu; hãy chỉ --db vào tệp baocao.sqlite3.")


def restore_hint(path: Path) -> str:
    """What to do about an unusable database file: the newest backup found, and the command."""
    from app.storage.backup import newest_backup

    found = newest_backup(path)
    if found is None:
        return ("Không tìm thấy bản sao lưu bên cạnh tệp; nếu có bản sao lưu (ví dụ trong thư mục dùng chung "
                f"backup/<ĐƠN VỊ>/), hãy chạy: python main.py --db \"{path}\" restore --from TỆP_SAO_LƯU")
    return (f"Bản sao lưu mới nhất tìm thấy bên cạnh: {found} (nếu có sao lưu vào thư mục dùng chung, xem cả "
            f"backup/<ĐƠN VỊ>/ ở đó). Để khôi phục, hãy chạy: "
            f"python main.py --db \"{path}\" restore --from \"{found}\"")


def _identify(db: Database, path: Path, *, write: bool = True) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError(f"Tệp {path} không phải là cơ sở dữ liệu của phần mềm báo cáo. {restore_hint(path)}")
    if app_id == 0 and db.table_names():
        raise DatabaseError(f"Tệp {path} là một cơ sở dữ liệu SQLite khác, không phải của phần mềm này. "
                            f"{restore_hint(path)}")
    if app_id == 0:
        if not write:
            raise DatabaseError(f"Tệp {path} là một cơ sở dữ liệu trống, không phải của phần mềm này.")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _configure(db: Database, *, wal: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    if wal:
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def _quick_check(db: Database, path: Path) -> None:
    result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise DatabaseError(
            f"Cơ sở dữ liệu {path} bị hỏng ({'; '.join(result[:3])}). "
            f"Hãy khôi phục từ bản sao lưu gần nhất. {restore_hint(path)}"
        )


def default_path() -> Path:
    """The per-user data file: %APPDATA%\\BaoCaoLDTBXH on Windows, XDG on Linux."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "BaoCaoLDTBXH" / "baocao.sqlite3"
