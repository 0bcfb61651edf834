"""The printed report as one model: every output (PDF, DOCX, XLSX, preview) renders this.

Built from the database: the header of Nghị định 30/2020/NĐ-CP, the body with
figures and references already formatted, the next period's tasks, the
signature block and the appendix table of indicators.
"""
from __future__ import annotations

from decimal import Decimal

import msgspec

from app.domain import formatting, headings, narrative
from app.domain.model import Report, ReportData
from app.domain.period import Period
from app.domain.template import Section, Template
from app.output import appendix as appendix_tables
from app.output import task_results
from app.output.model import Cell, Header, Heading, Para, PrintedReport, Signature, Table  # noqa: F401 (public here)
from app.reporting import aggregate, targets
from app.storage.store import Store

_ROMAN = ("I", "II", "III", "IV", "V")
TITLE = "BÁO CÁO"  # the document's name, unless the report sets its own ("BÁO CÁO NHANH")
_MILLION = Decimal(10) ** 6


def build(store: Store, office_code: str, period: Period | str, *, as_issued: Report | None = None) -> PrintedReport:
    """The printed report for the office's period (computed from quarters when needed).

    ``as_issued`` prints the latest revision under that header (number, date,
    signer) before it is stored: issuing renders the PDF first.
    """
    period = period if isinstance(period, Period) else Period.parse(period)
    report = store.find_report(office_code, period)
    if report is None and period.is_base:
        report = store.report(office_code, period)  # raises the operator-facing message
    if report is None:
        data = _transient(store, office_code, period)
    else:
        data = store.content.load(report)
        if as_issued is not None and as_issued.id == report.id:
            data = msgspec.structs.replace(data, report=as_issued)
    values = aggregate.period_values(store, office_code, period, data.template, data.values)
    data = msgspec.structs.replace(data, values=values)
    comparisons = aggregate.comparisons(store, office_code, period, data.template, values)
    model = build_from(data, comparisons, _reviewed(store, data), targets.next_plans(store, office_code, period))
    from app.reporting import trends

    model = msgspec.structs.replace(model, charts=trends.report_charts(store, office_code, period, data.template))
    replaced = _replaced(store, data.report)
    if replaced:
        model = msgspec.structs.replace(model, header=msgspec.structs.replace(model.header, replaces=replaced))
    return model


def _reviewed(store: Store, data: ReportData) -> tuple[task_results.Reviewed, ...]:
    earlier = task_results.earlier_period(data.report.period)
    found = store.find_report(data.office.code, earlier) if earlier and data.reviews else None
    if found is None:
        return ()
    before = store.content.load(found)  # the tasks read as they were printed last period
    planned = {c: v.plan for c, v in data.values.items() if v.plan is not None}  # this period: its next one
    tasks = [msgspec.structs.replace(t, text=_expand(before, t.text, _Context({}, {}, planned))) for t in before.tasks]
    return task_results.pair(tasks, data.reviews)


def _replaced(store: Store, report: Report) -> str:
    """A later revision says which issued report it replaces."""
    if report.revision <= 1 or not report.id:
        return ""
    earlier = store.reports_repo.replaced_issue(report)
    if earlier is None:
        return ""
    number, issued_on = earlier
    symbol = store.office_by_id(report.office_id).profile_at(report.period.end).symbol
    when = f" ngày {formatting.short_date(issued_on)}" if issued_on else ""
    return f"(Thay thế Báo cáo số {number}/BC-{symbol}{when})"


def _transient(store: Store, office_code: str, period: Period) -> ReportData:
    """A six/nine-month or annual report not yet opened: figures only, from the quarters."""
    quarters = [store.find_report(office_code, q) for q in period.quarter_periods()]
    entered = [q for q in quarters if q]
    if not entered:
        store.report(office_code, period)  # raises "chưa có báo cáo"
    return transient(store, office_code, period, store.template_of(entered[-1]))


def transient(store: Store, office_code: str, period: Period, template: Template) -> ReportData:
    """A report not stored (yet): header and figures only."""
    from app.domain.model import Status

    office = store.office(office_code)
    report = Report("", office.id, office.code, period, 1, template.key, Status.DRAFT)
    return ReportData(report, office, template)


def summary_line(template: Template, report: Report) -> str:
    """The report's own summary line (``title --summary``), else the template's for its period."""
    if report.summary:
        return report.summary
    period, following = report.period, report.period.next()
    same_year = following.year == period.year and period.kind != "Y"
    return template.summary.format(ky=period.name if same_year else period.label, ky_toi=following.label)


