"""Consolidation of subordinate offices' reports: who sent, the figures by office, their text to quote."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _
from ui.sync_dialogs import _fill, _table


def sources_text(view) -> str:
    """“Tổng hợp từ: TTH, PHULOC · Trễ hạn: PHULOC · Chưa gửi: ALUOI”."""
    parts = [_("Tổng hợp từ: {offices}").format(offices=", ".join(view.included) or _("chưa đơn vị nào"))]
    if view.late:
        parts.append(_("Trễ hạn: {offices}").format(offices=", ".join(view.late)))
    parts.append(_("Chưa gửi: {offices}").format(offices=", ".join(view.missing)) if view.missing
                 else _("Tất cả đơn vị đã gửi."))
    return " · ".join(parts)


class ConsolidationDialog(QDialog):
    """Who submitted, the figures by office, and subordinate offices' text to quote."""

    quote_requested = Signal(str)
    include_own_changed = Signal(bool)
    export_requested = Signal()

    def __init__(self, view, section: str, parent=None) -> None:
        super().__init__(parent)
        self.resize(960, 600)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.include_own = QCheckBox(_("Cộng cả số liệu của đơn vị mình"), self)
        self.include_own.setChecked(view.include_own)
        self.include_own.setToolTip(_("Bỏ chọn khi số liệu của đơn vị mình đã gồm số của các đơn vị cấp dưới"))
        self.include_own.toggled.connect(self.include_own_changed.emit)
        self.completeness = _table(self, [_("Mã"), _("Đơn vị"), _("Tình trạng"), _("Bản"), _("Ngày gửi"),
                                          _("Hạn gửi")])
        self.breakdown = _table(self, list(view.columns))
        self.empty_completeness = QLabel(_("Chưa có đơn vị cấp dưới nào gửi báo cáo kỳ này. Vào Đồng bộ → "
                                           "Đồng bộ thư mục dùng chung để nhận các gói mới."), self)
        self.empty_breakdown = QLabel(_("Chưa có số liệu của đơn vị nào để tổng hợp."), self)
        self.empty_quotes = QLabel(_("Chưa có đơn vị cấp dưới nào gửi trích dẫn cho mục này."), self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_page(self, self.empty_completeness, self.completeness), _("Tình hình gửi báo cáo"))
        self.tabs.addTab(_page(self, self.empty_breakdown, self.breakdown), _("Số liệu theo đơn vị"))
        self.tabs.addTab(self._quotes_tab(view.sections, section), _("Nội dung các đơn vị"))
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(_("Xuất báo cáo tổng hợp (PDF, DOCX, XLSX)…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_requested.emit)
        buttons.addButton(_("Đóng"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.include_own, self.tabs, buttons):
            layout.addWidget(widget)
        self.show_view(view)

    def show_view(self, view) -> None:
        """Show ``view`` (again, after the own office's figures were added or left out)."""
        self.setWindowTitle(_("Tổng hợp {period}").format(period=view.period_label))
        self.quotes = view.quotes
        self.summary.setText(sources_text(view))
        _fill(self.completeness, list(view.completeness))
        self.breakdown.setColumnCount(len(view.columns))
        self.breakdown.setHorizontalHeaderLabels(list(view.columns))
        _fill(self.breakdown, list(view.breakdown))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row in range(self.breakdown.rowCount()):  # the offices' figures and the total, as numbers are read
            for column in range(2, self.breakdown.columnCount()):
                item = self.breakdown.item(row, column)
                if item is not None:
                    item.setTextAlignment(right)
        self.empty_completeness.setVisible(not view.completeness)
        self.empty_breakdown.setVisible(not view.breakdown)
        self._show_quotes()

    def _quotes_tab(self, sections, section: str) -> QWidget:
        self.section = QComboBox(self)
        # long section titles would widen the dialog past a laptop's screen: the list shows them in full
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(40)
        for code, title in sections:
            self.section.addItem(title, code)
        self.section.setCurrentIndex(max(self.section.findData(section), 0))
        self.section.currentIndexChanged.connect(self._show_quotes)
        self.quote_list = QListWidget(self)
        self.quote_list.setWordWrap(True)
        self.quote_button = QPushButton(_("Chèn đoạn đã chọn vào nội dung"), self)
        self.quote_button.clicked.connect(self._quote)
        page = _page(self, self.empty_quotes, self.quote_list)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Mục"), self))
        row.addWidget(self.section, 1)
        page.layout().insertLayout(0, row)
        page.layout().addWidget(self.quote_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _show_quotes(self, *_args) -> None:
        self.quote_list.clear()
        for office, texts in self.quotes.get(self.section.currentData(), []):
            for text in texts:
                self.quote_list.addItem(f"[{office}] {text}")
        empty = self.quote_list.count() == 0
        self.empty_quotes.setVisible(empty)
        self.quote_list.setVisible(not empty)
        self.quote_button.setEnabled(not empty)

    def _quote(self) -> None:
        item = self.quote_list.currentItem()
        if item:
            self.quote_requested.emit(item.text().split("] ", 1)[1])


def _page(parent, empty: QLabel, body: QWidget) -> QWidget:
    page = QWidget(parent)
    empty.setWordWrap(True)
    layout = QVBoxLayout(page)
    layout.addWidget(empty)
    layout.addWidget(body, 1)
    return page
