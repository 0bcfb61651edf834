"""How one figure prints in prose: the views of the placeholder language (see ``narrative``).

Each view takes the indicator, its value (or None), an optional number of
decimals and the same-period figure, and returns the text, or "…" when the
figure it needs is missing.
"""
from __future__ import annotations

from decimal import Decimal

from app.domain import formatting
from app.domain.model import Value
from app.domain.numbers import SUFFIX_QUALIFIERS
from app.domain.template import Indicator

MISSING = "…"


def number_text(indicator: Indicator, value: Value, pad: bool = True, places: int | None = None) -> str:
    """The number as printed, with its qualifier, without the unit (money keeps its scale)."""
    if value.number is None:
        return MISSING
    return _qualified(value, _number(indicator, value.number, value.denominator, pad, places))


def figure_text(indicator: Indicator, value: Value | None, pad: bool = True, places: int | None = None) -> str:
    """"2.607 người", "13,302 tỷ đồng", "khoảng 4.348 người", "5/5 công ty", "4% trở lên"."""
    if value is None or value.number is None:
        return MISSING
    bare = _number(indicator, value.number, value.denominator, pad, places)
    return _qualified(value, with_unit(indicator, bare))


def with_unit(indicator: Indicator, shown: str) -> str:
    if indicator.kind == "money":
        return f"{shown} đồng"
    if indicator.kind == "percent" or not indicator.unit:
        return shown
    return f"{shown} {indicator.unit}"


def render(indicator: Indicator, value: Value | None, view: str | None, places: int | None, *,
           pad: bool = True, prior: Decimal | None = None) -> str:
    """One placeholder's text; "…" for an unknown view or a figure that is not there."""
    if view == "cungky":
        return _plain(indicator, prior, places, pad)
    if value is None:
        return MISSING
    if view == "kehoach":
        return _plain(indicator, value.plan, places, pad)
    if view == "ngay":
        return formatting.day_month_year(value.as_of) if value.as_of else MISSING
    if value.number is None:
        return MISSING
    if view is None:
        return figure_text(indicator, value, pad, places)
    if view == "so":
        return number_text(indicator, value, pad, places)
    if view in formatting.SCALE_WORDS:
        scaled = formatting.in_scale(value.number, view, places)
        return _qualified(value, with_unit(indicator, scaled))
    return _share(indicator, value, view, places, prior)


def _share(indicator: Indicator, value: Value, view: str, places: int | None, prior: Decimal | None) -> str:
    number = value.number
    if view == "tyle" and value.denominator:
        return _percent(number * 100 / value.denominator, 1 if places is None else places)
    if view == "kh" and value.plan:
        return _percent(number * 100 / value.plan, 1 if places is None else places)
    if view == "ck":
        from app.domain.narrative import change_text

        return change_text(number, prior, places)
    if view == "ck_so" and prior is not None:
        difference = number - prior
        if difference == 0:
            return "bằng cùng kỳ"
        word = "tăng" if difference > 0 else "giảm"
        return f"{word} {with_unit(indicator, _number(indicator, abs(difference), None, False, places))}"
    return MISSING


def _percent(share: Decimal, places: int) -> str:
    """Share in percent points; trailing zeros dropped unless decimals were asked for."""
    shown = formatting.rounded(share, places)
    return f"{formatting.number(shown.normalize()) if places <= 1 else formatting.fixed(shown, places)}%"


def _plain(indicator: Indicator, number: Decimal | None, places: int | None, pad: bool) -> str:
    if number is None:
        return MISSING
    return with_unit(indicator, _number(indicator, number, None, pad, places))


def _number(indicator: Indicator, number: Decimal, denominator: Decimal | None, pad: bool,
            places: int | None) -> str:
    if indicator.kind == "money":
        if places is not None:
            word = "ty" if abs(number) >= 10**9 else "trieu" if abs(number) >= 10**6 else None
            return formatting.in_scale(number, word, places) if word else formatting.fixed(number, places)
        return formatting.money(number).removesuffix(" đồng")
    if indicator.kind == "ratio" and denominator is not None:
        return formatting.ratio(number, denominator)
    if places is not None:
        return formatting.fixed(number, places) + ("%" if indicator.kind == "percent" else "")
    if indicator.kind == "percent":
        return formatting.percent(number)
    return formatting.number(number, pad=pad and indicator.kind == "count")


def _qualified(value: Value, shown: str) -> str:
    """"khoảng 4.348", "4% trở lên" / "100 người trở lên" (a suffix follows the unit)."""
    if not value.qualifier:
        return shown
    if value.qualifier in SUFFIX_QUALIFIERS:
        return f"{shown} {value.qualifier}"
    return f"{value.qualifier} {shown}"
