"""Report data as versioned JSON: dump one report, import it into any database.

The dump carries everything needed to rebuild the report elsewhere: the office
with its dated profiles, the full template version, the report header, values,
narrative, documents, tasks, task reviews and the files kept with it (issued
PDF, scans). Output is deterministic, so dump → import into an empty database
→ dump gives the same bytes.

An import is checked like typed entry (office code, level, profiles, every
field) and applied in one transaction, template installation included: a
refused import leaves nothing behind. It never changes an issued or submitted
revision: the same data again only adds the files it may add, anything else
is refused.
"""
from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import msgspec

from app.domain.model import Document, ReportData, Status, Value
from app.domain.period import Period
from app.domain.template import Template, from_dict
from app.errors import InputError, UserError
from app.exchange import incoming
from app.exchange.dumptypes import Dump
from app.storage import received
from app.storage.offices import profile_from_dict, profile_to_dict
from app.storage.reports import FROZEN
from app.storage.rows import day, num, transaction
from app.storage.store import Store

FORMAT = "baocao-report"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


def dump(store: Store, office_code: str, period: Period | str) -> dict:
    """The latest revision as versioned JSON, with its issued PDF and scans when it has them."""
    report = store.report(office_code, period)
    data = to_dict(store.content.load(report))
    data["files"] = [{"kind": f.kind, "name": f.name, "sha256": f.sha256, "data": base64.b64encode(f.data).decode()}
                     for f in store.files.all(report.id)]
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_dict(data: ReportData) -> dict:
    r, template = data.report, data.template
    section_order = list(template.by_section)
    narrative = sorted(data.narrative.items(), key=lambda kv: (section_order.index(kv[0][0]), kv[0][1]))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "office": {
            "id": data.office.id, "code": data.office.code, "level": data.office.level,
            "profiles": [profile_to_dict(p) for p in data.office.profiles],
        },
        "template": template.to_dict(),
        "report": {
            "id": r.id, "period": str(r.period), "revision": r.revision, "status": r.status.value,
            "number": r.number, "issued_on": day(r.issued_on), "signer_title": r.signer_title,
            "signer_name": r.signer_name, "summary": r.summary, "created": r.created, "updated": r.updated,
            "reason": r.reason, **({"title": r.title} if r.title else {}),
            **({"headings": dict(r.headings)} if r.headings else {}),
        },
        "values": [_value_dict(data.values[c]) for c in template.indicators if c in data.values],
        "narrative": [
            {"section": s, "part": p, "blocks": [{"style": b.style, "text": b.text} for b in blocks]}
            for (s, p), blocks in narrative
        ],
        "documents": [_document_dict(d) for d in data.documents],
        "tasks": [{"id": t.id, "section": t.section, "text": t.text} for t in data.tasks],
        "reviews": [{"task_id": v.task_id, "status": v.status.value, "comment": v.comment}
                    for v in data.reviews],
    }


def read_file(path: Path | str) -> dict:
    """A dump file, read (a regular file of at most 64 MB) and checked by ``dumpformat.load``.

    UserError/InputError naming the file (and the field) for anything else.
    """
    from app.exchange import dumpformat
    from app.fsutil import read_limited

    path = Path(path)
    raw = read_limited(path, MAX_BYTES, what="tệp dữ liệu báo cáo")
    return dumpformat.load(raw, source=f"Tệp {path.name}")


def import_data(store: Store, data: dict, template: Template | None = None, *,
                source: str = "Dữ liệu báo cáo", signed: bool = False, typed: Dump | None = None) -> tuple[str, bool]:
    """Import one dumped report; return (report id, whether anything changed).

    The same data twice changes nothing. An existing draft or complete report
    of the same office, period and revision is replaced (and audited); an issued
    or submitted one is refused unless the data is the same, when only files it
    lacks may be added (an issued PDF only to an issued revision that has none).
    Only a package its office signed (``signed``) may bring the issued state of
    a revision held here as draft or complete; a file never issues one.
    Everything happens in one transaction: a failure leaves the database as it was.
    ``typed``: what ``dumpformat.check`` returned for this very ``data`` when the caller has just run it
    (a sync does, to word its refusal), so it is not run twice.
    """
    if typed is None:
        from app.exchange import dumpformat

        typed = dumpformat.check(data, source=source)  # shape, types and limits of every field, whoever calls
    template = template or from_dict(data["template"])
    parsed = incoming.parse(data, typed, template, source)
    check_format(data, source)
    with store.via("import"), transaction(store.db):
        return _apply(store, Incoming(lambda: data, template, parsed), source, signed)


class Incoming(msgspec.Struct, frozen=True):
    """A dump checked and parsed (``incoming.parse``, ``check_format``), ready to be stored here.

    ``data`` gives the dump itself, needed only to compare it with the same revision held here; ``record``:
    the content laid out as a received report is kept (``content.record_of``), when already made elsewhere
    (``parsed`` then need not carry the items).
    """

    data: Callable[[], dict]
    template: Template
    parsed: incoming.Incoming
    record: received.Record | None = None
    document_ids: tuple[str, ...] = ()


def import_parsed(store: Store, ready: Incoming, *, source: str, signed: bool) -> tuple[str, bool]:
    """``import_data`` for a dump already checked and parsed: a sync keeps the parsed office."""
    with store.via("import"), transaction(store.db):
        return _apply(store, ready, source, signed)


