"""What the entry window asks of the core, one function per operator intent.

Every function takes the store first and returns plain data (frozen msgspec structs), so
the window needs neither SQL nor domain rules. Every write returns a
``Changes`` saying what it touched, with the report's fresh findings.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import msgspec

from app.domain import kinds, numbers
from app.domain.model import Block, Document, OfficeProfile, Report, ReportData, Task, TaskReview, TaskStatus, Value
from app.domain.period import Period
from app.domain.text import clean, detect_legacy
from app.domain.validate import Finding
from app.errors import InputError, UserError
from app.reporting import aggregate, issuing, targets, template_edit
from app.reporting.changes import Changes
from app.reporting.derived import report_findings
from app.storage.store import Store


class Sheet(msgspec.Struct, frozen=True):
    """One report as the window edits it."""

    data: ReportData
    findings: tuple[Finding, ...]
    prior: dict[str, Decimal]  # same period last year, from the database
    previous_tasks: tuple[Task, ...]  # planned last period, to review now
    previous_label: str
    read_only: bool = False  # issued, complete, or received from another office
    special: dict[str, str | Decimal] = msgspec.field(default_factory=dict)  # {KH_DAT} as the report prints it
    following: dict[str, Decimal] = msgspec.field(default_factory=dict)  # next period's plans ({CODE:muctieu})
    checked: bool = True  # False: opened before its findings were looked for (``findings`` is empty till then)

    @property
    def report(self) -> Report:
        return self.data.report


def open_sheet(store: Store, office_code: str, period: str, *, checked: bool = True) -> Sheet:
    """The office's report for the period, created as a draft when new; ``checked=False``: without its findings
    (``report_findings`` gives them), to show it sooner."""
    from app.reporting.office_templates import template_for

    existing = store.find_report(office_code, period)
    report = existing or store.open_report(office_code, period, template_for(store, office_code))
    return _sheet(store, report, checked)


def refreshed(store: Store, sheet: Sheet, changes: Changes) -> Sheet:
    """``sheet`` as the database now holds it after ``changes``.

    Only the report's entries are read again for a content change; a new
    status, template, revision or office profile reads the whole sheet afresh.
    """
    if changes.whole_report or changes.offices or changes.report_id != sheet.report.id:
        return _sheet(store, store.report_by_id(changes.report_id or sheet.report.id))
    data = store.content.load(store.report_by_id(sheet.report.id))
    findings = changes.findings if changes.findings is not None else tuple(report_findings(store, data.report))
    return msgspec.structs.replace(sheet, data=data, findings=findings, special=targets.report_special(store, data),
                                   checked=True)


def _sheet(store: Store, report: Report, checked: bool = True) -> Sheet:
    data = store.content.load(report)
    last_year = aggregate.period_values(store, report.office_code, report.period.same_period_last_year(),
                                        data.template)
    prior = {c: v.number for c, v in last_year.items() if v.number is not None}
    previous = report.period.previous() if report.period.is_base else None
    earlier = store.find_report(report.office_code, previous) if previous else None
    tasks = tuple(store.content.tasks(earlier.id)) if earlier else ()
    try:
        store.require_editable(report)
        read_only = False
    except UserError:
        read_only = True
    return Sheet(data, tuple(report_findings(store, report)) if checked else (), prior, tasks,
                 previous.label if previous else "", read_only, targets.report_special(store, data),
                 targets.next_plans(store, report.office_code, report.period), checked)


def _changed(store: Store, report: Report, **what) -> Changes:
    """The write's ``Changes`` with the report's findings checked again."""
    findings = tuple(report_findings(store, report))
    return Changes(report.id, office=report.office_code, findings=findings, **what)


def save_figure(store: Store, report_id: str, code: str, column: str, text: str) -> Changes:
    """Save one cell of the figures grid: value, qualifier, estimate, prior, plan or note.

    An empty value clears the figure. Raises InputError and changes nothing on bad input.
    """
    report = store.report_by_id(report_id)
    indicator = store.template_of(report).indicators[code]
    old = store.content.values(report_id).get(code) or Value(code, None)
    new = edited(old, indicator, column, clean(text).strip())
    if new == Value(code, None):
        store.content.clear_value(report, code)
    else:
        store.content.set_value(report, new)
    return _changed(store, report, indicators=frozenset({code}))


def edited(old: Value, indicator, column: str, text: str) -> Value:
    """``old`` with one column replaced by what was typed (InputError when it cannot be read)."""
    if column == "value":
        if not text:
            new = msgspec.structs.replace(old, number=None, denominator=None)
        else:
            parsed = kinds.parse_value(text, indicator.kind, indicator.unit)
            new = msgspec.structs.replace(old, number=parsed.number, denominator=parsed.denominator,
                                          qualifier=parsed.qualifier or old.qualifier,
                                          estimate=parsed.estimate or old.estimate)
    elif column == "qualifier":
        if text and text not in numbers.QUALIFIERS:
            raise InputError(f"Từ chỉ mức “{text}” không hợp lệ ({', '.join(numbers.QUALIFIERS)}).")
        new = msgspec.structs.replace(old, qualifier=text or None)
    elif column == "estimate":
        new = msgspec.structs.replace(old, estimate=text in ("1", "true", "True"))
    elif column in ("prior_year", "plan"):
        new = msgspec.structs.replace(old, **{column: _bare_number(indicator, column, text)})
    elif column == "note":
        new = msgspec.structs.replace(old, note=text)
    elif column == "as_of":
        new = msgspec.structs.replace(old, as_of=_date(text))
    else:
        raise InputError(f"Cột “{column}” không sửa được.")
    return new


def _bare_number(indicator, column: str, text: str) -> Decimal | None:
    """A plan or a same-period figure is a plain number: "4%", never "4% trở lên" or "ước 4%"."""
    if not text:
        return None
    parsed = kinds.parse_value(text, indicator.kind, indicator.unit)
    if parsed.qualifier or parsed.estimate:
        what = "Kế hoạch" if column == "plan" else "Số cùng kỳ"
        raise InputError(f"{what} của {indicator.code} là một số, không kèm “{parsed.qualifier or 'ước'}”; "
                         "từ đó viết trong lời văn, ví dụ “phấn đấu {" + indicator.code + ":kehoach} trở lên”.")
    return parsed.number


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


def save_narrative(store: Store, report_id: str, section: str, part: str, text: str) -> Changes:
    """Replace one part ("results" or "plan") of a section's narrative with the typed text."""
    report = store.report_by_id(report_id)
    store.content.set_narrative(report, section, part, text_to_blocks(text))
    return _changed(store, report, sections=frozenset({section}), legacy=detect_legacy(text))


