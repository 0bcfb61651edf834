"""The consolidated report: the province's own figures plus its districts', figure by figure."""
import datetime as dt

import pytest

from app.domain.model import OfficeProfile
from app.exchange import consolidate
from app.output import printed


@pytest.fixture
def province(sample):
    """TTH (the seed: VL_MOI 2.607, VL_NN 176, BHTN_TIEN 13,302 tỷ) with two districts."""
    for code, place in (("PL", "Phú Lộc"), ("AL", "A Lưới")):
        sample.add_office(code, "district", OfficeProfile(
            valid_from=dt.date(2019, 1, 1), name=f"PHÒNG LĐTBXH {place.upper()}", authority="UBND", place=place,
            symbol="LĐTBXH", parent_code="TTH"))
    pl = sample.open_report("PL", "2020-Q1")
    for code, text in (("VL_MOI", "1.200"), ("VL_NN", "30"), ("BHTN_TIEN", "1,5 tỷ")):
        sample.content.enter(pl, code, text)
    al = sample.open_report("AL", "2020-Q1")
    sample.content.enter(al, "VL_MOI", "khoảng 800")
    return sample


def _body(model) -> str:
    return " ".join(b.text for b in model.body)


def test_own_figures_are_added_to_the_districts(province):
    result = consolidate.consolidate(province, "TTH", "2020-Q1")
    assert result.values["VL_MOI"].number == 2607 + 1200 + 800
    assert result.values["VL_MOI"].qualifier == "khoảng"  # one part was approximate
    assert result.values["VL_NN"].number == 176 + 30
    assert result.values["BHTN_TIEN"].number == 13_302_000_000 + 1_500_000_000
    assert result.values["VB_BAN_HANH"].number == province.content.values(
        province.report("TTH", "2020-Q1").id)["VB_BAN_HANH"].number  # only the province has it: no "…"
    alone = consolidate.consolidate(province, "TTH", "2020-Q1", include_own=False)
    assert alone.values["VL_MOI"].number == 2000 and "VB_BAN_HANH" not in alone.values


def test_printed_consolidation_says_so_and_prints_consolidated_prose(province):
    model = consolidate.build_printed(province, "TTH", "2020-Q1")
    body = _body(model)
    assert "giải quyết việc làm mới cho khoảng 4.607 người, trong đó có 206 người" in body
    assert "với tổng số tiền 14,802 tỷ đồng" in body
    assert "Ban hành … là" not in body and "Cấp … lao động" not in body
    assert model.header.summary.startswith("Tổng hợp kết quả thực hiện công tác")
    assert model.appendix_title[-1] == "(Tổng hợp từ số liệu của TTH, PL, AL)" or \
        model.appendix_title[-1] == "(Tổng hợp từ số liệu của TTH, AL, PL)"
    breakdown = dict(model.extra_tables)["TỔNG HỢP THEO ĐƠN VỊ"]
    assert breakdown.columns[2] == "TTH"
    row = next(r for r in breakdown.rows if r[0].text == "Giải quyết việc làm mới")
    assert {breakdown.columns[i]: c.text for i, c in enumerate(row) if i >= 2} == {
        "TTH": "2.607", "PL": "1.200", "AL": "800", "Tổng": "4.607"}
    own = printed.build(province, "TTH", "2020-Q1")
    assert "giải quyết việc làm mới cho 2.607 người" in _body(own)  # the office's own report is untouched


def test_missing_districts_are_named(province):
    province.add_office("ND", "district", OfficeProfile(
        valid_from=dt.date(2019, 1, 1), name="PHÒNG LĐTBXH NAM ĐÔNG", authority="UBND", place="Nam Đông",
        symbol="LĐTBXH", parent_code="TTH"))
    model = consolidate.build_printed(province, "TTH", "2020-Q1")
    assert model.appendix_title[-1].endswith("; chưa gửi: ND)")


def test_year_to_date_and_last_year_are_consolidated_too(province):
    for office, figure in (("TTH", "100"), ("PL", "10")):
        report = province.open_report(office, "2020-Q2")
        province.content.enter(report, "VL_MOI", figure)
    last_year = province.open_report("PL", "2019-Q2")
    province.content.enter(last_year, "VL_MOI", "55")
    model = consolidate.build_printed(province, "TTH", "2020-Q2")
    row = next(r for r in model.appendix.rows if r[1].text == "Giải quyết việc làm mới")
    # this period 110; same period last year 55 (only PL had a report); year to date 4.607 + 110
    assert [c.text for c in row[3:5]] == ["110", "55"]
    assert row[6].text == "khoảng 4.717"  # AL's Q1 "khoảng 800" is part of the year to date
