"""Reading the shared folder: verify each new package, import it idempotently, say why not.

Outcomes, one per file examined: ``accepted``, ``unchanged`` (already
imported), ``rejected`` (with the reason; nothing imported, the file left
untouched), ``held`` (a gap in the office's sequence, or a file another program
holds: tried again next time), ``fork`` (two packages claim one place in an
office's chain) and ``skipped`` (not an ordinary file of the folder: a FIFO, a
device, a link leading out; never opened). A folder that is missing, or
suddenly empty after holding packages, means "not reachable", never
"everything was deleted".

No file can stop a sync. Per file, in this order: the name is checked, the
sender's trusted key looked up (none: rejected unread), at most the size limit
read, the name's hash and the signature checked on the signed bytes, and only
then the body decoded and applied, under its own savepoint, one package in
memory at a time. Files settled before (accepted, or rejected for their bytes
under the same key) are not read again until their size or time changes. With
many files, a worker process does the reading and checking ahead (``prefetch``)
without changing any verdict.

A package its office really signed that is refused for its content (a
malformed body, a report that would replace an issued revision) keeps its
place in the office's chain (an inbox entry of kind ``refused`` with the
reason), so the office's next package is still taken; one that only needs
what this installation lacks yet (its template version) holds no place and is
tried again on the next sync.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import msgspec

from app.errors import InputError, UserError, describe_os_error
from app.exchange import keys, package, prefetch, receive, scan
from app.storage import exchange
from app.storage.store import Store, now

RETRIES, RETRY_DELAY = 5, 0.2
BATCH = 200
#: The page cache during a sync: a batch's pages (about 120 KB per report package) stay in memory until its commit.
CACHE_KIB = 32 * 1024


class UnreachableError(UserError):
    """The shared folder cannot be read now; nothing was changed."""


class Outcome(msgspec.Struct, frozen=True):
    status: str
    name: str
    office: str
    reason: str

    def line(self) -> str:
        return f"{self.status}\t{self.name}\t{self.reason}"


class SyncResult(msgspec.Struct):
    outcomes: list[Outcome]
    skipped: int  # settled files seen before and not changed since
    cancelled: bool = False
    repeated: int = 0  # files still left aside for the same reason as last time

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


class _Verdict(msgspec.Struct, frozen=True):
    outcome: Outcome
    key: str | None = None  # the fingerprint a file's own bytes were refused under: not read again


def sync(store: Store, folder: Path | str, *, progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Import what is new in ``folder``; one outcome per file newly examined. Never raises for a file's content.

    Raises UnreachableError when the folder is missing or suddenly empty.
    """
    scanned = _listing(store, Path(folder))
    store.default_template_id()  # the shipped template is known before any package is checked
    local = {o.code for o in store.local_offices()}
    result = SyncResult([], scanned.settled)  # settled files seen before and not changed since
    todo = [item for item in scanned.found if item.office not in local]
    if not todo:
        return result  # an unchanged folder: not even the trusted keys are read
    seen = exchange.seen_files(store.db)
    todo = [item for item in todo if not _settled(item, seen.get(item.rel))]
    result.skipped += len(scanned.found) - len(todo) - sum(item.office in local for item in scanned.found)
    if not todo:
        return result
    todo.sort(key=lambda f: (f.office, f.name.seq if f.name else 0, f.rel))
    trust = keys.TrustedKeys(store)
    with store.db.page_cache(CACHE_KIB), prefetch.Ahead(todo, trust.key) as ahead:
        for start in range(0, len(todo), BATCH):
            # One commit per batch, each file under its own savepoint inside it: a power cut loses at most
            # the batch in progress, which the next sync simply reads again.
            if not _batch(store, todo[start:start + BATCH], start, len(todo), seen, result, progress, cancelled,
                          (trust, ahead)):
                break
    return result


def _settled(item: scan.Found, before: exchange.Seen | None) -> bool:
    """Taken before and unchanged since (what the listing counts itself, but for links inside the folder)."""
    return before is not None and (before.size, before.mtime_ns) == (item.size, item.mtime_ns) \
        and before.outcome in exchange.SETTLED


