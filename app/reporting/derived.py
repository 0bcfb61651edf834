"""Reports built from other periods (6 tháng, 9 tháng, n tháng, năm): figures from their parts,
what a typed figure overrides, and what the operator must be told about both.

A family (a total and its "trong đó" parts, down the tree) always takes its figures from one
source: the parts' sum, or, when any of its figures is typed into the longer period's own
report, the typed figures. So a printed total and its parts never come from two sources.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.domain.model import Report, ReportData, Value
from app.domain.period import Period
from app.domain.template import Template
from app.domain.views import figure_text
from app.reporting import aggregate
from app.storage.store import Store

if TYPE_CHECKING:  # the findings' types: printing a report computes none
    from app.domain.validate import Finding


class Derived(msgspec.Struct, frozen=True):
    values: dict[str, Value]  # what the report prints
    computed: dict[str, Value]  # summed (or latest, for stocks) from the parts
    typed: dict[str, Value]  # typed into this period's own report
    missing: tuple[Period, ...] = ()  # parts with no figures at all


def derive(store: Store, office_code: str, period: Period, template: Template,
           own: dict[str, Value] | None = None) -> Derived:
    """The figures of ``period``: a base period's own, or built from its parts with typed overrides."""
    if own is None:
        own = aggregate.stored_values(store, office_code, period)
    if period.is_base:
        return Derived(dict(own), {}, dict(own))
    parts = {part: aggregate.base_values(store, office_code, part) for part in period.parts()}
    computed = aggregate.combine(template, [v for values in parts.values() for v in values])
    missing = tuple(p for p, values in parts.items() if not any(values))
    return Derived(_choose(template, computed, own), computed, dict(own), missing)


def _choose(template: Template, computed: dict[str, Value], typed: dict[str, Value]) -> dict[str, Value]:
    typed_families = {_root(template, c) for c, v in typed.items() if v.number is not None}
    out: dict[str, Value] = {}
    for code in template.indicators:
        mine, summed = typed.get(code), computed.get(code)
        if _root(template, code) in typed_families:
            chosen = mine if mine and mine.number is not None else None
        else:
            chosen = summed
        if chosen is None:
            continue
        plan = next((v.plan for v in (mine, chosen, summed) if v and v.plan is not None), None)
        out[code] = msgspec.structs.replace(chosen, plan=plan, note=mine.note if mine else chosen.note)
    return out


def _root(template: Template, code: str) -> str:
    seen = {code}
    while template.indicators[code].parent and template.indicators[code].parent not in seen:
        code = template.indicators[code].parent
        seen.add(code)
    return code


def findings(period: Period, template: Template, derived: Derived) -> list[Finding]:
    """Warnings a derived report owes its reader: missing parts, overrides, mixed families."""
    from app.domain.validate import Finding, Severity

    out = [Finding(Severity.WARNING, "", None, f"{period.name[:1].upper()}{period.name[1:]}: chưa có số liệu "
                   f"{part.label}; các số cộng dồn thiếu kỳ này.", "missing_part") for part in derived.missing]
    for code, indicator in template.indicators.items():
        typed, summed = derived.typed.get(code), derived.computed.get(code)
        if typed and typed.number is not None and summed and summed.number != typed.number:
            out.append(Finding(Severity.WARNING, indicator.section, code,
                               f"“{indicator.label}” ({code}): số nhập cho {period.label} là "
                               f"{figure_text(indicator, typed, False)}, cộng từ các kỳ là "
                               f"{figure_text(indicator, summed, False)}; bản in dùng số nhập.", "override"))
        elif summed and summed.number is not None and code not in derived.values:
            out.append(Finding(Severity.WARNING, indicator.section, code,
                               f"“{indicator.label}” ({code}): các kỳ có {figure_text(indicator, summed, False)} "
                               f"nhưng chỉ tiêu cùng nhóm đã nhập tay cho {period.label}; hãy nhập cả số này "
                               "để tổng và phần “trong đó” cùng một nguồn.", "override"))
    return out


def report_findings(store: Store, report: Report) -> list[Finding]:
    """Every finding about the report as it prints (for a base period: its own figures)."""
    return effective(store, report)[1]


def effective(store: Store, report: Report) -> tuple[ReportData, list[Finding]]:
    """The report as it prints (derived figures included) and every finding about exactly that."""
    from app.checks import report_checks  # the wording checks: not needed to print
    from app.domain.unit_echo import unit_findings
    from app.domain.validate import validate

    data = store.content.load(report)
    derived = derive(store, report.office_code, report.period, data.template, data.values)
    data = msgspec.structs.replace(data, values=derived.values)
    return data, (validate(data) + unit_findings(data) + findings(report.period, data.template, derived)
                  + report_checks(store, data))
