"""A single-instance lock beside the database file (OS-level, released if the process dies)."""
from __future__ import annotations

import os
from pathlib import Path

from app.errors import DatabaseError


class InstanceLock:
    """An exclusive, non-blocking lock on ``path``; the OS drops it when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            raise DatabaseError(
                "Cơ sở dữ liệu này đang được mở ở một cửa sổ khác của phần mềm. "
                "Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _unlock(self._handle)
            finally:
                self._handle.close()
                self._handle = None


if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
