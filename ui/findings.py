"""The findings panel: every error and warning of the report; activating one jumps to its field."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QListView, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ui.i18n import _, core

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
LEGACY_TEXT = "legacy_text"  # a finding whose text was typed in TCVN3/VNI: "Chuyển sang Unicode" fixes it


class FindingsPanel(QDockWidget):
    jump_requested = Signal(str, str)  # section, indicator
    convert_requested = Signal(object)  # the legacy-text finding to convert

    def __init__(self, parent=None) -> None:
        super().__init__(_("Cần xem"), parent)
        self.setObjectName("findings")
        self.findings, self.refusals, self.checking = [], [], False
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Cần xem"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap to the panel's width, never beyond it
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.addItem(_("Chưa mở báo cáo nào."))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.currentItemChanged.connect(lambda item, _old: self._offer_fix(item))
        self.convert = QPushButton(_("Chuyển sang Unicode"), self)
        self.convert.setToolTip(_("Chỉ chuyển phần gõ bằng bảng mã cũ (TCVN3, VNI) của đoạn này; phần đã đúng "
                                  "Unicode giữ nguyên. Hoàn tác bằng Ctrl+Z trong ô chữ."))
        self.convert.clicked.connect(self._convert)
        self.convert.hide()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.convert)
        self.setWidget(body)

    def show_findings(self, findings, refusals=None, checking: bool = False) -> None:
        """The report's findings, after the refused input still to fix (``refusals``, kept when None);
        ``checking``: they are still being looked for."""
        self.checking = checking
        self.findings = list(findings)
        if refusals is not None:
            self.refusals = list(refusals)
        self.list.clear()
        for refusal in self.refusals:
            entry = QListWidgetItem(_("Lỗi: {code} chưa lưu «{text}» – {message}").format(
                code=refusal.code, text=refusal.text, message=refusal.message))
            entry.setData(Qt.ItemDataRole.UserRole, (refusal.section, refusal.code))
            entry.setForeground(QColor("#b00020"))
            entry.setToolTip(refusal.message)
            self.list.addItem(entry)
        for finding in findings:
            entry = QListWidgetItem(f"{core(finding.severity.label)}: {core(finding.message)}")
            entry.setData(Qt.ItemDataRole.UserRole, (finding.section, finding.indicator))
            entry.setToolTip(core(finding.message))
            entry.setData(FINDING_ROLE, finding)
            self.list.addItem(entry)
        if not findings and not self.refusals:
            self.list.addItem(_("Đang kiểm tra báo cáo…") if checking else _("Không có lỗi hay cảnh báo."))
        self.setWindowTitle(_("Cần xem ({count})").format(count=len(findings) + len(self.refusals)))

    def show_refusals(self, refusals) -> None:
        self.show_findings(self.findings, refusals, self.checking)

    def focus_first(self) -> None:
        self.show()
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_finding(self):
        item = self.list.currentItem()
        return item.data(FINDING_ROLE) if item is not None else None

    def _offer_fix(self, item: QListWidgetItem | None) -> None:
        finding = item.data(FINDING_ROLE) if item is not None else None
        self.convert.setVisible(finding is not None and finding.rule == LEGACY_TEXT and bool(finding.text))

    def _convert(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.rule == LEGACY_TEXT:
            self.convert_requested.emit(finding)

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.jump_requested.emit(*target)


def figure_messages(findings) -> dict[str, str]:
    """The first message of each indicator with a finding (missing figures are not flagged beside the cell)."""
    out: dict[str, str] = {}
    for f in findings:
        if f.indicator and f.rule != "missing":
            out.setdefault(f.indicator, core(f.message))
    return out
