"""How one figure prints in prose: the views of the placeholder language (see ``narrative``).

Each view takes the indicator, its value (or None), an optional number of
decimals and the same-period figure, and returns the text, or "…" when the
figure it needs is missing. How a number prints is its kind's (``kinds``); the
indicator's display keys (scale, decimals, padding) apply unless a view says otherwise.
"""
from __future__ import annotations

from decimal import Decimal

from app.domain import formatting, kinds
from app.domain.indicator import Indicator
from app.domain.model import Value
from app.domain.numbers import SUFFIX_QUALIFIERS

MISSING = "…"


def number_text(indicator: Indicator, value: Value, pad: bool = True, places: int | None = None) -> str:
    """The number as printed, with its qualifier, without the unit (money keeps its scale).

    ``pad`` is the template-wide padding switch; the indicator's own ``pad`` wins over it.
    """
    if value.number is None:
        return MISSING
    shown = indicator.value_kind.format(value.number, value.denominator, indicator.display(pad), places)
    return _qualified(value, shown)


def figure_text(indicator: Indicator, value: Value | None, pad: bool = True, places: int | None = None) -> str:
    """"2.607 người", "13,302 tỷ đồng", "khoảng 4.348 người", "5/5 công ty", "4% trở lên"."""
    if value is None or value.number is None:
        return MISSING
    kind = indicator.value_kind
    bare = kind.format(value.number, value.denominator, indicator.display(pad), places)
    return _qualified(value, kind.with_unit(bare, indicator.unit))


def render(indicator: Indicator, value: Value | None, view: str | None, places: int | None, *,
           pad: bool = True, prior: Decimal | None = None, target: Decimal | None = None) -> str:
    """One placeholder's text; "…" for an unknown view or a figure that is not there.

    ``prior`` is the same period's figure last year, ``target`` the next period's plan."""
    if view == "cungky":
        return _plain(indicator, prior, places, pad)
    if view == "muctieu":
        return _plain(indicator, target, places, pad)
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
        return _qualified(value, indicator.value_kind.with_unit(scaled, indicator.unit))
    return _share(indicator, value, view, places, prior)


def _share(indicator: Indicator, value: Value, view: str, places: int | None, prior: Decimal | None) -> str:
    kind, number = indicator.value_kind, value.number
    if view == "tyle" and value.denominator:
        return f"{kinds.share_points(kinds.share(number, value.denominator), places)}%"
    if view == "kh" and value.plan:
        return f"{kinds.share_points(kind.share_of_plan(number, value.plan), places)}%"
    if view == "ck":
        return change_text(kind.change(number, prior), places)
    if view == "ck_so" and prior is not None:
        difference = number - prior
        if difference == 0:
            return "bằng cùng kỳ"
        word = "tăng" if difference > 0 else "giảm"
        display = indicator.display(False)
        return f"{word} {kind.with_unit(kind.format(abs(difference), None, display, places), indicator.unit)}"
    return MISSING


def change_text(change: Decimal | None, places: int | None = None) -> str:
    """"tăng 0,29%", "giảm 41,7%", "bằng cùng kỳ" for a change in percent points (``kinds``:
    cut to two decimals unless ``places`` is given); "…" without a base to compare with."""
    if change is None:
        return MISSING
    shown = kinds.change_rounded(change, places)
    if shown == 0:
        return "bằng cùng kỳ"
    return f"{'tăng' if shown > 0 else 'giảm'} {kinds.change_points(abs(change), places)}%"


def _plain(indicator: Indicator, number: Decimal | None, places: int | None, pad: bool) -> str:
    if number is None:
        return MISSING
    kind = indicator.value_kind
    return kind.with_unit(kind.format(number, None, indicator.display(pad), places), indicator.unit)


def _qualified(value: Value, shown: str) -> str:
    """"khoảng 4.348", "4% trở lên" / "100 người trở lên" (a suffix follows the unit)."""
    if not value.qualifier:
        return shown
    if value.qualifier in SUFFIX_QUALIFIERS:
        return f"{shown} {value.qualifier}"
    return f"{value.qualifier} {shown}"


# The views an operator can pick for an indicator, in the figure picker's order: (view, what it prints).
_COMMON = (("", "số kèm đơn vị"), ("so", "chỉ con số"), ("kh", "% kế hoạch năm"), ("kehoach", "số kế hoạch"),
           ("ck", "tăng/giảm % so với cùng kỳ"), ("ck_so", "tăng/giảm số so với cùng kỳ"),
           ("cungky", "số cùng kỳ"), ("muctieu", "chỉ tiêu kỳ tới (kế hoạch kỳ sau)"), ("ngay", "ngày số liệu"))
_BY_KIND = {"ratio": (("tyle", "tỷ lệ %"),),
            "money": (("trieu", "theo triệu đồng"), ("ty", "theo tỷ đồng"), ("ty.1", "theo tỷ đồng, 1 số lẻ")),
            "count": (("nghin", "theo nghìn"),)}


def choices(indicator: Indicator) -> list[tuple[str, str]]:
    """(placeholder, description) of each view that fits the indicator's kind: ("{VL_MOI:kh}", "% kế hoạch năm")."""
    picked = _COMMON[:2] + _BY_KIND.get(indicator.kind, ()) + _COMMON[2:]
    return [("{" + indicator.code + (f":{view}" if view else "") + "}", label) for view, label in picked]


#: The report-wide placeholders the figure picker offers: (placeholder, what it prints).
REPORT_WIDE = (("{KH_DAT}", "số chỉ tiêu đạt kế hoạch năm / số chỉ tiêu có kế hoạch (“04/05”)"),
               ("{KH_DAT:tyle}", "tỷ lệ chỉ tiêu đạt kế hoạch năm (“80%”)"))
