"""Crash-safe file writing: temporary name in the same folder, flush, fsync, rename."""
from __future__ import annotations

import os
from pathlib import Path

from app.errors import UserError, describe_os_error


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def check_name(target: Path) -> None:
    """Refuse file names Windows cannot hold (the same files travel between offices)."""
    stem = target.name.split(".")[0].upper()
    if stem in _RESERVED or any(ch in target.name for ch in '<>:"|?*') or target.name.endswith((" ", ".")):
        raise UserError(f"Tên tệp “{target.name}” không dùng được trên Windows; hãy đặt tên khác.")


def write_atomic(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` so readers see the old file or the whole new one."""
    target = Path(target).resolve()
    check_name(target)
    if target.is_dir():
        raise UserError(f"“{target}” là một thư mục; hãy chọn tên tệp.")
    tmp = temp_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {describe_os_error(exc)}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def check_readable(path: Path | str, limit: int, *, what: str = "tệp") -> int:
    """Check, without reading it, that ``path`` is an ordinary readable file of at most ``limit`` bytes.

    For callers that hand the path on to a reader of their own: a device, a
    FIFO, a socket or a folder is refused before anything opens it for
    reading. Returns the size; raises UserError naming the file.
    """
    import stat as stat_mod

    path = Path(path)
    try:
        info = os.stat(path)
        _check_stat(path, info, limit, what)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat_mod.S_ISREG(os.fstat(fd).st_mode):
                raise UserError(f"{what.capitalize()} {path} không phải tệp thường; không đọc.")
        finally:
            os.close(fd)
    except OSError as exc:
        raise UserError(f"Không đọc được {what} {path}: {describe_os_error(exc)}.") from exc
    return info.st_size


def _check_stat(path: Path, info: os.stat_result, limit: int, what: str) -> None:
    import stat as stat_mod

    if not stat_mod.S_ISREG(info.st_mode):
        raise UserError(f"{what.capitalize()} {path} không phải tệp thường (thư mục, thiết bị hay đường ống); "
                        "không đọc.")
    if info.st_size > limit:
        raise UserError(f"{what.capitalize()} {path} quá lớn ({info.st_size // 1024} KB, tối đa "
                        f"{limit // 1024} KB).")


def read_limited(path: Path | str, limit: int, *, what: str = "tệp") -> bytes:
    """Read a file someone else made, refusing what is not an ordinary file of at most ``limit`` bytes.

    Devices (/dev/zero), FIFOs, sockets and folders are refused before they are
    opened, so nothing hangs or fills memory; the file is opened without
    blocking and checked again once open (it may have been swapped meanwhile).
    Raises UserError naming the file.
    """
    import stat as stat_mod

    path = Path(path)
    try:
        _check_stat(path, os.stat(path), limit, what)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat_mod.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UserError(f"{what.capitalize()} {path} không phải tệp thường; không đọc.")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UserError(f"Không đọc được {what} {path}: {describe_os_error(exc)}.") from exc
    if len(data) > limit:
        raise UserError(f"{what.capitalize()} {path} quá lớn (tối đa {limit // 1024} KB).")
    return data