def build_from(data: ReportData, comparisons: dict[str, aggregate.Comparison] | None = None,
               reviewed: tuple[task_results.Reviewed, ...] = (), following: dict[str, Decimal] | None = None
               ) -> PrintedReport:
    """The printed model of ``data``; ``reviewed`` are last period's tasks with this period's verdicts,
    ``following`` the next period's plans (``{CODE:muctieu}``)."""
    r, template, profile = data.report, data.template, data.profile
    body: list[Heading | Para] = []
    # "{CODE:ck}" compares with the same period last year as the database holds it
    prior = _Context({c: comp.prior for c, comp in (comparisons or {}).items() if comp.prior is not None},
                     targets.special(template, comparisons or {}), following or {})
    results = _results(data, prior, reviewed)
    plan = _plan(data, prior)
    own = dict(r.headings)  # the report's own headings (``title --heading``)
    parts = [(own.get("ketqua") or headings.part_default(template, r, "ketqua"), results)]
    if plan:
        parts.append((own.get("nhiemvu") or headings.part_default(template, r, "nhiemvu"), plan))
    for index, (title, blocks) in enumerate(parts):
        body.append(Heading(f"{_ROMAN[index]}. {title}", 0))
        body += blocks
    symbol = profile.symbol
    blank = "\u00a0" * 8  # no-break spaces, for the number written at signing
    number = f"Số: {r.number}/BC-{symbol}" if r.number else f"Số:{blank}/BC-{symbol}"
    addressee = (f"Kính gửi: {profile.addressee}",) if profile.addressee else ()
    header = Header(profile.authority.upper(), profile.name.upper(), number,
                    formatting.date_line(profile.place, r.issued_on), r.title or TITLE,
                    summary_line(template, r), addressee)
    signature = _signature(data)
    appendix = appendix_tables.indicators(template, comparisons or {})
    appendix_title = ()
    if appendix:
        appendix_title = ("PHỤ LỤC", f"SỐ LIỆU CHỈ TIÊU {r.period.label.upper()}",
                          attached_to(r, symbol, profile.name))
    return PrintedReport(
        office_code=data.office.code, period=str(r.period), revision=r.revision, header=header,
        body=tuple(body), signature=signature, appendix_title=appendix_title, appendix=appendix,
        documents=appendix_tables.advised(data),
    )


def attached_to(report: Report, symbol: str, office: str) -> str:
    """"(Kèm theo Báo cáo số 45/BC-LĐTBXH ngày 05/4/2020 của Sở …)"; "…" where a draft has no
    number or date yet (written in at signing)."""
    number = report.number or "…"
    when = formatting.short_date(report.issued_on) if report.issued_on else "…"
    return f"(Kèm theo Báo cáo số {number}/BC-{symbol} ngày {when} của {office})"


class _Context(msgspec.Struct, frozen=True):
    prior: dict  # the same period last year, as the database holds it
    special: dict  # report-wide placeholders ({KH_DAT})
    following: dict = msgspec.field(default_factory=dict)  # the next period's plans ({CODE:muctieu})


def _expand(data: ReportData, text: str, context: _Context) -> str:
    return narrative.expand(text, data.template.indicators, data.values, data.citable,
                            pad=data.template.pad_small_counts, prior=context.prior, special=context.special,
                            following=context.following)


def _has_results(data: ReportData, section: Section, reviewed_sections: set[str]) -> bool:
    return any(data.narrative.get((s.code, "results")) or any(i.code in data.values for i in s.indicators)
               or s.code in reviewed_sections for s in section.walk())


def _results(data: ReportData, prior: _Context, reviewed: tuple[task_results.Reviewed, ...]) -> list[Heading | Para]:
    out: list[Heading | Para] = []
    reviewed_sections = {t.section for t, _ in reviewed}
    own = dict(data.report.headings)

    def visit(sections: list[Section], prefix: str, level: int) -> None:
        number = 0
        for section in sections:
            if not _has_results(data, section, reviewed_sections):
                continue
            number += 1
            label = f"{prefix}{number}"
            out.append(Heading(f"{label}. {own.get(section.code) or section.title}", level))
            blocks = data.narrative.get((section.code, "results"), [])
            for block in blocks:
                out.append(Para(_bullet(block.style) + _expand(data, block.text, prior), block.style == "bullet"))
            if not blocks:
                out.extend(_figure_lines(data, section))
            out.extend(task_results.lines(section.code, reviewed, data.report.period.label))
            visit(section.children, f"{label}.", min(level + 1, 2))

    visit(data.template.sections, "", 1)
    return out


def _figure_lines(data: ReportData, section: Section) -> list[Para]:
    """A section with figures but no narrative prints its figures as a list."""
    pad = data.template.pad_small_counts
    return [Para(f"- {i.label}: {narrative.figure_text(i, data.values[i.code], pad)}.", True)
            for i in section.indicators if i.code in data.values and data.values[i.code].number is not None]


def _bullet(style: str) -> str:
    return "- " if style == "bullet" else ""


def _has_plan(data: ReportData, section: Section) -> bool:
    return any(data.narrative.get((s.code, "plan")) or any(t.section == s.code for t in data.tasks)
               for s in section.walk())


def _plan(data: ReportData, prior: _Context) -> list[Heading | Para]:
    out: list[Heading | Para] = []
    own = dict(data.report.headings)

    def visit(sections: list[Section], prefix: str, level: int, parent_shown: bool) -> None:
        number = 0
        for section in sections:
            shown = _has_plan(data, section) or (parent_shown and bool(section.plan_title))
            if not shown:
                continue
            number += 1
            label = f"{prefix}{number}"
            title = own.get(section.code + headings.PLAN) or section.plan_title or section.title
            out.append(Heading(f"{label}. {title}", level))
            for block in data.narrative.get((section.code, "plan"), []):
                out.append(Para(_bullet(block.style) + _expand(data, block.text, prior), block.style == "bullet"))
            out.extend(Para(_expand(data, t.text, prior)) for t in data.tasks if t.section == section.code)
            visit(section.children, f"{label}.", min(level + 1, 2), True)

    visit(data.template.sections, "", 1, False)
    return out


def _signature(data: ReportData) -> Signature:
    r, profile = data.report, data.profile
    recipients = tuple(f"- {line}" for line in profile.recipients)
    title = (r.signer_title or profile.signer_title or "THỦ TRƯỞNG CƠ QUAN").upper()
    if profile.deputy and not r.signer_title:
        lines = (f"KT. {title}", (profile.deputy_title or f"PHÓ {title}").upper())
    else:
        lines = (title,)
    return Signature(recipients, lines, r.signer_name or profile.signer_name)
