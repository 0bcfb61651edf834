"""Text editors of a section: narrative with live preview, next-period tasks, last period's review."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import narrative
from app.domain.model import Task, TaskReview
from ui import figure_picker
from ui.citations import readable
from ui.i18n import _

PREVIEW_DELAY_MS = 150
#: Milliseconds from an editor's making to its spell check (``ui.spelling``): the window shows its text first.
SPELLING_AFTER_MS = 150


def spell_later(editor: QPlainTextEdit) -> None:
    """Give ``editor`` its spell check (wavy lines, suggestions in the context menu) once the window is up."""
    def attach() -> None:
        from ui.spelling import with_spelling

        editor.spelling = with_spelling(editor)

    QTimer.singleShot(SPELLING_AFTER_MS, editor, attach)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NarrativeEditor(QWidget):
    """One paragraph per line ("- " starts a bullet); figures as {CODE}, documents as {VB:…}."""

    text_changed = Signal(str)
    previous_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.context = ({}, {}, [], True, {})  # indicators, values, documents, pad, last year's figures
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(_("Mỗi dòng là một đoạn; dòng bắt đầu bằng “- ” là một gạch đầu dòng. "
                                         "Chèn số liệu để câu văn tự cập nhật số mới."))
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(_("Nội dung"))
        spell_later(self.editor)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(_("Xem trước nội dung"))
        self.insert_button = QToolButton(self)
        self.insert_button.setText(_("Chèn số liệu"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_button.setMinimumWidth(self.insert_button.sizeHint().width() + 14)  # room for the arrow
        self.insert_menu = QMenu(self)
        self.insert_menu.aboutToShow.connect(self.fill_insert_menu)  # built when opened, with the figures as now
        self._menu_context = None  # the context the menu was last built for
        self.insert_button.setMenu(self.insert_menu)
        self.previous_button = QPushButton(_("Lấy nội dung kỳ trước"), self)
        self.previous_button.setToolTip(_("Chép nội dung kỳ trước; các số liệu tự hiện số của kỳ này"))
        self.previous_button.clicked.connect(self.previous_requested.emit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._loading = False
        self.editor.textChanged.connect(self._typed)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Nội dung"), self))
        bar.addStretch()
        bar.addWidget(self.insert_button)
        bar.addWidget(self.previous_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split)

    def load(self, text: str, indicators, values, documents, pad: bool, read_only: bool, prior=None,
             special=None, following=None) -> None:
        """``special``: the report-wide placeholders ({KH_DAT}); ``following``: next period's plans."""
        self._loading = True
        self.context = (indicators, values, documents, pad, prior or {}, special or {}, following or {})
        self.editor.setPlainText(text)
        self.editor.setReadOnly(read_only)
        self.previous_button.setEnabled(not read_only)
        self.insert_button.setEnabled(not read_only)
        self._loading = False
        self.refresh_preview()

    def set_context(self, indicators, values, documents, pad, special=None) -> None:
        prior, old_special, following = self.context[4:]
        self.context = (indicators, values, documents, pad, prior, old_special if special is None else special,
                        following)
        self._timer.start()

    def fill_insert_menu(self) -> None:
        """The "Chèn số liệu" menu for the section and figures as they are now (rebuilt only when they changed)."""
        if self._menu_context is not self.context:
            figure_picker.fill(self.insert_menu, self.context, self.insert)
            self._menu_context = self.context

    def insert(self, placeholder: str) -> None:
        if not self.editor.isReadOnly():
            self.editor.insertPlainText(placeholder)
            self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _typed(self) -> None:
        if not self._loading:
            self.text_changed.emit(self.text())
        self._timer.start()

    def refresh_preview(self) -> None:
        indicators, values, documents, pad, prior, special, following = self.context
        html = []
        for line in self.text().split("\n"):
            line = line.strip()
            if not line:
                continue
            shown = narrative.expand(line, indicators, values, documents, pad=pad, prior=prior, special=special,
                                     following=following)
            style = "margin-left: 12px" if line.startswith("- ") else "text-indent: 24px"
            html.append(f"<p style='{style}; text-align: justify'>{_escape(shown)}</p>")
        self.preview.setHtml("".join(html) or f"<p><i>{_escape(_('Xem trước đoạn văn với số liệu hiện tại.'))}</i></p>")


