"""Narrative text with placeholders, expanded into the figures and references it cites.

``{VL_MOI}``       the figure with its qualifier and unit: "2.607 người", "khoảng 4.348 người",
                   "13,302 tỷ đồng", "5/5 công ty"
``{VL_MOI:so}``    the number alone (with its qualifier): "2.607"
``{CODE:tyle}``    a ratio's share: "100%"
``{CODE:kh}``      share of the annual plan: "50,8%"
``{CODE:ck}``      change on the same period last year: "tăng 0,29%" / "giảm 25%"
``{VB:171/LĐTBXH-VP}``  the document: "Công văn số 171/LĐTBXH-VP ngày 31/01/2020"

So next quarter's prose starts from this quarter's, with fresh numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain import formatting
from app.domain.model import Document, Value
from app.domain.template import Indicator

PLACEHOLDER = re.compile(r"\{(?P<code>[A-Z][A-Z0-9_]*)(?::(?P<mod>[a-z]+))?\}|\{VB:(?P<ref>[^{}\s]+)\}")
MODIFIERS = ("so", "tyle", "kh", "ck")
MISSING = "…"


@dataclass(frozen=True)
class Placeholder:
    text: str
    code: str | None
    modifier: str | None
    ref: str | None


def placeholders(text: str) -> list[Placeholder]:
    return [Placeholder(m.group(0), m["code"], m["mod"], m["ref"]) for m in PLACEHOLDER.finditer(text)]


def number_text(indicator: Indicator, value: Value, pad: bool = True) -> str:
    """The number as printed, with its qualifier, without the unit (money keeps its scale)."""
    if value.number is None:
        return MISSING
    if indicator.kind == "money":
        shown = formatting.money(value.number).removesuffix(" đồng")
    elif indicator.kind == "ratio" and value.denominator is not None:
        shown = formatting.ratio(value.number, value.denominator)
    elif indicator.kind == "percent":
        shown = formatting.percent(value.number)
    else:
        shown = formatting.number(value.number, pad=pad and indicator.kind == "count")
    return f"{value.qualifier} {shown}" if value.qualifier else shown


def figure_text(indicator: Indicator, value: Value | None, pad: bool = True) -> str:
    """"2.607 người", "13,302 tỷ đồng", "khoảng 4.348 người", "5/5 công ty"."""
    if value is None or value.number is None:
        return MISSING
    shown = number_text(indicator, value, pad)
    if indicator.kind == "money":
        return f"{shown} đồng"
    if indicator.kind == "percent" or not indicator.unit:
        return shown
    return f"{shown} {indicator.unit}"


def change_text(current: Decimal, previous: Decimal | None) -> str:
    change = formatting.change_percent(current, previous) if previous is not None else None
    if change is None:
        return MISSING
    if change == 0:
        return "bằng cùng kỳ"
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {formatting.percent(abs(change))}"


def expand(text: str, indicators: dict[str, Indicator], values: dict[str, Value],
           documents: list[Document], *, pad: bool = True,
           prior: dict[str, Decimal] | None = None) -> str:
    """Replace every placeholder; unknown or empty ones become "…" for the operator to see."""
    by_ref = {d.ref: d for d in documents}
    prior = prior or {}

    def replace(match: re.Match) -> str:
        if match["ref"]:
            doc = by_ref.get(match["ref"])
            return reference(doc) if doc else MISSING
        indicator = indicators.get(match["code"])
        if indicator is None:
            return MISSING
        value = values.get(indicator.code)
        return _modified(indicator, value, match["mod"], pad, prior.get(indicator.code))

    return PLACEHOLDER.sub(replace, text)


def _modified(indicator: Indicator, value: Value | None, mod: str | None, pad: bool,
              prior: Decimal | None) -> str:
    if value is None or value.number is None:
        return MISSING
    if mod is None:
        return figure_text(indicator, value, pad)
    if mod == "so":
        return number_text(indicator, value, pad)
    if mod == "tyle" and value.denominator:
        return formatting.percent(formatting.ratio_share(value.number, value.denominator))
    if mod == "kh" and value.plan:
        return formatting.percent((value.number * 100 / value.plan).quantize(Decimal("0.1")).normalize())
    if mod == "ck":
        return change_text(value.number, value.prior_year if value.prior_year is not None else prior)
    return MISSING


def reference(doc: Document) -> str:
    """"Công văn số 171/LĐTBXH-VP ngày 31/01/2020" (no date part when it is unknown)."""
    text = f"{doc.doc_type} số {doc.ref}"
    if doc.issued_on:
        text += f" ngày {formatting.short_date(doc.issued_on)}"
    return text
