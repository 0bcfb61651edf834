"""A small window beside the grid: the selected figure's last 4 periods and its latest changes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ui.audit_dialog import channel_name, readable_change
from ui.i18n import _


def history_html(history) -> str:
    """A ``CellHistory`` as rich text: a table of earlier periods, then the changes (when, who, old → new)."""
    import html  # with its table of entities: loaded when a history is first shown, not at the start

    rows = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>{html.escape(shown) or '—'}</td></tr>"
                   for label, shown in history.earlier)
    parts = [f"<p><b>{html.escape(history.code)}</b> – {html.escape(history.label)}</p>",
             f"<p><b>{_('Các kỳ trước')}</b></p><table cellspacing='0' cellpadding='2'>{rows}</table>",
             f"<p><b>{_('Thay đổi gần đây')}</b></p>"]
    if not history.changes:
        parts.append(f"<p>{_('Chưa có thay đổi nào được ghi.')}</p>")
    for entry in history.changes:
        door = channel_name(entry.channel) if entry.channel else ""
        who = " · ".join(x for x in (entry.user, door) if x)
        reason = _(" (lý do: {reason})").format(reason=entry.reason) if entry.reason else ""
        parts.append(f"<p>{html.escape(entry.at)} – {html.escape(who)}<br>"
                     f"{html.escape(readable_change(entry.change) + reason)}</p>")
    return "".join(parts)


class HistoryPanel(QDialog):
    """A tool window that follows the grid's selected row; ``show_history`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle(_("Lịch sử chỉ tiêu"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # typing stays in the grid
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser)
        self.resize(360, 420)
        self.code = ""

    def show_history(self, history) -> None:
        self.code = history.code
        self.browser.setHtml(history_html(history))

    def show_empty(self) -> None:
        self.code = ""
        self.browser.setHtml(f"<p>{_('Chọn một dòng trong bảng số liệu để xem lịch sử của chỉ tiêu.')}</p>")


def history_tip(history) -> str:
    """A figure cell's tooltip: the 4 periods before and the latest change (when, who, old → new)."""
    import html

    rows = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>&nbsp;{html.escape(shown) or '—'}</td></tr>"
                   for label, shown in history.earlier)
    earlier, latest = _("Các kỳ trước"), _("Thay đổi gần nhất")
    tip = f"<b>{earlier}</b><table cellspacing='0' cellpadding='1'>{rows}</table>"
    if history.changes:
        entry = history.changes[0]
        who = " · ".join(x for x in (entry.user, channel_name(entry.channel) if entry.channel else "") if x)
        tip += (f"<b>{latest}</b><br>{html.escape(entry.at)}"
                f"{' – ' + html.escape(who) if who else ''}<br>{html.escape(readable_change(entry.change))}")
    return tip
