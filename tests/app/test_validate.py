import copy
from decimal import Decimal

import msgspec
import pytest

from app.domain.model import Block, Value
from app.domain.validate import Severity, has_errors, validate


def test_the_seed_report_validates_clean(sample_data):
    assert validate(sample_data) == []


def _with(data, **numbers):
    values = dict(data.values)
    for code, number in numbers.items():
        if number is None:
            values.pop(code, None)
        else:
            values[code] = msgspec.structs.replace(values.get(code) or Value(code, None), number=Decimal(number))
    return msgspec.structs.replace(data, values=values)


def _only(findings, code):
    return [f for f in findings if f.indicator == code]


def test_negative_counts_are_errors(sample_data):
    findings = validate(_with(sample_data, GPLD_CAP=-1))
    assert [f.severity for f in _only(findings, "GPLD_CAP")] == [Severity.ERROR]
    assert "nhỏ hơn mức tối thiểu" in _only(findings, "GPLD_CAP")[0].message


def test_a_partial_part_above_its_total_is_an_error(sample_data):
    """“trong đó” 3.000 nước ngoài cannot exceed 2.607 new jobs."""
    findings = validate(_with(sample_data, VL_NN=3000))
    errors = _only(findings, "VL_NN")
    assert errors and errors[0].severity is Severity.ERROR
    assert "3.000" in errors[0].message and "2.607" in errors[0].message
    assert "Giải quyết việc làm mới" in errors[0].message


def test_exhaustive_parts_must_add_up(sample_data):
    """1.121 in person + 90 online must equal 1.211 registrations."""
    findings = validate(_with(sample_data, TTLD_DK_TRUC_TUYEN=91))
    errors = _only(findings, "TTLD_DANG_KY")
    assert errors and "1.212" in errors[0].message and has_errors(findings)


def test_a_missing_exhaustive_part_is_a_warning(sample_data):
    findings = validate(_with(sample_data, TTLD_DK_TRUC_TUYEN=None))
    mine = [f for f in findings if f.indicator == "TTLD_DK_TRUC_TUYEN"]
    assert any("Chưa nhập đủ các phần" in f.message for f in mine)
    assert all(f.severity is Severity.WARNING for f in mine) and not has_errors(findings)


def test_parts_without_a_total_are_a_warning(sample_data):
    findings = validate(_with(sample_data, VL_MOI=None))
    assert any(f.indicator == "VL_NN" and f.severity is Severity.WARNING for f in findings)


def test_declared_inequality_fires(sample_data):
    """Dossiers resolved cannot exceed dossiers received (declared as a warning)."""
    findings = validate(_with(sample_data, NCC_HS_GQ=600))
    hits = _only(findings, "NCC_HS_GQ")
    assert hits and hits[0].severity is Severity.WARNING and "đang lớn hơn" in hits[0].message


def test_money_parts_are_checked_in_money(sample_data):
    findings = validate(_with(sample_data, BHTN_HN_TIEN=14000000000))
    assert "14 tỷ đồng" in _only(findings, "BHTN_HN_TIEN")[0].message


def test_ratio_numerator_above_denominator_is_an_error(sample_data):
    values = dict(sample_data.values)
    values["QTL_THAM_TRA"] = Value("QTL_THAM_TRA", Decimal(6), Decimal(5))
    findings = validate(msgspec.structs.replace(sample_data, values=values))
    assert _only(findings, "QTL_THAM_TRA")[0].severity is Severity.ERROR


@pytest.mark.parametrize("text, severity, words", [
    ("Có {NO_SUCH} người", Severity.ERROR, "không có chỉ tiêu NO_SUCH"),
    ("Theo {VB:999/XX-YY}", Severity.ERROR, "chưa có trong danh mục"),
    ("Có {VL_MOI:bogus} người", Severity.ERROR, "không có"),
    ("KÕt qu¶ thùc hiÖn c«ng t¸c", Severity.WARNING, "TCVN3"),
])
def test_narrative_problems_are_found(sample_data, text, severity, words):
    narrative = dict(sample_data.narrative)
    narrative[("VL", "results")] = [Block(text)]
    findings = validate(msgspec.structs.replace(sample_data, narrative=narrative))
    assert any(f.severity is severity and words in f.message and f.section == "VL" for f in findings)


def test_placeholder_for_an_empty_figure_is_a_warning(sample_data):
    findings = validate(_with(sample_data, GPLD_CAP=None))
    assert any(f.indicator == "GPLD_CAP" and f.severity is Severity.WARNING for f in findings)


def test_an_empty_report_is_an_error_and_missing_figures_are_warnings(sample_data):
    empty = msgspec.structs.replace(sample_data, values={}, narrative={})
    findings = validate(empty)
    assert has_errors(findings) and findings[0].message == "Báo cáo chưa có số liệu hay nội dung nào."
    partial = validate(_with(sample_data, GPLD_CAP=None, GPLD_XAC_NHAN=None))
    section = [f for f in partial if f.section == "VL" and "chưa nhập 2 chỉ tiêu" in f.message]
    assert section and section[0].severity is Severity.WARNING and section[0].indicator == "GPLD_CAP"


def _tcvn3(text):
    from app.domain.text import _TCVN3
    reverse = {dst: src for src, dst in _TCVN3.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


@pytest.mark.parametrize("field, label", [
    ("authority", "Cơ quan chủ quản"), ("name", "Tên cơ quan"), ("signer_name", "Người ký"), ("place", "Địa danh"),
])
def test_an_office_profile_field_typed_in_tcvn3_is_flagged(sample_data, field, label):
    """A TCVN3 authority line would print as “CÉNG HOΜ X·…”: the warning names the field and the conversion."""
    profiles = [msgspec.structs.replace(p, **{field: _tcvn3("cộng hoà xã hội chủ nghĩa")}) for p in sample_data.office.profiles]
    office = msgspec.structs.replace(sample_data.office, profiles=tuple(profiles))
    findings = validate(msgspec.structs.replace(sample_data, office=office))
    hits = [f for f in findings if f.rule == "legacy"]
    assert [f.severity for f in hits] == [Severity.WARNING]
    assert hits[0].message.startswith(label) and "“cộng hoà xã hội chủ nghĩa”" in hits[0].message


def test_a_template_label_typed_in_vni_is_flagged(sample_data):
    template = copy.deepcopy(sample_data.template)
    section = template.sections[0]
    section.title = "Ngöôøi ñöôïc hoã trôï vieäc laøm"
    hits = [f for f in validate(msgspec.structs.replace(sample_data, template=template)) if f.rule == "legacy"]
    assert [f.section for f in hits] == [section.code]
    assert "Người được hỗ trợ việc làm" in hits[0].message and "VNI" in hits[0].message
