"""Báo cáo → Nhật ký thay đổi: the open report's change log, filtered by what, door, user and text."""
from __future__ import annotations

import re

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _

AT, OFFICE, USER, CHANNEL, WHAT, KEY, CHANGE = range(7)
ALL = ""


def _headers() -> list[str]:
    return [_("Thời điểm"), _("Đơn vị"), _("Người dùng"), _("Nguồn"), _("Loại"), _("Chỉ tiêu/mục"),
            _("Cũ → mới")]


def channel_name(channel: str) -> str:
    """The door a change came through, as the operator calls it."""
    names = {"window": _("cửa sổ"), "command": _("lệnh"), "sync": _("đồng bộ"), "import": _("nhập tệp")}
    return names.get(channel, channel or "—")


def entity_name(entity: str) -> str:
    """What kind of thing changed, as the operator calls it."""
    names = {"value": _("Số liệu"), "narrative": _("Nội dung"), "document": _("Văn bản"), "tasks": _("Nhiệm vụ"),
             "task_review": _("Kết quả nhiệm vụ"), "report": _("Báo cáo"), "import": _("Nhập báo cáo"),
             "revision": _("Bản sửa đổi"), "status": _("Trạng thái"), "office": _("Đơn vị"),
             "office_profile": _("Thông tin đơn vị"), "office_template": _("Mẫu của đơn vị"),
             "template": _("Mẫu báo cáo"), "file": _("Tệp"), "setting": _("Cài đặt"), "package": _("Gói gửi"),
             "key": _("Khóa ký"), "trust": _("Khóa tin cậy")}
    return names.get(entity, entity)


def readable_change(change: str) -> str:
    """``number: 2607 → 2700`` as ``số liệu: 2607 → 2700``: the stored field names in the window's words."""
    fields = {"number": _("số liệu"), "note": _("ghi chú"), "estimate": _("ước tính"), "qualifier": _("khoảng/ước"),
              "plan": _("kế hoạch năm"), "prior_year": _("cùng kỳ"), "denominator": _("mẫu số"),
              "as_of": _("tính đến"), "revision": _("bản"), "status": _("trạng thái")}
    return re.sub(r"(^|; )([a-z_]+): ", lambda m: f"{m[1]}{fields.get(m[2], m[2])}: ", change)


class _Filter(QSortFilterProxyModel):
    """Keeps rows matching every chosen filter: key, door, user (exact) and a text found anywhere in the row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.wanted: dict[int, str] = {}
        self.text = ""

    def set_filter(self, column: int, value: str) -> None:
        self.beginFilterChange()
        self.wanted[column] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 - Qt's name
        source = self.sourceModel()
        cells = [source.index(row, col, parent).data(Qt.ItemDataRole.UserRole) or "" for col in range(7)]
        if any(value and cells[col] != value for col, value in self.wanted.items()):
            return False
        return not self.text or any(self.text in str(source.index(row, col, parent).data()).casefold()
                                    for col in range(7))


class AuditDialog(QDialog):
    """The entries of ``list_audit``, newest first, with filters above the table."""

    def __init__(self, title: str, entries: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Nhật ký thay đổi – {title}").format(title=title))
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(_headers())
        for entry in reversed(entries):
            self.model.appendRow([self._item(shown, raw) for shown, raw in self._cells(entry)])
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table()
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters(entries))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.proxy.layoutChanged.connect(self._counted)
        self.proxy.rowsInserted.connect(self._counted)
        self.proxy.rowsRemoved.connect(self._counted)
        self.proxy.modelReset.connect(self._counted)
        self._counted()
        self.resize(1100, 560)

    @staticmethod
    def _cells(entry) -> list[tuple[str, str]]:
        change = readable_change(entry.change) + (_(" (lý do: {reason})").format(reason=entry.reason) if entry.reason else "")
        return [(entry.at, entry.at), (entry.office, entry.office), (entry.user or "—", entry.user),
                (channel_name(entry.channel), entry.channel), (entity_name(entry.entity), entry.entity),
                (entry.key, entry.key), (change, change)]

    @staticmethod
    def _item(shown: str, raw: str) -> QStandardItem:
        item = QStandardItem(shown)
        item.setData(raw, Qt.ItemDataRole.UserRole)
        item.setToolTip(shown)
        item.setEditable(False)
        return item

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        for col, width in ((AT, 140), (OFFICE, 60), (USER, 90), (CHANNEL, 80), (WHAT, 100), (KEY, 130)):
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        return table

    def _combo(self, label: str, column: int, values: list[tuple[str, str]], row: QHBoxLayout) -> QComboBox:
        box = QComboBox(self)
        box.addItem(_("Tất cả"), ALL)
        for shown, raw in values:
            box.addItem(shown, raw)
        box.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(column, box.currentData()))
        caption = QLabel(label, self)
        caption.setBuddy(box)
        row.addWidget(caption)
        row.addWidget(box)
        return box

    def _filters(self, entries: list) -> QHBoxLayout:
        row = QHBoxLayout()
        keys = sorted({e.key for e in entries if e.entity in ("value", "narrative", "document", "task")})
        self.by_key = self._combo(_("&Chỉ tiêu/mục:"), KEY, [(k, k) for k in keys], row)
        doors = sorted({e.channel for e in entries})
        self.by_channel = self._combo(_("&Nguồn:"), CHANNEL, [(channel_name(c), c) for c in doors], row)
        users = sorted({e.user for e in entries if e.user})
        self.by_user = self._combo(_("&Người dùng:"), USER, [(u, u) for u in users], row)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Tìm trong nhật ký…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        caption = QLabel(_("&Tìm:"), self)
        caption.setBuddy(self.search)
        row.addWidget(caption)
        row.addWidget(self.search, 1)
        return row

    def _counted(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not total:
            self.count.setText(_("Chưa có thay đổi nào được ghi."))
        else:
            self.count.setText(_("{shown}/{total} thay đổi").format(shown=shown, total=total))

    def shown_rows(self) -> list[list[str]]:
        """What the table shows now, row by row (for reading back)."""
        return [[str(self.proxy.index(r, c).data()) for c in range(7)] for r in range(self.proxy.rowCount())]
