import datetime as dt
import hashlib
import subprocess

import pytest

from app.domain.model import Block, Document, Status, TaskReview, TaskStatus
from app.errors import InputError, UserError
from app.reporting import issuing


def _issue(store, number="45"):
    return issuing.issue(store, store.report("TTH", "2020-Q1"), number=number, issued_on=dt.date(2020, 4, 5),
                         signer_title="GIÁM ĐỐC", signer_name="Nguyễn Văn A")


def test_complete_needs_every_rule_to_pass(sample):
    report = sample.report("TTH", "2020-Q1")
    sample.content.enter(report, "VL_NN", "3.000")
    with pytest.raises(UserError, match="1 lỗi"):
        issuing.mark_complete(sample, report)
    sample.content.enter(report, "VL_NN", "176")
    assert issuing.mark_complete(sample, report).status is Status.COMPLETE


def test_reopening_takes_a_reason_and_logs_it(sample):
    report = issuing.mark_complete(sample, sample.report("TTH", "2020-Q1"))
    with pytest.raises(InputError, match="lý do"):
        issuing.reopen(sample, report, "")
    reopened = issuing.reopen(sample, report, "Bổ sung số liệu tháng 3")
    assert reopened.status is Status.DRAFT
    assert sample.audit_trail(report.id)[-1]["reason"] == "Bổ sung số liệu tháng 3"


