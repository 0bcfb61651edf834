"""What a controller may ask of the window: a small interface instead of the whole window."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtWidgets import QWidget

from ui.operations import Operations, Updated


class WindowContext(msgspec.Struct, frozen=True):
    parent: QWidget  # dialogs open over it
    ops: Operations
    current: Callable[[], Any]  # the open report's sheet, or None
    section: Callable[[], str]  # the section shown
    settings: Callable[[], Any]
    set_settings: Callable[[Any], None]
    apply: Callable[[Updated], None]  # redraw from what a write changed
    open_office: Callable[[str, str], None]  # list offices again, select one, open a period ("" for the usual)
    flush: Callable[[], None]  # send typed text now
    status: Callable[..., None]  # (message, milliseconds=0) on the status line
    show_error: Callable[[str], None]
    keep: Callable[[str, QWidget], None]  # keep a dialog alive (and findable by that name) while it is open

    def key(self) -> tuple[str, str]:
        """Office code and period of the open report."""
        report = self.current().report
        return report.office_code, str(report.period)

    def title(self) -> str:
        """The open report's short name, for file names and dialog titles."""
        office, period = self.key()
        return f"BC-{office}-{period}"
