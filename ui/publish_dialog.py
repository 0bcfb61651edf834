"""Đồng bộ → Gửi mẫu báo cáo và hạn nộp…: a template file and the deadline of each period, for the offices below."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.period import Period
from app.errors import InputError
from ui import ask
from ui.i18n import _

ROWS = 4


def parse_deadlines(rows: list[tuple[str, str]]) -> dict[str, str]:
    """(period, dd/mm/yyyy) rows → {"2020-Q2": "2020-07-05"}; blank rows skipped; a wrong row refused by name."""
    out = {}
    for period, day in rows:
        period, day = period.strip(), day.strip()
        if not period and not day:
            continue
        try:
            key = str(Period.parse(period))
        except (InputError, ValueError):
            raise ValueError(_("Kỳ “{period}” không đúng dạng (ví dụ 2020-Q2, 2020-06).").format(
                period=period[:20])) from None
        try:
            out[key] = dt.datetime.strptime(day, "%d/%m/%Y").date().isoformat()
        except ValueError:
            raise ValueError(_("Hạn gửi của kỳ {period} “{day}” phải viết dạng 05/07/2020.").format(
                period=key, day=day[:20])) from None
    return out


class PublishDialog(QDialog):
    def __init__(self, period: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Gửi mẫu báo cáo và hạn nộp"))
        self.resize(620, 420)
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(_("Không gửi mẫu mới (để trống)"))
        choose = QPushButton(_("Chọn tệp mẫu…"), self)
        choose.clicked.connect(self._choose)
        self.table = QTableWidget(ROWS, 2, self)
        self.table.setHorizontalHeaderLabels([_("Kỳ báo cáo"), _("Hạn gửi (ngày/tháng/năm)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for row in range(ROWS):
            for col in range(2):
                self.table.setItem(row, col, QTableWidgetItem(""))
        self.table.item(0, 0).setText(period)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.deadlines: dict[str, str] = {}
        buttons = ask.buttons(self, _("Gửi vào thư mục dùng chung"), on_accept=self._send)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Các đơn vị cấp dưới nhận mẫu và hạn gửi ở lần đồng bộ tới."), self))
        layout.addWidget(QLabel(_("Tệp mẫu báo cáo"), self))
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Hạn gửi theo kỳ"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(ROWS)]

    def _choose(self) -> None:
        path = ask.open_file(self, _("Chọn tệp mẫu báo cáo"), _("Mẫu báo cáo (*.yaml *.yml *.json)"))
        if path:
            self.template.setText(path)

    def _send(self) -> None:
        try:
            self.deadlines = parse_deadlines(self.rows())
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if not self.deadlines and not self.template.text().strip():
            self.error.setText(_("Hãy chọn tệp mẫu báo cáo hoặc ghi ít nhất một hạn gửi."))
            return
        self.accept()
