"""Figures and dates as Vietnamese administrative documents print them (through babel)."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"
_BILLION = Decimal(10) ** 9
_MILLION = Decimal(10) ** 6


def number(value: Decimal, *, pad: bool = False) -> str:
    """"2607" → "2.607"; "13.302" → "13,302"; with ``pad``, 3 → "03" (admin style)."""
    if value.as_tuple().exponent < -3:  # babel would round half to even; reports round halves up
        value = rounded(value, 3)
    text = format_decimal(value, format="#,##0.###", locale=LOCALE)
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
        shown = format_decimal(scaled, format="#,##0.000", locale=LOCALE)  # "45,820 tỷ"
    else:
        shown = format_decimal(scaled, format="#,##0." + "#" * max(places, 1), locale=LOCALE)
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
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(rounded(value, places), format=pattern, locale=LOCALE, decimal_quantization=True)


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
