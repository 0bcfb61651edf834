"""What the entry window asks of the core, one function per operator intent.

Every function takes the store first and returns plain data (dataclasses), so
the window needs neither SQL nor domain rules. Writes return what changed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain import numbers
from app.domain.model import Block, Document, OfficeProfile, Report, ReportData, Task, TaskReview, TaskStatus, Value
from app.domain.period import Period
from app.domain.text import LegacyText, clean, detect_legacy
from app.domain.validate import Finding, validate
from app.errors import InputError, UserError
from app.reporting import aggregate
from app.storage.store import Store


@dataclass(frozen=True)
class Sheet:
    """One report as the window edits it."""

    data: ReportData
    findings: tuple[Finding, ...]
    prior: dict[str, Decimal]  # same period last year, from the database
    previous_tasks: tuple[Task, ...]  # planned last period, to review now
    previous_label: str
    read_only: bool = False  # issued, complete, or received from another office

    @property
    def report(self) -> Report:
        return self.data.report


@dataclass(frozen=True)
class Saved:
    """What a write changed: the window refreshes only this."""

    report_id: str
    findings: tuple[Finding, ...]
    value: Value | None = None
    legacy: LegacyText | None = None
    updated: str = ""
    extra: dict = field(default_factory=dict)


def open_sheet(store: Store, office_code: str, period: str) -> Sheet:
    """The office's report for the period, created as a draft when new."""
    report = store.open_report(office_code, period)
    return _sheet(store, report)


def reload(store: Store, report_id: str) -> Sheet:
    return _sheet(store, store.report_by_id(report_id))


def _sheet(store: Store, report: Report) -> Sheet:
    data = store.content.load(report)
    last_year = aggregate.period_values(store, report.office_code, report.period.same_period_last_year(),
                                        data.template)
    prior = {c: v.number for c, v in last_year.items() if v.number is not None}
    previous = report.period.previous_quarter() if report.period.is_quarter else None
    earlier = store.find_report(report.office_code, previous) if previous else None
    tasks = tuple(store.content.tasks(earlier.id)) if earlier else ()
    try:
        store.require_editable(report)
        read_only = False
    except UserError:
        read_only = True
    return Sheet(data, tuple(validate(data)), prior, tasks, previous.label if previous else "", read_only)


def _saved(store: Store, report: Report, **extra) -> Saved:
    data = store.content.load(report)
    return Saved(report.id, tuple(validate(data)), updated=store.report_by_id(report.id).updated, **extra)


def save_figure(store: Store, report_id: str, code: str, column: str, text: str) -> Saved:
    """Save one cell of the figures grid: value, qualifier, estimate, prior, plan or note.

    An empty value clears the figure. Raises InputError and changes nothing on bad input.
    """
    report = store.report_by_id(report_id)
    template = store.template_of(report)
    indicator = template.indicators[code]
    old = store.content.values(report_id).get(code) or Value(code, None)
    text = clean(text).strip()
    if column == "value":
        if not text:
            new = dataclasses.replace(old, number=None, denominator=None)
        else:
            parsed = numbers.parse_value(text, indicator.kind, indicator.unit)
            new = dataclasses.replace(old, number=parsed.number, denominator=parsed.denominator,
                                      qualifier=parsed.qualifier or old.qualifier,
                                      estimate=parsed.estimate or old.estimate)
    elif column == "qualifier":
        if text and text not in numbers.QUALIFIERS:
            raise InputError(f"Từ chỉ mức “{text}” không hợp lệ ({', '.join(numbers.QUALIFIERS)}).")
        new = dataclasses.replace(old, qualifier=text or None)
    elif column == "estimate":
        new = dataclasses.replace(old, estimate=text in ("1", "true", "True"))
    elif column in ("prior_year", "plan"):
        number = numbers.parse_value(text, indicator.kind, indicator.unit).number if text else None
        new = dataclasses.replace(old, **{column: number})
    elif column == "note":
        new = dataclasses.replace(old, note=text)
    elif column == "as_of":
        new = dataclasses.replace(old, as_of=_date(text))
    else:
        raise InputError(f"Cột “{column}” không sửa được.")
    if new == Value(code, None):
        store.content.clear_value(report, code)
        return _saved(store, report, value=None)
    value = store.content.set_value(report, new)
    return _saved(store, report, value=value)


