"""The texts of a report the checks read, each with where it sits, and its spelling findings."""
from __future__ import annotations

import msgspec

from app.checks import spelling
from app.domain.model import ReportData
from app.domain.text import detect_legacy
from app.domain.validate import Finding, Severity

RESULTS, PLAN, TASK, DOCUMENT = "nội dung", "lời dẫn nhiệm vụ kỳ tới", "nhiệm vụ kỳ tới", "trích yếu văn bản"


class Text(msgspec.Struct, frozen=True):
    section: str  # section code
    where: str  # "nội dung", "nhiệm vụ kỳ tới", "trích yếu văn bản 171/LĐTBXH-VP"…
    text: str
    kind: str  # RESULTS, PLAN, TASK or DOCUMENT


class Flagged(msgspec.Struct, frozen=True):
    """One misspelling of the report, with suggestions ranked by the report's own words."""

    section: str
    where: str
    misspelling: spelling.Misspelling

    @property
    def word(self) -> str:
        return self.misspelling.word

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self.misspelling.suggestions


def report_texts(data: ReportData) -> list[Text]:
    """Narrative (results and plan leads), next period's tasks and document summaries, in outline order."""
    order = {code: i for i, code in enumerate(data.template.by_section)}
    out = [Text(section, RESULTS if part == "results" else PLAN, block.text, RESULTS if part == "results" else PLAN)
           for (section, part), blocks in data.narrative.items() for block in blocks]
    out += [Text(task.section, TASK, task.text, TASK) for task in data.tasks]
    out += [Text(doc.section, f"{DOCUMENT} {doc.ref}", doc.summary, DOCUMENT) for doc in data.documents]
    return sorted(out, key=lambda t: order.get(t.section, len(order)))


def misspellings(data: ReportData) -> list[Flagged]:
    """Every misspelling in the report's texts; text typed in a legacy encoding is left to its own warning."""
    texts = [t for t in report_texts(data) if t.text and not detect_legacy(t.text)]
    found = [(t, m) for t in texts for m in spelling.check(t.text)]
    if not found:
        return []
    known = spelling.vocabulary(t.text for t in texts)
    out = []
    for text, m in found:
        if m.kind == "syllable":
            m = spelling.Misspelling(m.start, m.end, m.word, m.kind, spelling.suggest(m.word, known))
        out.append(Flagged(text.section, text.where, m))
    return out


def spelling_findings(data: ReportData) -> list[Finding]:
    """The misspellings as warnings for "Cần xem" and ``validate``."""
    return [Finding(Severity.WARNING, f.section, None, _message(data, f), "spelling") for f in misspellings(data)]


def section_label(data: ReportData, code: str) -> str:
    section = data.template.by_section.get(code)
    return f"Mục {section.number}" if section else "Báo cáo"


def _message(data: ReportData, flagged: Flagged) -> str:
    reason = ("có lẽ viết nhầm" if flagged.misspelling.kind == "confusion"
              else "không phải là một âm tiết tiếng Việt")
    advice = ("đề nghị: " + ", ".join(f"“{s}”" for s in flagged.suggestions)) if flagged.suggestions \
        else "hãy kiểm tra lại"
    return f"{section_label(data, flagged.section)}, {flagged.where}: chính tả “{flagged.word}” {reason}; {advice}."
