"""A report's life: draft → complete (all rules pass) → issued, and revisions after that.

Issuing assigns the number, date and signer, renders the PDF once and keeps its
exact bytes with their SHA-256; the issued revision is frozen. A later change
opens a new revision (with its reason recorded), never an edit in place.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec

from app.digest import sha256_hex
from app.domain.model import Report, Status
from app.domain.text import clean_line
from app.domain.validate import Severity
from app.errors import InputError, UserError
from app.fsutil import read_limited
from app.storage.rows import transaction
from app.storage.store import Store

MAX_SCAN_BYTES = 50 * 1024 * 1024
_SCAN_MAGIC = (b"%PDF", b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")


def mark_complete(store: Store, report: Report) -> Report:
    """Draft → complete, only when no rule fails (warnings are allowed)."""
    store.require_own(report)
    if report.status is not Status.DRAFT:
        raise UserError(f"Báo cáo đang ở trạng thái “{report.status.label}”, không phải bản nháp.")
    from app.reporting.derived import report_findings

    errors = [f for f in report_findings(store, report) if f.severity is Severity.ERROR]
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
    """Assign number, date and signer, render and keep the PDF, freeze the revision.

    The PDF is rendered before the transaction; the transaction itself is short:
    it checks the report is still complete and unchanged since rendering, stores
    the PDF with its SHA-256 and sets the status, all or nothing.
    """
    from app.output import printed, render_pdf

    report = _ready_to_issue(store, report, number, issued_on, signer_title, signer_name)
    header = msgspec.structs.replace(report, number=clean_line(number), issued_on=issued_on,
                                     signer_title=clean_line(signer_title), signer_name=clean_line(signer_name))
    before = store.content.snapshot(report)
    pdf = render_pdf.render(printed.build(store, report.office_code, report.period, as_issued=header))
    digest = sha256_hex(pdf)
    with transaction(store.db):
        if store.content.snapshot(report) != before:
            raise UserError("Báo cáo vừa thay đổi trong lúc in bản ban hành; hãy ban hành lại.")
        store.files.add_issued_pdf(report, _pdf_name(report), pdf)
        store.reports_repo.record_issue(report, number=header.number, issued_on=issued_on,
                                        signer_title=header.signer_title, signer_name=header.signer_name)
        store.audit(report.office_code, "status", str(report.period), report.status.value, "issued", report.id,
                    f"Số {header.number}, ngày {issued_on:%d/%m/%Y}, SHA-256 {digest}")
    return store.report_by_id(report.id)


def _ready_to_issue(store: Store, report: Report, number: str, issued_on: dt.date,
                    signer_title: str, signer_name: str) -> Report:
    """Check what the operator gave; a draft whose rules all pass is marked complete first."""
    store.require_own(report)
    report = store.report_by_id(report.id)
    if report.status not in (Status.DRAFT, Status.COMPLETE):
        raise UserError(f"Báo cáo đang ở trạng thái “{report.status.label}”; không ban hành lại được.")
    number = clean_line(number)
    if issued_on < report.period.start or issued_on > dt.date.today() + dt.timedelta(days=1):
        raise InputError(f"Ngày ban hành {issued_on:%d/%m/%Y} phải từ ngày đầu kỳ báo cáo "
                         f"({report.period.start:%d/%m/%Y}) đến hôm nay.")
    if not number.isdigit() or len(number) > 9:
        raise InputError(f"Số báo cáo “{number[:20]}” phải là số (ví dụ 45).")
    if not clean_line(signer_name) or not clean_line(signer_title):
        raise InputError("Cần chức danh và họ tên người ký.")
    if len(clean_line(signer_name)) > 200 or len(clean_line(signer_title)) > 200:
        raise InputError("Chức danh và họ tên người ký dài quá 200 ký tự.")
    used = store.reports_repo.number_used(report, number, issued_on.year)
    if used:
        raise InputError(f"Số {number} năm {issued_on.year} đã dùng cho báo cáo kỳ {used} của đơn vị.")
    if report.status is Status.DRAFT:
        report = mark_complete(store, report)
    return report


def new_revision(store: Store, report: Report, reason: str) -> Report:
    """Open revision n+1 of an issued report as a draft holding the same content."""
    reason = _reason(reason)
    store.require_own(report)
    if report.status not in (Status.ISSUED, Status.SUBMITTED):
        raise UserError("Chỉ mở bản sửa đổi cho báo cáo đã ban hành; bản nháp sửa trực tiếp được.")
    latest = store.report(report.office_code, report.period)
    if latest.id != report.id:
        raise UserError(f"Đã có bản {latest.revision} của báo cáo này.")
    with transaction(store.db):
        fresh = store.reports_repo.new_revision(report, reason)
        store.content.copy(report, fresh.id)
        store.audit(report.office_code, "revision", str(report.period), report.revision, fresh.revision,
                    fresh.id, reason)
    return store.report_by_id(fresh.id)


def issued_pdf(store: Store, report: Report) -> bytes:
    """The exact bytes printed when the revision was issued (checked against their hash)."""
    from app.errors import NotFoundError

    stored = store.files.issued_pdf(report.id)
    if stored is None:
        raise NotFoundError("Báo cáo này chưa ban hành nên chưa có bản PDF lưu trữ.")
    return stored.data


def attach_scan(store: Store, report: Report, path: Path | str) -> str:
    """Keep a scan of the signed, stamped paper copy with the issued revision."""
    if report.status is not Status.ISSUED:
        raise UserError("Chỉ đính kèm bản chụp cho báo cáo đã ban hành.")
    path = Path(path)
    data = read_limited(path, MAX_SCAN_BYTES, what="tệp bản chụp")
    if not data.startswith(_SCAN_MAGIC):
        raise InputError(f"Bản chụp {path.name} phải là tệp PDF, JPEG, PNG hoặc TIFF.")
    store.files.add_scan(report, clean_line(path.name)[:200] or "ban-chup", data)
    return sha256_hex(data)


def scan_file(store: Store, report: Report, index: int) -> tuple[str, bytes]:
    """The ``index``-th attached scan (name, bytes), checked against its hash."""
    stored = store.files.scan(report.id, index)
    return stored.name, stored.data


def scans(store: Store, report: Report) -> list[tuple[str, str, int]]:
    return store.files.scans(report.id)


def _pdf_name(report: Report) -> str:
    return f"BC-{report.office_code}-{report.period}-ban{report.revision}.pdf"


def _reason(reason: str) -> str:
    reason = clean_line(reason)
    if len(reason) < 5:
        raise InputError("Hãy ghi lý do (ít nhất 5 ký tự); lý do được lưu vào nhật ký.")
    return reason