def text_to_blocks(text: str) -> list[Block]:
    """Editor text → blocks: one paragraph per line; a line starting "- " is a bullet."""
    blocks = []
    for line in clean(text).split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(("- ", "– ", "• ")):
            blocks.append(Block(line[2:].strip(), "bullet"))
        else:
            blocks.append(Block(line))
    return blocks


def blocks_to_text(blocks: list[Block]) -> str:
    return "\n".join(("- " if b.style == "bullet" else "") + b.text for b in blocks)


def save_narrative(store: Store, report_id: str, section: str, part: str, text: str) -> Saved:
    report = store.report_by_id(report_id)
    store.content.set_narrative(report, section, part, text_to_blocks(text))
    return _saved(store, report, legacy=detect_legacy(text))


def save_tasks(store: Store, report_id: str, section: str, text: str) -> Saved:
    report = store.report_by_id(report_id)
    store.content.set_tasks(report, section, [line for line in clean(text).split("\n") if line.strip()])
    return _saved(store, report, legacy=detect_legacy(text))


def save_document(store: Store, report_id: str, doc: Document) -> Saved:
    report = store.report_by_id(report_id)
    saved = store.content.save_document(report, doc)
    return _saved(store, report, extra={"document": saved})


def delete_document(store: Store, report_id: str, doc_id: str) -> Saved:
    report = store.report_by_id(report_id)
    store.content.delete_document(report, doc_id)
    return _saved(store, report)


def review_task(store: Store, report_id: str, task_id: str, status: str, comment: str) -> Saved:
    report = store.report_by_id(report_id)
    store.content.review_task(report, TaskReview(task_id, TaskStatus(status), comment))
    return _saved(store, report)


def previous_narrative(store: Store, report_id: str, section: str) -> str:
    """Last period's text of a section, placeholders kept: they now show this period's figures."""
    report = store.report_by_id(report_id)
    period = report.period
    candidates = [period.previous_quarter(), period.same_period_last_year()] if period.is_quarter \
        else [period.same_period_last_year()]
    for earlier in candidates:
        found = store.find_report(report.office_code, earlier)
        if found:
            blocks = store.content.narrative(found.id).get((section, "results"), [])
            if blocks:
                return blocks_to_text(blocks)
    return ""


def report_periods(store: Store, office_code: str) -> list[str]:
    """Periods this office has reports for, newest first."""
    return sorted({str(r.period) for r in store.reports(office_code)}, reverse=True)


def suggested_period(today: dt.date | None = None) -> str:
    """The quarter an operator most likely reports on today (the one just ending or ended)."""
    today = today or dt.date.today()
    quarter = (today.month - 1) // 3 + 1
    if today.month % 3 == 1 and today.day <= 20:  # early in a quarter: last quarter's report
        quarter -= 1
    if quarter == 0:
        return f"{today.year - 1}-Q4"
    return f"{today.year}-Q{quarter}"


def save_profile(store: Store, office_code: str, profile: OfficeProfile) -> None:
    store.set_profile(office_code, profile)


def create_office(store: Store, code: str, level: str, profile: OfficeProfile) -> str:
    return store.add_office(code, level, profile).code


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(f"Ngày “{text}” phải viết dạng ngày/tháng/năm, ví dụ 25/09/2020.")


def periods_for_picker(store: Store, office_code: str, preferred: str = "",
                       today: dt.date | None = None) -> tuple[list[str], str]:
    """Existing periods plus the suggested current one, newest first; and the one to open.

    The one to open is ``preferred`` if the office has it, else the newest existing
    report, else the suggested quarter (opening it creates the draft).
    """
    existing = report_periods(store, office_code)
    periods = sorted(set(existing) | {suggested_period(today)}, reverse=True,
                     key=lambda p: (Period.parse(p).year, Period.parse(p).quarters[-1], len(Period.parse(p).quarters)))
    if preferred in existing:
        return periods, preferred
    return periods, existing[0] if existing else suggested_period(today)
