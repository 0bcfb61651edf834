"""Crash-safe file writing: temporary name in the same folder, flush, fsync, rename."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from app.errors import UserError, describe_os_error


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


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
