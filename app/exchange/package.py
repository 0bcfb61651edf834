"""Signed, self-describing packages in the shared folder.

A package is one immutable file ``outbox/<OFFICE>/<OFFICE>_<seq>_<hash>``
(format in ``packageformat``): the body's canonical JSON signed with the
office's Ed25519 key, ``hash`` the first 16 hex digits of its SHA-256. The
per-office sequence number (never a clock) orders packages and comes from this
database's outbox, never from the folder; each body names the previous
package's hash, so a gap or a fork in an office's chain is visible.
"""
from __future__ import annotations

import base64
import os
from pathlib import Path

import msgspec

from app.digest import sha256_hex
from app.errors import InputError, UserError, describe_os_error
from app.exchange import packageformat as fmt
from app.exchange import transfer
from app.exchange.keys import PublicKey, fingerprint, signing_key
from app.exchange.packageformat import FORMAT, FORMAT_VERSION, KINDS, MAX_BYTES, NAME  # noqa: F401 - the contract
from app.formats import canonical, decode
from app.fsutil import fsync_dir, read_limited, temp_path
from app.storage import exchange
from app.storage.store import Store, now


def body_hash(body: dict) -> str:
    return sha256_hex(canonical(body))


class Package(msgspec.Struct, frozen=True):
    name: str
    body: dict
    signature: bytes
    digest: str  # full SHA-256 of the signed body bytes
    raw: bytes = b""  # the body bytes, as signed (not kept in a ``head``)
    path: str = ""  # the file it was read from

    @property
    def office(self) -> str:
        return self.body["office"]

    @property
    def seq(self) -> int:
        return self.body["seq"]

    @property
    def kind(self) -> str:
        return self.body["kind"]

    def head(self) -> Package:
        """The package without its bulky content (``report``, ``pdf``) or its signed bytes, to hand between
        processes; ``whole`` still gives it all."""
        body = {k: v for k, v in self.body.items() if k not in _BULK}
        return Package(self.name, body, self.signature, self.digest, b"", self.path)

    def whole(self) -> dict:
        """The whole body; for a ``head``, decoded from the file read again, which must still hold the very bytes
        whose signature was checked (ChangedError otherwise)."""
        if all(k in self.body for k in _BULK):
            return self.body
        return decode(self.raw or self._signed_again(), dict, source=self.name)

    def _signed_again(self) -> bytes:
        try:
            signed = fmt.split(read_limited(Path(self.path), MAX_BYTES, what="gói"), source=self.name)
        except (OSError, UserError):
            signed = None
        if signed is None or signed.digest != self.digest:
            raise ChangedError(f"tệp {self.name} đã thay đổi hoặc không đọc được trong lúc đồng bộ; sẽ thử lại")
        return signed.data


class ChangedError(OSError):
    """A package file no longer holds the bytes read from it earlier in this sync (tried again next time)."""


_BULK = ("report", "pdf")


class SignedBodyError(InputError):
    """A file its office really signed (the key verified it) whose body cannot be taken.

    ``place`` is where the body says it stands in the office's chain (None when
    not even that can be read) and ``digest`` the SHA-256 of the signed bytes,
    so the refusal can hold that place and the office's next package be taken.
    """

    def __init__(self, message: str, place: fmt.Place | None, digest: str) -> None:
        super().__init__(message)
        self.place = place
        self.digest = digest

    def __reduce__(self):  # crosses to the importing process whole (``prefetch``)
        return (type(self), (str(self), self.place, self.digest))


def read(path: Path, key: PublicKey | None = None) -> Package:
    """One package file, checked in this order: name, ordinary file within the size limit, name hash,
    signature (when ``key`` is given; sync always gives it), and only then the typed body.

    Raises InputError with the reason (SignedBodyError once the signature is
    verified); OSError when the file cannot be read now (to retry).
    """
    path = Path(path)
    name = fmt.parse_name(path.name, path.parent.name)
    try:
        raw = read_limited(path, MAX_BYTES, what="gói")
    except UserError as exc:
        if isinstance(exc.__cause__, OSError):
            raise exc.__cause__ from None
        raise InputError(str(exc)) from None
    signed = fmt.split(raw, source=path.name)
    del raw  # one copy of a package in memory at a time
    if signed.digest[:16] != name.hash:
        raise InputError("mã băm trong tên tệp không khớp nội dung (tệp đã bị sửa hoặc bị cắt cụt)")
    if key is not None and not key.verify(signed.signature, signed.data):
        raise InputError(f"chữ ký không hợp lệ với khóa đã tin cậy của {key.office_code} (gói bị sửa hoặc ký "
                         "bằng khóa khác)")
    try:
        typed, body = fmt.body(signed, source=path.name)
    except InputError as exc:
        if key is None:
            raise
        raise SignedBodyError(str(exc), fmt.place(signed), signed.digest) from None
    if typed.office != name.office or typed.seq != name.seq:
        raise InputError("tên tệp không khớp đơn vị hoặc số thứ tự bên trong gói")
    return Package(path.name, body, signed.signature, signed.digest, signed.data, str(path))


