"""Figures and dates as Vietnamese administrative documents print them.

Digits are grouped by threes with "." and decimals follow ",", exactly as
babel's vi_VN number patterns print them (tests/app/test_number_text.py holds
the two side by side); done here so printing does not load babel's locale data.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

GROUP, DECIMAL = ".", ","
_BILLION = Decimal(10) ** 9
_MILLION = Decimal(10) ** 6


def digits(value: Decimal, least: int = 0, most: int = 3) -> str:
    """``value`` with ``least`` to ``most`` decimals (halves to even beyond ``most``), grouped: "-1.234,5".

    What babel's ``format_decimal`` prints in vi_VN for the pattern "#,##0" followed by
    "." and ``least`` "0"s and ``most - least`` "#"s.
    """
    sign = "-" if value.is_signed() else ""
    whole, _, fraction = f"{abs(value).normalize().quantize(Decimal(10) ** -most):f}".partition(".")
    fraction = (fraction or "0").ljust(least, "0")
    if most == 0 or (least == 0 and int(fraction) == 0):
        fraction = ""
    else:
        fraction = fraction[:least] + fraction[least:].rstrip("0")
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
    return sign + GROUP.join(groups) + (DECIMAL + fraction if fraction else "")


def number(value: Decimal, *, pad: bool = False) -> str:
    """"2607" → "2.607"; "13.302" → "13,302"; with ``pad``, 3 → "03" (admin style)."""
    if value.as_tuple().exponent < -3:  # digits() rounds halves to even; reports round halves up
        value = rounded(value, 3)
    text = digits(value)
    if pad and value == value.to_integral_value() and 0 < value < 10:
        text = "0" + text
    return text


def money(value: Decimal) -> str:
    """Whole đồng as reports write it: "13,302 tỷ đồng", "186 triệu đồng", "3 tỷ đồng"."""
    if abs(value) >= _BILLION:
        scaled, word = value / _BILLION, "tỷ"
    elif abs(value) >= _MILLION:
        scaled, word = value / _MILLION, "triệu"
    else:
        return f"{number(value)} đồng"
    places = max(0, -scaled.normalize().as_tuple().exponent)
    if word == "tỷ" and 0 < places <= 3:
        shown = digits(scaled, 3, 3)  # "45,820 tỷ"
    else:
        shown = digits(scaled, 0, max(places, 1))
    return f"{shown} {word} đồng"


def ratio(top: Decimal, bottom: Decimal) -> str:
    return f"{number(top)}/{number(bottom)}"


def date_line(place: str, day: dt.date | None) -> str:
    """"Thừa Thiên Huế, ngày 05 tháng 4 năm 2020" (Nghị định 30/2020: pad days < 10, months 1-2).

    With no date (assigned at signing) the blanks are left for the pen.
    """
    if day is None:
        blank = "\u00a0" * 6  # no-break spaces: the blanks survive every renderer
        return f"{place}, ngày{blank}tháng{blank}năm{blank}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: dt.date) -> str:
    """Document dates as references cite them: "31/01/2020"."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


SCALE_WORDS = {"nghin": ("nghìn", Decimal(10) ** 3), "trieu": ("triệu", _MILLION), "ty": ("tỷ", _BILLION)}


def rounded(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` decimals, halves away from zero, as reports are rounded by hand."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fixed(value: Decimal, places: int | None) -> str:
    """Vietnamese digits with exactly ``places`` decimals ("103,27"), or as many as needed (None)."""
    if places is None:
        return number(value.normalize() if value == value.to_integral_value() else value)
    return digits(rounded(value, places), places, places)


def in_scale(value: Decimal, word: str, places: int | None) -> str:
    """The figure in a named scale: 41000 "nghin" → "41 nghìn"; 6_300_000_000 "ty", 1 → "6,3 tỷ"."""
    label, factor = SCALE_WORDS[word]
    scaled_value = value / factor
    if places is None:
        places = max(0, -scaled_value.normalize().as_tuple().exponent)
        places = min(places, 3)
    return f"{fixed(scaled_value, places)} {label}"


def day_month_year(day: dt.date) -> str:
    """As-of dates as reports write them in prose: "15/6/2021"."""
    return f"{day.day}/{day.month}/{day.year}"
