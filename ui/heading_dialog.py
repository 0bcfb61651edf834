"""The report's own title ("BÁO CÁO"), summary line and section headings; left empty, the template's print."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout

from ui import ask
from ui.i18n import _

WHERE, DEFAULT, OWN = range(3)


class HeadingDialog(QDialog):
    """``headings``: (key, where, the template's text, the report's own text) of each heading, in outline order."""

    def __init__(self, title: str, summary: str, defaults: tuple[str, str], parent=None,
                 headings: list[tuple[str, str, str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tiêu đề và trích yếu"))
        self.title = QLineEdit(title, self)
        self.title.setPlaceholderText(defaults[0])
        self.summary = QLineEdit(summary, self)
        self.summary.setPlaceholderText(defaults[1])
        self.summary.setMinimumWidth(560)
        form = QFormLayout()
        form.addRow(_("Tiêu đề"), self.title)
        form.addRow(_("Trích yếu"), self.summary)
        self.keys = [key for key, *_rest in headings or []]
        self.table = _headings_table(self, headings or [])
        note = QLabel(_("Để trống thì in theo mẫu báo cáo."), self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Tiêu đề các phần và các mục của báo cáo này:"), self))
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(ask.buttons(self, _("Lưu")))

    def values(self) -> tuple[str, str]:
        return self.title.text().strip(), self.summary.text().strip()

    def headings(self) -> dict[str, str]:
        """Every heading row: key → the text typed ("" prints the template's)."""
        return {key: (self.table.item(row, OWN).text() if self.table.item(row, OWN) else "").strip()
                for row, key in enumerate(self.keys)}


def _headings_table(parent, headings: list[tuple[str, str, str, str]]) -> QTableWidget:
    table = QTableWidget(len(headings), 3, parent)
    table.setHorizontalHeaderLabels([_("Vị trí"), _("Theo mẫu"), _("Tiêu đề riêng")])
    for row, (_key, where, default, own) in enumerate(headings):
        for col, text in ((WHERE, where), (DEFAULT, default), (OWN, own)):
            item = QTableWidgetItem(text)
            if col != OWN:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, col, item)
    table.horizontalHeader().setStretchLastSection(True)
    table.setColumnWidth(WHERE, 170)
    table.setColumnWidth(DEFAULT, 300)
    table.setMinimumHeight(220)
    return table
