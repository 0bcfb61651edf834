"""The document register: documents the office issued or cites, per report."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import DOC_TYPES, Document
from app.domain.narrative import reference
from ui import ask
from ui.i18n import _
from ui.tablemodel import FlatTableModel

TYPE, REF, DATE, ISSUER, SUMMARY, SECTION, ADVISED = range(7)
DOC_ROLE = Qt.ItemDataRole.UserRole + 2


class DocumentsModel(FlatTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.documents: list[Document] = []
        self.section_names: dict[str, str] = {}
        self.headers = [_("Loại"), _("Số, ký hiệu"), _("Ngày"), _("Cơ quan ban hành"), _("Trích yếu"),
                         _("Mục"), _("Tham mưu UBND")]

    def load(self, documents: list[Document], section_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.documents, self.section_names = list(documents), section_names
        self.endResetModel()

    def put(self, doc: Document) -> None:
        """Show an added or edited document (targeted change, no reset)."""
        for row, existing in enumerate(self.documents):
            if existing.id == doc.id:
                self.documents[row] = doc
                self.dataChanged.emit(self.index(row, 0), self.index(row, ADVISED))
                return
        self.beginInsertRows(QModelIndex(), len(self.documents), len(self.documents))
        self.documents.append(doc)
        self.endInsertRows()

    def remove(self, doc_id: str) -> None:
        for row, existing in enumerate(self.documents):
            if existing.id == doc_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.documents[row]
                self.endRemoveRows()
                return


    @property
    def rows(self) -> list:
        return self.documents

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self.documents[index.row()]
        col = index.column()
        if role == DOC_ROLE:
            return doc
        if role == Qt.ItemDataRole.ToolTipRole:
            return reference(doc)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if col == DATE:
                return doc.issued_on.isoformat() if doc.issued_on else ""
            if col == REF:
                return f"{int(doc.number or 0):08d}{doc.ref}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            TYPE: doc.doc_type, REF: doc.ref, DATE: f"{doc.issued_on:%d/%m/%Y}" if doc.issued_on else "",
            ISSUER: doc.issuer, SUMMARY: doc.summary, SECTION: self.section_names.get(doc.section, doc.section),
            ADVISED: "✓" if doc.advised else "",
        }[col]


class DocumentsProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        if a is None or b is None:
            a, b = left.data(), right.data()
        return (a or "") < (b or "")


class DocumentDialog(QDialog):
    """Add or edit one document; the canonical reference is shown as typed."""

    def __init__(self, sections: list[tuple[str, str]], doc: Document | None = None, section: str = "",
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Văn bản") if doc else _("Thêm văn bản"))
        self.doc_id = doc.id if doc else ""
        self.kind = QComboBox(self)
        self.kind.setEditable(True)
        self.kind.addItems(DOC_TYPES)
        self.ref = QLineEdit(self)
        self.ref.setPlaceholderText("171/LĐTBXH-VP")
        self.date = QLineEdit(self)
        self.date.setPlaceholderText(_("ngày/tháng/năm, ví dụ 31/01/2020"))
        self.issuer = QLineEdit(self)
        self.summary = QLineEdit(self)
        self.section = QComboBox(self)
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(40)
        for code, title in sections:
            self.section.addItem(title, code)
        self.own = QCheckBox(_("Do đơn vị ban hành"), self)
        self.advised = QCheckBox(_("Tham mưu UBND ban hành (đưa vào phụ lục)"), self)
        self.preview = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self._lay_out()
        self._load(doc, section)
        for widget in (self.ref, self.date):
            widget.textChanged.connect(self._update_preview)
        self.kind.currentTextChanged.connect(self._update_preview)
        self._update_preview()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for label, widget in ((_("Loại văn bản"), self.kind), (_("Số, ký hiệu"), self.ref),
                              (_("Ngày ban hành"), self.date), (_("Cơ quan ban hành"), self.issuer),
                              (_("Trích yếu"), self.summary), (_("Thuộc mục"), self.section)):
            form.addRow(label, widget)
        form.addRow(self.own)
        form.addRow(self.advised)
        form.addRow(_("Trích dẫn"), self.preview)
        buttons = ask.buttons(self, _("Lưu"), on_accept=self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _load(self, doc: Document | None, section: str) -> None:
        if doc:
            self.kind.setCurrentText(doc.doc_type)
            self.ref.setText(doc.ref)
            self.date.setText(f"{doc.issued_on:%d/%m/%Y}" if doc.issued_on else "")
            self.issuer.setText(doc.issuer)
            self.summary.setText(doc.summary)
            self.own.setChecked(doc.own)
            self.advised.setChecked(doc.advised)
            section = doc.section
        else:
            self.own.setChecked(True)
        index = self.section.findData(section)
        self.section.setCurrentIndex(max(index, 0))

    def _parsed_date(self) -> dt.date | None:
        text = self.date.text().strip()
        if not text:
            return None
        return dt.datetime.strptime(text, "%d/%m/%Y").date()

    def _update_preview(self) -> None:
        try:
            doc = self.document()
        except ValueError:
            self.preview.setText("…")
            return
        self.preview.setText(reference(doc) if doc.ref else "…")

    def document(self) -> Document:
        return Document(
            id=self.doc_id, section=self.section.currentData() or "", doc_type=self.kind.currentText().strip(),
            ref=self.ref.text().strip(), issued_on=self._parsed_date(), issuer=self.issuer.text().strip(),
            summary=self.summary.text().strip(), own=self.own.isChecked(), advised=self.advised.isChecked(),
        )

    def _accept(self) -> None:
        try:
            doc = self.document()
        except ValueError:
            self.error.setText(_("Ngày phải viết dạng ngày/tháng/năm, ví dụ 31/01/2020."))
            self.date.setFocus()
            return
        if not doc.ref:
            self.error.setText(_("Hãy nhập số, ký hiệu văn bản."))
            self.ref.setFocus()
            return
        self.accept()


class DocumentsPanel(QWidget):
    """Table with search, add, edit, delete and "insert into the text"."""

    add_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    insert_requested = Signal(str)  # placeholder text "{VB:ref}"

    def __init__(self, model: DocumentsModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = DocumentsProxy(self)
        self.proxy.setSourceModel(model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for col in (TYPE, REF, DATE, ADVISED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ISSUER, 130), (SECTION, 120)):  # never narrower than their titles
            title = model.headerData(col, Qt.Orientation.Horizontal) or ""
            self.view.setColumnWidth(col, max(width, header.fontMetrics().horizontalAdvance(title) + 24))
        self.view.doubleClicked.connect(lambda _index: self._edit())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Tìm văn bản (số, ký hiệu, trích yếu…)"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        row = QHBoxLayout()
        row.addWidget(self.search)
        for text, slot in ((_("Thêm…"), self.add_requested.emit), (_("Sửa…"), self._edit),
                           (_("Xóa"), self._delete), (_("Chèn vào nội dung"), self._insert)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)

    def current(self) -> Document | None:
        index = self.view.currentIndex()
        return index.data(DOC_ROLE) if index.isValid() else None

    def _edit(self) -> None:
        if doc := self.current():
            self.edit_requested.emit(doc)

    def _delete(self) -> None:
        if doc := self.current():
            self.delete_requested.emit(doc)

    def _insert(self) -> None:
        if doc := self.current():
            self.insert_requested.emit("{VB:" + doc.ref + "}")
