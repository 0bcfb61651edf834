"""The figures printed without babel read exactly as babel's vi_VN patterns print them."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from app.domain import formatting


def _values(count: int = 4000) -> list[Decimal]:
    """Whole numbers, decimals, halves at every place, huge and tiny, negative and -0, as Decimals."""
    rnd = random.Random(20200331)
    out = [Decimal(t) for t in ("0", "-0", "0.000", "1E+3", "1.5", "2.5", "0.0005", "0.0015", "-0.0005", "999.9995",
                                "1000", "12345678901234567890.123", "-1234567.891", "7.10", "100.000")]
    for _ in range(count):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 16)))
        places = rnd.randint(0, min(len(digits), 8))
        text = digits[:len(digits) - places] + ("." + digits[len(digits) - places:] if places else "")
        if rnd.random() < 0.2:
            text += "5"  # a half at the last place
        out.append(Decimal(("-" if rnd.random() < 0.25 else "") + text))
    return out


VALUES = _values()


def _babel_money(value: Decimal) -> str:
    """How money was printed through babel."""
    if abs(value) >= 10 ** 9:
        scaled, word = value / 10 ** 9, "tỷ"
    elif abs(value) >= 10 ** 6:
        scaled, word = value / 10 ** 6, "triệu"
    else:
        return format_decimal(value, format="#,##0.###", locale="vi_VN") + " đồng"
    places = max(0, -scaled.normalize().as_tuple().exponent)
    if word == "tỷ" and 0 < places <= 3:
        return format_decimal(scaled, format="#,##0.000", locale="vi_VN") + " tỷ đồng"
    return format_decimal(scaled, format="#,##0." + "#" * max(places, 1), locale="vi_VN") + f" {word} đồng"


@pytest.mark.parametrize(("least", "most"), [(0, 3), (0, 1), (0, 6), (3, 3), (0, 0), (1, 1), (2, 2), (4, 4)])
def test_digits_read_as_babel_prints_the_pattern(least, most):
    pattern = "#,##0" + ("." + "0" * least + "#" * (most - least) if most else "")
    for value in VALUES:
        assert formatting.digits(value, least, most) == format_decimal(value, format=pattern, locale="vi_VN"), value


def test_figures_money_and_fixed_decimals_read_as_with_babel():
    for value in VALUES:
        if value.as_tuple().exponent < -3:
            rounded = formatting.rounded(value, 3)
        else:
            rounded = value
        assert formatting.number(value) == format_decimal(rounded, format="#,##0.###", locale="vi_VN"), value
        for places in (0, 1, 2, 3):
            expected = format_decimal(formatting.rounded(value, places), format="#,##0" + ("." + "0" * places
                                      if places else ""), locale="vi_VN", decimal_quantization=True)
            assert formatting.fixed(value, places) == expected, (value, places)
    rnd = random.Random(45820)
    for value in [abs(v).to_integral_value() for v in VALUES] + [Decimal(rnd.randint(0, 10 ** 13)) for _ in range(2000)]:
        assert formatting.money(value) == _babel_money(value), value
    assert formatting.money(Decimal("45820000000")) == "45,820 tỷ đồng"
    assert formatting.money(Decimal("13302000000")) == "13,302 tỷ đồng"
    assert formatting.money(Decimal("186000000")) == "186 triệu đồng"
    assert formatting.money(Decimal("1234567")) == "1,234567 triệu đồng"
    assert formatting.money(Decimal("-3000000000")) == "-3 tỷ đồng"
    assert formatting.money(Decimal("2607")) == "2.607 đồng"


def test_examples_as_reports_print_them():
    assert formatting.number(Decimal("2607")) == "2.607"
    assert formatting.number(Decimal("13.302")) == "13,302"
    assert formatting.number(Decimal("3"), pad=True) == "03"
    assert formatting.number(Decimal("0.0005")) == "0,001"  # halves up, as reports round by hand
    assert formatting.in_scale(Decimal("6300000000"), "ty", 1) == "6,3 tỷ"
    assert formatting.fixed(Decimal("103.265"), 2) == "103,27"
