"""Report data as versioned JSON: dump one report, import it into any database.

The dump carries everything needed to rebuild the report elsewhere: the office
with its dated profiles, the full template version, the report header, values,
narrative, documents, tasks and task reviews. Output is deterministic, so
dump → import into an empty database → dump gives the same bytes.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path

from app.domain import numbers
from app.domain.model import Document, OfficeProfile, ReportData, Status, Task, TaskStatus, Value
from app.domain.period import Period
from app.domain.template import from_dict
from app.domain.text import clean, clean_line
from app.errors import InputError, UserError
from app.storage.store import Store

FORMAT = "baocao-report"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


def dump(store: Store, office_code: str, period: Period | str) -> dict:
    """The latest revision as versioned JSON, with its issued PDF and scans when it has them."""
    report = store.report(office_code, period)
    data = to_dict(store.content.load(report))
    data["files"] = [
        {"kind": kind, "name": name, "sha256": digest, "data": base64.b64encode(blob).decode()}
        for kind, name, digest, blob in store.db.execute(
            "SELECT kind, name, sha256, data FROM report_file WHERE report_id = ? ORDER BY id", (report.id,))
    ]
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
            "profiles": [_profile_dict(p) for p in data.office.profiles],
        },
        "template": template.to_dict(),
        "report": {
            "id": r.id, "period": str(r.period), "revision": r.revision, "status": r.status.value,
            "number": r.number, "issued_on": _day(r.issued_on), "signer_title": r.signer_title,
            "signer_name": r.signer_name, "summary": r.summary, "created": r.created, "updated": r.updated,
            "reason": r.reason,
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


def import_data(store: Store, data: dict, template=None) -> tuple[str, bool]:
    """Import one dumped report; return (report id, whether anything changed).

    The same data twice changes nothing. An existing draft of the same office,
    period and revision is replaced (and audited); an issued one is refused.
    Everything happens in one transaction: a failure leaves the database as it was.
    """
    _check_format(data)
    template = template or from_dict(data["template"])
    _check_content(template, data)
    office = data["office"]
    report = data["report"]
    Period.parse(report["period"])
    existing = store.find_office(office["code"])
    if existing and existing.id != office["id"]:
        raise InputError(
            f"Đơn vị {office['code']} trong tệp khác đơn vị {office['code']} đang có (mã định danh khác)."
        )
    if existing:
        current = store.find_report(office["code"], report["period"])
        if current and current.revision == report["revision"]:
            if to_dict(store.content.load(current)) == _normalised(store, data, template):
                return current.id, _add_files(store, current.id, data)
            if current.status in (Status.ISSUED, Status.SUBMITTED):
                raise UserError(
                    f"Báo cáo {report['period']} của {office['code']} đã ban hành; không ghi đè được."
                )
    template_id = store.install_template(template)
    with store.db.atomic():
        if existing is None:
            _insert_office(store, office)
        else:
            _merge_profiles(store, existing.id, office)
        _replace_report(store, existing.id if existing else office["id"], template_id, data)
        _add_files(store, report["id"], data)
        store.audit(office["code"], "import", report["period"], None, report["revision"], report["id"])
    return report["id"], True


def _add_files(store: Store, report_id: str, data: dict) -> bool:
    """Store the dump's issued PDF and scans the database lacks (checked against their hashes)."""
    added = False
    for item in data.get("files", []):
        try:
            blob = base64.b64decode(item["data"], validate=True)
            kind, name, digest = item["kind"], item["name"], item["sha256"]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("Tệp đính kèm trong dữ liệu báo cáo bị hỏng.") from exc
        if kind not in ("issued_pdf", "scan") or hashlib.sha256(blob).hexdigest() != digest:
            raise InputError(f"Tệp đính kèm “{name}” không khớp mã băm SHA-256.")
        known = store.db.execute("SELECT 1 FROM report_file WHERE report_id = ? AND sha256 = ?",
                                 (report_id, digest)).fetchone()
        if not known:
            with store.db.atomic():
                store.db.conn.execute(
                    "INSERT INTO report_file (report_id, kind, name, sha256, size, data, created)"
                    " VALUES (?, ?, ?, ?, ?, ?, datetime('now'))", (report_id, kind, name, digest, len(blob), blob))
            added = True
    return added


