"""The consolidating office's view of a period: figures summed over subordinate offices,
a breakdown by office, who has submitted (on time or late), and their narratives to quote.
"""
from __future__ import annotations

import datetime as dt

import msgspec

from app.domain import formatting, narrative
from app.domain.model import Office, Report, Value
from app.domain.period import Period
from app.output import appendix, printed
from app.output.printed import Cell, PrintedReport, Table
from app.reporting import aggregate
from app.storage.store import Store


class Submission(msgspec.Struct, frozen=True):
    office: Office
    report: Report | None
    received: str  # when the package was written (its own time), "" if not submitted
    due: str
    on_time: bool | None

    @property
    def label(self) -> str:
        if self.report is None:
            return "Chưa gửi"
        if self.on_time is None:
            return "Đã gửi"
        return "Đúng hạn" if self.on_time else "Trễ hạn"


class Consolidation(msgspec.Struct, frozen=True):
    office: Office
    period: Period
    submissions: tuple[Submission, ...]
    values: dict[str, Value]
    by_office: dict[str, dict[str, Value]]  # the office's own figures first, then each subordinate's
    template: object = None
    include_own: bool = True  # the office's own figures are added to its subordinates'

    @property
    def missing(self) -> list[str]:
        return [s.office.code for s in self.submissions if s.report is None]

    @property
    def late(self) -> list[str]:
        return [s.office.code for s in self.submissions if s.on_time is False]

    @property
    def included(self) -> list[str]:
        """Offices whose figures the totals hold, the consolidating office first when added."""
        own = [self.office.code] if self.include_own and self.by_office.get(self.office.code) else []
        return own + [s.office.code for s in self.submissions if s.report is not None]


def children(store: Store, office_code: str, day: dt.date) -> list[Office]:
    """Offices whose names in force on ``day`` place them under ``office_code``."""
    return [o for o in store.offices() if o.profile_at(day).parent_code == office_code.upper()]


def consolidate(store: Store, office_code: str, period: Period | str, *,
                include_own: bool = True) -> Consolidation:
    """The period's figures over the office and its subordinates (own figures added unless told not)."""
    period = period if isinstance(period, Period) else Period.parse(period)
    office = store.office(office_code)
    due = store.submissions.deadline(office.code, str(period))
    own_template, own_values, _ = _office_values(store, office.code, period, None)
    template = own_template
    submissions, by_office = [], {office.code: own_values}
    for child in children(store, office.code, period.end):
        report_template, values, report = _office_values(store, child.code, period, template)
        template = template or report_template
        received = _received(store, child.code, str(period)) if report else ""
        on_time = (_local_day(received) <= due) if received and due else None
        submissions.append(Submission(child, report, received, due, on_time))
        by_office[child.code] = values
    if template is None:
        template = store.template_by_id(store.template_for_new(office.code))
    values = _combine(template, by_office, office.code, include_own)
    return Consolidation(office, period, tuple(submissions), values, by_office, template, include_own)


def _latest(store: Store, office_code: str, period: Period) -> Report | None:
    """The office's report for the period, or for a longer period the latest of its parts."""
    if period.is_base:
        return store.find_report(office_code, period)
    own = store.find_report(office_code, period)
    parts = [store.find_report(office_code, p) for p in period.parts()]
    return own or next((r for r in reversed(parts) if r), None)


def _office_values(store: Store, office_code: str, period: Period,
                   template) -> tuple[object, dict[str, Value], Report | None]:
    """(template, figures, report) of one office for the period; (None, {}, None) when it has nothing for it."""
    report = _latest(store, office_code, period)
    if report is None:
        return None, {}, None
    own_template = store.template_of(report)
    own = store.content.values(report.id) if report.period == period else {}
    return own_template, aggregate.period_values(store, office_code, period, template or own_template, own), report


def _local_day(stamp: str) -> str:
    """The sender's UTC time as a date in Vietnam (UTC+7, no summer time)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return (moment.astimezone(dt.timezone(dt.timedelta(hours=7)))).date().isoformat()


def _received(store: Store, office_code: str, period: str) -> str:
    return store.submissions.first_received(office_code, period)


def _combine(template, by_office: dict[str, dict[str, Value]], own_code: str,
             include_own: bool) -> dict[str, Value]:
    """Totals per indicator rule: sums over the offices included; a figure that is not summed over
    offices (a rate, an "offices: none" row) is the consolidating office's own."""
    own = by_office.get(own_code, {})
    sources = [v for code, v in by_office.items() if code != own_code or include_own]
    out = {}
    for code, indicator in template.indicators.items():
        if not indicator.value_kind.sums_over_offices(indicator.offices):
            if code in own and own[code].number is not None:
                out[code] = own[code]
            continue
        present = [v[code] for v in sources if code in v and v[code].number is not None]
        if present:
            out[code] = aggregate.total(indicator, present, own[code].plan if code in own else None)
    return out


