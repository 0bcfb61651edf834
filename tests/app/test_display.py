"""Each indicator prints as its template says (scale, decimals, zero padding) and each placeholder view
prints as published reports write it: checked on the exported PDF's text, the appendix and the workbook."""
import io
from decimal import Decimal

import msgspec
import pytest
from openpyxl import load_workbook

from app.domain import template as templates
from app.domain.model import Block
from app.errors import InputError
from app.output import printed, render_pdf, render_xlsx
from tests.app.test_printed import norm, pdf_text

D = Decimal
HEADER = {"format": "baocao-template", "format_version": 1, "code": "HIEN_THI", "version": 1,
          "title": "Báo cáo thử cách hiển thị", "summary": "Kết quả {ky} và nhiệm vụ {ky_toi}",
          "results_heading": "KẾT QUẢ {KY}", "plan_heading": "NHIỆM VỤ {KY_TOI}"}
INDICATORS = [
    {"code": "CT_DAT", "label": "Chỉ tiêu đạt kế hoạch", "unit": "chỉ tiêu", "kind": "ratio", "pad": True},
    {"code": "CT_TRON", "label": "Chỉ tiêu (không thêm số 0)", "unit": "chỉ tiêu", "kind": "ratio"},
    {"code": "CHI_TRIEU", "label": "Chi trợ cấp thất nghiệp", "unit": "đồng", "kind": "money", "scale": "trieu"},
    {"code": "CHI_TY", "label": "Chi hỗ trợ học nghề", "unit": "đồng", "kind": "money", "scale": "ty", "decimals": 1},
    {"code": "VL_MOI", "label": "Giải quyết việc làm mới", "unit": "người"},
    {"code": "VL_XK", "label": "Đưa lao động đi làm việc ở nước ngoài", "unit": "người", "pad": False},
    {"code": "LD_NGHIN", "label": "Lao động được tư vấn", "unit": "người", "scale": "nghin", "decimals": 1},
    {"code": "HO_NGHEO", "label": "Hộ nghèo giảm", "unit": "hộ"},
    {"code": "TL_LD", "label": "Tỷ lệ lao động qua đào tạo", "unit": "%", "kind": "percent", "decimals": 2,
     "time": "stock"},
]
TEXT = ("Đạt {CT_DAT}; {CT_TRON}. Chi trợ cấp {CHI_TRIEU}, học nghề {CHI_TY} ({CHI_TY:ty.2}, {CHI_TRIEU:ty.1}). "
        "Việc làm mới {VL_MOI}, đạt {VL_MOI:kh.0} kế hoạch, {VL_MOI:ck_so} so với cùng kỳ; "
        "xuất khẩu {VL_XK}, đạt {VL_XK:kh.2} kế hoạch, {VL_XK:ck.1}; tư vấn {LD_NGHIN} ({LD_NGHIN:so.0}). "
        "Hộ nghèo giảm {HO_NGHEO}, đạt {HO_NGHEO:kh.1} kế hoạch, {HO_NGHEO:ck.1} ({HO_NGHEO:cungky}); "
        "tỷ lệ qua đào tạo {TL_LD}.")
# Each figure with its invented numbers (plan, same period last year); x,x5 edges round away from zero.
FIGURES = {"CT_DAT": ("4/4", None, None), "CT_TRON": ("4/4", None, None),
           "CHI_TRIEU": ("245.118 triệu", None, None), "CHI_TY": ("gần 6,25 tỷ", None, None),
           "VL_MOI": ("2.607", 2688, 2295),  # 96,99% of plan → "97%"; 312 more than last year
           "VL_XK": ("8", D("7.7467"), 14),  # 103,2696…% → "103,27%"; 8 on 14 is -42,857…% → "giảm 42,9%"
           "LD_NGHIN": ("hơn 41.250", None, None),  # 41,25 nghìn → "41,3"
           "HO_NGHEO": ("1.167", 1600, 2000),  # 72,9375% → "72,9%"; -41,65% → "giảm 41,7%"
           "TL_LD": ("3,1", None, None)}