def test_issuing_keeps_the_exact_pdf_and_freezes_the_revision(sample, tmp_path):
    report = _issue(sample)
    assert report.status is Status.ISSUED and report.number == "45"
    pdf = issuing.issued_pdf(sample, report)
    trail = sample.audit_trail(report.id)[-1]
    assert hashlib.sha256(pdf).hexdigest() in trail["reason"]
    (tmp_path / "r.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Số: 45/BC-LĐTBXH" in text and "ngày 05 tháng 4 năm 2020" in text and "Nguyễn Văn A" in text
    with pytest.raises(UserError, match="bản sửa đổi"):
        sample.content.enter(report, "VL_MOI", "1")
    with pytest.raises(UserError):
        _issue(sample)


def test_a_number_is_used_once_a_year(sample):
    _issue(sample, "45")
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_MOI", "100")
    with pytest.raises(InputError, match="đã dùng"):
        issuing.issue(sample, q2, number="45", issued_on=dt.date(2020, 7, 5), signer_title="GIÁM ĐỐC",
                      signer_name="B")


def test_a_change_after_issuing_opens_a_new_revision(sample):
    first = _issue(sample)
    pdf = issuing.issued_pdf(sample, first)
    with pytest.raises(InputError):
        issuing.new_revision(sample, first, "x")
    second = issuing.new_revision(sample, first, "Sửa số liệu bảo hiểm thất nghiệp")
    assert (second.revision, second.status, second.reason) == (2, Status.DRAFT, "Sửa số liệu bảo hiểm thất nghiệp")
    assert sample.report("TTH", "2020-Q1").id == second.id
    old, new = sample.content.load(first), sample.content.load(second)
    assert new.values == old.values and new.narrative == old.narrative
    assert [t.id for t in new.tasks] == [t.id for t in old.tasks]
    assert [d.ref for d in new.documents] == [d.ref for d in old.documents]
    sample.content.enter(second, "BHTN_NGUOI", "865")
    assert issuing.issued_pdf(sample, first) == pdf  # the issued revision is untouched


def test_scans_of_the_signed_copy_are_kept(sample, tmp_path):
    report = _issue(sample)
    scan = tmp_path / "ban-ky.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    digest = issuing.attach_scan(sample, report, scan)
    assert issuing.scans(sample, report) == [("ban-ky.pdf", digest, len(b"%PDF-1.4 scanned"))]
    with pytest.raises(UserError, match="Không đọc được"):
        issuing.attach_scan(sample, report, tmp_path / "missing.pdf")


def test_a_tampered_issued_pdf_is_refused_by_the_database_and_detected_on_reading(sample):
    """SQL cannot change a stored PDF; bytes changed behind the database's back fail their hash."""
    import sqlite3
    report = _issue(sample)
    with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
        sample.db.execute("UPDATE report_file SET data = ? WHERE report_id = ?", (b"forged", report.id))
    with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
        sample.db.execute("DELETE FROM report_file WHERE report_id = ?", (report.id,))
    sample.db.execute("DROP TRIGGER report_file_frozen_update")  # as an outside tool editing the file could
    sample.db.execute("UPDATE report_file SET data = ? WHERE report_id = ?", (b"forged", report.id))
    with pytest.raises(UserError, match="SHA-256"):
        issuing.issued_pdf(sample, report)


def test_a_reissued_revision_says_which_report_it_replaces(sample, tmp_path):
    from app.output import printed, render_pdf
    first = _issue(sample, "45")
    second = issuing.new_revision(sample, first, "Sửa số liệu bảo hiểm thất nghiệp")
    sample.content.enter(second, "BHTN_NGUOI", "865")
    model = printed.build(sample, "TTH", "2020-Q1")
    assert model.header.replaces == "(Thay thế Báo cáo số 45/BC-LĐTBXH ngày 05/04/2020)"
    (tmp_path / "r.pdf").write_bytes(render_pdf.render(model))
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Thay thế Báo cáo số 45/BC-LĐTBXH" in text
    assert printed.build(sample, "TTH", "2020-Q1") is not None


def test_issuing_renders_the_pdf_before_its_transaction(sample, monkeypatch):
    """No database transaction is open while the PDF is drawn; the stored bytes are those drawn."""
    from app.output import render_pdf
    real = render_pdf.render
    seen = []

    def render(model):
        seen.append(sample.db.conn.in_transaction)
        return real(model)
    monkeypatch.setattr(render_pdf, "render", render)
    report = _issue(sample)
    assert seen == [False]
    assert report.status is Status.ISSUED and report.number == "45"


def test_a_report_changed_while_its_pdf_is_drawn_is_not_issued(sample, monkeypatch):
    from app.output import render_pdf
    real = render_pdf.render

    def render(model):
        report = issuing.reopen(sample, sample.report("TTH", "2020-Q1"), "Sửa trong lúc in")
        sample.content.enter(report, "VL_MOI", "2.700")
        issuing.mark_complete(sample, report)
        return real(model)
    monkeypatch.setattr(render_pdf, "render", render)
    with pytest.raises(UserError, match="vừa thay đổi"):
        _issue(sample)
    report = sample.report("TTH", "2020-Q1")
    assert report.status is Status.COMPLETE and report.number == ""
    assert sample.files.issued_pdf(report.id) is None


def test_an_issued_pdf_is_kept_once_and_never_replaced(sample):
    report = _issue(sample)
    pdf = issuing.issued_pdf(sample, report)
    assert sample.files.add_issued_pdf(report, "again.pdf", pdf) is False
    with pytest.raises(UserError, match="không thay"):
        sample.files.add_issued_pdf(report, "other.pdf", b"%PDF-1.4 other")
    assert len([f for f in sample.files.all(report.id) if f.kind == "issued_pdf"]) == 1
    assert issuing.issued_pdf(sample, report) == pdf
    entries = sample.audit_log.entries("file")
    assert len(entries) == 1 and hashlib.sha256(pdf).hexdigest() in entries[0]["new"]


def test_nothing_of_an_issued_revision_changes_through_any_repository(sample):
    """Content, header and files are refused at the door, before the database's own guard."""
    report = _issue(sample)
    attempts = [
        lambda: sample.content.put_values(report.id, []),
        lambda: sample.content.put_narrative(report.id, "VL", "results", []),
        lambda: sample.content.put_documents(report.id, []),
        lambda: sample.content.put_tasks(report.id, []),
        lambda: sample.content.put_reviews(report.id, []),
        lambda: sample.set_status(report, Status.DRAFT),
        lambda: sample.reports_repo.delete(report),
        lambda: sample.reports_repo.set_template(report, 1),
        lambda: sample.reports_repo.settle(report.id, Status.COMPLETE),
        lambda: sample.content.enter(report, "VL_MOI", "1"),
        lambda: sample.content.clear_value(report, "VL_MOI"),
        lambda: sample.content.set_narrative(report, "VL", "results", [Block("x")]),
        lambda: sample.content.save_document(report, Document("", "VL", "Công văn", "1/X")),
        lambda: sample.content.delete_document(report, sample.content.documents(report.id)[0].id),
        lambda: sample.content.set_tasks(report, "VL", ["x"]),
        lambda: sample.content.review_task(report, TaskReview("t", TaskStatus.DONE)),
    ]
    for attempt in attempts:
        with pytest.raises(UserError, match="ban hành"):
            attempt()
    assert sample.report("TTH", "2020-Q1").status is Status.ISSUED
