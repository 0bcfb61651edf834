"""Period words pointing at the wrong period: "Quý I" in a Quý II report, "năm 2019" in a 2020 one.

A quarter, half-year, nine months or month named in the text is right when it overlaps
the report's period or the next one (the tasks are planned for it), or follows "từ",
"so với" and the like. A year one or two years back is right in a comparison or a
look back ("so với cùng kỳ năm 2019", "quyết toán năm 2019", "năm 2019 là …", "2019 – 2020").
Anything else is a warning: most likely text carried over from an earlier report.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from app.checks.texts import PLAN, RESULTS, TASK, Text, section_label
from app.domain.model import ReportData
from app.domain.period import Period
from app.domain.validate import Finding, Severity

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:\s*(?:/|năm\s+)\s*(?P<{}>\d{{4}}))"
_MENTION = re.compile(
    r"(?<!\w)(?:"
    rf"[Qq]uý\s+(?P<q>IV|I{{1,3}}|[1-4])(?!\w){_YEAR.format('qy')}?"
    rf"|(?P<h>6|sáu)\s+tháng\s+(?P<hw>đầu|cuối)\s+năm(?:\s+(?P<hy>\d{{4}}))?"
    rf"|(?:9|chín)\s+tháng(?:\s+đầu\s+năm)?(?:\s+(?:năm\s+)?(?P<ny>\d{{4}}))?"
    rf"|[Tt]háng\s+(?P<m>1[0-2]|0?[1-9]){_YEAR.format('my')}"
    r"|[Nn]ăm\s+(?P<y>\d{4})"
    r")(?!\w)"
)
_CLAUSE_ENDS = ".;:!?\n("
_COMPARE = re.compile(r"(?<!\w)(so với|cùng kỳ|hơn|trước|từ|tăng|giảm|bằng|với)(?!\w)")
_LOOK_BACK = re.compile(r"(?<!\w)(thực hiện|quyết toán|tổng kết|sơ kết|kết quả|đánh giá|xảy ra|cuối|đầu|"
                        r"giai đoạn|thời kỳ|báo cáo|của năm)(?!\w)")
_AFTER = re.compile(r"\s*(là|-|–|đến|và năm|và quý|so với)(?!\w)", re.IGNORECASE)


def period_word_findings(texts: Iterable[Text], period: Period, data: ReportData) -> list[Finding]:
    """Warnings for period words in the narrative and tasks that point at another period."""
    out, seen = [], set()
    for text in texts:
        if text.kind not in (RESULTS, PLAN, TASK):
            continue
        for mention in wrong_mentions(text.text, period):
            key = (text.section, text.where, mention)
            if key not in seen:
                seen.add(key)
                out.append(Finding(Severity.WARNING, text.section, None,
                                   f"{section_label(data, text.section)}, {text.where}: “{mention}” không phải kỳ "
                                   f"của báo cáo này ({period.label}) hay kỳ tới; nếu không phải để so sánh, có phải "
                                   "lời văn chép từ báo cáo trước?", "period_word"))
    return out


def wrong_mentions(text: str, period: Period) -> list[str]:
    """The period words of ``text`` (as written) that point at neither ``period`` nor the next one."""
    masked = re.sub(r"\{[^{}]*\}", lambda m: "\x00" * len(m.group(0)), text)
    return [m.group(0) for m in _MENTION.finditer(masked) if _wrong(masked, m, period)]


def _wrong(text: str, match: re.Match, period: Period) -> bool:
    clause = _clause(text, match.start())
    if match["y"]:
        year = int(match["y"])
        if not period.year - 2 <= year < period.year:
            return False
        return not (_COMPARE.search(clause) or _LOOK_BACK.search(clause) or _AFTER.match(text, match.end()))
    near = " ".join(clause.split()[-6:])
    if _COMPARE.search(near) or _AFTER.match(text, match.end()):
        return False
    return not any(months & _allowed(period) for months in _covered(match, period))


def _clause(text: str, end: int) -> str:
    """The clause before ``end`` (at most 300 characters: a context word is never further back)."""
    before = text[max(0, end - 300):end]
    cut = max(before.rfind(c) for c in _CLAUSE_ENDS)
    return before[cut + 1:].lower()


def _allowed(period: Period) -> set[tuple[int, int]]:
    """(year, month) pairs a period word may name: this period's and the next one's."""
    return {(p.year, m) for p in (period, period.next()) for m in p.months}


def _covered(match: re.Match, period: Period) -> list[set[tuple[int, int]]]:
    """The months the word names, once per year it may mean (written, or this period's or the next's year)."""
    written = match["qy"] or match["hy"] or match["ny"] or match["my"]
    years = [int(written)] if written else sorted({period.year, period.next().year})
    if match["q"]:
        q = _ROMAN[match["q"]]
        months = range(3 * q - 2, 3 * q + 1)
    elif match["h"]:
        months = range(1, 7) if match["hw"] == "đầu" else range(7, 13)
    elif match["m"]:
        months = range(int(match["m"]), int(match["m"]) + 1)
    else:
        months = range(1, 10)
    return [{(year, m) for m in months} for year in years]
