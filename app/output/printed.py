"""The printed report as one model: every output (PDF, DOCX, XLSX, preview) renders this.

Built from the database: the header of Nghị định 30/2020/NĐ-CP, the body with
figures and references already formatted, the next period's tasks, the
signature block and the appendix table of indicators.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain import formatting, narrative
from app.domain.model import Report, ReportData
from app.domain.period import Period
from app.domain.template import Indicator, Section, Template
from app.reporting import aggregate
from app.storage.store import Store

_ROMAN = ("I", "II", "III", "IV", "V")
_MILLION = Decimal(10) ** 6


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0: part (I., II.); 1: "1."; 2: "3.1."


@dataclass(frozen=True)
class Para:
    text: str
    bullet: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    number: Decimal | None = None  # the exact figure behind the text (for spreadsheets)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Header:
    authority: str
    office: str
    number_line: str  # "Số: 45/BC-LĐTBXH", or blank number when assigned at signing
    place_date: str
    title: str
    summary: str
    addressee: tuple[str, ...] = ()
    replaces: str = ""  # "(Thay thế Báo cáo số 45/BC-LĐTBXH ngày 05/04/2020)" on a later revision


@dataclass(frozen=True)
class Signature:
    recipients: tuple[str, ...]
    title_lines: tuple[str, ...]  # ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") or ("GIÁM ĐỐC",)
    name: str


@dataclass(frozen=True)
class PrintedReport:
    office_code: str
    period: str
    revision: int
    header: Header
    body: tuple[Heading | Para, ...]
    signature: Signature
    appendix_title: tuple[str, ...] = ()
    appendix: Table | None = None
    documents: Table | None = None
    extra_tables: tuple[tuple[str, Table], ...] = ()  # (title, table): consolidation appendices
    meta: dict = field(default_factory=dict)

    def texts(self) -> list[str]:
        """Every string the report prints, in reading order (for same-text checks)."""
        return self.flowing_texts() + self.table_texts()

    def tables(self) -> list[Table]:
        return [t for t in (self.appendix, self.documents, *(t for _, t in self.extra_tables)) if t]

    def table_texts(self) -> list[str]:
        return [t for table in self.tables()
                for t in [*table.columns, *(c.text for row in table.rows for c in row)] if t]

    def flowing_texts(self) -> list[str]:
        """Header, body, signature and appendix titles: text that flows, not table cells."""
        h = self.header
        out = [h.authority, h.office, h.number_line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc", h.place_date, h.title, h.summary, h.replaces, *h.addressee]
        out += [b.text for b in self.body]
        out += ["Nơi nhận:", *self.signature.recipients, *self.signature.title_lines, self.signature.name]
        out += list(self.appendix_title) + [title for title, _ in self.extra_tables]
        return [t for t in out if t]


def build(store: Store, office_code: str, period: Period | str, *, as_issued: Report | None = None) -> PrintedReport:
    """The printed report for the office's period (computed from quarters when needed).

    ``as_issued`` prints the latest revision under that header (number, date,
    signer) before it is stored: issuing renders the PDF first.
    """
    period = period if isinstance(period, Period) else Period.parse(period)
    report = store.find_report(office_code, period)
    if report is None and period.is_quarter:
        report = store.report(office_code, period)  # raises the operator-facing message
    if report is None:
        data = _transient(store, office_code, period)
    else:
        data = store.content.load(report)
        if as_issued is not None and as_issued.id == report.id:
            data = dataclasses.replace(data, report=as_issued)
    values = aggregate.period_values(store, office_code, period, data.template, data.values)
    data = dataclasses.replace(data, values=values)
    comparisons = aggregate.comparisons(store, office_code, period, data.template, values)
    model = build_from(data, comparisons)
    replaced = _replaced(store, data.report)
    if replaced:
        model = dataclasses.replace(model, header=dataclasses.replace(model.header, replaces=replaced))
    return model


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
    if report.summary:
        return report.summary
    period, following = report.period, report.period.next()
    same_year = following.year == period.year and period.kind != "Y"
    return template.summary.format(ky=period.name if same_year else period.label, ky_toi=following.label)


def build_from(data: ReportData, comparisons: dict[str, aggregate.Comparison] | None = None) -> PrintedReport:
    r, template, profile = data.report, data.template, data.profile
    body: list[Heading | Para] = []
    # "{CODE:ck}" compares with the same period last year as the database holds it
    prior = {c: comp.prior for c, comp in (comparisons or {}).items() if comp.prior is not None}
    results = _results(data, prior)
    plan = _plan(data, prior)
    parts = [(template.results_heading.format(KY=r.period.label.upper()), results)]
    if plan:
        parts.append((template.plan_heading.format(KY_TOI=r.period.next().label.upper()), plan))
    for index, (title, blocks) in enumerate(parts):
        body.append(Heading(f"{_ROMAN[index]}. {title}", 0))
        body += blocks
    symbol = profile.symbol
    blank = "\u00a0" * 8  # no-break spaces, for the number written at signing
    number = f"Số: {r.number}/BC-{symbol}" if r.number else f"Số:{blank}/BC-{symbol}"
    addressee = (f"Kính gửi: {profile.addressee}",) if profile.addressee else ()
    header = Header(profile.authority.upper(), profile.name.upper(), number,
                    formatting.date_line(profile.place, r.issued_on), "BÁO CÁO",
                    summary_line(template, r), addressee)
    signature = _signature(data)
    appendix = _appendix(template, comparisons or {})
    appendix_title = ()
    if appendix:
        ref = f"số {r.number}/BC-{symbol}" if r.number else f"số{blank}/BC-{symbol}"
        when = f" ngày {formatting.short_date(r.issued_on)}" if r.issued_on else ""
        appendix_title = ("PHỤ LỤC", f"SỐ LIỆU CHỈ TIÊU {r.period.label.upper()}",
                          f"(Kèm theo Báo cáo {ref}{when})")
    return PrintedReport(
        office_code=data.office.code, period=str(r.period), revision=r.revision, header=header,
        body=tuple(body), signature=signature, appendix_title=appendix_title, appendix=appendix,
        documents=_advised(data),
    )


def _expand(data: ReportData, text: str, prior: dict) -> str:
    return narrative.expand(text, data.template.indicators, data.values, data.documents,
                            pad=data.template.pad_small_counts, prior=prior)


def _has_results(data: ReportData, section: Section) -> bool:
    return any(data.narrative.get((s.code, "results")) or any(i.code in data.values for i in s.indicators)
               for s in section.walk())


def _results(data: ReportData, prior: dict) -> list[Heading | Para]:
    out: list[Heading | Para] = []

    def visit(sections: list[Section], prefix: str, level: int) -> None:
        number = 0
        for section in sections:
            if not _has_results(data, section):
                continue
            number += 1
            label = f"{prefix}{number}"
            out.append(Heading(f"{label}. {section.title}", level))
            blocks = data.narrative.get((section.code, "results"), [])
            for block in blocks:
                out.append(Para(_bullet(block.style) + _expand(data, block.text, prior), block.style == "bullet"))
            if not blocks:
                out.extend(_figure_lines(data, section))
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


def _plan(data: ReportData, prior: dict) -> list[Heading | Para]:
    out: list[Heading | Para] = []

    def visit(sections: list[Section], prefix: str, level: int, parent_shown: bool) -> None:
        number = 0
        for section in sections:
            shown = _has_plan(data, section) or (parent_shown and bool(section.plan_title))
            if not shown:
                continue
            number += 1
            label = f"{prefix}{number}"
            out.append(Heading(f"{label}. {section.plan_title or section.title}", level))
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


APPENDIX_COLUMNS = ("TT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Cùng kỳ năm trước", "So cùng kỳ (%)",
                    "Lũy kế năm", "Kế hoạch năm", "Đạt % kế hoạch")


def _appendix(template: Template, comparisons: dict[str, aggregate.Comparison]) -> Table | None:
    rows = []
    for code, indicator in template.indicators.items():
        if not indicator.appendix or code not in comparisons:
            continue
        c = comparisons[code]
        current = c.current
        rows.append((
            Cell(str(len(rows) + 1)),
            Cell(indicator.label),
            Cell("triệu đồng" if indicator.kind == "money" else indicator.unit),
            _figure_cell(indicator, current.number if current else None,
                         current.denominator if current else None),
            _figure_cell(indicator, c.prior),
            _percent_cell(c.change),
            _figure_cell(indicator, c.year_to_date, c.year_to_date_denominator),
            _figure_cell(indicator, c.plan),
            _percent_cell(c.share_of_plan),
        ))
    if not rows:
        return None
    return Table(APPENDIX_COLUMNS, tuple(rows), (0.7, 4.2, 1.5, 1.3, 1.3, 1.1, 1.3, 1.3, 1.1),
                 (False, False, False, True, True, True, True, True, True))


def _figure_cell(indicator: Indicator, number: Decimal | None, denominator: Decimal | None = None) -> Cell:
    if number is None:
        return Cell("")
    if indicator.kind == "ratio" and denominator is not None:
        return Cell(formatting.ratio(number, denominator), number)
    if indicator.kind == "money":
        millions = number / _MILLION
        return Cell(formatting.number(millions), millions)
    if indicator.kind == "percent":
        return Cell(formatting.percent(number), number)
    return Cell(formatting.number(number), number)


def _percent_cell(number: Decimal | None) -> Cell:
    return Cell(formatting.number(number), number) if number is not None else Cell("")


def _advised(data: ReportData) -> Table | None:
    """Documents advised for the People's Committee (listed in an appendix)."""
    docs = [d for d in data.documents if d.advised]
    if not docs:
        return None
    rows = tuple((Cell(str(i)), Cell(narrative.reference(d)), Cell(d.summary))
                 for i, d in enumerate(docs, start=1))
    return Table(("TT", "Văn bản", "Trích yếu"), rows, (0.5, 4.0, 6.0), (False, False, False))
