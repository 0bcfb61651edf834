"""The toolbar's office box: names, the operator's own offices apart from those received from subordinates.

``currentText()`` and ``setCurrentText()`` speak office codes, as the rest of the window does.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from ui.i18n import _

CODE = Qt.ItemDataRole.UserRole


class OfficeBox(QComboBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setModel(QStandardItemModel(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_offices(self, choices, select: str = "") -> None:
        """Fill with ``OfficeChoice`` rows; headers only when both groups are there."""
        model: QStandardItemModel = self.model()
        self.blockSignals(True)
        model.clear()
        own = [c for c in choices if c.own]
        received = [c for c in choices if not c.own]
        for title, group in ((_("Đơn vị của tôi"), own), (_("Nhận từ cấp dưới"), received)):
            if not group:
                continue
            if own and received:
                model.appendRow(_header(title))
            for choice in group:
                item = QStandardItem(choice.label)
                item.setData(choice.code, CODE)
                item.setToolTip(choice.label)
                model.appendRow(item)
        self.blockSignals(False)
        self.setCurrentText(select if select in self.codes() else (self.codes() or [""])[0])

    def codes(self) -> list[str]:
        return [self.itemData(i, CODE) for i in range(self.count()) if self.itemData(i, CODE)]

    def currentText(self) -> str:  # noqa: N802 - Qt's name: the code, never the label
        return self.currentData(CODE) or ""

    def setCurrentText(self, code: str) -> None:  # noqa: N802 - Qt's name
        index = self.findData(code, CODE)
        if index >= 0:
            self.setCurrentIndex(index)


def _header(title: str) -> QStandardItem:
    item = QStandardItem(title)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: a group heading
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item