def _batch(store, items, start, total, seen, result, progress, cancelled, readers) -> bool:
    """Examine ``items`` in one transaction; False when the sync must stop (cancelled, transaction lost)."""
    reported = len(result.outcomes)
    with exchange.batch(store.db) as still_open:
        for done, item in enumerate(items, start=start + 1):
            if cancelled and cancelled():
                result.cancelled = True
                return False
            verdict = _examine(store, item, seen.get(item.rel), *readers)
            if not still_open():  # the database dropped the whole batch (disk full, I/O error)
                del result.outcomes[reported:]
                result.outcomes.append(Outcome("held", item.shown, item.office, f"{verdict.outcome.reason}; "
                                               "cơ sở dữ liệu hủy cả lô đang nhập, sẽ thử lại"))
                return False
            _remember(store, item, verdict, seen.get(item.rel), result)
            if progress:
                progress(done, total)
    return True


def _remember(store: Store, item: scan.Found, verdict: _Verdict, before, result: SyncResult) -> None:
    outcome = verdict.outcome
    exchange.record_seen(store.db, item.rel, exchange.Seen(item.size, item.mtime_ns, outcome.status,
                                                           outcome.reason, verdict.key), now())
    if before is None or (before.outcome, before.reason, before.size, before.mtime_ns) \
            != (outcome.status, outcome.reason, item.size, item.mtime_ns):
        result.outcomes.append(outcome)  # a file left aside is reported again only when it or the verdict changes
    else:
        result.repeated += 1


def _listing(store: Store, folder: Path) -> scan.Listing:
    if not folder.is_dir():
        raise UnreachableError(f"Không truy cập được thư mục dùng chung {folder} (ổ mạng chưa kết nối, USB chưa "
                               "cắm?). Không có gì thay đổi.")
    outbox = folder / "outbox"
    try:
        found = scan.listing(outbox, exchange.settled_files(store.db)) if outbox.is_dir() \
            else scan.Listing([])
    except OSError as exc:
        raise UnreachableError(f"Không đọc được thư mục {outbox}: {describe_os_error(exc)}. Không có gì thay "
                               "đổi.") from exc
    if not found.found and not found.settled and exchange.anything_accepted(store.db):
        raise UnreachableError(f"Thư mục dùng chung {folder} bỗng trống dù trước đây đã có gói: có thể ổ chưa "
                               "kết nối hoặc dịch vụ đồng bộ chưa tải xong. Không có gì bị xóa hay thay đổi.")
    return found


def _examine(store: Store, item: scan.Found, before: exchange.Seen | None, trust: keys.TrustedKeys,
             ahead: prefetch.Ahead) -> _Verdict:
    """What to do with one file; never raises for anything the file holds."""
    def out(status: str, reason: str, key: str | None = None) -> _Verdict:
        return _Verdict(Outcome(status, item.shown, item.office, reason), key)

    if item.status:
        return out(item.status, item.reason)
    name = item.name
    key = trust.key(name.office)
    if key is None:
        return out("rejected", f"chưa tin cậy khóa của đơn vị {name.office} (dùng “keys trust”); không đọc tệp")
    shared = trust.others(key)
    if shared:
        return out("rejected", f"khóa tin cậy của {name.office} (vân tay {key.fingerprint}) cũng được tin cậy cho "
                               f"{shared[0]}; một khóa chỉ thuộc một đơn vị: hãy tin cậy lại khóa đúng")
    if before and before.outcome == "rejected" and before.key == key.fingerprint \
            and (before.size, before.mtime_ns) == (item.size, item.mtime_ns):
        return out("rejected", before.reason, key.fingerprint)  # the same bytes under the same key: not read again
    known = exchange.received_at(store.db, name.office, name.seq)
    if known is not None and known.hash.startswith(name.hash):
        if known.kind == exchange.REFUSED:
            return out("rejected", known.body, key.fingerprint)
        return out("unchanged", "đã nhận trước đây; không thay đổi gì")
    last = exchange.last_received(store.db, name.office)
    expected = _Place(last[0] + 1, last[1]) if last else _Place(1, None)
    if known is None and name.seq > expected.seq:
        return out("held", f"thiếu gói số {expected.seq} của {name.office} (chưa tới, hoặc đã bị từ chối: xem dòng "
                           "của gói đó); chờ gói đó")
    return _take(store, item, key, expected if known is None else None, ahead)


class _Place(msgspec.Struct, frozen=True):
    seq: int
    prev: str | None


