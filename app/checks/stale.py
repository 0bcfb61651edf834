"""Stale copies: last period's report with only the date changed.

Two signs, each a warning: a paragraph that reads exactly as last period's (placeholders
filled with each period's own figures, so text carried over with fresh numbers is not
stale), and a flow figure (a count over the period, not a level) equal to last period's.
Only a month or a quarter has a "last period"; longer periods are built from them.
"""
from __future__ import annotations

import re

from app.checks.texts import section_label
from app.domain import narrative
from app.domain.model import ReportData
from app.domain.template import Indicator
from app.domain.validate import Finding, Severity
from app.domain.views import figure_text

MIN_WORDS = 8  # shorter lines ("Kết quả cụ thể như sau:") repeat every period by nature
MIN_FLOW = 10  # two small counts (3 cases, 3 cases) agree by chance too often to mean anything
_SPACES = re.compile(r"\s+")


def stale_findings(data: ReportData, previous: ReportData | None) -> list[Finding]:
    """Warnings for paragraphs and flow figures ``data`` shares with ``previous`` (last period's report)."""
    if previous is None:
        return []
    return _paragraphs(data, previous) + _flows(data, previous)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _shown(data: ReportData, text: str) -> str:
    return narrative.expand(text, data.template.indicators, data.values, data.documents, pad=False)


def _paragraphs(data: ReportData, previous: ReportData) -> list[Finding]:
    before = {_normal(b.text) for (_, part), blocks in previous.narrative.items() if part == "results" for b in blocks}
    label = previous.report.period.label
    out = []
    for (section, part), blocks in data.narrative.items():
        if part != "results":
            continue
        same = [b.text for b in blocks if len(b.text.split()) >= MIN_WORDS and _normal(b.text) in before
                and _shown(data, b.text) == _shown(previous, b.text)]
        if same:
            quote = _normal(_shown(data, same[0]))
            quote = quote if len(quote) <= 70 else quote[:70].rsplit(" ", 1)[0] + "…"
            count = f"{len(same)} đoạn văn" if len(same) > 1 else "một đoạn văn"
            out.append(Finding(Severity.WARNING, section, None,
                               f"{section_label(data, section)}, nội dung: {count} giống hệt báo cáo {label} "
                               f"(“{quote}”); có phải chép từ kỳ trước mà chưa sửa?", "stale_text"))
    return out


def is_flow(indicator: Indicator) -> bool:
    """A count over the period (summed over quarters), not a level at its end; percentages are levels."""
    return indicator.time == "flow" and indicator.kind != "percent"


def _flows(data: ReportData, previous: ReportData) -> list[Finding]:
    label = previous.report.period.label
    out = []
    for code, indicator in data.template.indicators.items():
        now, then = data.values.get(code), previous.values.get(code)
        if not is_flow(indicator) or now is None or then is None or now.number is None:
            continue
        if now.number != then.number or now.denominator != then.denominator or abs(now.number) < MIN_FLOW:
            continue
        out.append(Finding(Severity.WARNING, indicator.section, code,
                           f"“{indicator.label}” ({code}) = {figure_text(indicator, now, False)}, đúng bằng số của "
                           f"{label}; số phát sinh trong kỳ ít khi trùng nhau: có phải chép từ kỳ trước?",
                           "stale_figure"))
    return out