def save_tasks(store: Store, report_id: str, section: str, text: str) -> Changes:
    """Replace a section's tasks for the next period: one task per non-empty line."""
    report = store.report_by_id(report_id)
    store.content.set_tasks(report, section, [line for line in clean(text).split("\n") if line.strip()])
    return _changed(store, report, sections=frozenset({section}), legacy=detect_legacy(text))


def save_document(store: Store, report_id: str, doc: Document) -> Changes:
    """Add or replace a cited document; ``documents`` names the stored one's id."""
    report = store.report_by_id(report_id)
    saved = store.content.save_document(report, doc)
    return _changed(store, report, documents=frozenset({saved.id}))


def delete_document(store: Store, report_id: str, doc_id: str) -> Changes:
    report = store.report_by_id(report_id)
    store.content.delete_document(report, doc_id)
    return _changed(store, report, documents=frozenset({doc_id}))


def review_task(store: Store, report_id: str, task_id: str, status: str, comment: str) -> Changes:
    """Record how last period's task went (done, in progress, not done) with a comment."""
    report = store.report_by_id(report_id)
    store.content.review_task(report, TaskReview(task_id, TaskStatus(status), comment))
    return _changed(store, report, reviews=True)


def complete_report(store: Store, report_id: str) -> Changes:
    """Draft → complete (refused while a rule fails)."""
    report = issuing.mark_complete(store, store.report_by_id(report_id))
    return Changes(report.id, office=report.office_code, status=True)


def reopen_report(store: Store, report_id: str, reason: str) -> Changes:
    report = issuing.reopen(store, store.report_by_id(report_id), reason)
    return Changes(report.id, office=report.office_code, status=True)


def issue_report(store: Store, report_id: str, **signing) -> Changes:
    """Number, date and sign the report; its PDF is kept (see ``issuing.issue``)."""
    report = issuing.issue(store, store.report_by_id(report_id), **signing)
    return Changes(report.id, office=report.office_code, status=True)


def revise_report(store: Store, report_id: str, reason: str) -> Changes:
    """Open the next revision as a draft; ``report_id`` of the result is the new revision's."""
    report = issuing.new_revision(store, store.report_by_id(report_id), reason)
    return Changes(report.id, office=report.office_code, status=True)


def attach_scan(store: Store, report_id: str, path: str) -> Changes:
    report = store.report_by_id(report_id)
    issuing.attach_scan(store, report, path)
    return Changes(report.id, office=report.office_code)


def previous_narrative(store: Store, report_id: str, section: str) -> str:
    """Last period's text of a section, placeholders kept: they now show this period's figures."""
    report = store.report_by_id(report_id)
    period = report.period
    candidates = [period.previous(), period.same_period_last_year()] if period.is_base \
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
    """The quarter an operator reports on today, by the data cut-off (see ``app.reporting.due``)."""
    from app.reporting.due import current_quarter

    return str(current_quarter(today))


def migrate_template(store: Store, report_id: str, template_id: int) -> Changes:
    """Move a draft to another template version through the mapping the operator was shown."""
    report = store.report_by_id(report_id)
    template_edit.migrate(store, report, template_id)
    return Changes(report.id, office=report.office_code, template=True)


def save_profile(store: Store, office_code: str, profile: OfficeProfile) -> Changes:
    """A new version of the office's names, valid from ``profile.valid_from``."""
    office = store.set_profile(office_code, profile)
    return Changes(office=office.code, offices=True)


def create_office(store: Store, code: str, level: str, profile: OfficeProfile) -> Changes:
    """A new local office; ``office`` of the result is its code as stored."""
    return Changes(office=store.add_office(code, level, profile).code, offices=True)


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    for fmt, shape in (("%d/%m/%Y", r"\d{1,2}/\d{1,2}/\d{4}"), ("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}")):
        if re.fullmatch(shape, text, re.ASCII):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                raise InputError(f"Ngày “{text}” không có thật.") from None
    raise InputError(f"Ngày “{text[:40]}” phải viết dạng ngày/tháng/năm (15/6/2021) hoặc 2021-06-15.")


def periods_for_picker(store: Store, office_code: str, preferred: str = "",
                       today: dt.date | None = None) -> tuple[list[str], str]:
    """Existing periods plus the suggested current one, newest first; and the one to open: ``preferred``
    (listed even when new), else the newest existing report, else the suggested quarter (opened as a draft)."""
    existing = report_periods(store, office_code)
    try:
        preferred = str(Period.parse(preferred)) if preferred else ""
    except InputError:
        preferred = ""
    periods = sorted(set(existing) | {suggested_period(today)} | ({preferred} if preferred else set()),
                     reverse=True, key=lambda p: Period.parse(p).sort_key)
    if preferred:
        return periods, preferred
    return periods, existing[0] if existing else suggested_period(today)
