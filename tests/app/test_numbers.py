from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import formatting
from app.domain.kinds import parse_value
from app.domain.numbers import parse_number
from app.errors import InputError


@pytest.mark.parametrize("text, kind, number, denominator, qualifier", [
    ("2.607", "count", "2607", None, None),
    ("2607", "count", "2607", None, None),
    ("154.470", "count", "154470", None, None),
    ("1.234.567", "count", "1234567", None, None),
    ("13,302 tỷ", "money", "13302000000", None, None),
    ("13,302 tỷ đồng", "money", "13302000000", None, None),
    ("186 triệu đồng", "money", "186000000", None, None),
    ("13.302.000.000", "money", "13302000000", None, None),
    ("khoảng 4.348", "count", "4348", None, "khoảng"),
    ("Gần 500", "count", "500", None, "gần"),
    ("50,8%", "percent", "50.8", None, None),
    ("0,29", "percent", "0.29", None, None),
    ("5/5", "ratio", "5", "5", None),
    ("2.607,25", "decimal", "2607.25", None, None),
    ("  2.607  ", "count", "2607", None, None),
])
def test_vietnamese_input_is_parsed_to_base_units(text, kind, number, denominator, qualifier):
    """Dots group thousands, commas mark decimals, scale words multiply money."""
    parsed = parse_value(text, kind)
    assert parsed.number == Decimal(number)
    assert parsed.denominator == (Decimal(denominator) if denominator else None)
    assert parsed.qualifier == qualifier


def test_estimate_word_sets_the_flag():
    """"ước 2.607" is an estimate of 2607."""
    parsed = parse_value("ước 2.607", "count")
    assert parsed.estimate and parsed.number == 2607


@pytest.mark.parametrize("text, kind, hint", [
    ("abc", "count", "không phải là số"),
    ("", "count", "Chưa nhập"),
    ("1,5", "count", "không phải số nguyên"),
    ("1.5", "count", "không rõ nghĩa"),
    ("2.60", "count", "không rõ nghĩa"),
    ("1,234", "count", "không phải số nguyên"),
    ("1,234.5", "decimal", "kiểu tiếng Anh"),
    ("12 tỷ", "count", "Chỉ số tiền"),
    ("1,5 đồng", "money", "tính đến đồng"),
    ("5/0", "ratio", "Mẫu số"),
    ("5", "ratio", "tử/mẫu"),
    ("99999999999999999999", "count", "quá lớn"),
    ("25%", "count", "phần trăm"),
    ("2.607 người xyz", "count", "không phải là một số"),
])
def test_malformed_or_ambiguous_input_is_refused_with_a_message(text, kind, hint):
    """Nothing is guessed: the message says what was wrong."""
    with pytest.raises(InputError, match=hint):
        parse_value(text, kind)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_survive_format_then_parse(n):
    """What the app prints ("2.607") reads back as the same number."""
    assert parse_number(formatting.number(Decimal(n))) == n


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_survive_format_then_parse(d):
    assert parse_number(formatting.number(d)) == d


@pytest.mark.parametrize("amount, shown", [
    (13302000000, "13,302 tỷ đồng"),
    (45820000000, "45,820 tỷ đồng"),
    (9717000000, "9,717 tỷ đồng"),
    (3000000000, "3 tỷ đồng"),
    (186000000, "186 triệu đồng"),
    (1500000, "1,5 triệu đồng"),
    (13302500000, "13,3025 tỷ đồng"),
])
def test_money_prints_as_reports_write_it(amount, shown):
    assert formatting.money(Decimal(amount)) == shown


def test_small_counts_are_zero_padded_only_when_asked():
    assert formatting.number(Decimal(3), pad=True) == "03"
    assert formatting.number(Decimal(3)) == "3"
    assert formatting.number(Decimal(12), pad=True) == "12"


@pytest.mark.parametrize("text, kind", [
    ("1," + "0" * 100_000 + "1", "count"),  # once stored as 1 for a headcount
    ("1," + "0" * 40 + "1", "count"),
    ("1," + "0" * 40 + "1", "decimal"),
    ("1" * 10_000, "count"),
    ("1" * 31, "decimal"),
    ("0," + "1" * 31, "decimal"),
    ("1" * 16 + "," + "1" * 15, "decimal"),
    ("1" * 31 + "/" + "1" * 31, "ratio"),
    ("1" * 31 + " tỷ", "money"),
])
def test_more_than_thirty_significant_digits_are_refused_not_rounded(text, kind):
    """The digits are bounded on the text, before any arithmetic rounds them away."""
    with pytest.raises(InputError, match="chữ số"):
        parse_value(text, kind)


@pytest.mark.parametrize("text", ["1e999999", "1E+9", "١٢٣", "１２３", "NaN", "Infinity", "-0x10", "1_000"])
def test_exponents_unicode_digits_and_special_values_are_not_numbers(text):
    with pytest.raises(InputError):
        parse_value(text, "decimal")


def test_thirty_digits_are_kept_exactly_through_a_scale():
    """30 significant digits survive parsing and the money scale without rounding."""
    assert parse_value("123456789012345678,123456789012", "decimal").number == \
        Decimal("123456789012345678.123456789012")
    assert parse_value("0,000000000000000000000000000001", "decimal").number == Decimal("1E-30")
    assert parse_value("999.999.999,999999 triệu", "money").number == Decimal("999999999999999")
    assert parse_value("1,0" + "0" * 150, "count").number == 1  # trailing zeros are not significant


@given(st.text(alphabet="0123456789,.", min_size=1, max_size=300))
def test_any_digit_string_is_parsed_or_refused_plainly(text):
    """Never an exception other than InputError, never a rounded figure."""
    try:
        parsed = parse_value(text, "decimal")
    except InputError:
        return
    assert len(str(parsed.number).replace("-", "").replace(".", "").lstrip("0")) <= 30


@pytest.mark.parametrize("text, kind, unit, number, qualifier", [
    ("37 nghìn", "count", "người", 37000, None),
    ("hơn 41 nghìn", "count", "người", 41000, "hơn"),
    ("hơn 41 nghìn người", "count", "người", 41000, "hơn"),
    ("1,2 triệu lượt người", "count", "lượt người", 1_200_000, None),
    ("gần 6,3 tỷ", "money", "đồng", 6_300_000_000, "gần"),
    ("245.118 triệu đồng", "money", "đồng", 245_118_000_000, None),
    ("4% trở lên", "percent", "", 4, "trở lên"),
    ("trên 71%", "percent", "", 71, "trên"),
    ("dưới 5%", "percent", "", 5, "dưới"),
    ("ít nhất 300 người", "count", "người", 300, "ít nhất"),
    ("100 người trở lên", "count", "người", 100, "trở lên"),
])
def test_figures_as_reports_write_them(text, kind, unit, number, qualifier):
    parsed = parse_value(text, kind, unit)
    assert (parsed.number, parsed.qualifier) == (number, qualifier)


@pytest.mark.parametrize("text, kind", [("37,5 nghìn", "decimal"), ("3 tỷ", "count"), ("hơn 4% trở lên", "percent")])
def test_scale_and_qualifier_misuse_is_refused(text, kind):
    with pytest.raises(InputError):
        parse_value(text, kind, "người")
