"""“Hạn gửi: 05/07/2020 (còn 3 ngày)” in the status bar of an office whose parent set a deadline."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from ui.i18n import _
from ui.operations import deadlines as deadline_ops


def deadline_text(due: dt.date | None, today: dt.date, submitted: bool) -> tuple[str, bool]:
    """The words to show and whether they warn (late, or due today); ("", False) without a deadline."""
    if due is None:
        return "", False
    day = due.strftime("%d/%m/%Y")
    left = (due - today).days
    if submitted:
        return _("Hạn gửi: {day} (đã gửi)").format(day=day), False
    if left > 0:
        return _("Hạn gửi: {day} (còn {n} ngày)").format(day=day, n=left), left <= 3
    if left == 0:
        return _("Hạn gửi: {day} (hôm nay)").format(day=day), True
    return _("Hạn gửi: {day} (đã quá hạn {n} ngày)").format(day=day, n=-left), True


class DeadlineLabel(QLabel):
    """Shown in the status bar; empty for an office with no deadline received."""

    def show_for(self, window, sheet, today: dt.date | None = None) -> None:
        submitted = sheet.report.status.value == "submitted"

        def shown(due) -> None:
            text, warn = deadline_text(due, today or dt.date.today(), submitted)
            self.setText(text)
            self.setStyleSheet("color: #b71c1c; font-weight: bold;" if warn else "")
            self.setToolTip(_("Hạn gửi báo cáo do đơn vị cấp trên đặt") if text else "")

        deadline_ops.load_deadline(parent=window, ops=window.ops, sheet=sheet).success(shown).run()
