"""Shared-folder work in the window: sync with progress and cancel, trust, consolidation."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from ui import ask
from ui.i18n import _
from ui.operations import exchange as exchange_ops
from ui.sync_reasons import window_reason


def status_label(status: str) -> str:
    return {"accepted": _("Đã nhận"), "unchanged": _("Đã có"), "rejected": _("Từ chối"), "held": _("Chờ"),
            "fork": _("Rẽ nhánh"), "skipped": _("Bỏ qua")}.get(status, status)


def _table(parent, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(str(text))
            item.setToolTip(str(text))
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):  # the last one (the reason) takes the rest and wraps
        table.resizeColumnToContents(column)
        title = table.horizontalHeaderItem(column).text() if table.horizontalHeaderItem(column) else ""
        table.setColumnWidth(column, max(table.columnWidth(column), header.fontMetrics().horizontalAdvance(title) + 16))
    table.resizeRowsToContents()


class _Progress(QObject):
    step = Signal(int, int)


class SyncDialog(QDialog):
    """Scan the shared folder: new packages with their outcome, and every file left aside."""

    def __init__(self, ops, folder: str, parent=None, on_done=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Đồng bộ thư mục dùng chung"))
        self.resize(820, 520)
        self.ops, self.folder, self.on_done = ops, folder, on_done
        self.cancel_flag = threading.Event()
        self.bridge = _Progress(self)
        self.bridge.step.connect(self._step)
        self.info = QLabel(_("Thư mục: {folder}").format(folder=folder), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.results = _table(self, [_("Kết quả"), _("Tệp"), _("Chi tiết")])
        self.aside = _table(self, [_("Tệp"), _("Tình trạng"), _("Lý do")])
        tabs = QTabWidget(self)
        tabs.addTab(self.results, _("Lần này"))
        tabs.addTab(self.aside, _("Tệp bị từ chối hoặc đang chờ"))
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(_("Dừng"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.clicked.connect(self.cancel_flag.set)
        buttons.addButton(_("Đóng"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.info, self.bar, tabs, buttons):
            layout.addWidget(widget)
        self.finished_run = False

    def start(self) -> None:
        """Sync on the shared-folder thread; typing and saving go on meanwhile."""
        exchange_ops.sync_folder(parent=self, ops=self.ops, folder=self.folder, progress=self.bridge.step.emit,
                                 cancelled=self.cancel_flag.is_set).success(self._done).failure(self._failed).run()

    def _step(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _done(self, synced: exchange_ops.Synced) -> None:
        self.finished_run = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        _fill(self.results, [(status_label(o.status), o.name, window_reason(o.reason)) for o in synced.outcomes])
        _fill(self.aside, [(path, status_label(status), window_reason(reason))
                           for path, status, reason in synced.aside])
        summary = _("{new} gói mới được nhận, {rejected} bị từ chối, {held} đang chờ; {old} tệp đã xét trước đây.")
        text = summary.format(new=synced.accepted, rejected=synced.rejected, held=synced.held, old=synced.skipped)
        if synced.cancelled:
            text = _("Đã dừng giữa chừng. ") + text
        self.info.setText(text)
        if self.on_done:
            self.on_done(synced)

    def _failed(self, message: str) -> None:
        self.finished_run = True
        self.bar.setRange(0, 1)
        self.cancel_button.setEnabled(False)
        self.info.setText(message)


class TrustDialog(QDialog):
    """Show a key file's office and fingerprint; trust only after the operator confirms it."""

    def __init__(self, office: str, fingerprint: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tin cậy khóa của đơn vị"))
        text = _("Đơn vị: {office}\nDấu vân tay: {fingerprint}\n\nHãy đối chiếu dấu vân tay này với đơn vị gửi "
                 "(đọc qua điện thoại hoặc xem trên máy của họ) trước khi tin cậy.")
        self.label = QLabel(text.format(office=office, fingerprint=fingerprint), self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = ask.buttons(self, _("Đã đối chiếu, tin cậy"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
