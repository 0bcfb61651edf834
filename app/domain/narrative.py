"""Narrative text with placeholders, expanded into the figures and references it cites.

The placeholder language (a contract, like the commands):

``{CODE}``          the figure as its indicator displays it (the template's ``scale``, ``decimals``,
                    ``pad``), with qualifier and unit: "2.607 người", "khoảng 4.348 người", an estimate
                    "ước 2.607 người" (unless the text before already says "ước", "ước đạt"),
                    "13,302 tỷ đồng", "245.118 triệu đồng", "04/04 chỉ tiêu"
``{CODE:so}``       the number alone (with its qualifier): "2.607"
``{CODE:tyle}``     a ratio's share: "100%"
``{CODE:kh}``       share of the annual plan: "50,8%"
``{CODE:ck}``       change on the same period last year: "tăng 0,29%" / "giảm 25%" / "bằng cùng kỳ"
``{CODE:ck_so}``    absolute change: "tăng 312 người"
``{CODE:kehoach}``  the annual plan figure: "8.560 người"
``{CODE:cungky}``   the same period's figure last year: "4.335 người"
``{CODE:muctieu}``  the next period's target, typed as that period's plan (``set --period 2020-Q2
                    --plan V`` for a Quý I report; ``Period.next``): "3.000 người", for the tasks
``{CODE:ngay}``     the as-of date: "15/6/2021"
``{CODE:nghin}`` / ``{CODE:trieu}`` / ``{CODE:ty}``  the figure in that scale: "hơn 41 nghìn người",
                    "245.118 triệu đồng", "6,3 tỷ đồng"
any view followed by ``.N`` prints N decimals, rounded half away from zero: ``{CODE:kh.0}`` "97%",
``{CODE:kh.2}`` "103,27%", ``{CODE:ty.1}`` "6,3 tỷ đồng", ``{CODE.1}``.
``{VB:171/LĐTBXH-VP}``  the document: "Công văn số 171/LĐTBXH-VP ngày 31/01/2020"
``{KH_DAT}``        indicators whose figure to date has reached the annual plan, of those with a plan:
                    "4/5", "04/04" when the template pads counts; a ceiling ("target": "at_most",
                    "dưới 5%") is reached at or below its plan
``{KH_DAT:tyle}``   the share of those indicators: "80%" (``.N`` applies)

A placeholder that cannot be filled prints "…" (and validation reports it), so next quarter's
prose starts from this quarter's, with fresh numbers.
"""
from __future__ import annotations

import re
from decimal import Decimal

import msgspec

from app.domain import formatting, kinds, views
from app.domain.indicator import Indicator
from app.domain.model import Document, Value
from app.domain.views import MISSING, figure_text, number_text  # noqa: F401 (public here too)

PLACEHOLDER = re.compile(r"\{(?P<code>[A-Z][A-Z0-9_]*)(?::(?P<mod>[a-z_]+))?(?:\.(?P<dec>\d))?\}"
                         r"|\{VB:(?P<ref>[^{}\s]+)\}")
SPECIAL = {"KH_DAT": "chỉ tiêu đã đạt kế hoạch năm trên số chỉ tiêu có kế hoạch: “4/5”"}
SPECIAL_VIEWS = (None, "tyle")  # {KH_DAT}, {KH_DAT:tyle}
FIGURE_VIEWS = (None, "so", "nghin", "trieu", "ty")  # the views that print the figure itself
ESTIMATE_SAID = re.compile(r"\bước(?:\s+\w+)?\s*$", re.IGNORECASE)
MODIFIERS = ("so", "tyle", "kh", "ck", "ck_so", "kehoach", "cungky", "muctieu", "ngay", "nghin", "trieu", "ty")


class Placeholder(msgspec.Struct, frozen=True):
    text: str
    code: str | None
    modifier: str | None
    ref: str | None
    decimals: int | None = None


def placeholders(text: str) -> list[Placeholder]:
    return [Placeholder(m.group(0), m["code"], m["mod"], m["ref"], int(m["dec"]) if m["dec"] else None)
            for m in PLACEHOLDER.finditer(text)]


def expand(text: str, indicators: dict[str, Indicator], values: dict[str, Value],
           documents: list[Document], *, pad: bool = True,
           prior: dict[str, Decimal] | None = None, special: dict[str, str | Decimal] | None = None,
           following: dict[str, Decimal] | None = None) -> str:
    """Replace every placeholder; unknown or empty ones become "…" for the operator to see.

    ``special`` fills the report-wide placeholders (``{KH_DAT}``; ``{KH_DAT:tyle}`` as exact
    percent points) where the caller knows them; ``following`` holds the next period's plans
    (``{CODE:muctieu}``).
    """
    by_ref = {d.ref: d for d in documents}
    prior, special, following = prior or {}, special or {}, following or {}

    def replace(match: re.Match) -> str:
        if match["ref"]:
            doc = by_ref.get(match["ref"])
            return reference(doc) if doc else MISSING
        if match["code"] in SPECIAL:
            return _special(special, match["code"], match["mod"], int(match["dec"]) if match["dec"] else None)
        indicator = indicators.get(match["code"])
        if indicator is None:
            return MISSING
        value = values.get(indicator.code)
        same_period = value.prior_year if value and value.prior_year is not None else prior.get(indicator.code)
        places = int(match["dec"]) if match["dec"] else None
        shown = views.render(indicator, value, match["mod"], places, pad=pad, prior=same_period,
                             target=following.get(indicator.code))
        if value and value.estimate and match["mod"] in FIGURE_VIEWS and shown != MISSING \
                and not ESTIMATE_SAID.search(text[max(0, match.start() - 24):match.start()]):
            shown = f"ước {shown}"  # an estimate says so, unless the sentence already does ("ước đạt {CODE}")
        return shown

    return PLACEHOLDER.sub(replace, text)


def _special(special: dict[str, str | Decimal], code: str, view: str | None, places: int | None) -> str:
    found = special.get(f"{code}:{view}" if view else code)
    if found is None:
        return MISSING
    return f"{kinds.share_points(found, places)}%" if isinstance(found, Decimal) else found


def reference(doc: Document) -> str:
    """"Công văn số 171/LĐTBXH-VP ngày 31/01/2020" (no date part when it is unknown)."""
    text = f"{doc.doc_type} số {doc.ref}"
    if doc.issued_on:
        text += f" ngày {formatting.short_date(doc.issued_on)}"
    return text
