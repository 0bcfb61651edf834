"""The toolbar's period box: pick a period, or type a new one ("2020-Q2") and press Enter.

Every entry reads "2020-Q2 – Quý II năm 2020"; a typed period is checked before
anything opens, so a wrong one is refused once, in words, and never joins the list.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox

from app.domain.period import Period
from app.errors import InputError
from ui.i18n import _


def entry_label(code: str) -> str:
    """"2020-Q2 – Quý II năm 2020"."""
    return f"{code} – {Period.parse(code).label}"


class PeriodBox(QComboBox):
    """``chosen`` once per choice, picked or typed; ``refused`` with the reason for a wrong entry."""

    chosen = Signal(str)
    refused = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed text joins the list only once checked
        self.setToolTip(_("Kỳ báo cáo: chọn, hoặc gõ như 2020-Q2 rồi Enter"))
        self.lineEdit().setPlaceholderText(_("ví dụ 2020-Q2"))
        self._pending = False
        self._entered = False  # an Enter was just handled as typed text
        self.lineEdit().returnPressed.connect(self._typed)
        self.activated.connect(self._picked)

    def set_periods(self, codes: list[str], chosen: str) -> None:
        """Offer ``codes`` (newest first), each labelled, and select ``chosen``."""
        self.blockSignals(True)
        self.clear()
        for code in codes:
            self.addItem(entry_label(code), code)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)

    def current_code(self) -> str:
        return self.currentData() or ""

    def _typed(self) -> None:
        """Enter in the box: a known period selects its entry; a new one is added, labelled; else refused."""
        if self._entered:  # the box and its line edit may both report one Enter
            return
        self._entered = True
        QTimer.singleShot(0, lambda: setattr(self, "_entered", False))
        text = self.currentText().strip()
        code = text.split(" ")[0] if text else ""
        if not code:
            self._restore()
            return
        try:
            code = str(Period.parse(code))
        except InputError as exc:
            self._restore()
            message = str(exc)  # told after this Enter is handled: a message box must not see its echo
            QTimer.singleShot(0, lambda: self.refused.emit(message))
            return
        index = self.findData(code)
        if index < 0:
            index = self._insert(code)
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))
        self._choose()

    def _picked(self, index: int) -> None:
        """A pick from the list; Qt reports Enter in the box this way too (``_typed`` answers that)."""
        if not self._entered and self.currentText().strip() == self.itemText(index):
            self._choose()

    def _choose(self) -> None:
        if not self._pending:  # the same Enter may come as a pick and as typed text: answer it once
            self._pending = True
            QTimer.singleShot(0, self._emit)

    def _emit(self) -> None:
        self._pending = False
        if self.current_code():
            self.chosen.emit(self.current_code())

    def _insert(self, code: str) -> int:
        key = Period.parse(code).sort_key
        position = next((i for i in range(self.count()) if Period.parse(self.itemData(i)).sort_key < key),
                        self.count())
        self.insertItem(position, entry_label(code), code)
        return position

    def _restore(self) -> None:
        """Put the selected entry's label back in the box (nothing typed stays behind)."""
        self.setEditText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
