"""A report dump (or a package's report) as domain objects, checked the way ``office add`` checks.

Only what an import stores is mapped here: the office (code through
``OfficeCode``, level, profiles through ``app.storage.offices``), the report
header, values, narrative, documents, tasks, reviews and attached files.
Each part is read with the dump format's own structures (``dumptypes``), the
ones ``dumpformat`` checked the whole file with: one definition of the format.
Anything that does not fit ends in an InputError naming the source and the
field; nothing here touches the database.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any

import msgspec

from app.digest import sha256_hex
from app.domain.codes import OfficeCode
from app.domain.model import Block, Document, Office, Report, ReportData, Status, Task, TaskReview, TaskStatus, Value
from app.domain.period import Period
from app.domain.template import Template
from app.domain.text import clean, clean_line
from app.errors import InputError
from app.exchange import dumptypes
from app.formats import convert, number
from app.storage.offices import level, profile_from_dict


class Attached(msgspec.Struct, frozen=True):
    kind: str
    name: str
    data: bytes


class Incoming(msgspec.Struct, frozen=True):
    """A dump ready to store: ``content.report`` is the header (office id and code filled in)."""

    content: ReportData
    files: tuple[Attached, ...]


def _day(text: str | None, source: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise InputError(f"{source}: ngày “{text}” không có thật.") from None


def _unique(keys: list, what: str, source: str) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            raise InputError(f"{source}: {what} “{key if isinstance(key, str) else '/'.join(key)}” xuất hiện hai lần.")
        seen.add(key)


def _field(check, value: Any, where: str):
    """``check(value)``, its refusal prefixed with the file and the field."""
    try:
        return check(value)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def office_of(data: dict, source: str) -> Office:
    """The dump's office: its code through ``OfficeCode``, a valid level, at least one checked profile."""
    office = data.get("office")
    if not isinstance(office, dict):
        raise InputError(f"{source}: trường “office”: cần đối tượng.")
    code = _field(OfficeCode.parse, office.get("code"), f"{source}: trường “office.code”")
    office_id = convert(office.get("id"), dumptypes.Ident, source=f"{source}: office.id")
    profiles = office.get("profiles")
    if not isinstance(profiles, list) or not 1 <= len(profiles) <= 100:
        raise InputError(f"{source}: trường “office.profiles”: cần từ 1 đến 100 thông tin đơn vị.")
    parsed = [profile_from_dict(p, source=f"{source}: office.profiles[{i}]") for i, p in enumerate(profiles)]
    _unique([p.valid_from.isoformat() for p in parsed], "ngày hiệu lực", source)
    return Office(id=office_id, code=code, level=_field(level, office.get("level"), f"{source}: trường “office.level”"),
                  profiles=tuple(sorted(parsed, key=lambda p: p.valid_from)))


def header_of(h: dumptypes.Report, office: Office, template: Template, source: str) -> Report:
    try:
        period = Period.parse(h.period)
    except InputError as exc:
        raise InputError(f"{source}: trường “report.period”: {exc}") from None
    if h.number and not (h.number.isdigit() and len(h.number) <= 20):
        raise InputError(f"{source}: trường “report.number”: “{h.number}” phải là số.")
    return Report(id=h.id, office_id=office.id, office_code=office.code, period=period, revision=h.revision,
                  template_key=template.key, status=Status(h.status), number=h.number,
                  issued_on=_day(h.issued_on, f"{source}: report.issued_on"), signer_title=clean_line(h.signer_title),
                  signer_name=clean_line(h.signer_name), summary=h.summary, created=h.created, updated=h.updated,
                  reason=h.reason, title=clean_line(h.title),
                  headings=tuple(sorted((k, clean_line(v)) for k, v in h.headings.items() if clean_line(v))))