def _normalised(store: Store, data: dict, template) -> dict:
    """The incoming data as this database would dump it (for the unchanged test)."""
    out = json.loads(json.dumps(data))
    out.pop("files", None)
    out["template"] = template.to_dict()
    existing = store.find_office(data["office"]["code"])
    if existing:
        out["office"]["profiles"] = [_profile_dict(p) for p in existing.profiles]
    return out


def _check_format(data: dict) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("Tệp không phải dữ liệu báo cáo (thiếu \"format\": \"baocao-report\").")
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(
            f"Dữ liệu báo cáo định dạng phiên bản {data.get('format_version')} chưa được hỗ trợ."
        )
    for key in ("office", "template", "report", "values", "narrative", "documents", "tasks"):
        if key not in data:
            raise InputError(f"Dữ liệu báo cáo thiếu phần “{key}”.")


def _check_content(template, data: dict) -> None:
    """Refuse data that does not fit its own template (unknown codes, sections)."""
    for v in data["values"]:
        if not isinstance(v, dict) or v.get("indicator") not in template.indicators:
            raise InputError(f"Chỉ tiêu “{v.get('indicator') if isinstance(v, dict) else v}” không có trong mẫu kèm theo.")
        _value_from(v)
    sections = template.by_section
    for entry in [*data["narrative"], *data["documents"], *data["tasks"]]:
        if not isinstance(entry, dict) or entry.get("section") not in sections:
            raise InputError(f"Mục “{entry.get('section') if isinstance(entry, dict) else entry}” không có trong mẫu kèm theo.")
    for entry in data["narrative"]:
        if entry.get("part") not in ("results", "plan"):
            raise InputError(f"Phần “{entry.get('part')}” không hợp lệ.")
        for block in entry.get("blocks", []):
            if block.get("style") not in ("para", "bullet") or not isinstance(block.get("text"), str):
                raise InputError("Đoạn văn trong tệp không hợp lệ.")
    for d in data["documents"]:
        _document_from(d)


def _insert_office(store: Store, office: dict) -> None:
    store.db.conn.execute(
        "INSERT INTO office (id, code, level, created) VALUES (?, ?, ?, ?)",
        (office["id"], office["code"], office["level"], dt.datetime.now(dt.timezone.utc).isoformat()),
    )
    _merge_profiles(store, office["id"], office)


def _merge_profiles(store: Store, office_id: str, office: dict) -> None:
    """Add the file's profiles this database lacks; local ones are never overwritten."""
    for row in office["profiles"]:
        profile = _profile_parse(row)
        present = store.db.execute(
            "SELECT 1 FROM office_profile WHERE office_id = ? AND valid_from = ?",
            (office_id, profile.valid_from.isoformat()),
        ).fetchone()
        if not present:
            store._write_profile(office_id, profile)


