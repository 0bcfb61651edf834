"""What the window asks of the core: every write says what it changed."""
import datetime as dt

import msgspec
import pytest

from app.domain.model import Document, OfficeProfile
from app.errors import InputError, UserError
from app.reporting import desk
from app.reporting.changes import Changes


def _sheet(sample):
    return desk.open_sheet(sample, "TTH", "2020-Q1")


def test_figure_changes_name_the_indicator_and_carry_fresh_findings(sample):
    sheet = _sheet(sample)
    changes = desk.save_figure(sample, sheet.report.id, "VL_NN", "value", "3.000")
    assert changes == Changes(sheet.report.id, "TTH", indicators=frozenset({"VL_NN"}), findings=changes.findings)
    assert any(f.indicator == "VL_NN" for f in changes.findings) and not sheet.findings
    assert not changes.whole_report and changes.content


@pytest.mark.parametrize("column, text", [("value", ""), ("note", "ghi chú"), ("qualifier", "khoảng"),
                                          ("estimate", "1"), ("plan", "3.000"), ("as_of", "25/09/2020")])
def test_every_figure_column_reports_the_same_indicator(sample, column, text):
    changes = desk.save_figure(sample, _sheet(sample).report.id, "VL_MOI", column, text)
    assert changes.indicators == frozenset({"VL_MOI"}) and changes.findings is not None


@pytest.mark.parametrize("column, text", [("value", "2,6"), ("qualifier", "chừng"), ("as_of", "31/02/2020"),
                                          ("label", "x")])
def test_a_refused_cell_raises_and_leaves_the_figure(sample, column, text):
    sheet = _sheet(sample)
    with pytest.raises(InputError):
        desk.save_figure(sample, sheet.report.id, "VL_MOI", column, text)
    assert sample.content.values(sheet.report.id)["VL_MOI"] == sheet.data.values["VL_MOI"]


def test_text_tasks_documents_and_reviews_name_what_they_touched(sample):
    rid = _sheet(sample).report.id
    assert desk.save_narrative(sample, rid, "TE", "results", "Mới.").sections == frozenset({"TE"})
    assert desk.save_tasks(sample, rid, "VL", "Một\nHai").sections == frozenset({"VL"})
    doc = desk.save_document(sample, rid, Document("", "VL", "Công văn", "999/LĐTBXH-VP", dt.date(2020, 3, 5)))
    (doc_id,) = doc.documents
    assert desk.delete_document(sample, rid, doc_id).documents == frozenset({doc_id})


def test_refreshed_reads_the_content_again_and_keeps_the_rest(sample):
    sheet = _sheet(sample)
    changes = desk.save_figure(sample, sheet.report.id, "VL_MOI", "value", "2.700")
    fresh = desk.refreshed(sample, sheet, changes)
    assert fresh.data.values["VL_MOI"].number == 2700 and sheet.data.values["VL_MOI"].number == 2607
    assert fresh.prior == sheet.prior and fresh.previous_label == sheet.previous_label
    assert fresh.findings == changes.findings


def test_lifecycle_changes_the_status_and_revising_names_the_new_revision(sample):
    sheet = _sheet(sample)
    complete = desk.complete_report(sample, sheet.report.id)
    assert complete.status and complete.whole_report and complete.report_id == sheet.report.id
    assert desk.refreshed(sample, sheet, complete).read_only
    issued = desk.issue_report(sample, sheet.report.id, number="45", issued_on=dt.date(2020, 4, 5),
                               signer_title="GIÁM ĐỐC", signer_name="Nguyễn Văn A")
    assert issued.status
    revised = desk.revise_report(sample, sheet.report.id, "Sửa số liệu")
    assert revised.status and revised.report_id != sheet.report.id
    fresh = desk.refreshed(sample, sheet, revised)
    assert fresh.report.id == revised.report_id and fresh.report.revision == 2 and not fresh.read_only
    with pytest.raises(UserError):
        desk.save_figure(sample, sheet.report.id, "VL_MOI", "value", "1")  # the issued revision stays as it was


def test_office_writes_say_the_offices_changed(sample):
    created = desk.create_office(sample, "phuloc", "district", OfficeProfile(
        dt.date(2000, 1, 1), "PHÒNG LĐTBXH", "UBND HUYỆN PHÚ LỘC", "Phú Lộc", "LĐTBXH", parent_code="TTH"))
    assert created.offices and created.office == "PHULOC" and not created.report_id
    profile = msgspec.structs.replace(sample.office("TTH").profile_at(dt.date(2020, 3, 31)), valid_from=dt.date(2026, 1, 1),
                                      name="SỞ NỘI VỤ")
    saved = desk.save_profile(sample, "TTH", profile)
    assert saved.offices and saved.office == "TTH"
