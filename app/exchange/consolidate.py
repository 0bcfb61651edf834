"""The consolidating office's view of a period: figures summed over subordinate offices,
a breakdown by office, who has submitted (on time or late), and their narratives to quote.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.domain import formatting, narrative
from app.domain.model import Office, Report, Value
from app.domain.period import Period
from app.output import appendix, printed
from app.output.printed import Cell, PrintedReport, Table
from app.reporting import aggregate
from app.storage.store import Store


@dataclass(frozen=True)
class Submission:
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


@dataclass(frozen=True)
class Consolidation:
    office: Office
    period: Period
    submissions: tuple[Submission, ...]
    values: dict[str, Value]
    by_office: dict[str, dict[str, Value]]
    template: object = None

    @property
    def missing(self) -> list[str]:
        return [s.office.code for s in self.submissions if s.report is None]


def children(store: Store, office_code: str, day: dt.date) -> list[Office]:
    """Offices whose names in force on ``day`` place them under ``office_code``."""
    return [o for o in store.offices() if o.profile_at(day).parent_code == office_code.upper()]


def consolidate(store: Store, office_code: str, period: Period | str) -> Consolidation:
    period = period if isinstance(period, Period) else Period.parse(period)
    office = store.office(office_code)
    due_row = store.db.execute("SELECT due FROM deadline WHERE office_code = ? AND period = ?",
                               (office.code, str(period))).fetchone()
    due = due_row[0] if due_row else ""
    submissions, by_office = [], {}
    template = None
    for child in children(store, office.code, period.end):
        report = store.find_report(child.code, period) if period.is_quarter else None
        values = {}
        if period.is_quarter and report:
            template = template or store.template_of(report)
            values = store.content.values(report.id)
        elif not period.is_quarter:
            quarters = [store.find_report(child.code, q) for q in period.quarter_periods()]
            if any(quarters):
                report = next(q for q in reversed(quarters) if q)
                template = template or store.template_of(report)
                values = aggregate.period_values(store, child.code, period, template, {})
        received = _received(store, child.code, str(period)) if report else ""
        on_time = (_local_day(received) <= due) if received and due else None
        submissions.append(Submission(child, report, received, due, on_time))
        by_office[child.code] = values
    if template is None:
        template = store.template_by_id(store.default_template_id())
    return Consolidation(office, period, tuple(submissions), _sum(template, by_office), by_office, template)


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
    row = store.db.execute("SELECT min(created) FROM inbox WHERE office_code = ? AND period = ? AND kind = 'report'",
                           (office_code, period)).fetchone()
    return row[0] or ""


def _sum(template, by_office: dict[str, dict[str, Value]]) -> dict[str, Value]:
    out = {}
    for code, indicator in template.indicators.items():
        present = [v[code] for v in by_office.values() if code in v and v[code].number is not None]
        if not present or indicator.offices != "sum" or indicator.kind == "percent":
            continue
        number = sum((v.number for v in present), Decimal(0))
        denominator = sum((v.denominator or Decimal(0) for v in present), Decimal(0)) \
            if indicator.kind == "ratio" else None
        approximate = next((v.qualifier for v in present if v.qualifier), None)
        out[code] = Value(code, number, denominator, qualifier="khoảng" if approximate else None,
                          estimate=any(v.estimate for v in present))
    return out


def build_printed(store: Store, office_code: str, period: Period | str) -> PrintedReport:
    """The consolidated report in the official format: the office's own narrative with the
    summed figures, plus the breakdown by office and the completeness list as appendices."""
    period = period if isinstance(period, Period) else Period.parse(period)
    result = consolidate(store, office_code, period)
    report = store.find_report(office_code, period)
    if report:
        data = store.content.load(report)
    else:
        data = printed.transient(store, office_code, period, result.template)
    data = dataclasses.replace(data, values=result.values)
    comparisons = aggregate.comparisons(store, office_code, period, data.template, result.values)
    if period.is_quarter and period.quarters[0] > 1:  # the year to date, summed over offices quarter by quarter
        quarters = [consolidate(store, office_code, q).values for q in period.year_to_date()]
        ytd = aggregate.combine(data.template, quarters)
        comparisons = {c: dataclasses.replace(
            comp, year_to_date=ytd[c].number if c in ytd else comp.year_to_date,
            year_to_date_denominator=ytd[c].denominator if c in ytd else comp.year_to_date_denominator)
            for c, comp in comparisons.items()}
    model = printed.build_from(data, comparisons)
    extra = (("TỔNG HỢP THEO ĐƠN VỊ", breakdown_table(data.template, result)),
             ("TÌNH HÌNH GỬI BÁO CÁO", completeness_table(result)))
    return dataclasses.replace(model, extra_tables=extra)


def breakdown_table(template, result: Consolidation) -> Table:
    offices = [s.office.code for s in result.submissions]
    rows = []
    for code, indicator in template.indicators.items():
        if not indicator.appendix:
            continue
        cells = [Cell(indicator.label), Cell("triệu đồng" if indicator.kind == "money" else indicator.unit)]
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
