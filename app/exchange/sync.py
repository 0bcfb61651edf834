"""Reading the shared folder: verify each new package, import it idempotently, say why not.

Outcomes, one per package examined: ``accepted``, ``unchanged`` (already
imported), ``rejected`` (with the reason; nothing imported, the file left
untouched), ``held`` (a gap in the office's sequence, or a file another program
holds: tried again next time) and ``fork`` (two packages claim one place in
an office's chain). A folder that is missing, or suddenly empty after holding
packages, means "not reachable", never "everything was deleted". Files already
settled are skipped by size and time, so a rescan costs what is new.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import InputError, UserError, describe_os_error
from app.exchange import keys, package, receive
from app.storage.store import Store, now

CONFLICT = re.compile(r"( \(\d+\)|[ _-]+copy\b|[ _-]+bản sao|\.sync-conflict-|conflicted copy|-conflict-|^~\$)",
                      re.IGNORECASE)
SETTLED = ("accepted", "unchanged")  # rejected, held and forked files are looked at again each time
RETRIES, RETRY_DELAY = 5, 0.2
BATCH = 200


class UnreachableError(UserError):
    """The shared folder cannot be read now; nothing was changed."""


@dataclass(frozen=True)
class Outcome:
    status: str
    name: str
    office: str
    reason: str

    def line(self) -> str:
        return f"{self.status}\t{self.name}\t{self.reason}"


@dataclass
class SyncResult:
    outcomes: list[Outcome]
    skipped: int  # settled files seen before and not changed since
    cancelled: bool = False
    repeated: int = 0  # files still left aside for the same reason as last time

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def sync(store: Store, folder: Path | str, *, progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncResult:
    folder = Path(folder)
    files = _listing(store, folder)
    store.default_template_id()  # the shipped template is known before any package is checked
    state = {row[0]: row[1:] for row in store.db.execute(
        "SELECT path, size, mtime_ns, outcome FROM scan_state").fetchall()}
    local = {o.code for o in store.local_offices()}
    fresh, skipped = [], 0
    for rel, path, stat in files:
        seen = state.get(rel)
        if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns and seen[2] in SETTLED:
            skipped += 1
        elif path.parent.name not in local:
            fresh.append((rel, path, stat))
    outcomes: list[Outcome] = []
    packages: list[tuple[str, object, package.Package]] = []
    for rel, path, stat in fresh:
        if isinstance(stat, OSError):
            outcomes.append(Outcome("held", path.name, path.name,
                                    f"không đọc được thư mục của đơn vị này: {describe_os_error(stat)}; sẽ thử lại"))
            continue
        outcome, pkg = _read(path)
        if outcome:
            _record(store, rel, stat, outcome)
            outcomes.append(outcome)
        else:
            packages.append((rel, stat, pkg))
    packages.sort(key=lambda item: (item[2].office, item[2].seq))
    previous = {row[0]: (row[1], row[2]) for row in store.db.execute(
        "SELECT path, outcome, reason FROM scan_state WHERE outcome NOT IN ('accepted', 'unchanged')").fetchall()}
    result = SyncResult(outcomes, skipped)
    for start in range(0, len(packages), BATCH):
        # One commit per batch (each package still applies all-or-nothing inside it): a power cut
        # loses at most the batch in progress, which the next sync simply reads again.
        with store.db.atomic():
            for done, (rel, stat, pkg) in enumerate(packages[start:start + BATCH], start=start + 1):
                if cancelled and cancelled():
                    result.cancelled = True
                    break
                outcome = _process(store, pkg)
                _record(store, rel, stat, outcome)
                if previous.get(rel) != (outcome.status, outcome.reason):
                    outcomes.append(outcome)  # a file left aside is reported again only when that changes
                else:
                    result.repeated += 1
                if progress:
                    progress(done, len(packages))
        if result.cancelled:
            break
    return result


def _listing(store: Store, folder: Path) -> list[tuple[str, Path, object]]:
    if not folder.is_dir():
        raise UnreachableError(f"Không truy cập được thư mục dùng chung {folder} (ổ mạng chưa kết nối, USB chưa cắm?). "
                          "Không có gì thay đổi.")
    outbox = folder / "outbox"
    files = []
    if outbox.is_dir():
        for office_dir in sorted(outbox.iterdir()):
            if not office_dir.is_dir():
                continue
            try:
                entries = _entries(office_dir)
            except OSError as exc:  # one unreadable folder must not stop the others
                files.append((f"{office_dir.name}/", office_dir, exc))
                continue
            for entry in entries:
                if entry.name.startswith(".") or entry.name.endswith(".tmp") or not entry.is_file():
                    continue
                files.append((f"{office_dir.name}/{entry.name}", Path(entry.path), entry.stat()))
    if not files and store.db.execute("SELECT 1 FROM scan_state WHERE outcome = 'accepted' LIMIT 1").fetchone():
        raise UnreachableError(f"Thư mục dùng chung {folder} bỗng trống dù trước đây đã có gói: có thể ổ chưa kết nối "
                          "hoặc dịch vụ đồng bộ chưa tải xong. Không có gì bị xóa hay thay đổi.")
    return files


def _entries(directory: Path):
    with os.scandir(directory) as it:
        return list(it)


def _read(path: Path) -> tuple[Outcome | None, package.Package | None]:
    office = path.parent.name
    if CONFLICT.search(path.name):
        return Outcome("rejected", path.name, office, "bản sao xung đột do dịch vụ đồng bộ tạo ra; không nhập"), None
    for attempt in range(RETRIES):
        try:
            return None, package.read(path)
        except InputError as exc:
            return Outcome("rejected", path.name, office, str(exc)), None
        except OSError as exc:  # held by antivirus or a sync client (Windows): try again shortly
            if isinstance(exc, PermissionError) and os.name != "nt":
                return Outcome("held", path.name, office,
                               "không có quyền đọc tệp (kiểm tra quyền truy cập thư mục dùng chung); sẽ thử lại"), None
            if attempt == RETRIES - 1:
                held = "tệp đang bị chương trình khác giữ" if getattr(exc, "winerror", None) in (32, 33) \
                    else f"không đọc được tệp ({describe_os_error(exc)})"
                return Outcome("held", path.name, office, f"{held}; sẽ thử lại"), None
            time.sleep(RETRY_DELAY)
    return Outcome("held", path.name, office, "không đọc được; sẽ thử lại"), None


def _process(store: Store, pkg: package.Package) -> Outcome:
    def out(status: str, reason: str) -> Outcome:
        return Outcome(status, pkg.name, pkg.office, reason)

    key = keys.trusted_key(store, pkg.office)
    if key is None:
        return out("rejected", f"chưa tin cậy khóa của đơn vị {pkg.office} (dùng “keys trust”)")
    try:
        package.verify(pkg, key)
    except InputError as exc:
        return out("rejected", str(exc))
    same = store.db.execute("SELECT hash FROM inbox WHERE office_code = ? AND seq = ?",
                            (pkg.office, pkg.seq)).fetchone()
    if same:
        if same[0] == pkg.digest:
            return out("unchanged", "đã nhận trước đây; không thay đổi gì")
        return out("fork", f"đã có gói khác mang số thứ tự {pkg.seq} của {pkg.office}; giữ nguyên gói đã nhận")
    last = store.db.execute("SELECT seq, hash FROM inbox WHERE office_code = ? ORDER BY seq DESC LIMIT 1",
                            (pkg.office,)).fetchone()
    expected_seq, expected_prev = (last[0] + 1, last[1]) if last else (1, None)
    if pkg.seq > expected_seq:
        return out("held", f"thiếu gói số {expected_seq} của {pkg.office} (chưa tới, hoặc đã bị từ chối: xem dòng "
                           "của gói đó); chờ gói đó")
    if pkg.body.get("prev") != expected_prev:
        return out("fork", f"gói số {pkg.seq} không nối tiếp gói đã nhận trước đó của {pkg.office}")
    try:
        with store.db.atomic():
            summary = receive.apply(store, pkg)
            store.db.conn.execute(
                "INSERT INTO inbox (office_code, seq, hash, name, kind, period, revision, created, received, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (pkg.office, pkg.seq, pkg.digest, pkg.name, pkg.kind, pkg.body.get("period"),
                 pkg.body.get("revision"), pkg.body.get("created", ""), now(), pkg.raw.decode("utf-8")))
    except (UserError, KeyError, TypeError, ValueError) as exc:
        return out("rejected", f"nội dung không nhập được: {exc}")
    return out("accepted", summary)


def _record(store: Store, rel: str, stat, outcome: Outcome) -> None:
    with store.db.atomic():
        store.db.conn.execute(
            "INSERT OR REPLACE INTO scan_state (path, size, mtime_ns, outcome, reason, seen) VALUES (?, ?, ?, ?, ?, ?)",
            (rel, stat.st_size, stat.st_mtime_ns, outcome.status, outcome.reason, now()))


def rejected_files(store: Store) -> list[tuple[str, str, str]]:
    """Files in the shared folder left aside, with the reason (for the window's list)."""
    return [tuple(r) for r in store.db.execute(
        "SELECT path, outcome, reason FROM scan_state WHERE outcome IN ('rejected', 'fork', 'held')"
        " ORDER BY path").fetchall()]
