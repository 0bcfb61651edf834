"""Listing the shared folder without trusting it: names checked, only ordinary files kept.

Nothing here opens a file. Names that are not UTF-8, not an office code or not
a package name, cloud-drive conflict copies, and special files (FIFOs,
devices, sockets, links leading out of the folder or round in a loop) are
decided from the listing alone, so no file can make a scan hang or crash.
"""
from __future__ import annotations

import os
import re
import stat as stat_mod
from collections.abc import Mapping
from pathlib import Path

import msgspec

from app.domain.codes import OfficeCode
from app.errors import InputError, describe_os_error
from app.exchange.packageformat import Name, parse_name

CONFLICT = re.compile(r"( \(\d+\)|[ _-]+copy\b|[ _-]+bản sao|\.sync-conflict-|conflicted copy|-conflict-|^~\$)",
                      re.IGNORECASE)


class Found(msgspec.Struct, frozen=True):
    """One entry of ``outbox/<OFFICE>/`` (or an office folder itself when it cannot be listed)."""

    rel: str  # "<OFFICE>/<name>", always valid Unicode (what is shown and remembered)
    where: bytes  # the path as listed; a ``Path`` is made only for a file that is read (``path``)
    office: str
    size: int = 0
    mtime_ns: int = 0
    status: str = ""  # "rejected", "skipped" or "held" when decided from the listing; "" for a package
    reason: str = ""
    name: Name | None = None

    @property
    def path(self) -> Path:
        return Path(os.fsdecode(self.where))

    @property
    def shown(self) -> str:
        return self.rel.rpartition("/")[2] or self.rel


class Listing(msgspec.Struct):
    """What a scan found: the entries to examine, and how many files were settled before and are unchanged."""

    found: list[Found]
    settled: int = 0


def listing(outbox: Path, settled: Mapping[str, tuple[int, int]] | None = None) -> Listing:
    """Every entry of every office folder under ``outbox`` (which must exist).

    ``settled``: (size, mtime_ns) by "<OFFICE>/<name>" of the files taken before; an ordinary file (not a
    link) still of that size and time is only counted, so an unchanged folder costs its listing and no more.
    """
    root = os.path.realpath(outbox)
    out = Listing([])
    for entry in sorted(_entries(os.fsencode(outbox)), key=lambda e: e.name):
        office, problem = _text(entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            continue
        rel = f"{office}/"
        code = _code(office) if not problem else None
        if code is None:
            why = problem or f"tên thư mục “{office}” không phải mã đơn vị hợp lệ"
            out.found.append(Found(rel, entry.path, office, status="rejected",
                                   reason=f"{why}; không đọc các tệp bên trong"))
            continue
        if entry.is_symlink() and not _inside(entry.path, root):
            out.found.append(Found(rel, entry.path, office, status="skipped",
                                   reason="thư mục là liên kết trỏ ra ngoài thư mục dùng chung; không đọc"))
            continue
        try:
            entries = _entries(entry.path)
        except OSError as exc:  # one unreadable folder must not stop the others
            out.found.append(Found(rel, entry.path, office, status="held", reason="không đọc được thư mục của "
                                   f"đơn vị này: {describe_os_error(exc)}; sẽ thử lại"))
            continue
        _folder(out, entries, code, root, settled or {})
    return out


def _folder(out: Listing, entries: list[os.DirEntry], code: OfficeCode, root: str,
            settled: Mapping[str, tuple[int, int]]) -> None:
    for entry in entries:
        if settled and not entry.is_symlink():
            try:
                rel = f"{code}/{entry.name.decode('utf-8')}"
                before = settled.get(rel)
                if before is not None:
                    info = entry.stat(follow_symlinks=False)
                    if stat_mod.S_ISREG(info.st_mode) and (info.st_size, info.st_mtime_ns) == before:
                        out.settled += 1
                        continue
            except (UnicodeDecodeError, OSError):
                pass  # examined the full way below, which says why
        found = _file(entry, code, root)
        if found is not None:
            out.found.append(found)


def _entries(directory: bytes) -> list[os.DirEntry]:
    with os.scandir(directory) as it:
        return list(it)


def _text(name: bytes) -> tuple[str, str]:
    """The name as text, and why it cannot be taken when it is not UTF-8."""
    try:
        return name.decode("utf-8"), ""
    except UnicodeDecodeError:
        return name.decode("utf-8", "backslashreplace"), "tên không phải UTF-8 (tệp từ hệ thống khác hoặc bị hỏng)"


def _code(text: str) -> OfficeCode | None:
    """The folder's office code, checked once for all its files; None when the name is not one as written."""
    return OfficeCode.exact(text)


def _inside(path: bytes, root: str) -> bool:
    try:
        target = os.path.realpath(os.fsdecode(path), strict=True)
    except (OSError, RuntimeError):
        return False
    return os.path.commonpath([root, target]) == root


def _file(entry: os.DirEntry, office: str, root: str) -> Found | None:
    text, problem = _text(entry.name)
    if not problem and (text.startswith(".") or text.endswith(".tmp")):
        return None  # a writer's temporary file, or the folder's own bookkeeping
    path, rel = entry.path, f"{office}/{text}"
    try:
        link = entry.is_symlink()
        if link and not _inside(entry.path, root):
            return Found(rel, path, office, status="skipped",
                         reason="liên kết trỏ ra ngoài thư mục dùng chung, hoặc vòng lặp, hoặc tới tệp không có; "
                                "không đọc")
        info = os.stat(entry.path) if link else entry.stat(follow_symlinks=False)
    except OSError as exc:
        return Found(rel, path, office, status="held", reason=f"không xem được tệp ({describe_os_error(exc)}); "
                                                               "sẽ thử lại")
    if stat_mod.S_ISDIR(info.st_mode):
        return None
    found = Found(rel, path, office, info.st_size, info.st_mtime_ns)
    if not stat_mod.S_ISREG(info.st_mode):
        return _decided(found, "skipped", "không phải tệp thường (đường ống, thiết bị hay ổ cắm); không đọc")
    if problem:
        return _decided(found, "rejected", problem)
    if CONFLICT.search(text):
        return _decided(found, "rejected", "bản sao xung đột do dịch vụ đồng bộ tạo ra; không nhập")
    try:
        return Found(rel, path, office, info.st_size, info.st_mtime_ns, name=parse_name(text, office))
    except InputError as exc:
        return _decided(found, "rejected", str(exc))


def _decided(found: Found, status: str, reason: str) -> Found:
    return Found(found.rel, found.where, found.office, found.size, found.mtime_ns, status, reason)
