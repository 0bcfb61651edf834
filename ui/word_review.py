"""The review of a Word report's figures before anything is saved: accept, change the indicator, or skip."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.i18n import _

SKIP = ""  # the combo's data for "leave the figure as written"
COLUMNS = (_("Mục"), _("Số"), _("Chỉ tiêu"), _("Câu"))
SECTION, FIGURE, INDICATOR, SENTENCE = 0, 1, 2, 3


class WordReviewDialog(QDialog):
    """A row per figure; the indicator column offers the section's indicators of that unit and "bỏ qua"."""

    def __init__(self, rows, summary: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Duyệt báo cáo Word trước khi lưu"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary + " " + _("Chưa có gì được lưu cho đến khi bấm “Lưu vào báo cáo”.")))
        self.table = QTableWidget(len(rows), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.combos: list[QComboBox] = []
        for r, row in enumerate(rows):
            self._fill(r, row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SENTENCE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SECTION, 170), (FIGURE, 120), (INDICATOR, 320)):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(_("Lưu vào báo cáo"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()  # wrapped at the widths the dialog opened with

    def _fill(self, r: int, row) -> None:
        for column, text in ((SECTION, row.section), (FIGURE, row.figure), (SENTENCE, row.sentence)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, column, item)
        combo = QComboBox(self.table)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)  # "VL_MOI – Giải quyết việc…" in the column; the list shows all
        combo.addItem(_("— bỏ qua (giữ số như đã viết)"), SKIP)
        for code, label in row.options:
            combo.addItem(f"{code} – {label}", code)
        combo.setCurrentIndex(max(combo.findData(row.proposed or SKIP), 0))
        self.table.setCellWidget(r, INDICATOR, combo)
        self.combos.append(combo)

    def choices(self) -> dict[int, str | None]:
        """Each figure's chosen indicator code, None where it is skipped."""
        return {i: (combo.currentData() or None) for i, combo in enumerate(self.combos)}
