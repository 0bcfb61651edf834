"""Templates that change without code: editing, versions, moving reports over, other provinces."""
import datetime as dt
from decimal import Decimal

import msgspec
import pytest

from app.domain import narrative
from app.domain.model import Block, OfficeProfile
from app.domain.validate import Severity, validate
from app.errors import InputError, UserError
from app.output import printed
from app.reporting import template_edit

DIEN_BIEN_TEXT = (
    "giải quyết việc làm mới cho {GQVL} (đạt {GQVL:kh} kế hoạch năm, {GQVL:ck} so với cùng kỳ năm trước). "
    "Trong đó, thông qua Quỹ quốc gia về việc làm là {GQVL_QUY}; cung ứng lao động cho các doanh nghiệp ngoài "
    "tỉnh {GQVL_CUNG_UNG}; xuất khẩu lao động {GQVL_XKLD}; tuyển dụng vào các đơn vị hành chính sự nghiệp "
    "{GQVL_HCSN} và thông qua các chương trình phát triển kinh tế - xã hội khác là {GQVL_KHAC}."
)
PARTS = [("GQVL_QUY", "Thông qua Quỹ quốc gia về việc làm", "605"),
         ("GQVL_CUNG_UNG", "Cung ứng lao động cho doanh nghiệp ngoài tỉnh", "300"),
         ("GQVL_XKLD", "Xuất khẩu lao động", "9"),
         ("GQVL_HCSN", "Tuyển dụng vào đơn vị hành chính sự nghiệp", "285"),
         ("GQVL_KHAC", "Các chương trình phát triển kinh tế - xã hội khác", "3.149")]


def _draft(store):
    return template_edit.Draft(store.template_by_id(store.default_template_id()))


def test_editing_makes_a_new_version_and_old_reports_keep_theirs(sample):
    old_report = sample.report("TTH", "2020-Q1")
    draft = _draft(sample)
    draft.add_section("DB_VL", "Giải quyết việc làm (Điện Biên)", parent="CM", after="VL")
    draft.add_indicator("DB_VL", {"code": "GQVL", "label": "Giải quyết việc làm mới", "unit": "người"})
    draft.rename_section("TE", "Công tác trẻ em")
    draft.move_section("TE", -1)
    new_id = template_edit.save_version(sample, draft)
    new = sample.template_by_id(new_id)
    assert new.version == 2 and "GQVL" in new.indicators
    assert [s.code for s in new.by_section["CM"].children][5:7] == ["TE", "GNBT"]
    assert new.by_section["DB_VL"].number == "3.2"
    assert sample.template_of(sample.report_by_id(old_report.id)).version == 1  # unchanged
    assert "GQVL" not in sample.template_of(old_report).indicators


def test_broken_edits_are_refused_and_leave_the_draft_as_it_was(sample):
    draft = _draft(sample)
    before = draft.template().fingerprint
    with pytest.raises(InputError, match="trùng"):
        draft.add_indicator("VL", {"code": "VL_MOI", "label": "x", "unit": "người"})
    with pytest.raises(InputError, match="không có trong mẫu"):
        draft.update_indicator("VL_NN", {"parent": "NO_SUCH", "part": "partial"})
    with pytest.raises(InputError, match="quy tắc"):
        draft.update_indicator("VL_NN", {"rules": [{"op": "<=", "other": "NOPE", "severity": "error"}]})
    assert draft.template().fingerprint == before


def test_moving_a_report_to_a_new_version_keeps_every_value(sample):
    report = sample.report("TTH", "2020-Q1")
    values = sample.content.values(report.id)
    draft = _draft(sample)
    draft.add_indicator("VL", {"code": "VL_MOI_TONG", "label": "Giải quyết việc làm mới", "unit": "người"})
    draft.update_indicator("VL_NN", {"parent": "VL_MOI_TONG", "part": "partial"})
    draft.update_indicator("TTLD_GQVL_NN", {"parent": "TTLD_GQVL"})
    draft.remove_indicator("VL_MOI")
    draft.remove_indicator("GN_HO_TRO_NGOAI_TINH")
    new_id = template_edit.save_version(sample, draft)
    mapping = template_edit.plan(sample, report, new_id, {"VL_MOI": "VL_MOI_TONG"})
    assert mapping.renamed == (("VL_MOI", "VL_MOI_TONG"),) and mapping.dropped == ("GN_HO_TRO_NGOAI_TINH",)
    assert any("GN_HO_TRO_NGOAI_TINH" in line for line in mapping.lines)
    template_edit.migrate(sample, report, new_id, {"VL_MOI": "VL_MOI_TONG"})
    moved = sample.content.values(report.id)
    assert moved["VL_MOI_TONG"] == msgspec.structs.replace(values["VL_MOI"], indicator="VL_MOI_TONG")
    assert all(moved[c] == v for c, v in values.items() if c not in ("VL_MOI", "GN_HO_TRO_NGOAI_TINH"))
    dropped = [a for a in sample.audit_trail(report.id) if a["entity"] == "value" and a["new"] is None]
    assert dropped and '"3000000000"' in dropped[-1]["old"]  # recorded, not silently lost
    text = " ".join(b.text for b in sample.content.narrative(report.id)[("VL", "results")])
    assert "{VL_MOI_TONG}" in text and "{VL_MOI}" not in text
    assert "đã giải quyết việc làm mới cho 2.607 người" in " ".join(
        b.text for b in printed.build(sample, "TTH", "2020-Q1").body)


