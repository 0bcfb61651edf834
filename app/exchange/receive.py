"""Applying a verified package from the shared folder: a report, a template or deadlines.

``sync`` reads, checks and orders packages; this module owns what a package
may change here, whoever the sender: a report only replaces a received (not
local) report of the same office that is not issued; an issued revision held
here only ever gains the PDF it lacks, never a different one.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import sqlite3

from app.domain.template import Template, from_dict
from app.errors import InputError
from app.exchange import dumpformat, dumptypes, incoming, package, transfer
from app.storage.reports import FROZEN
from app.storage.store import Store


class NotYetKnownError(InputError):
    """The package is sound but needs what this installation lacks yet (its template version)."""


def apply(store: Store, pkg: package.Package, parsed: incoming.Incoming | None = None) -> str:
    """Apply one verified package inside the caller's transaction; InputError says why not.

    A report package's ``report`` is checked whole (``dumpformat.check``) before anything else of it is read.
    ``parsed``: what ``parse_report`` made of this very package elsewhere (its template left out), so its
    content is not checked and parsed again.
    """
    with store.via("sync"):
        return _apply(store, pkg, parsed)


def parse_report(pkg: package.Package) -> incoming.Incoming:
    """A report package's content checked whole and parsed against its own template, without the database."""
    return _parse(pkg, _checked(pkg), from_dict(pkg.body["report"]["template"]))


def _checked(pkg: package.Package) -> dumptypes.Dump:
    """The typed check of the package's ``report``, before anything else of it is read."""
    return dumpformat.check(pkg.body["report"], source=f"{pkg.name}: trường “report”")


def _parse(pkg: package.Package, typed: dumptypes.Dump, template: Template) -> incoming.Incoming:
    return incoming.parse(pkg.body["report"], typed, template, f"gói {pkg.name}")


def _apply(store: Store, pkg: package.Package, parsed: incoming.Incoming | None) -> str:
    try:
        if pkg.kind == "report":
            return _apply_report(store, pkg, parsed)
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


def _known_template(store: Store, data: dict) -> Template:
    template = from_dict(data["template"])
    known = store.templates.fingerprint(template.code, template.version)
    if known is None:
        raise NotYetKnownError(f"mẫu báo cáo {template.code} phiên bản {template.version} chưa có ở đơn vị tổng hợp "
                         "(nạp mẫu đó rồi đồng bộ lại)")
    if known[1] != template.fingerprint:
        raise InputError(f"mẫu báo cáo {template.code} phiên bản {template.version} khác nội dung mẫu cùng "
                         "phiên bản ở đơn vị tổng hợp")
    return template


def _pdf(pkg: package.Package) -> bytes | None:
    pdf = pkg.body.get("pdf")
    if pdf is None:
        return None
    try:
        return base64.b64decode(pdf, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise InputError("bản PDF kèm theo hỏng") from None


def _apply_report(store: Store, pkg: package.Package, ready: incoming.Incoming | None) -> str:
    data = pkg.body["report"]
    typed = _checked(pkg) if ready is None else None  # before any SQL
    if not isinstance(data, dict) or not isinstance(data.get("office"), dict) \
            or data["office"].get("code") != pkg.office or data["office"].get("id") != pkg.body.get("office_id"):
        raise InputError("báo cáo trong gói thuộc đơn vị khác người gửi")
    template = _known_template(store, data)
    existing = store.find_office(pkg.office)
    if existing and existing.id != pkg.body["office_id"]:
        raise InputError(f"mã định danh đơn vị {pkg.office} khác đơn vị đã có")
    if existing is not None and existing.is_local:
        raise InputError(f"{pkg.office} là đơn vị của chính máy này; không nhận báo cáo của nó từ nơi khác")
    pdf = _pdf(pkg)
    source = f"gói {pkg.name}"
    parsed = _parse(pkg, typed, template) if ready is None \
        else dataclasses.replace(ready, content=dataclasses.replace(ready.content, template=template))
    report_id, changed = transfer.import_parsed(store, data, template, parsed, source=source, signed=True)
    store.offices_repo.mark_remote(pkg.office)
    store.offices_repo.replace_profiles(pkg.body["office_id"], list(parsed.content.office.profiles))
    if pdf is not None:
        report = store.report_by_id(report_id)
        if report.status not in FROZEN:
            raise InputError(f"{source}: bản PDF ban hành kèm theo báo cáo chưa ban hành")
        changed |= store.files.add_issued_pdf(report, pkg.name + ".pdf", pdf, source=source)
    same = "" if changed else " (đã có đúng bản này; không lưu lại gì)"
    return f"báo cáo {pkg.office} kỳ {pkg.body['period']} bản {pkg.body['revision']}{same}"
