"""Signed, self-describing packages in the shared folder.

A package is one immutable file ``outbox/<OFFICE>/<OFFICE>_<seq>_<hash>``:
JSON ``{"package": body, "signature": …, "fingerprint": …}``, where the
signature is Ed25519 over the canonical JSON of ``body`` and ``hash`` is the
first 16 hex digits of that canonical body's SHA-256. The per-office sequence
number (never a clock) orders packages; each body names the previous
package's hash, so a gap or a fork in an office's chain is visible.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.errors import InputError, UserError, describe_os_error
from app.exchange import transfer
from app.exchange.keys import PublicKey, own_public_key, signing_key
from app.fsutil import fsync_dir, temp_path
from app.storage.store import Store, now

FORMAT = "baocao-package"
FORMAT_VERSION = 1
MAX_BYTES = 32 * 1024 * 1024
NAME = re.compile(r"^(?P<office>[A-Z0-9][A-Z0-9-]{0,19})_(?P<seq>\d{6,9})_(?P<hash>[0-9a-f]{16})$", re.ASCII)
KINDS = ("report", "template", "deadline")


def canonical(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def body_hash(body: dict) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()


@dataclass(frozen=True)
class Package:
    name: str
    body: dict
    signature: bytes
    digest: str  # full SHA-256 of the canonical body
    raw: bytes = b""  # the canonical body, as signed

    @property
    def office(self) -> str:
        return self.body["office"]

    @property
    def seq(self) -> int:
        return self.body["seq"]

    @property
    def kind(self) -> str:
        return self.body["kind"]


def _next_seq(store: Store, office: str, folder: Path) -> tuple[int, str | None]:
    """After the last package in this office's chain, whichever is further: this database's
    record, or the shared folder (a database restored from an older backup must not fork)."""
    row = store.db.execute("SELECT seq, hash FROM outbox WHERE office_code = ? ORDER BY seq DESC LIMIT 1",
                           (office,)).fetchone()
    seq, prev = (row[0], row[1]) if row else (0, None)
    own = folder / "outbox" / office
    if own.is_dir():
        names = [(int(m["seq"]), p) for p in own.iterdir() if (m := NAME.match(p.name)) and m["office"] == office]
        if names:
            top, path = max(names)
            if top > seq:
                try:
                    seq, prev = top, read(path).digest
                except (InputError, OSError) as exc:
                    raise UserError(f"Gói mới nhất của {office} trong thư mục dùng chung ({path.name}) không đọc "
                                    "được; hãy kiểm tra thư mục trước khi gửi tiếp.") from exc
    return seq + 1, prev


def resend_missing(store: Store, office: str, folder: Path | str) -> list[str]:
    """Write again this office's packages that have gone missing from the shared folder."""
    folder = Path(folder)
    written = []
    for name_file, data in store.db.execute(
            "SELECT file, data FROM outbox WHERE office_code = ? AND data IS NOT NULL ORDER BY seq", (office,)):
        target = folder / name_file
        if not target.exists():
            _write_new(target, bytes(data))
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
    resend_missing(store, office.code, folder)
    seq, prev = _next_seq(store, office.code, folder)
    body = {"format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind, "office": office.code,
            "office_id": office.id, "seq": seq, "prev": prev, "created": now(), **content}
    key = signing_key(store, office.code)
    data = canonical(body)
    digest = hashlib.sha256(data).hexdigest()
    envelope = {"package": body, "signature": base64.b64encode(key.sign(data)).decode(),
                "fingerprint": own_public_key(store, office.code).fingerprint}
    target_dir = folder / "outbox" / office.code
    name = f"{office.code}_{seq:06d}_{digest[:16]}"
    target = target_dir / name
    raw = json.dumps(envelope, ensure_ascii=False).encode("utf-8")
    _write_new(target, raw)
    with store.db.atomic():
        store.db.conn.execute(
            "INSERT INTO outbox (office_code, seq, hash, kind, period, revision, file, created, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (office.code, seq, digest, kind, content.get("period"), content.get("revision"),
             str(target.relative_to(folder)), body["created"], raw))
        store.audit(office.code, "package", name, None, kind)
    return target


def submit(store: Store, office_code: str, period: str, folder: Path | str) -> Path:
    """Publish the office's report for the period (complete or issued, no errors) as a package."""
    from app.domain.validate import has_errors, validate
    from app.reporting import issuing

    report = store.report(office_code, period)
    data = store.content.load(report)
    if has_errors(validate(data)):
        raise UserError("Báo cáo còn lỗi; hãy sửa (xem “validate”) trước khi gửi.")
    if report.status.value == "draft":
        raise UserError("Báo cáo đang là bản nháp; hãy đánh dấu hoàn thành hoặc ban hành trước khi gửi.")
    pdf = None
    if report.status.value in ("issued", "submitted"):
        pdf = issuing.issued_pdf(store, report)
    content = {
        "period": str(report.period), "revision": report.revision, "report": transfer.to_dict(data),
        "pdf": base64.b64encode(pdf).decode() if pdf else None,
        "pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf else None,
    }
    return publish(store, office_code, folder, "report", content)


def read(path: Path) -> Package:
    """Parse and check one package file's shape and name; the signature is checked by ``verify``."""
    match = NAME.match(path.name)
    if not match:
        raise InputError("tên tệp không đúng dạng <ĐƠN VỊ>_<số thứ tự>_<mã băm>")
    if path.parent.name != match["office"]:
        raise InputError(f"gói của {match['office']} nằm trong thư mục của {path.parent.name}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"tệp quá lớn ({size // 1024 // 1024} MB)")
    raw = path.read_bytes()
    try:
        envelope = json.loads(raw.decode("utf-8"))
        body = envelope["package"]
        signature = base64.b64decode(envelope["signature"], validate=True)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, RecursionError) as exc:
        raise InputError("tệp hỏng hoặc bị cắt cụt (không đọc được nội dung)") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise InputError("không phải gói báo cáo")
    if body.get("format_version") != FORMAT_VERSION:
        raise InputError(f"định dạng gói phiên bản {body.get('format_version')} chưa được hỗ trợ")
    if body.get("kind") not in KINDS:
        raise InputError(f"loại gói “{body.get('kind')}” không có")
    if body.get("office") != match["office"] or body.get("seq") != int(match["seq"]):
        raise InputError("tên tệp không khớp đơn vị hoặc số thứ tự bên trong gói")
    if not isinstance(body.get("prev"), (str, type(None))):
        raise InputError("thiếu mã băm của gói trước")
    data = canonical(body)
    digest = hashlib.sha256(data).hexdigest()
    if digest[:16] != match["hash"]:
        raise InputError("mã băm trong tên tệp không khớp nội dung (tệp đã bị sửa?)")
    return Package(path.name, body, signature, digest, data)


def verify(package: Package, key: PublicKey) -> None:
    if not key.verify(package.signature, package.raw or canonical(package.body)):
        raise InputError(f"chữ ký không hợp lệ với khóa đã tin cậy của {key.office_code} (gói bị sửa hoặc ký bằng khóa khác)")
    pdf = package.body.get("pdf")
    if pdf is not None:
        try:
            data = base64.b64decode(pdf, validate=True)
        except ValueError as exc:
            raise InputError("bản PDF kèm theo hỏng") from exc
        if hashlib.sha256(data).hexdigest() != package.body.get("pdf_sha256"):
            raise InputError("mã băm bản PDF kèm theo không khớp")
