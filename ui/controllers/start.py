"""The window's first report: read with the offices in one trip to the database while the window is being
built, shown as soon as it is there, its findings looked for right after (``report_ops.check_report``)."""
from __future__ import annotations

import gc

import msgspec
from PySide6.QtCore import QTimer

from ui.operations import report as report_ops


def started(window, start: report_ops.Start) -> None:
    """Fill the pickers and show the report ``start`` opened; the usual way when it could not be opened."""
    window.settings = start.settings
    window.office_picker.set_offices(start.offices, start.settings.office)
    if not start.offices:
        window.saved_label.setText("")
        QTimer.singleShot(0, window.office_menu.first_run)
    elif start.sheet is not None and window.office_picker.currentText() == start.office:
        window.period_picker.set_periods(*start.periods)
        window.show_sheet(start.sheet)
        gc.freeze()  # the first report and what showing it built stay: no collection walks them again
    else:
        window.office_picked(start.settings.period)


#: Milliseconds the window is left to draw and take the first keys before the findings are looked for.
CHECK_AFTER_MS = 100


def check_soon(window, sheet) -> None:
    """``check`` once the window has drawn what it shows (the check's work would otherwise hold it up); nothing
    when the window is gone by then."""
    QTimer.singleShot(CHECK_AFTER_MS, window, lambda: check(window, sheet))


def check(window, sheet) -> None:
    """Look for the findings of ``sheet`` (shown unchecked) and show them, unless another sheet came meanwhile:
    a write brings its own findings, another report is checked when it opens."""
    def found(findings) -> None:
        current = window.sheet
        if current is not None and current.report.id == sheet.report.id and not current.checked:
            window.sheet = msgspec.structs.replace(current, findings=findings, checked=True)
            window.show_findings()

    report_ops.check_report(parent=window, ops=window.ops, sheet=sheet).success(found).run()
