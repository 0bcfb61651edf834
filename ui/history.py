"""A small window beside the grid: the selected figure's last 4 periods and its latest changes."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ui.audit_dialog import channel_name, readable_change
from ui.i18n import _
from ui.operations import history as history_ops


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


class HistoryTips(QObject):
    """Keeps the figures grid's history tooltips: fetched in the background once per section shown,
    again for a row after its figure changes; hovering reads only what is kept."""

    def __init__(self, ctx, model) -> None:
        super().__init__(model)
        self.ctx, self.model = ctx, model
        self.generation, self.waiting = 0, set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self._fetch_waiting)
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(self._changed)

    def _reset(self) -> None:
        self.generation += 1
        self.waiting = {ind.code for ind in self.model.indicators}
        self.model.set_history_tips({})
        self.timer.start(0)

    def _changed(self, top, bottom, *_roles) -> None:
        if top.row() == bottom.row() and top.row() < len(self.model.indicators):  # one figure saved or refused
            self.waiting.add(self.model.indicators[top.row()].code)
            self.timer.start()

    def _fetch_waiting(self) -> None:
        if not self.waiting or self.ctx.current() is None:
            return
        codes, generation = sorted(self.waiting), self.generation
        self.waiting = set()
        office, period = self.ctx.key()

        def fetched(histories) -> None:
            if generation == self.generation:
                self.model.set_history_tips({code: history_tip(h) for code, h in histories.items()})

        history_ops.cell_histories(parent=self.ctx.parent, ops=self.ctx.ops, office=office, period=period,
                                   codes=codes).success(fetched).failure(lambda _message: None).run()
