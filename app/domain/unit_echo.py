"""A unit typed again after a placeholder that already prints it: "{VL_NN} người" → "176 người người".

The figure views that print their indicator's unit (``{CODE}``, ``{CODE:kehoach}``,
``{CODE:cungky}``, ``{CODE:muctieu}``, ``{CODE:ck_so}``, ``{CODE:nghin}``, ``{CODE:trieu}``, ``{CODE:ty}``)
followed by that unit, or by its last word ("lượt người" … "người"), print it twice.
"""
from __future__ import annotations

import re

from app.domain import narrative
from app.domain.model import ReportData
from app.domain.template import Indicator
from app.domain.validate import Finding, Severity

#: Views that print the figure with its unit (None is the plain ``{CODE}``).
WITH_UNIT = (None, "kehoach", "cungky", "muctieu", "ck_so", "nghin", "trieu", "ty")
RULE = "unit_repeat"


def repeated_unit(text: str, indicators: dict[str, Indicator]) -> list[tuple[str, str]]:
    """(placeholder, unit word) for each placeholder in ``text`` followed by the unit it prints."""
    out = []
    for match in narrative.PLACEHOLDER.finditer(text):
        indicator = indicators.get(match["code"] or "")
        if indicator is None or not indicator.unit.strip() or match["mod"] not in WITH_UNIT:
            continue
        unit = indicator.unit.strip()
        words = {unit, unit.split()[-1]}
        after = text[match.end():]
        for word in sorted(words, key=len, reverse=True):
            if re.match(rf"\s*{re.escape(word)}(?!\w)", after, flags=re.IGNORECASE):
                out.append((match.group(0), after.lstrip()[:len(word)]))
                break
    return out


def unit_findings(data: ReportData) -> list[Finding]:
    """A warning for each unit printed twice in the narrative or the tasks, naming the section."""
    indicators = data.template.indicators
    texts = [(section, block.text) for (section, _part), blocks in data.narrative.items() for block in blocks]
    texts += [(task.section, task.text) for task in data.tasks]
    out = []
    for section, text in texts:
        for placeholder, word in repeated_unit(text, indicators):
            code = narrative.PLACEHOLDER.match(placeholder)["code"]
            number = data.template.by_section[section].number if section in data.template.by_section else section
            out.append(Finding(
                Severity.WARNING, section, code,
                f"Mục {number}: {placeholder} đã in đơn vị “{indicators[code].unit}”, chữ “{word}” gõ sau nó sẽ "
                f"in hai lần; hãy xóa chữ này hoặc dùng {{{code}:so}} (chỉ số).", RULE))
    return out