def test_a_report_cannot_lose_a_section_with_content(sample):
    report = sample.report("TTH", "2020-Q1")
    draft = _draft(sample)
    draft.remove_section("TE")
    new_id = template_edit.save_version(sample, draft)
    with pytest.raises(UserError, match="TE"):
        template_edit.migrate(sample, report, new_id)


def test_dien_bien_six_month_2017_section_built_without_code(store):
    """Điện Biên's six-month 2017 sentence: qualifier, share of plan, change on last year, exhaustive split."""
    store.add_office("DBN", "province", OfficeProfile(dt.date(2000, 1, 1), "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
                                                      "UBND TỈNH ĐIỆN BIÊN", "Điện Biên", "LĐTBXH"))
    draft = _draft(store)
    draft.add_section("DB_VL", "Công tác giải quyết việc làm", parent="CM", after="VL")
    draft.add_indicator("DB_VL", {"code": "GQVL", "label": "Giải quyết việc làm mới", "unit": "người"})
    for code, label, _ in PARTS:
        draft.add_indicator("DB_VL", {"code": code, "label": label, "unit": "người", "parent": "GQVL",
                                      "part": "exhaustive"})
    template_id = template_edit.save_version(store, draft)
    report = store.open_report("DBN", "2017-H1", template_id)
    store.content.enter(report, "GQVL", "khoảng 4.348")
    value = store.content.values(report.id)["GQVL"]
    store.content.set_value(report, msgspec.structs.replace(value, plan=Decimal(8559), prior_year=Decimal(4335)))
    for code, _, number in PARTS:
        store.content.enter(report, code, number)
    store.content.set_narrative(report, "DB_VL", "results", [Block(DIEN_BIEN_TEXT)])
    model = printed.build(store, "DBN", "2017-H1")
    body = " ".join(b.text for b in model.body)
    assert ("giải quyết việc làm mới cho khoảng 4.348 người (đạt 50,8% kế hoạch năm, tăng 0,29% so với cùng kỳ "
            "năm trước). Trong đó, thông qua Quỹ quốc gia về việc làm là 605 người; cung ứng lao động cho các "
            "doanh nghiệp ngoài tỉnh 300 người; xuất khẩu lao động 09 người; tuyển dụng vào các đơn vị hành chính "
            "sự nghiệp 285 người và thông qua các chương trình phát triển kinh tế - xã hội khác là 3.149 người.") \
        in body
    row = next(r for r in model.appendix.rows if r[1].text == "Giải quyết việc làm mới")
    assert [c.text for c in row[3:]] == ["khoảng 4.348", "4.335", "0,29", "khoảng 4.348", "8.559", "50,8"]  # as typed; the year to date is the same figure
    data = store.content.load(report)
    assert not [f for f in validate(data) if f.indicator == "GQVL" and f.severity is Severity.ERROR]
    store.content.enter(report, "GQVL_KHAC", "3.150")  # 605 + 300 + 9 + 285 + 3.150 ≠ 4.348
    found = [f for f in validate(store.content.load(report)) if f.indicator == "GQVL"]
    assert found and found[0].severity is Severity.WARNING and "4.349" in found[0].message  # "khoảng" total
    store.content.enter(report, "GQVL", "4.348")
    found = [f for f in validate(store.content.load(report)) if f.indicator == "GQVL"]
    assert found and found[0].severity is Severity.ERROR  # an exact total must add up
    assert narrative.expand("{GQVL:ck}", data.template.indicators, data.values, []) == "tăng 0,29%"


# The shipped template's fingerprint as every installation already stores it; reading templates
# must never move it, or installed reports would no longer match their template.
SHIPPED_FINGERPRINT = "7aeed67004536dc060ec008beec44a1600a504f13b5b0c8a93b91dd35a05e23d"


def test_installed_templates_keep_their_fingerprint(sample):
    template = sample.template_by_id(sample.default_template_id())
    assert template.fingerprint == SHIPPED_FINGERPRINT
    assert template_edit.Draft(template).template().fingerprint == SHIPPED_FINGERPRINT


@pytest.mark.parametrize("fields, message", [
    ({"code": "GQVL", "label": "x" * 3000, "unit": "người"}, r"“sections\[2\]\.children\[0\]\.indicators\[\d+\]\.label”"),
    ({"code": "GQVL", "label": "Việc làm", "kind": "tiền"}, r"indicators\[\d+\]\.kind”"),
    ({"code": "GQVL", "label": "Việc làm", "min": "1e999999999"}, r"indicators\[\d+\]\.min”: giới hạn phải"),
    ({"code": "GQVL", "label": "Việc làm", "appendix": "có"}, r"indicators\[\d+\]\.appendix”: cần true/false"),
    ({"code": "GQVL", "label": "Việc làm", "màu": "đỏ"}, "có trường lạ “màu”"),
])
def test_a_refused_edit_names_the_field_and_leaves_the_draft_as_it_was(sample, fields, message):
    draft = _draft(sample)
    before = draft.template().fingerprint
    with pytest.raises(InputError, match=message):
        draft.add_indicator("VL", fields)
    assert draft.template().fingerprint == before
