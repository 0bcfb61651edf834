"""Starting a period from the one before; the office's register of documents; units printed twice."""
import datetime as dt

import pytest

from app.commands.cli import build_parser, run
from app.domain.model import Block, Document
from app.domain.period import Period
from app.domain.unit_echo import RULE, repeated_unit
from app.errors import InputError, NotFoundError
from app.output import printed
from app.reporting import carry
from app.reporting.derived import report_findings


def _texts(store, report_id):
    return {key: [b.text for b in blocks] for key, blocks in store.content.narrative(report_id).items()}


def test_every_section_is_carried_with_placeholders_printing_the_new_figures(sample):
    q1 = sample.report("TTH", "2020-Q1")
    result, changes = carry.carry(sample, "TTH", "2020-Q1", "2020-Q2")
    q2 = sample.report("TTH", "2020-Q2")
    assert _texts(sample, q2.id) == _texts(sample, q1.id)
    assert len(result.copied) == len(sample.content.narrative(q1.id)) and changes.report_id == q2.id
    sample.content.enter(q2, "VL_MOI", "1.234")
    body = " ".join(p.text for p in printed.build(sample, "TTH", "2020-Q2").body)
    assert "1.234 người" in body and "2.607 người" not in body  # the new period's figure, not Q1's
    assert result.checklist == len(sample.content.tasks(q1.id)) > 0
    section_31 = next(p for p in result.parts if p.section == "VL" and p.part == "results")
    assert "{VL_MOI}" in section_31.placeholders and section_31.title.startswith("3.1. ")


def test_text_written_for_the_new_period_is_kept(sample):
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.set_narrative(q2, "VL", "results", [Block("Đã viết riêng cho Quý II.")])
    result, _ = carry.carry(sample, "TTH", "2020-Q1", "2020-Q2")
    assert _texts(sample, q2.id)[("VL", "results")] == ["Đã viết riêng cho Quý II."]
    kept = [p for p in result.parts if p.kept]
    assert [(p.section, p.part) for p in kept] == [("VL", "results")]
    assert any("giữ nội dung" in line and line.startswith("3.1.") for line in result.lines())


def test_carrying_again_changes_nothing_and_bad_requests_are_refused(sample):
    carry.carry(sample, "TTH", "2020-Q1", "2020-Q2")
    q2 = sample.report("TTH", "2020-Q2")
    before = _texts(sample, q2.id)
    again, _ = carry.carry(sample, "TTH", "2020-Q1", "2020-Q2")
    assert _texts(sample, q2.id) == before and not again.copied
    with pytest.raises(NotFoundError, match="chưa có báo cáo Quý I năm 2019"):
        carry.carry(sample, "TTH", "2019-Q1", "2019-Q2")
    with pytest.raises(InputError, match="trùng nhau"):
        carry.carry(sample, "TTH", "2020-Q1", "2020-Q1")
    assert sample.find_report("TTH", "2019-Q2") is None


def test_source_is_the_period_before_or_the_same_period_last_year():
    assert carry.source_for(Period.parse("2020-Q2")) == Period.parse("2020-Q1")
    assert carry.source_for(Period.parse("2021-Q1")) == Period.parse("2020-Q4")
    assert carry.source_for(Period.parse("2021-M1")) == Period.parse("2020-M12")
    assert carry.source_for(Period.parse("2021-H1")) == Period.parse("2020-H1")


def test_documents_of_earlier_periods_are_citable_later_but_not_earlier(sample):
    q1 = sample.report("TTH", "2020-Q1")
    cited = sample.content.documents(q1.id)[0]
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.set_narrative(q2, "CDDH", "results", [Block(f"Triển khai {{VB:{cited.ref}}}.")])
    sample.content.enter(q2, "VL_MOI", "10")
    assert not [f for f in report_findings(sample, q2) if cited.ref in f.message]
    body = " ".join(p.text for p in printed.build(sample, "TTH", "2020-Q2").body)
    assert f"{cited.doc_type} số {cited.ref} ngày {cited.issued_on:%d/%m/%Y}" in body
    q4 = sample.open_report("TTH", "2019-Q4")  # before the document's period: not in the register
    sample.content.set_narrative(q4, "CDDH", "results", [Block(f"Triển khai {{VB:{cited.ref}}}.")])
    assert [f for f in report_findings(sample, q4) if cited.ref in f.message]
    unknown = sample.content.load(q2)
    assert "999/XX" not in {d.ref for d in unknown.citable}