def _take(store: Store, item: scan.Found, key: keys.PublicKey, expected: _Place | None,
          ahead: prefetch.Ahead) -> _Verdict:
    """Read, verify and apply a file whose place in its office's chain is free (``expected``) or taken (None)."""
    def out(status: str, reason: str, judged: str | None = None) -> _Verdict:
        return _Verdict(Outcome(status, item.shown, item.office, reason), judged)

    pkg, refusal, ready = _read(item, key, ahead)
    if pkg is None:
        if isinstance(refusal, package.SignedBodyError):
            place = refusal.place
            if expected and place and (place.office, place.seq, place.prev) == (item.office, expected.seq,
                                                                                 expected.prev):
                _hold_place(store, item.shown, item.office, expected.seq, refusal.digest, str(refusal), None)
            return out("rejected", str(refusal), key.fingerprint)
        return refusal
    if expected is None:
        return out("fork", f"đã có gói khác mang số thứ tự {pkg.seq} của {pkg.office}; giữ nguyên gói đã nhận")
    if pkg.body.get("prev") != expected.prev:
        return out("fork", f"gói số {pkg.seq} không nối tiếp gói đã nhận trước đó của {pkg.office}")
    status, reason, lasting = _apply(store, pkg, ready)
    if status == "rejected" and lasting:
        _hold_place(store, pkg.name, pkg.office, pkg.seq, pkg.digest, reason, pkg)
    return out(status, reason, key.fingerprint if lasting else None)


def _hold_place(store: Store, name: str, office: str, seq: int, digest: str, reason: str,
                pkg: package.Package | None) -> None:
    """A package its office signed, refused for its content, keeps its place in the chain (kind ``refused``),
    so that office's next package is still taken; nothing of its content is stored."""
    body = pkg.body if pkg else {}
    exchange.add_received(store.db, exchange.Received(
        office, seq, digest, name, exchange.REFUSED, body.get("period"), body.get("revision"),
        body.get("created", ""), now(), reason))


def _read(item: scan.Found, key: keys.PublicKey, ahead: prefetch.Ahead) \
        -> tuple[package.Package | None, _Verdict | package.SignedBodyError | None, receive.Prepared | None]:
    """(package, None, what the worker made ready of its report) or (None, why not, None)."""
    def out(status: str, reason: str, judged: str | None = None):
        return None, _Verdict(Outcome(status, item.shown, item.office, reason), judged), None

    done = ahead.take(item, key)
    if done is not None and done.pkg is not None:
        return done.pkg, None, done.ready
    for attempt in range(RETRIES):
        try:
            if done is not None:
                raise done.refusal  # the worker's refusal of the bytes, judged as one met here
            return package.read(item.path, key), None, None
        except package.SignedBodyError as exc:
            return None, exc, None
        except InputError as exc:
            return out("rejected", str(exc), key.fingerprint)
        except OSError as exc:  # held by antivirus or a sync client (Windows): try again shortly
            if isinstance(exc, PermissionError) and os.name != "nt":
                return out("held", "không có quyền đọc tệp (kiểm tra quyền truy cập thư mục dùng chung); sẽ thử lại")
            if attempt == RETRIES - 1:
                held = "tệp đang bị chương trình khác giữ" if getattr(exc, "winerror", None) in (32, 33) \
                    else f"không đọc được tệp ({describe_os_error(exc)})"
                return out("held", f"{held}; sẽ thử lại")
            time.sleep(RETRY_DELAY)
        except UserError as exc:  # not an ordinary file, or too large: decided before reading
            return out("rejected", str(exc), key.fingerprint)
    return out("held", "không đọc được; sẽ thử lại")


def _apply(store: Store, pkg: package.Package, ready: receive.Prepared | None) -> tuple[str, str, bool]:
    """Apply one verified package under its own savepoint: a failure leaves nothing of it behind.

    (status, reason, lasting): a lasting refusal is the package's own fault and
    holds its place in the chain; a passing one (a template not yet installed
    here, an unexpected failure) is tried again on the next sync.
    """
    try:
        with store.db.atomic():
            summary = receive.apply(store, pkg, ready)
            exchange.add_received(store.db, exchange.Received(
                pkg.office, pkg.seq, pkg.digest, pkg.name, pkg.kind, pkg.body.get("period"),
                pkg.body.get("revision"), pkg.body.get("created", ""), now(), ""))
    except package.ChangedError as exc:
        return "held", str(exc), False
    except receive.NotYetKnownError as exc:
        return "rejected", f"nội dung chưa nhập được: {exc}; sẽ thử lại ở lần đồng bộ sau", False
    except UserError as exc:
        return "rejected", f"nội dung không nhập được: {exc}", True
    except Exception as exc:  # noqa: BLE001 - whatever one package holds, the others go on
        return "rejected", f"nội dung không nhập được (lỗi {type(exc).__name__}: {str(exc)[:300]})", False
    return "accepted", summary, True


def rejected_files(store: Store) -> list[tuple[str, str, str]]:
    """Files in the shared folder left aside, with the reason (for the window's list)."""
    return exchange.left_aside(store.db)