PRINTED = ("Đạt 04/04 chỉ tiêu; 4/4 chỉ tiêu. Chi trợ cấp 245.118 triệu đồng, học nghề gần 6,3 tỷ đồng "
           "(gần 6,25 tỷ đồng, 245,1 tỷ đồng). Việc làm mới 2.607 người, đạt 97% kế hoạch, tăng 312 người so "
           "với cùng kỳ; xuất khẩu 8 người, đạt 103,27% kế hoạch, giảm 42,9%; tư vấn hơn 41,3 nghìn người "
           "(hơn 41 nghìn). Hộ nghèo giảm 1.167 hộ, đạt 72,9% kế hoạch, giảm 41,7% (2.000 hộ); tỷ lệ qua đào "
           "tạo 3,10%.")


def _template(**changes):
    section = {"code": "HT", "title": "Thử hiển thị", "indicators": [dict(i) for i in INDICATORS], "children": []}
    return {**HEADER, **changes, "sections": [section]}


@pytest.fixture
def report(sample):
    template_id = sample.install_template(templates.from_dict(_template()))
    report = sample.open_report("TTH", "2021-Q2", template_id)
    for code, (typed, plan, prior) in FIGURES.items():
        sample.content.enter(report, code, typed)
        value = sample.content.values(report.id)[code]
        sample.content.set_value(report, msgspec.structs.replace(
            value, plan=D(plan) if plan is not None else None, prior_year=D(prior) if prior is not None else None))
    sample.content.set_narrative(report, "HT", "results", [Block(TEXT)])
    return report


def test_every_view_scale_and_padding_prints_in_the_pdf(sample, report, tmp_path):
    """The exported PDF says exactly what the director signs, figure by figure."""
    model = printed.build(sample, "TTH", "2021-Q2")
    assert PRINTED in [b.text for b in model.body]
    assert PRINTED in norm(pdf_text(render_pdf.render(model), tmp_path))


def test_the_appendix_and_the_workbook_follow_the_display_keys(sample, report):
    """Unit column, scale, decimals and padding of each row, the same in the workbook as in print."""
    model = printed.build(sample, "TTH", "2021-Q2")
    rows = {row[1].text: row for row in model.appendix.rows}
    assert [c.text for c in rows["Chi hỗ trợ học nghề"][2:4]] == ["tỷ đồng", "gần 6,3"]  # as typed
    assert [c.text for c in rows["Chi trợ cấp thất nghiệp"][2:4]] == ["triệu đồng", "245.118"]
    assert [c.text for c in rows["Chỉ tiêu đạt kế hoạch"][2:4]] == ["chỉ tiêu", "04/04"]
    assert [c.text for c in rows["Lao động được tư vấn"][2:4]] == ["nghìn người", "hơn 41,3"]
    assert rows["Giải quyết việc làm mới"][3].text == "2.607"  # the template switch pads prose only
    assert [c.text for c in rows["Hộ nghèo giảm"][3:]] == ["1.167", "2.000", "-41,65", "1.167", "1.600", "72,9"]
    sheet = load_workbook(io.BytesIO(render_xlsx.render(model)))["Số liệu"]
    cells = {row[1].value: row for row in sheet.iter_rows() if row[1].value}
    money = cells["Chi hỗ trợ học nghề"][3]
    assert (money.value, money.number_format) == (6.25, '"gần "#,##0.0')
    assert cells["Chi trợ cấp thất nghiệp"][3].value == 245118
    assert cells["Chỉ tiêu đạt kế hoạch"][3].value == "04/04"
    assert cells["Tỷ lệ lao động qua đào tạo"][3].number_format == "#,##0.00"


def test_a_template_without_display_keys_prints_as_before(sample):
    """Format-version-1 files keep importing; absent keys are not written back (same fingerprint)."""
    plain = _template()
    for indicator in plain["sections"][0]["indicators"]:
        for key in ("scale", "decimals", "pad"):
            indicator.pop(key, None)
    template = templates.from_dict(plain)
    assert all(k not in i for i in template.to_dict()["sections"][0]["indicators"] for k in ("scale", "pad"))
    with_keys = templates.from_dict(_template(code="HIEN_THI_2"))
    written = with_keys.to_dict()["sections"][0]["indicators"][3]
    assert (written["scale"], written["decimals"], "pad" in written) == ("ty", 1, False)
    assert templates.from_dict(with_keys.to_dict()).fingerprint == with_keys.fingerprint