def _replace_report(store: Store, office_id: str, template_id: int, data: dict) -> None:
    r = data["report"]
    conn = store.db.conn
    old = conn.execute(
        "SELECT id FROM report WHERE office_id = ? AND period = ? AND revision = ?",
        (office_id, r["period"], r["revision"]),
    ).fetchone()
    if old:
        for table in ("value", "narrative", "document", "task", "task_review"):
            conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (old[0],))
        conn.execute("DELETE FROM report WHERE id = ?", (old[0],))
    Status(r["status"])
    conn.execute(
        "INSERT INTO report (id, office_id, period, revision, template_id, status, number, issued_on,"
        " signer_title, signer_name, summary, created, updated, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (r["id"], office_id, r["period"], r["revision"], template_id, r["status"], r["number"],
         r["issued_on"], r["signer_title"], r["signer_name"], r["summary"], r["created"], r["updated"],
         r.get("reason", "")),
    )
    rid = r["id"]
    values = [_value_from(v) for v in data["values"]]
    conn.executemany(
        "INSERT INTO value (report_id, indicator, number, denominator, qualifier, estimate, as_of,"
        " note, prior_year, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rid, v.indicator, _num(v.number), _num(v.denominator), v.qualifier, int(v.estimate), _day(v.as_of),
          v.note, _num(v.prior_year), _num(v.plan)) for v in values])
    conn.executemany(
        "INSERT INTO narrative (report_id, section, part, position, style, text) VALUES (?, ?, ?, ?, ?, ?)",
        [(rid, entry["section"], entry["part"], i, b["style"], clean(b["text"]).strip())
         for entry in data["narrative"] for i, b in enumerate(entry["blocks"])])
    docs = [_document_from(d) for d in data["documents"]]
    conn.executemany(
        "INSERT INTO document (id, report_id, section, position, doc_type, ref, issued_on, issuer,"
        " summary, own, advised) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc.id, rid, doc.section, i, clean_line(doc.doc_type), clean_line(doc.ref), _day(doc.issued_on),
          clean_line(doc.issuer), clean_line(doc.summary), int(doc.own), int(doc.advised))
         for i, doc in enumerate(docs)])
    positions: dict[str, int] = {}
    rows = []
    for t in data["tasks"]:
        task = Task(t["id"], t["section"], clean(t["text"]).strip())
        position = positions[task.section] = positions.get(task.section, -1) + 1
        rows.append((task.id, rid, task.section, position, task.text))
    conn.executemany("INSERT INTO task (id, report_id, section, position, text) VALUES (?, ?, ?, ?, ?)", rows)
    conn.executemany(
        "INSERT INTO task_review (report_id, task_id, status, comment) VALUES (?, ?, ?, ?)",
        [(rid, v["task_id"], TaskStatus(v["status"]).value, v["comment"]) for v in data.get("reviews", [])])


def _profile_dict(p: OfficeProfile) -> dict:
    out = dataclasses.asdict(p)
    out["valid_from"] = p.valid_from.isoformat()
    out["recipients"] = list(p.recipients)
    return out


def _profile_parse(d: dict) -> OfficeProfile:
    try:
        return OfficeProfile(**{**d, "valid_from": dt.date.fromisoformat(d["valid_from"]),
                                "recipients": tuple(d.get("recipients", ()))})
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"Thông tin đơn vị không hợp lệ trong tệp: {exc}") from exc


def _value_dict(v: Value) -> dict:
    return {
        "indicator": v.indicator, "number": _num(v.number), "denominator": _num(v.denominator),
        "qualifier": v.qualifier, "estimate": v.estimate, "as_of": _day(v.as_of), "note": v.note,
        "prior_year": _num(v.prior_year), "plan": _num(v.plan),
    }


def _value_from(d: dict) -> Value:
    try:
        return Value(
            indicator=d["indicator"], number=_dec(d.get("number")), denominator=_dec(d.get("denominator")),
            qualifier=d.get("qualifier"), estimate=bool(d.get("estimate")),
            as_of=_date(d.get("as_of")), note=d.get("note", ""),
            prior_year=_dec(d.get("prior_year")), plan=_dec(d.get("plan")),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(f"Giá trị chỉ tiêu không hợp lệ trong tệp: {d!r:.120}") from exc


def _document_dict(d: Document) -> dict:
    out = dataclasses.asdict(d)
    out["issued_on"] = _day(d.issued_on)
    return out


def _document_from(d: dict) -> Document:
    try:
        return Document(**{**d, "issued_on": _date(d.get("issued_on"))})
    except (TypeError, ValueError) as exc:
        raise InputError(f"Văn bản không hợp lệ trong tệp: {d!r:.120}") from exc


def _dec(text) -> Decimal | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError("numbers are stored as text")
    return numbers.from_storage(text)


def _num(number: Decimal | None) -> str | None:
    return None if number is None else numbers.to_storage(number)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
