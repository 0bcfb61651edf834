"""Opening a report, its lifecycle (complete, reopen, issue, revise) and its printed forms."""
from __future__ import annotations

from typing import Any

import msgspec

from app.domain import headings
from app.errors import UserError
from app.fsutil import write_atomic
from app.reporting import desk, issuing
from app.reporting import settings as settings_mod
from app.reporting.changes import Changes
from app.reporting.derived import report_findings
from app.reporting.desk import Sheet
from ui.operations.offices import choices as office_choices
from ui.operations.op import Op, Updated
from ui.operations.runner import Operations


class Start(msgspec.Struct, frozen=True):
    """What the window starts with: the settings, the offices and, when there is one, the office selected
    first (the one last open, else the first), its periods with the one to open, and that report."""

    settings: Any
    offices: list
    office: str = ""
    periods: tuple[list[str], str] = ([], "")
    sheet: Sheet | None = None  # unchecked (see ``check_report``); None when no office, or it could not open


def load_start(*, parent, ops: Operations) -> Op:
    """Everything ``Start`` holds, in one trip to the database thread: what ``list_periods`` and
    ``open_report`` would give for the office and period last open."""
    def step(store) -> Start:
        settings, offices = settings_mod.load(store), office_choices(store.offices())
        codes = [choice.code for choice in offices]
        if not codes:
            return Start(settings, offices)
        office = settings.office if settings.office in codes else codes[0]
        periods = desk.periods_for_picker(store, office, settings.period)
        try:
            sheet = _opened(store, office, periods[1], checked=False)
        except UserError:  # told when the window opens it again, as it would any report
            sheet = None
        return Start(settings, offices, office, periods, sheet)

    return Op(parent, ops).database(step)


def list_offices(*, parent, ops: Operations) -> Op:
    return Op(parent, ops).database(lambda store: office_choices(store.offices()))


def list_periods(*, parent, ops: Operations, office: str, preferred: str = "") -> Op:
    """The periods to offer for ``office`` and the one to open (see ``desk.periods_for_picker``)."""
    return Op(parent, ops).database(lambda store: desk.periods_for_picker(store, office, preferred))


def open_report(*, parent, ops: Operations, office: str, period: str) -> Op:
    """The office's report for the period (a new draft when there is none), remembered for next start."""
    return Op(parent, ops).database(lambda store: _opened(store, office, period))


def check_report(*, parent, ops: Operations, sheet: Sheet) -> Op:
    """The findings of a sheet opened unchecked (see ``desk.open_sheet``)."""
    report_id = sheet.report.id
    return Op(parent, ops).database(lambda store: tuple(report_findings(store, store.report_by_id(report_id))))


def _opened(store, office: str, period: str, checked: bool = True) -> Sheet:
    sheet = desk.open_sheet(store, office, period, checked=checked)
    settings_mod.update(store, office=sheet.report.office_code, period=str(sheet.report.period))
    return sheet


def _lifecycle(parent, ops: Operations, sheet: Sheet, write) -> Op:
    report_id = sheet.report.id

    def step(store) -> Updated:
        changes = write(store, report_id)
        return Updated(changes, desk.refreshed(store, sheet, changes))

    return Op(parent, ops).database(step)


def complete_report(*, parent, ops: Operations, sheet: Sheet) -> Op:
    return _lifecycle(parent, ops, sheet, desk.complete_report)


def reopen_report(*, parent, ops: Operations, sheet: Sheet, reason: str) -> Op:
    return _lifecycle(parent, ops, sheet, lambda store, rid: desk.reopen_report(store, rid, reason))


def issue_report(*, parent, ops: Operations, sheet: Sheet, signing: dict) -> Op:
    """``signing``: number, issued_on, signer_title, signer_name."""
    return _lifecycle(parent, ops, sheet, lambda store, rid: desk.issue_report(store, rid, **signing))


def revise_report(*, parent, ops: Operations, sheet: Sheet, reason: str) -> Op:
    return _lifecycle(parent, ops, sheet, lambda store, rid: desk.revise_report(store, rid, reason))


def set_heading(*, parent, ops: Operations, sheet: Sheet, title: str, summary: str,
                headings: dict[str, str] | None = None) -> Op:
    """The report's own title, summary line and section headings; "" prints the template's."""
    def write(store, report_id: str) -> Changes:
        report = store.set_heading(store.report_by_id(report_id), title=title, summary=summary, headings=headings)
        return Changes(report.id, office=report.office_code)

    return _lifecycle(parent, ops, sheet, write)


def default_heading(sheet: Sheet) -> tuple[str, str]:
    """The title and summary line the report prints when it sets none of its own."""
    from app.output import printed

    report = msgspec.structs.replace(sheet.report, summary="")
    return printed.TITLE, printed.summary_line(sheet.data.template, report)


def heading_rows(sheet: Sheet) -> list[tuple[str, str, str, str]]:
    """(key, where, the template's text, the report's own) of every heading the report may set."""
    own = dict(sheet.report.headings)
    return [(key, where, default, own.get(key, "")) for key, where, default in
            headings.defaults(sheet.data.template, sheet.report)]


def attach_scan(*, parent, ops: Operations, sheet: Sheet, path: str) -> Op:
    return _lifecycle(parent, ops, sheet, lambda store, rid: desk.attach_scan(store, rid, path))


def render_report(*, parent, ops: Operations, sheet: Sheet, fmt: str, consolidated: bool = False) -> Op:
    """The report as ``fmt`` bytes: the model is built on the database thread, rendered in the pool.

    The printing stack is loaded only when a report is first printed, not when the window starts."""
    from app.commands import cli_actions
    from ui.operations import render_child

    office, period = sheet.report.office_code, str(sheet.report.period)
    render = render_child.shared().render if fmt == "pdf" else lambda model: cli_actions.renderer(fmt)(model)
    return (Op(parent, ops)
            .database(lambda store: cli_actions.build_model(store, office, period, consolidated=consolidated))
            .pool(render))  # a PDF is drawn by the warm rendering process; the others load their library here


def print_report(*, parent, ops: Operations, sheet: Sheet) -> Op:
    """The PDF to preview or print."""
    return render_report(parent=parent, ops=ops, sheet=sheet, fmt="pdf")


def export_report(*, parent, ops: Operations, sheet: Sheet, fmt: str, path: str,
                  consolidated: bool = False) -> Op:
    """Render and write ``path`` atomically (the old file or the whole new one); gives the path."""
    return render_report(parent=parent, ops=ops, sheet=sheet, fmt=fmt, consolidated=consolidated) \
        .pool(lambda data: write_atomic(path, data))


def write_file(*, parent, ops: Operations, data: bytes, path: str) -> Op:
    """Bytes already rendered (a previewed PDF) written atomically to ``path``."""
    return Op(parent, ops).pool(lambda: write_atomic(path, data))


def load_issued_pdf(*, parent, ops: Operations, sheet: Sheet) -> Op:
    """The exact PDF kept when the revision was issued."""
    report_id = sheet.report.id
    return Op(parent, ops).database(lambda store: issuing.issued_pdf(store, store.report_by_id(report_id)))

