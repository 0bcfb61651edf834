"""A single-instance lock beside the database file (OS-level, released if the process dies).

The lock file also records who holds it — the window or a command, its
process id and when it started — so a second writer is told the truth about
who is using the database. The record of a process that died is simply taken
over: the OS has already dropped its lock.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import msgspec

from app.errors import DatabaseError, describe_os_error

WINDOW, COMMAND = "window", "command"
_RECORD_LIMIT = 4096


class Holder(msgspec.Struct, frozen=True):
    """Who holds (or last held) the lock."""

    kind: str
    pid: int
    started: str

    def describe(self) -> str:
        """The holder in the operator's words, with its process id and start time."""
        when = _local_time(self.started)
        since = f", từ {when}" if when else ""
        if self.kind == WINDOW:
            return f"đang được mở trong cửa sổ khác của phần mềm (tiến trình {self.pid}{since})"
        if self.kind == COMMAND:
            return f"một lệnh khác đang ghi (tiến trình {self.pid}{since})"
        return f"một chương trình khác đang ghi (tiến trình {self.pid}{since})"


class InstanceLock:
    """An exclusive, non-blocking lock on ``path``; the OS drops it when the process ends.

    ``holder`` is ``"window"`` or ``"command"``; it is written into the file
    once the lock is taken and cleared when it is released.
    """

    def __init__(self, path: Path, holder: str = WINDOW) -> None:
        self.path = path
        self.holder = holder
        self._handle = None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseError saying who holds it (or why the file cannot be made)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+b")
        except OSError as exc:
            raise DatabaseError(_unwritable(self.path, exc)) from exc
        try:
            _lock(handle)
        except OSError as exc:
            holder = _read_holder(handle)
            handle.close()
            raise DatabaseError(_busy(holder)) from exc
        record = Holder(self.holder, os.getpid(), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        try:
            _write_record(handle, json.dumps(msgspec.structs.asdict(record)).encode())
        except OSError as exc:
            _unlock(handle)
            handle.close()
            raise DatabaseError(_unwritable(self.path, exc)) from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _write_record(self._handle, b"")
            except OSError:
                pass  # the record is advisory; the OS lock below is what matters
            try:
                _unlock(self._handle)
            finally:
                self._handle.close()
                self._handle = None


def _read_holder(handle) -> Holder | None:
    try:
        handle.seek(0)
        raw = handle.read(_RECORD_LIMIT)
        data = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (OSError, ValueError):
        data = None
    if isinstance(data, int):  # the lock files of earlier versions held only the pid
        return Holder("", data, "")
    if not isinstance(data, dict):
        return None
    pid, kind, started = data.get("pid"), data.get("kind"), data.get("started")
    if not isinstance(pid, int) or not isinstance(kind, str) or not isinstance(started, str):
        return None
    return Holder(kind, pid, started)


def _write_record(handle, data: bytes) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(data)
    handle.flush()


def _busy(holder: Holder | None) -> str:
    if holder is None:
        return ("Cơ sở dữ liệu đang bận: một chương trình khác đang ghi. "
                "Hãy chờ xong (hoặc đóng cửa sổ phần mềm nếu đang mở) rồi chạy lại.")
    if holder.kind == WINDOW:
        return (f"Cơ sở dữ liệu này {holder.describe()}. "
                "Hãy sửa trong cửa sổ đó, hoặc đóng nó rồi chạy lại.")
    return f"Cơ sở dữ liệu đang bận: {holder.describe()}. Hãy chờ xong rồi chạy lại."


def _unwritable(path: Path, exc: OSError) -> str:
    return (f"Không ghi được tệp khóa {path} ({describe_os_error(exc)}): thư mục chứa cơ sở dữ liệu phải "
            "ghi được thì mới sửa được dữ liệu. Các lệnh chỉ đọc (get, validate, export, dump, audit, "
            "office list, keys list) vẫn dùng được; để sửa, hãy chép tệp vào một thư mục ghi được.")


def _local_time(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    return moment.astimezone().strftime("%H:%M ngày %d/%m/%Y")


if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    _LOCK_AT = 1 << 20  # lock a byte past the record, which stays readable by others

    def _lock(handle) -> None:
        handle.seek(_LOCK_AT)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(_LOCK_AT)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