class TasksEditor(QWidget):
    """Next period's tasks (one per line) and the lead-in sentence of the plan section."""

    tasks_changed = Signal(str)
    lead_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)  # a long section title wraps instead of widening the window
        self.lead = QLineEdit(self)
        self.lead.setPlaceholderText(_("Lời dẫn (không bắt buộc), ví dụ: Tổ chức thực hiện các nhiệm vụ trọng tâm sau:"))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(_("Mỗi dòng là một nhiệm vụ kỳ tới."))
        self.editor.setTabChangesFocus(True)
        self.preview = QLabel(self)  # the tasks with their citations as printed
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.documents = []
        spell_later(self.editor)
        self._loading = False
        self.editor.textChanged.connect(self._typed)
        self.lead.textEdited.connect(self.lead_changed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.lead)
        layout.addWidget(self.editor, 3)
        layout.addWidget(self.preview, 1)

    def load(self, heading: str, lead: str, tasks: list[Task], read_only: bool, documents=()) -> None:
        self._loading = True
        self.documents = list(documents)
        self.title.setText(heading)
        self.lead.setText(lead)
        self.editor.setPlainText("\n".join(t.text for t in tasks))
        self.editor.setReadOnly(read_only)
        self.lead.setReadOnly(read_only)
        self._loading = False
        self.refresh_preview()

    def text(self) -> str:
        return self.editor.toPlainText()

    def refresh_preview(self) -> None:
        """Show the tasks that cite documents as they print ("Quyết định số 408/QĐ-LĐTBXH ngày …")."""
        cited = [readable(line.strip(), self.documents) for line in self.text().split("\n") if "{VB:" in line]
        self.preview.setText(_("Trích dẫn in ra:") + "\n" + "\n".join(f"– {line}" for line in cited) if cited else "")
        self.preview.setVisible(bool(cited))

    def _typed(self) -> None:
        if not self._loading:
            self.tasks_changed.emit(self.text())
            self.refresh_preview()


STATUSES = ("", "done", "in_progress", "not_done")


def status_labels() -> dict[str, str]:
    return {"": "—", "done": _("Đã hoàn thành"), "in_progress": _("Đang thực hiện"), "not_done": _("Chưa thực hiện")}


class ReviewTable(QWidget):
    """Last period's tasks as a checklist: done / in progress / not done, with a comment."""

    review_changed = Signal(str, str, str)  # task id, status, comment

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Nhiệm vụ đã đề ra"), _("Kết quả"), _("Ghi chú")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.table.resizeRowsToContents()  # wrapped text at the width the table has now

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def load(self, label: str, tasks: list[Task], reviews: dict[str, TaskReview], read_only: bool,
             documents=()) -> None:
        self.title.setText(_("Nhiệm vụ đề ra kỳ trước ({period})").format(period=label) if tasks
                           else _("Kỳ trước không có nhiệm vụ cho mục này."))
        self.table.setRowCount(len(tasks))
        labels = status_labels()
        for row, task in enumerate(tasks):
            item = QTableWidgetItem(readable(task.text, list(documents)))
            item.setToolTip(task.text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, item)
            review = reviews.get(task.id)
            box = QComboBox(self.table)
            for key in STATUSES:
                box.addItem(labels[key], key)
            box.setCurrentIndex(STATUSES.index(review.status.value) if review else 0)
            box.setEnabled(not read_only)
            comment = QLineEdit(review.comment if review else "", self.table)
            comment.setReadOnly(read_only)
            box.currentIndexChanged.connect(lambda _i, t=task.id, b=box, c=comment: self._changed(t, b, c))
            comment.editingFinished.connect(lambda t=task.id, b=box, c=comment: self._changed(t, b, c))
            self.table.setCellWidget(row, 1, box)
            self.table.setCellWidget(row, 2, comment)
        self.table.resizeRowsToContents()

    def _changed(self, task_id: str, box: QComboBox, comment: QLineEdit) -> None:
        status = box.currentData()
        if status:
            self.review_changed.emit(task_id, status, comment.text())
