"""Read-only views of a report for the window: plain data, already formatted in Vietnamese.

The window shows these as they are; it needs no SQL and no domain rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app import narrative
from app.model import ReportData
from app.store import Store
from app.validate import Finding, validate


@dataclass(frozen=True)
class FigureRow:
    code: str
    label: str
    unit: str
    shown: str  # "2.607", "13,302 tỷ", "5/5"
    depth: int  # 1 for "trong đó" rows
    findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionView:
    code: str
    number: str
    title: str
    depth: int
    figures: tuple[FigureRow, ...]
    paragraphs: tuple[str, ...]  # expanded narrative ("- " before bullets)
    tasks: tuple[str, ...]
    findings: int


@dataclass(frozen=True)
class ReportView:
    office_code: str
    office_name: str
    period: str
    period_label: str
    status: str
    revision: int
    sections: tuple[SectionView, ...]
    findings: tuple[Finding, ...] = field(default=())


def report_view(store: Store, office_code: str, period: str) -> ReportView:
    report = store.report(office_code, period)
    return build_view(store.content.load(report))


def build_view(data: ReportData) -> ReportView:
    findings = tuple(validate(data))
    template, values = data.template, data.values
    pad = template.pad_small_counts
    sections = []
    for section in template.section_list():
        rows = []
        for ind in section.indicators:
            value = values.get(ind.code)
            shown = narrative.number_text(ind, value, pad=False) if value else ""
            notes = tuple(f.message for f in findings if f.indicator == ind.code)
            rows.append(FigureRow(ind.code, ind.label, ind.unit, shown, 1 if ind.parent else 0, notes))
        paragraphs = tuple(
            ("- " if b.style == "bullet" else "")
            + narrative.expand(b.text, template.indicators, values, data.documents, pad=pad)
            for b in data.narrative.get((section.code, "results"), [])
        )
        tasks = tuple(
            narrative.expand(t.text, template.indicators, values, data.documents, pad=pad)
            for t in data.tasks if t.section == section.code
        )
        count = sum(1 for f in findings if f.section == section.code)
        sections.append(SectionView(section.code, section.number, section.title,
                                    section.number.count("."), tuple(rows), paragraphs, tasks, count))
    r = data.report
    return ReportView(
        office_code=data.office.code, office_name=data.profile.name, period=str(r.period),
        period_label=r.period.label, status=r.status.label, revision=r.revision,
        sections=tuple(sections), findings=findings,
    )


def report_list(store: Store) -> list[tuple[str, str, str]]:
    """(office code, period code, label) for every report, newest period first."""
    out = [(r.office_code, str(r.period), f"{r.office_code} – {r.period.label}") for r in store.reports()]
    return sorted(out, key=lambda item: (item[0], item[1]), reverse=True)
