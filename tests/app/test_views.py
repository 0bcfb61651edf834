"""The placeholder language prints each view exactly as published reports write it."""
import datetime as dt
from decimal import Decimal

import pytest

from app.domain import narrative
from app.domain.model import Value
from app.domain.template import Indicator

D = Decimal

PEOPLE = Indicator("VL_MOI", "Giải quyết việc làm mới", "người")
MONEY = Indicator("BHTN_TIEN", "Chi trợ cấp thất nghiệp", "đồng", kind="money")
RATIO = Indicator("CT_DAT", "Chỉ tiêu đạt kế hoạch", "chỉ tiêu", kind="ratio")
RATE = Indicator("TL_NGHEO", "Tỷ lệ hộ nghèo", "", kind="percent")
INDICATORS = {i.code: i for i in (PEOPLE, MONEY, RATIO, RATE)}


def expand(text, values, prior=None):
    return narrative.expand(text, INDICATORS, {v.indicator: v for v in values}, [], prior=prior)


@pytest.mark.parametrize("text, value, prior, printed", [
    ("{VL_MOI}", Value("VL_MOI", D(2607)), None, "2.607 người"),
    ("{VL_MOI:so}", Value("VL_MOI", D(4348), qualifier="khoảng"), None, "khoảng 4.348"),
    ("{VL_MOI:kh}", Value("VL_MOI", D(4348), plan=D(8560)), None, "50,8%"),
    ("{VL_MOI:kh.0}", Value("VL_MOI", D(970), plan=D(1000)), None, "97%"),
    ("{VL_MOI:kh.2}", Value("VL_MOI", D(10327), plan=D(10000)), None, "103,27%"),
    ("{VL_MOI:kh.2}", Value("VL_MOI", D(1), plan=D(8)), None, "12,50%"),  # 12,5 exactly: zeros kept
    ("{VL_MOI:kh.1}", Value("VL_MOI", D(1), plan=D(16)), None, "6,3%"),  # 6,25: half away from zero
    ("{VL_MOI:ck}", Value("VL_MOI", D(4348)), D(4335), "tăng 0,29%"),  # cut, as statistics print it
    ("{VL_MOI:ck.1}", Value("VL_MOI", D(583)), D(1000), "giảm 41,7%"),
    ("{VL_MOI:ck.2}", Value("VL_MOI", D(4348)), D(4335), "tăng 0,30%"),
    ("{VL_MOI:ck}", Value("VL_MOI", D(100)), D(100), "bằng cùng kỳ"),
    ("{VL_MOI:ck_so}", Value("VL_MOI", D(2607)), D(2295), "tăng 312 người"),
    ("{VL_MOI:ck_so}", Value("VL_MOI", D(2295)), D(2607), "giảm 312 người"),
    ("{VL_MOI:kehoach}", Value("VL_MOI", D(10), plan=D(8560)), None, "8.560 người"),
    ("{VL_MOI:cungky}", Value("VL_MOI", D(10)), D(4335), "4.335 người"),
    ("{VL_MOI:cungky}", Value("VL_MOI", D(10), prior_year=D(7)), D(4335), "07 người"),  # typed prior wins
    ("{VL_MOI:ngay}", Value("VL_MOI", D(10), as_of=dt.date(2021, 6, 15)), None, "15/6/2021"),
    ("{VL_MOI:nghin}", Value("VL_MOI", D(41000), qualifier="hơn"), None, "hơn 41 nghìn người"),
    ("{VL_MOI:nghin.1}", Value("VL_MOI", D(37250)), None, "37,3 nghìn người"),
    ("{BHTN_TIEN:trieu}", Value("BHTN_TIEN", D(245_118_000_000)), None, "245.118 triệu đồng"),
    ("{BHTN_TIEN:ty.1}", Value("BHTN_TIEN", D(6_300_000_000), qualifier="gần"), None, "gần 6,3 tỷ đồng"),
    ("{BHTN_TIEN:ty}", Value("BHTN_TIEN", D(6_300_000_000)), None, "6,3 tỷ đồng"),
    ("{BHTN_TIEN}", Value("BHTN_TIEN", D(13_302_000_000)), None, "13,302 tỷ đồng"),
    ("{BHTN_TIEN.1}", Value("BHTN_TIEN", D(13_352_000_000)), None, "13,4 tỷ đồng"),
    ("{CT_DAT}", Value("CT_DAT", D(4), denominator=D(4)), None, "4/4 chỉ tiêu"),
    ("{CT_DAT:tyle}", Value("CT_DAT", D(2), denominator=D(3)), None, "66,7%"),
    ("{TL_NGHEO:so.2}", Value("TL_NGHEO", D("3.1")), None, "3,10%"),
    ("phấn đấu {TL_NGHEO}", Value("TL_NGHEO", D(4), qualifier="trở lên"), None, "phấn đấu 4% trở lên"),
    ("{VL_MOI}", Value("VL_MOI", D(100), qualifier="trở lên"), None, "100 người trở lên"),
    ("{VL_MOI:nghin}", Value("VL_MOI", D(41000), qualifier="trở lên"), None, "41 nghìn người trở lên"),
    ("cho {VL_MOI}", Value("VL_MOI", D(1200), qualifier="khoảng", estimate=True), None, "cho ước khoảng 1.200 người"),
    ("ước đạt {VL_MOI}", Value("VL_MOI", D(1200), estimate=True), None, "ước đạt 1.200 người"),
    ("Ước {VL_MOI:so} người", Value("VL_MOI", D(1200), estimate=True), None, "Ước 1.200 người"),
    ("đạt {VL_MOI:kh.0}", Value("VL_MOI", D(970), plan=D(1000), estimate=True), None, "đạt 97%"),
])
def test_each_view_prints_as_reports_write_it(text, value, prior, printed):
    assert expand(text, [value], {value.indicator: prior} if prior is not None else None) == printed


@pytest.mark.parametrize("text", ["{VL_MOI:kh}", "{VL_MOI:ck}", "{VL_MOI:ck_so}", "{VL_MOI:ngay}",
                                  "{VL_MOI:kehoach}", "{VL_MOI:cungky}", "{VL_MOI:xyz}", "{KHONG_CO}"])
def test_a_view_without_its_figure_prints_a_visible_mark(text):
    assert expand(text, [Value("VL_MOI", D(5))]) == "…"


def test_decimals_are_read_from_every_placeholder():
    found = narrative.placeholders("đạt {VL_MOI:kh.2} và {VL_MOI} và {BHTN_TIEN.1}")
    assert [(p.code, p.modifier, p.decimals) for p in found] == [
        ("VL_MOI", "kh", 2), ("VL_MOI", None, None), ("BHTN_TIEN", None, 1)]


def test_validation_names_a_view_that_will_print_a_mark(sample_data):
    import msgspec

    from app.domain.model import Block
    from app.domain.validate import validate

    narrative_ = dict(sample_data.narrative)
    narrative_[("VL", "results")] = [Block("Đạt {VL_MOI:kh} kế hoạch, tính đến ngày {VL_MOI:ngay}.")]
    values = dict(sample_data.values)
    values["VL_MOI"] = msgspec.structs.replace(values["VL_MOI"], plan=None, as_of=None)
    messages = [f.message for f in validate(msgspec.structs.replace(sample_data, narrative=narrative_, values=values))]
    assert any("{VL_MOI:kh}" in m and "kế hoạch năm" in m for m in messages)
    assert any("{VL_MOI:ngay}" in m and "tính đến ngày" in m for m in messages)