def _next_seq(store: Store, office: str, folder: Path, public: PublicKey) -> tuple[int, str | None]:
    """After the last package this database sent (``outbox``); the folder only adds packages this office
    signed itself that a database restored from an older backup lacks (taken back into the outbox)."""
    last = exchange.last_sent(store.db, office)
    seq, prev = (last.seq, last.hash) if last else (0, None)
    ahead = _later_files(folder / "outbox" / office, office, seq)
    while seq + 1 in ahead:
        adopted = _own_package(ahead[seq + 1], public, prev)
        if adopted is None:
            break
        pkg, path, data = adopted
        with store.db.atomic():
            exchange.add_sent(store.db, exchange.Sent(
                office, pkg.seq, pkg.digest, pkg.kind, pkg.body.get("period"), pkg.body.get("revision"),
                str(path.relative_to(folder)), pkg.body.get("created", ""), data))
            store.audit(office, "package", pkg.name, None, "nhận lại gói của chính đơn vị từ thư mục dùng chung")
        seq, prev = pkg.seq, pkg.digest
    return seq + 1, prev


def _later_files(own: Path, office: str, after: int) -> dict[int, list[Path]]:
    try:
        names = os.listdir(own)
    except OSError:
        return {}
    ahead: dict[int, list[Path]] = {}
    for name in names:
        match = NAME.match(name)
        if match and match["office"] == office and int(match["seq"]) > after:
            ahead.setdefault(int(match["seq"]), []).append(own / name)
    return ahead


def _own_package(paths: list[Path], public: PublicKey, prev: str | None):
    """The one file among ``paths`` this office signed that continues its chain, or None."""
    for path in sorted(paths):
        try:
            pkg = read(path, public)
            data = read_limited(path, MAX_BYTES, what="gói")
        except (UserError, OSError):
            continue  # not ours (unsigned, forged or damaged): it never moves the sequence
        if pkg.body.get("prev") == prev:
            return pkg, path, data
    return None


def resend_missing(store: Store, office: str, folder: Path | str) -> list[str]:
    """Write again this office's packages that have gone missing from the shared folder."""
    folder = Path(folder)
    written = []
    for name_file, data in exchange.sent_files(store.db, office):
        target = folder / name_file
        if not target.exists():
            _write_new(target, data)
            written.append(target.name)
    return written


def _write_new(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_path(target)
        try:
            with open(tmp, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                raise UserError(f"Gói {target.name} đã có trong thư mục dùng chung; không ghi đè.")
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                tmp.unlink()  # never leave half a package behind
        fsync_dir(target.parent)
    except OSError as exc:
        raise UserError(f"Không ghi được vào thư mục dùng chung {target.parent}: {describe_os_error(exc)}") from exc


def publish(store: Store, office_code: str, folder: Path | str, kind: str, content: dict) -> Path:
    """Sign ``content`` as the office's next package and write it into the shared folder.

    Written to a temporary name in the same folder, flushed, then renamed: no
    reader ever sees half a file, and an existing file is never overwritten.
    """
    office = store.office(office_code)
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"Không truy cập được thư mục dùng chung {folder}; không có gì được ghi.")
    key = signing_key(store, office.code)
    public = PublicKey(office.code, key.public_key().public_bytes_raw())
    resend_missing(store, office.code, folder)
    seq, prev = _next_seq(store, office.code, folder, public)
    body = {"format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind, "office": office.code,
            "office_id": office.id, "seq": seq, "prev": prev, "created": now(), **content}
    data = canonical(body)
    digest = sha256_hex(data)
    name = f"{office.code}_{seq:06d}_{digest[:16]}"
    target = folder / "outbox" / office.code / name
    raw = fmt.write(data, key.sign(data), fingerprint(public.raw))
    _write_new(target, raw)
    with store.db.atomic():
        exchange.add_sent(store.db, exchange.Sent(office.code, seq, digest, kind, content.get("period"),
                                                  content.get("revision"), str(target.relative_to(folder)),
                                                  body["created"], raw))
        store.audit(office.code, "package", name, None, kind)
    return target



def submit(store: Store, office_code: str, period: str, folder: Path | str) -> Path:
    """Publish the office's report for the period (complete or issued, no errors) as a package."""
    from app.domain.validate import has_errors
    from app.reporting import issuing
    from app.reporting.derived import report_findings

    report = store.report(office_code, period)
    data = store.content.load(report)
    if has_errors(report_findings(store, report)):
        raise UserError("Báo cáo còn lỗi; hãy sửa (xem “validate”) trước khi gửi.")
    if report.status.value == "draft":
        raise UserError("Báo cáo đang là bản nháp; hãy đánh dấu hoàn thành hoặc ban hành trước khi gửi.")
    pdf = None
    if report.status.value in ("issued", "submitted"):
        pdf = issuing.issued_pdf(store, report)
    content = {
        "period": str(report.period), "revision": report.revision, "report": transfer.to_dict(data),
        "pdf": base64.b64encode(pdf).decode() if pdf else None,
        "pdf_sha256": sha256_hex(pdf) if pdf else None,
    }
    return publish(store, office_code, folder, "report", content)

