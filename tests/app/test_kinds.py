"""The table of value kinds: what each prints reads back as the same figure, halves round away from
zero everywhere, and each kind combines, compares and checks the one way the product knows."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import formatting, kinds
from app.domain.kinds import Display

D = Decimal
whole = st.integers(min_value=0, max_value=10**15).map(D)
signed_decimals = st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False,
                              allow_infinity=False)


@given(whole, st.booleans())
def test_a_count_reads_back_as_printed(number, pad):
    kind = kinds.COUNT
    assert kind.parse(kind.with_unit(kind.format(number, display=Display(pad=pad)), "người"), "người").number == number


@given(whole)
def test_a_count_in_thousands_reads_back_as_printed(number):
    kind, display = kinds.COUNT, Display(scale="nghin")
    assert kind.parse(kind.with_unit(kind.format(number, display=display), "người"), "người").number == number


@given(whole)
def test_money_rescaled_as_reports_write_it_reads_back(number):
    kind = kinds.MONEY
    assert kind.parse(kind.with_unit(kind.format(number), "đồng")).number == number


@pytest.mark.parametrize("scale", ["dong", "nghin", "trieu", "ty"])
@given(number=st.integers(min_value=0, max_value=10**11))
def test_money_in_each_display_scale_reads_back(scale, number):
    """Exact whenever the scale shows every digit (three decimals at most are printed unless told)."""
    kind, factor = kinds.MONEY, kinds.DISPLAY_SCALES[scale][1]
    amount = D(number) * factor / 1000 if factor >= 1000 else D(number)
    text = kind.with_unit(kind.format(amount, display=Display(scale=scale)), "đồng")
    assert kind.parse(text).number == amount


@given(signed_decimals)
def test_a_decimal_reads_back_as_printed(number):
    assert kinds.DECIMAL.parse(kinds.DECIMAL.format(number)).number == number


@given(signed_decimals)
def test_a_percent_reads_back_as_printed(number):
    assert kinds.PERCENT.parse(kinds.PERCENT.format(number)).number == number


@given(st.integers(min_value=1, max_value=10**9), st.data(), st.booleans())
def test_a_ratio_reads_back_as_printed(bottom, data, pad):
    top = data.draw(st.integers(min_value=0, max_value=bottom))
    parsed = kinds.RATIO.parse(kinds.RATIO.format(D(top), D(bottom), Display(pad=pad)))
    assert (parsed.number, parsed.denominator) == (top, bottom)


@given(signed_decimals, st.integers(min_value=0, max_value=6))
def test_decimals_read_back_as_the_number_rounded_half_away_from_zero(number, places):
    shown = kinds.DECIMAL.format(number, places=places)
    expected = number.quantize(D(1).scaleb(-places), rounding="ROUND_HALF_UP")
    assert kinds.DECIMAL.parse(shown).number == expected
    assert (shown.split(",") + [""])[1] == (str(abs(expected)).split(".") + [""])[1]


@pytest.mark.parametrize("kind, number, display, places, printed", [
    (kinds.MONEY, D(6_250_000_000), Display("ty", 1), None, "6,3 tỷ"),  # not 6,2 (half to even)
    (kinds.MONEY, D(6_350_000_000), Display("ty"), 1, "6,4 tỷ"),
    (kinds.MONEY, D(245_118_000_000), Display("trieu"), None, "245.118 triệu"),
    (kinds.MONEY, D(245_118_000_000), Display("dong"), None, "245.118.000.000"),
    (kinds.MONEY, D(13_302_000_000), Display(), None, "13,302 tỷ"),
    (kinds.COUNT, D(41_250), Display("nghin", 1), None, "41,3 nghìn"),
    (kinds.COUNT, D(41_000), Display("nghin"), None, "41 nghìn"),
    (kinds.COUNT, D(4), Display(pad=True), None, "04"),
    (kinds.COUNT, D(0), Display(pad=True), None, "0"),
    (kinds.COUNT, D(10), Display(pad=True), None, "10"),
    (kinds.RATIO, D(4), Display(pad=True), None, "04/04"),  # denominator given below
    (kinds.PERCENT, D("3.1"), Display(decimals=2), None, "3,10%"),
    (kinds.PERCENT, D("2.345"), Display(), 2, "2,35%"),
    (kinds.DECIMAL, D("-2.345"), Display(), 2, "-2,35"),  # away from zero below zero too
    (kinds.DECIMAL, D("1.2345"), Display(), None, "1,235"),  # three decimals at most, half up
])
def test_each_scale_decimals_and_padding(kind, number, display, places, printed):
    assert kind.format(number, D(4) if kind.ratio else None, display, places) == printed


@pytest.mark.parametrize("share, places, printed", [
    (D("6.25"), None, "6,3"), (D("96.9866"), 0, "97"), (D("103.2698"), 2, "103,27"), (D("12.5"), 2, "12,50"),
    (D("99.95"), None, "100"), (D("100"), 1, "100"), (D("-0.05"), None, "-0,1"),
])
def test_shares_round_half_away_from_zero(share, places, printed):
    assert kinds.share_points(share, places) == printed


@pytest.mark.parametrize("change, places, printed", [
    (D("0.2999"), None, "0,29"),  # cut, as statistics print it
    (D("-25"), None, "-25"), (D("-41.65"), 1, "-41,7"), (D("0.295"), 2, "0,30"),
])
def test_changes_cut_to_two_decimals_unless_told(change, places, printed):
    assert kinds.change_points(change, places) == printed


def test_formatting_rounds_halves_up_past_three_decimals():
    assert formatting.number(D("1.0005")) == "1,001" and formatting.number(D("1.0015")) == "1,002"


@pytest.mark.parametrize("kind, time, offices, over_time, over_offices", [
    (kinds.COUNT, "flow", "sum", True, True), (kinds.COUNT, "stock", "sum", False, True),
    (kinds.MONEY, "flow", "none", True, False), (kinds.PERCENT, "flow", "sum", False, False),
    (kinds.RATIO, "flow", "sum", True, True), (kinds.DECIMAL, "stock", "none", False, False),
])
def test_each_kind_says_how_it_combines(kind, time, offices, over_time, over_offices):
    assert (kind.sums_over_time(time), kind.sums_over_offices(offices)) == (over_time, over_offices)


def test_a_ratio_adds_numerators_and_denominators():
    assert kinds.RATIO.total([(D(4), D(5)), (D(3), D(3))]) == (7, 8)
    assert kinds.COUNT.total([(D(4), None), (D(3), None)]) == (7, None)


def test_share_of_plan_and_change_are_exact_until_printed():
    """A plan at 99,96% is not reached, though it prints as "100%"."""
    assert kinds.COUNT.share_of_plan(D(9996), D(10000)) == D("99.96") < 100
    assert kinds.share_points(kinds.COUNT.share_of_plan(D(9996), D(10000))) == "100"
    assert kinds.COUNT.share_of_plan(D(1), None) is None and kinds.COUNT.share_of_plan(D(1), D(0)) is None
    assert kinds.COUNT.change(D(1167), D(2000)) == D("-41.65")
    assert kinds.COUNT.change(D(5), D(0)) is None and kinds.COUNT.change(None, D(5)) is None


@pytest.mark.parametrize("kind, number, denominator, problems", [
    (kinds.COUNT, D("2.5"), None, [" phải là số nguyên."]),
    (kinds.MONEY, D("2.5"), None, [" phải là số nguyên."]),
    (kinds.DECIMAL, D("2.5"), None, []),
    (kinds.RATIO, D(3), None, [" thiếu mẫu số (ví dụ 5/5)."]),
    (kinds.RATIO, D(6), D(5), [": tử số 6 lớn hơn mẫu số 5."]),
])
def test_checks_of_a_stored_figure(kind, number, denominator, problems):
    assert kind.check(number, denominator) == problems


def test_the_template_format_knows_exactly_the_kinds_and_scales_of_the_table():
    import typing

    from app.domain import template_format

    assert set(typing.get_args(template_format.Kind)) == set(kinds.KINDS)
    scale = typing.get_type_hints(template_format.IndicatorForm)["scale"]
    assert {a for arg in typing.get_args(scale) for a in typing.get_args(arg)} == set(kinds.DISPLAY_SCALES)