@pytest.mark.parametrize("index, key, value, message", [
    (4, "scale", "ty", r"indicators\[4\]\.scale”: loại giá trị “Số lượng” không hiển thị theo “ty”"),
    (4, "scale", "muoi", r"indicators\[4\]\.scale"),
    (4, "decimals", 1, r"indicators\[4\]\.decimals”: loại giá trị “Số lượng” chỉ có phần thập phân"),
    (0, "decimals", 1, r"indicators\[0\]\.decimals"),
    (2, "decimals", 7, r"indicators\[2\]\.decimals"),
    (2, "pad", True, r"indicators\[2\]\.pad”: chỉ số lượng và tỉ lệ"),
    (8, "scale", "nghin", r"indicators\[8\]\.scale"),
    (4, "pad", "có", r"indicators\[4\]\.pad"),
])
def test_a_display_key_a_kind_cannot_print_is_refused_naming_the_field(index, key, value, message):
    data = _template()
    data["sections"][0]["indicators"][index][key] = value
    with pytest.raises(InputError, match=message):
        templates.from_dict(data)


def test_renaming_an_indicator_keeps_each_placeholders_view_and_decimals(sample):
    from app.reporting import template_edit

    report = sample.report("TTH", "2020-Q1")
    sample.content.set_narrative(report, "VL", "results", [Block(
        "Đạt {VL_MOI:kh.2}, {VL_MOI.1}, {VL_MOI}, {VL_MOI:ck}; {VL_NN:ck.1}.")])
    draft = template_edit.Draft(sample.template_by_id(sample.default_template_id()))
    draft.add_indicator("VL", {"code": "VL_MOI_TONG", "label": "Giải quyết việc làm mới", "unit": "người"})
    draft.update_indicator("VL_NN", {"parent": "VL_MOI_TONG", "part": "partial"})
    draft.update_indicator("TTLD_GQVL_NN", {"parent": "TTLD_GQVL"})
    draft.remove_indicator("VL_MOI")
    template_edit.migrate(sample, report, template_edit.save_version(sample, draft), {"VL_MOI": "VL_MOI_TONG"})
    assert [b.text for b in sample.content.narrative(report.id)[("VL", "results")]] == [
        "Đạt {VL_MOI_TONG:kh.2}, {VL_MOI_TONG.1}, {VL_MOI_TONG}, {VL_MOI_TONG:ck}; {VL_NN:ck.1}."]


def test_display_keys_are_set_and_cleared_in_a_draft(sample):
    from app.reporting import template_edit

    shipped = sample.template_by_id(sample.default_template_id())
    draft = template_edit.Draft(shipped)
    draft.update_indicator("VL_MOI", {"scale": "nghin", "decimals": 1, "pad": False})
    indicator = draft.template().indicators["VL_MOI"]
    assert (indicator.scale, indicator.decimals, indicator.pad) == ("nghin", 1, False)
    with pytest.raises(InputError, match=r"\.scale”"):
        draft.update_indicator("VL_MOI", {"scale": "ty"})
    draft.update_indicator("VL_MOI", {"scale": None, "decimals": None, "pad": None})
    assert draft.template().fingerprint == shipped.fingerprint


def test_the_consolidated_breakdown_uses_each_indicators_display_scale():
    from types import SimpleNamespace

    from app.domain.model import Value
    from app.domain.period import Period
    from app.exchange import consolidate

    template = templates.from_dict(_template())
    own, district = SimpleNamespace(code="TTH"), SimpleNamespace(code="HUE")
    figures = {"TTH": {"CHI_TY": Value("CHI_TY", D(6_250_000_000))},
               "HUE": {"CHI_TY": Value("CHI_TY", D(1_000_000_000)), "CT_DAT": Value("CT_DAT", D(3), D(4))}}
    result = consolidate.Consolidation(
        own, Period.parse("2021-Q2"), (SimpleNamespace(office=district, report=object()),),
        consolidate._combine(template, figures, "TTH", True), figures, template)
    rows = {row[0].text: [c.text for c in row[1:]] for row in consolidate.breakdown_table(template, result).rows}
    assert rows["Chi hỗ trợ học nghề"] == ["tỷ đồng", "6,3", "1,0", "7,3"]
    assert rows["Chỉ tiêu đạt kế hoạch"] == ["chỉ tiêu", "", "03/04", "03/04"]