def _values(values: list[dumptypes.Value], template: Template, source: str) -> dict[str, Value]:
    out = {}
    for i, v in enumerate(values):
        if v.indicator not in template.indicators:
            raise InputError(f"{source}: values[{i}]: chỉ tiêu “{v.indicator}” không có trong mẫu kèm theo.")
        if v.indicator in out:
            raise InputError(f"{source}: values[{i}]: chỉ tiêu “{v.indicator}” xuất hiện hai lần.")
        out[v.indicator] = Value(
            indicator=v.indicator, number=number(v.number), denominator=number(v.denominator),
            qualifier=v.qualifier or None, estimate=v.estimate, as_of=_day(v.as_of, f"{source}: values[{i}].as_of"),
            note=v.note, prior_year=number(v.prior_year), plan=number(v.plan))
    return out


def _sections(items: list, template: Template, key: str, source: str) -> None:
    for i, item in enumerate(items):
        if item.section not in template.by_section:
            raise InputError(f"{source}: {key}[{i}]: mục “{item.section}” không có trong mẫu kèm theo.")


def _narrative(entries: list[dumptypes.Narrative], template: Template,
               source: str) -> dict[tuple[str, str], list[Block]]:
    _sections(entries, template, "narrative", source)
    _unique([(e.section, e.part) for e in entries], "đoạn văn của mục", source)
    out = {}
    for e in entries:
        texts = ((clean(b.text).strip(), b.style) for b in e.blocks)
        blocks = [Block(text, style) for text, style in texts if text]
        if blocks:
            out[(e.section, e.part)] = blocks
    return out


def _documents(docs: list[dumptypes.Document], template: Template, source: str) -> list[Document]:
    from app.storage.worklist import clean_document

    _sections(docs, template, "documents", source)
    out = [clean_document(Document(d.id, d.section, d.doc_type, d.ref, _day(d.issued_on, f"{source}: documents.issued_on"),
                                   d.issuer, d.summary, d.own, d.advised))
           for d in docs]
    _unique([d.id for d in out], "mã văn bản", source)
    _unique([d.ref for d in out], "văn bản số", source)
    return out


def _tasks(tasks: list[dumptypes.Task], reviews: list[dumptypes.Review], template: Template,
           source: str) -> tuple[list[Task], list[TaskReview]]:
    _sections(tasks, template, "tasks", source)
    _unique([t.id for t in tasks], "mã nhiệm vụ", source)
    _unique([r.task_id for r in reviews], "đánh giá nhiệm vụ", source)
    return ([Task(t.id, t.section, clean(t.text).strip()) for t in tasks],
            [TaskReview(r.task_id, TaskStatus(r.status), clean(r.comment).strip()) for r in reviews])


def _files(files: list[dumptypes.File], source: str) -> tuple[Attached, ...]:
    out = []
    for i, f in enumerate(files):
        try:
            blob = base64.b64decode(f.data, validate=True)
        except (binascii.Error, ValueError):
            raise InputError(f"{source}: files[{i}]: dữ liệu tệp “{f.name}” không phải base64 hợp lệ.") from None
        if sha256_hex(blob) != f.sha256:
            raise InputError(f"{source}: files[{i}]: tệp đính kèm “{f.name}” không khớp mã băm SHA-256.")
        out.append(Attached(f.kind, clean_line(f.name) or f.kind, blob))
    if sum(a.kind == "issued_pdf" for a in out) > 1:
        raise InputError(f"{source}: trường “files”: có hơn một bản PDF ban hành.")
    return tuple(out)


def parse(data: Any, typed: dumptypes.Dump, template: Template, source: str) -> Incoming:
    """The whole dump as domain objects; InputError naming ``source`` and the field otherwise.

    ``typed`` is what ``dumpformat.check`` made of this very ``data``: each part is read from it, not
    converted again; the office's profiles are read from ``data`` with the stricter profile form.
    """
    office = office_of(data, source)
    header = header_of(typed.report, office, template, source)
    tasks, reviews = _tasks(typed.tasks, typed.reviews, template, source)
    content = ReportData(report=header, office=office, template=template,
                         values=_values(typed.values, template, source),
                         narrative=_narrative(typed.narrative, template, source),
                         documents=_documents(typed.documents, template, source), tasks=tasks, reviews=reviews)
    return Incoming(content, _files(typed.files, source))
