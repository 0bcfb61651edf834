"""Figures with units in a report's words ("2.607 người", "13,302 tỷ đồng") and the indicator each may be."""
from __future__ import annotations

import re

import msgspec

from app.domain import kinds
from app.domain.indicator import Indicator
from app.domain.template import Template
from app.importing.folding import WORD, fold

MONEY_UNITS = ("ty dong", "trieu dong", "nghin dong", "ngan dong", "dong")
NUMBER = r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
RATIO = r"(?P<ratio>\d+/\d+)"
BEFORE, AFTER = 12, 8  # words of context either side
AFTER_WEIGHT = 0.5  # a figure's words mostly come before it ("tiếp nhận 549 hồ sơ")
STOP = {"trong", "do", "cua", "va", "cho", "cac", "duoc", "so", "tong", "the", "la", "co"}
ENOUGH = 0.15  # share of the indicator's label words found around the figure


class Found(msgspec.Struct, frozen=True):
    """A figure in a text: where, what it says, and the indicators it could be (best first)."""

    start: int
    end: int
    text: str
    unit: str
    ratio: bool
    candidates: tuple[tuple[str, float], ...]


def find(text: str, indicators: list[Indicator]) -> list[Found]:
    """Every figure in ``text`` followed by a unit one of ``indicators`` uses (longest unit first)."""
    units = _units(indicators)
    if not units:
        return []
    folded = fold(text)
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\d.,/]){RATIO}?(?(ratio)|{NUMBER})\s*(?P<unit>{alternatives})(?!\w)")
    found = []
    for match in pattern.finditer(folded):
        unit = match["unit"]
        codes = units[unit]
        context = _context(folded, match.start(), match.end())
        ranked = sorted(((i.code, _score(i, context) * _fit(i, unit)) for i in indicators if i.code in codes
                         and (i.kind == "ratio") == bool(match["ratio"])), key=lambda c: -c[1])
        if ranked:
            end = match.end("ratio") if match["ratio"] else match.end()
            found.append(Found(match.start(), end, text[match.start():end], unit, bool(match["ratio"]),
                               tuple(ranked)))
    return found


def _units(indicators: list[Indicator]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = {}
    for indicator in indicators:
        unit = fold(indicator.unit)
        names = MONEY_UNITS if indicator.kind == "money" else (unit, *unit.split()[-1:], *unit.split()[:1])
        for name in names:
            if name:
                units.setdefault(name, set()).add(indicator.code)
    return units


def _fit(indicator: Indicator, unit: str) -> float:
    """1 when the text's unit is the indicator's own, less when it is only its last word ("người")."""
    return 1.0 if indicator.kind == "money" or fold(indicator.unit) == unit else 0.8


def _context(folded: str, start: int, end: int) -> tuple[list[str], list[str]]:
    before = WORD.findall(folded[:start])[-BEFORE:]
    after = WORD.findall(folded[end:])[:AFTER]
    return before, after


def _score(indicator: Indicator, context: tuple[list[str], list[str]]) -> float:
    label = [w for w in WORD.findall(fold(indicator.label)) if w not in STOP]
    unit = set(WORD.findall(fold(indicator.unit)))
    label = [w for w in label if w not in unit] or label
    if not label:
        return 0.0
    before, after = set(context[0]), set(context[1])
    return sum(1.0 if w in before else AFTER_WEIGHT if w in after else 0.0 for w in label) / len(label)


def value_of(found: Found, indicator: Indicator) -> kinds.Parsed:
    """The figure as the indicator stores it; InputError when it does not parse as that kind."""
    text = found.text
    if indicator.kind != "money":
        text = text[:len(text) - len(found.unit)].strip() if not found.ratio else text
    return kinds.parse_value(text, indicator.kind, indicator.unit)


def placeholder(found: Found, code: str) -> str:
    """What replaces the figure in the text: the whole figure, or the number alone for a ratio."""
    return f"{{{code}:so}}" if found.ratio else f"{{{code}}}"


def section_indicators(template: Template, code: str) -> list[Indicator]:
    """The indicators a section's words may give figures for: its own, in template order."""
    return [i for i in template.indicators.values() if i.section == code]