def build_printed(store: Store, office_code: str, period: Period | str, *,
                  include_own: bool = True) -> PrintedReport:
    """The consolidated report in the official format: the office's own narrative with the
    consolidated figures (placeholders print them), titled as consolidated, with the offices
    included, late and missing, the breakdown by office and the completeness list as appendices."""
    period = period if isinstance(period, Period) else Period.parse(period)
    result = consolidate(store, office_code, period, include_own=include_own)
    report = store.find_report(office_code, period)
    if report:
        data = store.content.load(report)
    else:
        data = printed.transient(store, office_code, period, result.template)
    data = msgspec.structs.replace(data, values=result.values)
    comparisons = _comparisons(store, result, data.template)
    from app.reporting import targets

    model = printed.build_from(data, comparisons, following=targets.next_plans(store, office_code, period))
    header = msgspec.structs.replace(model.header, summary=_consolidated(model.header.summary))
    extra = (("TỔNG HỢP THEO ĐƠN VỊ", breakdown_table(data.template, result)),
             ("TÌNH HÌNH GỬI BÁO CÁO", completeness_table(result)))
    appendix_title = (*model.appendix_title, sources_line(result)) if model.appendix_title else ()
    from app.reporting import trends

    bars = trends.consolidated_bars(store, office_code, period, data.template, result.by_office)
    return msgspec.structs.replace(model, header=header, extra_tables=extra, appendix_title=appendix_title,
                                   office_charts=bars)


def _consolidated(summary: str) -> str:
    """"Kết quả thực hiện …" → "Tổng hợp kết quả thực hiện …"."""
    if summary.lower().startswith("tổng hợp"):
        return summary
    return "Tổng hợp " + summary[:1].lower() + summary[1:]


def sources_line(result: Consolidation) -> str:
    """"(Tổng hợp từ số liệu của HUE, PHULOC; trễ hạn: PHULOC; chưa gửi: ALUOI)"."""
    parts = [f"Tổng hợp từ số liệu của {', '.join(result.included) or 'chưa đơn vị nào'}"]
    if result.late:
        parts.append(f"trễ hạn: {', '.join(result.late)}")
    if result.missing:
        parts.append(f"chưa gửi: {', '.join(result.missing)}")
    return f"({'; '.join(parts)})"


def _comparisons(store: Store, result: Consolidation, template) -> dict[str, aggregate.Comparison]:
    """Appendix figures of the consolidation: last year's and the year to date consolidated alike."""
    period, code, own = result.period, result.office.code, result.include_own
    last_year = consolidate(store, code, period.same_period_last_year(), include_own=own).values
    to_date_period = Period.first_months(period.year, period.months[-1])
    to_date = result.values if to_date_period.parts() == period.parts() else \
        consolidate(store, code, to_date_period, include_own=own).values
    out = {}
    for indicator_code, indicator in template.indicators.items():
        current, before, ytd = (v.get(indicator_code) for v in (result.values, last_year, to_date))
        row = aggregate.comparison(indicator, current, before.number if before else None, ytd,
                                   current.plan if current else None)
        if row is not None:
            out[indicator_code] = row
    return out


def breakdown_table(template, result: Consolidation) -> Table:
    offices = ([result.office.code] if result.include_own else []) + [s.office.code for s in result.submissions]
    rows = []
    for code, indicator in template.indicators.items():
        if not indicator.appendix:
            continue
        cells = [Cell(indicator.label), appendix.unit_cell(indicator)]
        for office in offices:
            cells.append(_cell(indicator, result.by_office[office].get(code)))
        cells.append(_cell(indicator, result.values.get(code)))
        if any(c.text for c in cells[2:]):
            rows.append(tuple(cells))
    columns = ("Chỉ tiêu", "Đơn vị tính", *offices, "Tổng")
    widths = (4.0, 1.4, *([1.2] * len(offices)), 1.3)
    return Table(columns, tuple(rows), widths, (False, False, *([True] * (len(offices) + 1))))


def completeness_table(result: Consolidation) -> Table:
    rows = []
    for i, s in enumerate(result.submissions, start=1):
        profile = s.office.profile_at(result.period.end)
        rows.append((Cell(str(i)), Cell(s.office.code), Cell(profile.authority or profile.name),
                     Cell(s.label), Cell(str(s.report.revision) if s.report else ""),
                     Cell(_date(s.received)), Cell(_date(s.due))))
    return Table(("TT", "Mã", "Đơn vị", "Tình trạng", "Bản", "Ngày gửi", "Hạn gửi"), tuple(rows),
                 (0.6, 1.2, 4.5, 1.6, 0.8, 1.6, 1.6), (False,) * 7)


def _cell(indicator, value: Value | None) -> Cell:
    if value is None or value.number is None:
        return Cell("")
    return appendix.figure_cell(indicator, value.number, value.denominator)


def _date(text: str) -> str:
    if not text:
        return ""
    try:
        return formatting.short_date(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text


def quotes(store: Store, result: Consolidation, section: str) -> list[tuple[str, list[str]]]:
    """Subordinate offices' narratives of a section, expanded, for the operator to quote."""
    out = []
    for s in result.submissions:
        if s.report is None:
            continue
        data = store.content.load(s.report)
        blocks = data.narrative.get((section, "results"), [])
        texts = [narrative.expand(b.text, data.template.indicators, data.values, data.documents) for b in blocks]
        if texts:
            out.append((s.office.code, texts))
    return out