def test_register_prefers_the_reports_own_entry_then_the_newest_period(sample):
    q1 = sample.report("TTH", "2020-Q1")
    cited = sample.content.documents(q1.id)[0]
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.save_document(q2, Document("", "CDDH", "Quyết định", cited.ref, dt.date(2020, 4, 2)))
    q3 = sample.open_report("TTH", "2020-Q3")
    data = sample.content.load(q3)
    assert [d.issued_on for d in data.citable if d.ref == cited.ref] == [dt.date(2020, 4, 2)]
    q2_data = sample.content.load(q2)
    assert [d.issued_on for d in q2_data.citable if d.ref == cited.ref] == [dt.date(2020, 4, 2)]
    assert len({d.ref for d in data.citable}) == len(data.citable)


def test_documents_of_other_offices_are_not_in_the_register(sample):
    from app.domain.model import OfficeProfile

    sample.add_office("PHULOC", "district", OfficeProfile(dt.date(2020, 1, 1), "PHÒNG LĐTBXH", "UBND", "Phú Lộc",
                                                          "LĐTBXH"))
    report = sample.open_report("PHULOC", "2020-Q2")
    assert sample.content.load(report).register == []


@pytest.mark.parametrize(("text", "found"), [
    ("{VL_NN} người", [("{VL_NN}", "người")]),
    ("{VL_NN}  Người đi làm", [("{VL_NN}", "Người")]),
    ("{TTLD_TU_VAN} lượt người", [("{TTLD_TU_VAN}", "lượt người")]),
    ("{TTLD_TU_VAN} người", [("{TTLD_TU_VAN}", "người")]),
    ("{BHTN_TIEN} đồng", [("{BHTN_TIEN}", "đồng")]),
    ("{BHTN_TIEN:ty} đồng", [("{BHTN_TIEN:ty}", "đồng")]),
    ("{VL_NN:cungky} người", [("{VL_NN:cungky}", "người")]),
    ("{VL_NN:so} người", []),
    ("{VL_NN:kh} người", []),
    ("{VL_NN} người", [("{VL_NN}", "người")]),
    ("{VL_NN}, người lao động", []),
    ("{VL_NN} ngườii", []),
    ("{UNKNOWN} người", []),
])
def test_a_unit_typed_after_a_placeholder_that_prints_it(sample_data, text, found):
    assert repeated_unit(text, sample_data.template.indicators) == found


def test_repeated_unit_is_a_warning_naming_the_section(sample):
    q1 = sample.report("TTH", "2020-Q1")
    assert not [f for f in report_findings(sample, q1) if f.rule == RULE]
    sample.content.set_narrative(q1, "VL", "results", [Block("Có {VL_NN} người đi làm việc ở nước ngoài.")])
    sample.content.set_tasks(q1, "GDNN", ["Tuyển {GDNN_SO_CAP} học viên học viên"])
    warnings = [f for f in report_findings(sample, q1) if f.rule == RULE]
    assert [(f.section, f.indicator, f.severity.value) for f in warnings] == [("VL", "VL_NN", "warning"), ("GDNN", "GDNN_SO_CAP", "warning")]
    assert "Mục 3.1" in warnings[0].message and "{VL_NN:so}" in warnings[0].message


def test_carry_command_prints_what_it_carried(sample, tmp_path, capsys):
    from app.commands.cli_actions import load_sample
    from app.storage import db as dbmod
    from app.storage.store import Store

    path = tmp_path / "bc.sqlite3"
    opened = dbmod.open_database(path)
    load_sample(Store(opened.db))
    opened.close()
    assert run(build_parser().parse_args(["--db", str(path), "carry", "--office", "TTH", "--to", "2020-Q2"])) == 0
    out = capsys.readouterr().out
    assert "Đã chép từ Quý I năm 2020 sang Quý II năm 2020" in out and "- 3.1. " in out
    assert run(build_parser().parse_args(["--db", str(path), "carry", "--office", "TTH", "--from", "2018-Q1",
                                          "--to", "2020-Q2"])) == 2
    assert "chưa có báo cáo Quý I năm 2018" in capsys.readouterr().err


def test_plan_fills_an_empty_report_from_the_last_one_or_starts_the_following(sample):
    assert [str(p) for p in carry.plan(sample, "TTH", "2020-Q1")] == ["2020-Q1", "2020-Q2"]  # Q1 has text
    sample.open_report("TTH", "2020-Q2")
    assert [str(p) for p in carry.plan(sample, "TTH", "2020-Q2")] == ["2020-Q1", "2020-Q2"]  # Q2 still empty


def test_a_first_report_has_nothing_to_carry_from(sample):
    from app.domain.model import OfficeProfile

    sample.add_office("MOI", "district", OfficeProfile(dt.date(2020, 1, 1), "PHÒNG", "UBND", "Huế", "LĐTBXH"))
    sample.open_report("MOI", "2020-Q1")
    with pytest.raises(NotFoundError, match="chưa có báo cáo Quý IV năm 2019 để chép sang Quý I năm 2020"):
        carry.plan(sample, "MOI", "2020-Q1")
