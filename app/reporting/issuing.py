"""A report's life: draft → complete (all rules pass) → issued, and revisions after that.

Issuing assigns the number, date and signer, renders the PDF once and keeps its
exact bytes with their SHA-256; the issued revision is frozen. A later change
opens a new revision (with its reason recorded), never an edit in place.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

from app.domain.model import Report, Status
from app.domain.text import clean_line
from app.domain.validate import Severity, validate
from app.errors import InputError, NotFoundError, UserError, describe_os_error
from app.storage.store import Store, now

MAX_SCAN_BYTES = 50 * 1024 * 1024
_SCAN_MAGIC = (b"%PDF", b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")


def mark_complete(store: Store, report: Report) -> Report:
    """Draft → complete, only when no rule fails (warnings are allowed)."""
    store.require_own(report)
    if report.status is not Status.DRAFT:
        raise UserError(f"Báo cáo đang ở trạng thái “{report.status.label}”, không phải bản nháp.")
    errors = [f for f in validate(store.content.load(report)) if f.severity is Severity.ERROR]
    if errors:
        raise UserError(f"Còn {len(errors)} lỗi phải sửa trước khi đánh dấu hoàn thành; "
                        f"lỗi đầu tiên: {errors[0].message}")
    return store.set_status(report, Status.COMPLETE)


def reopen(store: Store, report: Report, reason: str) -> Report:
    """Complete → draft again; the reason is logged."""
    reason = _reason(reason)
    store.require_own(report)
    if report.status is not Status.COMPLETE:
        raise UserError("Chỉ mở lại được báo cáo đã đánh dấu hoàn thành; báo cáo đã ban hành cần bản sửa đổi.")
    return store.set_status(report, Status.DRAFT, reason)


def issue(store: Store, report: Report, *, number: str, issued_on: dt.date,
          signer_title: str, signer_name: str) -> Report:
    """Assign number, date and signer, render and keep the PDF, freeze the revision."""
    from app.output import printed, render_pdf

    store.require_own(report)
    if report.status not in (Status.DRAFT, Status.COMPLETE):
        raise UserError(f"Báo cáo đang ở trạng thái “{report.status.label}”; không ban hành lại được.")
    number = clean_line(number)
    if issued_on < report.period.start or issued_on > dt.date.today() + dt.timedelta(days=1):
        raise InputError(f"Ngày ban hành {issued_on:%d/%m/%Y} phải từ ngày đầu kỳ báo cáo "
                         f"({report.period.start:%d/%m/%Y}) đến hôm nay.")
    if not number.isdigit():
        raise InputError(f"Số báo cáo “{number}” phải là số (ví dụ 45).")
    if not signer_name.strip() or not signer_title.strip():
        raise InputError("Cần chức danh và họ tên người ký.")
    _number_unused(store, report, number, issued_on.year)
    if report.status is Status.DRAFT:
        report = mark_complete(store, report)
    with store.db.atomic():
        store.db.conn.execute(
            "UPDATE report SET number = ?, issued_on = ?, signer_title = ?, signer_name = ?, updated = ?"
            " WHERE id = ?",
            (number, issued_on.isoformat(), clean_line(signer_title), clean_line(signer_name), now(), report.id),
        )
        fresh = store.report_by_id(report.id)
        pdf = render_pdf.render(printed.build(store, fresh.office_code, fresh.period))
        _store_file(store, fresh, "issued_pdf", _pdf_name(fresh), pdf)
        store.db.conn.execute("UPDATE report SET status = 'issued' WHERE id = ?", (report.id,))
        store.audit(fresh.office_code, "status", str(fresh.period), report.status.value, "issued", report.id,
                    f"Số {number}, ngày {issued_on:%d/%m/%Y}, SHA-256 {hashlib.sha256(pdf).hexdigest()}")
    return store.report_by_id(report.id)


def new_revision(store: Store, report: Report, reason: str) -> Report:
    """Open revision n+1 of an issued report as a draft holding the same content."""
    reason = _reason(reason)
    store.require_own(report)
    if report.status not in (Status.ISSUED, Status.SUBMITTED):
        raise UserError("Chỉ mở bản sửa đổi cho báo cáo đã ban hành; bản nháp sửa trực tiếp được.")
    latest = store.report(report.office_code, report.period)
    if latest.id != report.id:
        raise UserError(f"Đã có bản {latest.revision} của báo cáo này.")
    new_id = str(uuid.uuid4())
    conn = store.db.conn
    with store.db.atomic():
        conn.execute(
            "INSERT INTO report (id, office_id, period, revision, template_id, status, summary, created, updated,"
            " reason) SELECT ?, office_id, period, revision + 1, template_id, 'draft', summary, ?, ?, ?"
            " FROM report WHERE id = ?", (new_id, now(), now(), reason, report.id))
        conn.execute("INSERT INTO value (report_id, indicator, number, denominator, qualifier, estimate, as_of,"
                     " note, prior_year, plan) SELECT ?, indicator, number, denominator, qualifier, estimate,"
                     " as_of, note, prior_year, plan FROM value WHERE report_id = ?", (new_id, report.id))
        conn.execute("INSERT INTO narrative (report_id, section, part, position, style, text)"
                     " SELECT ?, section, part, position, style, text FROM narrative WHERE report_id = ?",
                     (new_id, report.id))
        for row in conn.execute("SELECT section, position, doc_type, ref, issued_on, issuer, summary, own, advised"
                                " FROM document WHERE report_id = ?", (report.id,)).fetchall():
            conn.execute("INSERT INTO document (id, report_id, section, position, doc_type, ref, issued_on, issuer,"
                         " summary, own, advised) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (str(uuid.uuid4()), new_id, *row))
        conn.execute("INSERT INTO task (report_id, id, section, position, text)"
                     " SELECT ?, id, section, position, text FROM task WHERE report_id = ?", (new_id, report.id))
        conn.execute("INSERT INTO task_review (report_id, task_id, status, comment)"
                     " SELECT ?, task_id, status, comment FROM task_review WHERE report_id = ?",
                     (new_id, report.id))
        store.audit(report.office_code, "revision", str(report.period), report.revision, report.revision + 1,
                    new_id, reason)
    return store.report_by_id(new_id)


def issued_pdf(store: Store, report: Report) -> bytes:
    """The exact bytes printed when the revision was issued (checked against their hash)."""
    return _file(store, report, "issued_pdf")[1]


def attach_scan(store: Store, report: Report, path: Path | str) -> str:
    """Keep a scan of the signed, stamped paper copy with the issued revision."""
    if report.status is not Status.ISSUED:
        raise UserError("Chỉ đính kèm bản chụp cho báo cáo đã ban hành.")
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SCAN_BYTES:
            raise InputError("Tệp bản chụp lớn hơn 50 MB; hãy chụp với độ phân giải thấp hơn.")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Không đọc được tệp {path}: {describe_os_error(exc)}") from exc
    if not data.startswith(_SCAN_MAGIC):
        raise InputError("Bản chụp phải là tệp PDF, JPEG, PNG hoặc TIFF.")
    digest = hashlib.sha256(data).hexdigest()
    if any(existing[1] == digest for existing in scans(store, report)):
        return digest  # the same scan twice is kept once
    with store.db.atomic():
        _store_file(store, report, "scan", clean_line(path.name) or "ban-chup", data)
        store.audit(report.office_code, "scan", path.name, None, digest, report.id)
    return digest


def scan_file(store: Store, report: Report, index: int) -> tuple[str, bytes]:
    """The ``index``-th attached scan (name, bytes), checked against its hash."""
    rows = store.db.execute("SELECT name, sha256, data FROM report_file WHERE report_id = ? AND kind = 'scan'"
                            " ORDER BY id", (report.id,)).fetchall()
    if not 0 <= index < len(rows):
        raise NotFoundError("Không có bản chụp này.")
    name, digest, data = rows[index]
    if hashlib.sha256(data).hexdigest() != digest:
        raise UserError("Bản chụp lưu trữ không khớp mã băm SHA-256: dữ liệu đã bị thay đổi.")
    return name, bytes(data)


def scans(store: Store, report: Report) -> list[tuple[str, str, int]]:
    rows = store.db.execute("SELECT name, sha256, size FROM report_file WHERE report_id = ? AND kind = 'scan'"
                            " ORDER BY id", (report.id,)).fetchall()
    return [tuple(r) for r in rows]


def _store_file(store: Store, report: Report, kind: str, name: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    store.db.conn.execute(
        "INSERT INTO report_file (report_id, kind, name, sha256, size, data, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (report.id, kind, name, digest, len(data), data, now()))
    return digest


def _file(store: Store, report: Report, kind: str) -> tuple[str, bytes]:
    row = store.db.execute("SELECT name, sha256, data FROM report_file WHERE report_id = ? AND kind = ?"
                           " ORDER BY id DESC LIMIT 1", (report.id, kind)).fetchone()
    if row is None:
        raise NotFoundError("Báo cáo này chưa ban hành nên chưa có bản PDF lưu trữ.")
    if hashlib.sha256(row[2]).hexdigest() != row[1]:
        raise UserError("Bản PDF lưu trữ không khớp mã băm SHA-256: dữ liệu đã bị thay đổi.")
    return row[0], bytes(row[2])


def _pdf_name(report: Report) -> str:
    return f"BC-{report.office_code}-{report.period}-ban{report.revision}.pdf"


def _number_unused(store: Store, report: Report, number: str, year: int) -> None:
    row = store.db.execute(
        "SELECT period FROM report WHERE office_id = ? AND number = ? AND substr(issued_on, 1, 4) = ?"
        " AND status IN ('issued', 'submitted') AND id != ?",
        (report.office_id, number, str(year), report.id)).fetchone()
    if row:
        raise InputError(f"Số {number} năm {year} đã dùng cho báo cáo kỳ {row[0]} của đơn vị.")


def _reason(reason: str) -> str:
    reason = clean_line(reason)
    if len(reason) < 5:
        raise InputError("Hãy ghi lý do (ít nhất 5 ký tự); lý do được lưu vào nhật ký.")
    return reason