def _apply(store: Store, ready: Incoming, source: str, signed: bool) -> tuple[str, bool]:
    template, parsed = ready.template, ready.parsed
    header, office = parsed.content.report, parsed.content.office
    existing, current = _current(store, header, office, source)
    if current is not None and current.status not in FROZEN and header.status in FROZEN and not signed:
        raise UserError(f"{source}: báo cáo {header.period} bản {header.revision} của {office.code} ở đây đang ở "
                        f"trạng thái “{current.status.label}”; nhập tệp không biến nó thành bản đã ban hành "
                        "(ban hành bằng lệnh “issue”).")
    if current is not None and same_as_stored(store, current, ready.data(), template):
        return current.id, _add_files(store, current, parsed.files, source)
    if current is not None and current.status in FROZEN:
        raise UserError(f"{source}: báo cáo {header.period} bản {header.revision} của {office.code} đã ban hành "
                        "ở đây; không ghi đè được (chỉ mở được bản sửa đổi mới).")
    ids = ready.document_ids if ready.record is not None else [d.id for d in parsed.content.documents]
    taken = store.content.taken_document_ids(list(ids), current.id if current else None)
    if taken:
        raise InputError(f"{source}: văn bản mã {taken[0]} đã thuộc một báo cáo khác ở đây; tệp không nhập được.")
    template_id = store.install_template(template)
    if existing is None and signed:
        store.offices_repo.add_sender(office.code, office.level, list(office.profiles), office.id)
    elif existing is None:
        store.offices_repo.add(office.code, office.level, office.profiles[0], office.id)
    if existing is not None or not signed:
        store.offices_repo.merge_profiles(office.id, list(office.profiles))
    old = None
    if current is not None:
        old = {"status": current.status.value, "values": {c: num(v.number) for c, v in
                                                           store.content.values(current.id).items()}}
        store.reports_repo.delete(current)
    store.reports_repo.insert(header, template_id)
    if ready.record is not None:  # a received report is kept as it came
        store.content.put_record(header.id, ready.record)
    else:
        store.content.put_all(header.id, parsed.content, whole=signed)
    _add_files(store, header, parsed.files, source)
    if header.status is not Status.DRAFT:
        store.reports_repo.settle(header.id, header.status)
    store.audit(office.code, "import", str(header.period), old,
                {"revision": header.revision, "status": header.status.value}, header.id, source)
    return header.id, True


def _current(store: Store, header, office, source: str):
    """(the office as held here, the revision the file names) or None for either; refuses files that clash
    with what is here."""
    existing = store.find_office(office.code)
    if existing and existing.id != office.id:
        raise InputError(f"{source}: đơn vị {office.code} trong tệp khác đơn vị {office.code} đang có "
                         "(mã định danh khác).")
    if existing is None and store.offices_repo.id_taken(office.id):
        raise InputError(f"{source}: mã định danh đơn vị {office.id} đã thuộc một đơn vị khác mã.")
    current = store.reports_repo.at_revision(office.id, header.period, header.revision) if existing else None
    holder = store.reports_repo.find_by_id(header.id)
    if holder is not None and (current is None or holder.id != current.id):
        raise InputError(f"{source}: mã định danh báo cáo {header.id} đã thuộc báo cáo {holder.office_code} "
                         f"kỳ {holder.period} bản {holder.revision}.")
    if current is not None and current.id != header.id:
        raise InputError(f"{source}: báo cáo {header.period} bản {header.revision} của {office.code} ở đây có mã "
                         "định danh khác; không ghi đè được.")
    return existing, current


def same_as_stored(store: Store, current, data: dict, template: Template) -> bool:
    """Whether ``data`` holds exactly what this database holds for ``current`` (files aside)."""
    return to_dict(store.content.load(current)) == _normalised(store, data, template)


def _add_files(store: Store, report, files: tuple[incoming.Attached, ...], source: str) -> bool:
    """Store the files the database lacks; an issued PDF only with an issued revision that has none."""
    added = False
    for item in files:
        if report.status not in FROZEN:
            raise InputError(f"{source}: tệp “{item.name}” chỉ đi kèm báo cáo đã ban hành, mà báo cáo trong tệp "
                             f"đang ở trạng thái “{report.status.label}”.")
        if item.kind == "issued_pdf":
            added |= store.files.add_issued_pdf(report, item.name, item.data, source=source)
        else:
            added |= store.files.add_scan(report, item.name, item.data, source=source)
    return added


def _normalised(store: Store, data: dict, template: Template) -> dict:
    """The incoming data as this database would dump it (for the unchanged test)."""
    out = json.loads(json.dumps(data))
    out.pop("files", None)
    out["template"] = template.to_dict()
    existing = store.find_office(data["office"]["code"])
    if existing:
        out["office"]["profiles"] = [profile_to_dict(p) for p in existing.profiles]
    return out


def check_format(data: dict, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{source}: không phải dữ liệu báo cáo (thiếu \"format\": \"baocao-report\").")
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(f"{source}: dữ liệu báo cáo định dạng phiên bản {str(data.get('format_version'))[:20]} "
                         "chưa được hỗ trợ.")
    for key in ("office", "template", "report", "values", "narrative", "documents", "tasks"):
        if key not in data:
            raise InputError(f"{source}: dữ liệu báo cáo thiếu phần “{key}”.")


def _value_dict(v: Value) -> dict:
    return {
        "indicator": v.indicator, "number": num(v.number), "denominator": num(v.denominator),
        "qualifier": v.qualifier, "estimate": v.estimate, "as_of": day(v.as_of), "note": v.note,
        "prior_year": num(v.prior_year), "plan": num(v.plan),
    }


def _document_dict(d: Document) -> dict:
    return {"id": d.id, "section": d.section, "doc_type": d.doc_type, "ref": d.ref, "issued_on": day(d.issued_on),
            "issuer": d.issuer, "summary": d.summary, "own": d.own, "advised": d.advised}

_num = num
# Kept until ``app.exchange.keys`` and the commands import these from app.storage (offices, rows).
_profile_parse = profile_from_dict
_profile_dict = profile_to_dict
