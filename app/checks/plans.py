"""Placeholders that print plans the report itself does not hold: ``{KH_DAT}`` (the indicators
that reached their annual plan, counted over the year to date) and ``{CODE:muctieu}`` (the next
period's plan). Each one that would print "…" is a warning naming where it is and what is missing.
"""
from __future__ import annotations

from app.checks.texts import DOCUMENT, report_texts, section_label
from app.domain import narrative
from app.domain.model import ReportData
from app.domain.validate import Finding, Severity
from app.storage.store import Store


def plan_findings(store: Store, data: ReportData) -> list[Finding]:
    """Warnings for ``{KH_DAT}`` without any plan and ``{CODE:muctieu}`` without the next period's plan;
    an error for a view ``{KH_DAT}`` does not have."""
    found = [(t, p) for t in report_texts(data) if t.kind != DOCUMENT
             for p in narrative.placeholders(t.text)
             if p.code in narrative.SPECIAL or (p.modifier == "muctieu" and p.code in data.template.indicators)]
    if not found:
        return []
    from app.reporting import aggregate, targets

    period, office = data.report.period, data.report.office_code
    following = targets.next_plans(store, office, period) if any(p.modifier == "muctieu" for _, p in found) else {}
    reached = None
    out = []
    for text, ph in found:
        where = f"{section_label(data, text.section)}, {text.where}"
        if ph.code in narrative.SPECIAL and ph.modifier not in narrative.SPECIAL_VIEWS:
            out.append(Finding(Severity.ERROR, text.section, None,
                               f"{where}: cách hiển thị “{ph.modifier}” trong {ph.text} không có."))
        elif ph.code in narrative.SPECIAL:
            if reached is None:
                comparisons = aggregate.comparisons(store, office, period, data.template, data.values)
                reached = targets.unfilled(data.template, comparisons)
            if reached:
                out.append(Finding(Severity.WARNING, text.section, None,
                                   f"{where}: {ph.text} ({narrative.SPECIAL[ph.code]}) nhưng {reached}; "
                                   "bản in sẽ hiện “…”.", "plan"))
        elif ph.code not in following:
            indicator = data.template.indicators[ph.code]
            out.append(Finding(Severity.WARNING, text.section, ph.code,
                               f"{where}: {ph.text} in chỉ tiêu {period.next().label} của “{indicator.label}” "
                               f"nhưng chưa nhập kế hoạch kỳ đó (set --period {period.next()} --indicator "
                               f"{ph.code} --plan …); bản in sẽ hiện “…”.", "plan"))
    return out
