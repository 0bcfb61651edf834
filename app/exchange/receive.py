"""Applying a verified package from the shared folder: a report, a template or deadlines.

``sync`` reads, checks and orders packages; this module owns what a package
may change here, whoever the sender: a report only replaces a received (not
local) report of the same office that is not issued; an issued revision held
here only ever gains the PDF it lacks, never a different one.
"""
from __future__ import annotations

import base64
import binascii
import sqlite3

import msgspec

from app.domain.template import Template, from_dict
from app.errors import InputError
from app.exchange import dumpformat, dumptypes, incoming, package, transfer
from app.storage import received
from app.storage.content import record_of
from app.storage.reports import FROZEN
from app.storage.store import Store


class NotYetKnownError(InputError):
    """The package is sound but needs what this installation lacks yet (its template version)."""


class Prepared(msgspec.Struct, frozen=True):
    """A report package made ready without the database: its content checked whole, parsed against its own
    template and laid out as the record it is kept as. Small, so a worker process can hand it over: the
    parsed content carries the header and the office, not the items (they are in ``record``)."""

    parsed: incoming.Incoming
    template: tuple[str, int, str]  # code, version, fingerprint of the package's own template
    record: received.Record
    document_ids: tuple[str, ...]
    pdf: bytes | None


def apply(store: Store, pkg: package.Package, ready: Prepared | None = None) -> str:
    """Apply one verified package inside the caller's transaction; InputError says why not.

    A report package's ``report`` is checked whole (``dumpformat.check``) before anything else of it is read.
    ``ready``: what ``prepare`` made of this very package elsewhere, so it is not made again.
    """
    with store.via("sync"):
        return _apply(store, pkg, ready)


def prepare(pkg: package.Package) -> Prepared:
    """A report package's content checked whole, parsed and laid out for storage; InputError says why not."""
    data = pkg.body["report"]
    typed = _checked(pkg)  # before anything else of it is read
    if not isinstance(data, dict) or not isinstance(data.get("office"), dict) \
            or data["office"].get("code") != pkg.office or data["office"].get("id") != pkg.body.get("office_id"):
        raise InputError("báo cáo trong gói thuộc đơn vị khác người gửi")
    template = from_dict(data["template"])
    parsed = incoming.parse(data, typed, template, f"gói {pkg.name}")
    transfer.check_format(data, f"gói {pkg.name}")
    content = parsed.content
    record = record_of(content)
    slim = msgspec.structs.replace(content, template=None, values={}, narrative={}, documents=[], tasks=[], reviews=[])
    return Prepared(msgspec.structs.replace(parsed, content=slim), (template.code, template.version, template.fingerprint),
                    record, tuple(d.id for d in content.documents), _pdf(pkg))


def _checked(pkg: package.Package) -> dumptypes.Dump:
    """The typed check of the package's ``report``, before anything else of it is read."""
    return dumpformat.check(pkg.body["report"], source=f"{pkg.name}: trường “report”")


def _apply(store: Store, pkg: package.Package, ready: Prepared | None) -> str:
    try:
        if pkg.kind == "report":
            return _apply_report(store, pkg, ready)
        _require_parent(store, pkg)
        if pkg.kind == "template":
            template = from_dict(pkg.body["template"])
            store.install_template(template)
            return f"mẫu báo cáo {template.code} phiên bản {template.version}"
        return _apply_deadlines(store, pkg)
    except sqlite3.IntegrityError as exc:  # the database's own guards: say so rather than fail the sync
        raise InputError(f"gói không áp dụng được vào cơ sở dữ liệu ({exc})") from None


def _require_parent(store: Store, pkg: package.Package) -> None:
    parents = {o.current.parent_code for o in store.local_offices()}
    if pkg.office not in parents:
        raise InputError(f"chỉ đơn vị cấp trên mới gửi mẫu báo cáo và hạn gửi; {pkg.office} không phải cấp trên")


def _apply_deadlines(store: Store, pkg: package.Package) -> str:
    deadlines = pkg.body["deadlines"]
    if not isinstance(deadlines, dict) or len(deadlines) > 1000:
        raise InputError("danh sách hạn gửi không hợp lệ")
    for period, due in deadlines.items():
        store.submissions.set_deadline(pkg.office, str(period)[:16], str(due)[:32])
    return f"hạn gửi báo cáo: {', '.join(f'{p} → {d}' for p, d in deadlines.items())}"


def _known_template(store: Store, key: tuple[str, int, str]) -> Template:
    code, version, fingerprint = key
    known = store.templates.fingerprint(code, version)
    if known is None:
        raise NotYetKnownError(f"mẫu báo cáo {code} phiên bản {version} chưa có ở đơn vị tổng hợp "
                               "(nạp mẫu đó rồi đồng bộ lại)")
    if known[1] != fingerprint:
        raise InputError(f"mẫu báo cáo {code} phiên bản {version} khác nội dung mẫu cùng phiên bản ở đơn vị tổng hợp")
    return store.template_by_id(known[0])


def _pdf(pkg: package.Package) -> bytes | None:
    pdf = pkg.body.get("pdf")
    if pdf is None:
        return None
    try:
        return base64.b64decode(pdf, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise InputError("bản PDF kèm theo hỏng") from None


def _apply_report(store: Store, pkg: package.Package, ready: Prepared | None) -> str:
    ready = ready or prepare(pkg)  # before any SQL
    template = _known_template(store, ready.template)
    existing = store.find_office(pkg.office)
    if existing and existing.id != pkg.body["office_id"]:
        raise InputError(f"mã định danh đơn vị {pkg.office} khác đơn vị đã có")
    if existing is not None and existing.is_local:
        raise InputError(f"{pkg.office} là đơn vị của chính máy này; không nhận báo cáo của nó từ nơi khác")
    source = f"gói {pkg.name}"
    parsed = msgspec.structs.replace(ready.parsed, content=msgspec.structs.replace(ready.parsed.content, template=template))
    report_id, changed = transfer.import_parsed(
        store, transfer.Incoming(lambda: pkg.whole()["report"], template, parsed, ready.record, ready.document_ids),
        source=source, signed=True)
    if existing is not None:  # a new office was just recorded, remote, with exactly the profiles it sent
        store.offices_repo.mark_remote(pkg.office)
        store.offices_repo.replace_profiles(pkg.body["office_id"], list(parsed.content.office.profiles))
    if ready.pdf is not None:
        report = store.report_by_id(report_id)
        if report.status not in FROZEN:
            raise InputError(f"{source}: bản PDF ban hành kèm theo báo cáo chưa ban hành")
        changed |= store.files.add_issued_pdf(report, pkg.name + ".pdf", ready.pdf, source=source)
    same = "" if changed else " (đã có đúng bản này; không lưu lại gì)"
    return f"báo cáo {pkg.office} kỳ {pkg.body['period']} bản {pkg.body['revision']}{same}"
