"""The figures grid of one section: a table model over the section's indicators.

Edits are not applied to the model directly: ``edit_requested`` asks the window
to save through the operations layer; the saved value comes back through
``apply_saved``. Refused input stays in its cell as typed, marked, with the reason
in "Kiểm tra" and the tooltip, until a save of that cell succeeds.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
)

from app.domain.model import Value
from app.domain.numbers import QUALIFIERS
from app.domain.template import Indicator
from ui.figure_text import CHANGE, CHECK, ESTIMATE, LABEL, NOTE, PLAN, PRIOR, QUALIFIER, SHARE, UNIT, VALUE, cell_text
from ui.i18n import _
from ui.tablemodel import FlatTableModel

EDITABLE = {VALUE: "value", QUALIFIER: "qualifier", ESTIMATE: "estimate", PRIOR: "prior_year",
            PLAN: "plan", NOTE: "note"}
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
# at least this wide (or the header's text); "Chỉ tiêu" takes the rest and wraps
COLUMN_WIDTHS = {UNIT: 64, VALUE: 76, QUALIFIER: 44, ESTIMATE: 34, PRIOR: 70, CHANGE: 60, PLAN: 66, SHARE: 44,
                 NOTE: 100, CHECK: 150}


def headers() -> list[str]:
    return [_("Chỉ tiêu"), _("ĐVT"), _("Kỳ này"), _("Mức"), _("Ước"), _("Cùng kỳ"),
            _("So cùng kỳ"), _("KH năm"), _("% KH"), _("Ghi chú"), _("Kiểm tra")]


class FiguresModel(FlatTableModel):
    edit_requested = Signal(str, str, str)  # indicator code, column name, text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.indicators: list[Indicator] = []
        self.values: dict[str, Value] = {}
        self.prior: dict[str, Decimal] = {}
        self.messages: dict[str, str] = {}
        self.pending: dict[tuple[str, int], str] = {}
        self.refused: dict[tuple[str, int], str] = {}  # (code, column) -> why the typed text was refused
        self.read_only = False
        self.history_tips: dict[str, str] = {}  # code -> rich-text history, kept by ``ui.history_tips.HistoryTips``
        self.headers = headers()

    def load(self, indicators, values, prior, messages, read_only=False) -> None:
        self.beginResetModel()
        self.indicators, self.values, self.prior = list(indicators), dict(values), dict(prior)
        self.messages, self.pending, self.read_only = dict(messages), {}, read_only
        self.refused = {}
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, ind in enumerate(self.indicators) if ind.code == code), -1)

    def apply_saved(self, code: str, value: Value | None) -> None:
        """Show the stored value of ``code`` (after a save)."""
        if value is None:
            self.values.pop(code, None)
        else:
            self.values[code] = value
        self._drop_pending(code)

    def edit_text(self, code: str, column: str) -> str:
        """What an editor of cell (``code``, ``column`` name) starts from ("" for a row not shown)."""
        row = self.row_of(code)
        if row < 0:
            return ""
        value = self.values.get(code)
        if column == "estimate":
            return "1" if value and value.estimate else "0"
        col = next(c for c, name in EDITABLE.items() if name == column)
        return self._text(self.indicators[row], value, col, edit=True)

    def refuse(self, code: str, column: int, message: str, text: str) -> None:
        """Input was refused: keep ``text`` in the cell for correction, marked, and say why beside it."""
        if self.row_of(code) < 0:
            return
        self.pending[(code, column)] = text
        self.refused[(code, column)] = message
        self._changed(code)

    def accept(self, code: str, column: int) -> None:
        """A save of the cell went through: it is no longer refused."""
        if self.refused.pop((code, column), None) is not None:
            self.pending.pop((code, column), None)
            self._changed(code)

    def refused_message(self, code: str) -> str:
        return next((m for (c, _col), m in self.refused.items() if c == code), "")

    def set_history_tips(self, tips: dict[str, str]) -> None:
        """Keep these tooltips (merged; an empty dict clears them); no repaint: a tooltip is read on hover."""
        self.history_tips = {**self.history_tips, **tips} if tips else {}

    def set_messages(self, messages: dict[str, str]) -> None:
        self.messages = dict(messages)
        if self.indicators:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.indicators) - 1, CHECK))

    def _drop_pending(self, code: str) -> None:
        for key in [k for k in self.pending if k[0] == code and k not in self.refused]:
            del self.pending[key]
        self._changed(code)

    def _changed(self, code: str) -> None:
        row = self.row_of(code)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, CHECK))

    # --- Qt model ------------------------------------------------------------

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or index.column() not in EDITABLE:
            return base
        if index.column() == ESTIMATE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    @property
    def rows(self) -> list:
        return self.indicators

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ind = self.indicators[index.row()]
        col = index.column()
        value = self.values.get(ind.code)
        if role == CODE_ROLE:
            return ind.code
        if role == Qt.ItemDataRole.CheckStateRole and col == ESTIMATE:
            return Qt.CheckState.Checked if value and value.estimate else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            pending = self.pending.get((ind.code, col))
            if pending is not None:
                return pending
            return self._text(ind, value, col, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (VALUE, PRIOR, CHANGE, PLAN, SHARE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        refused = self.refused.get((ind.code, col))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == LABEL:
                return f"{ind.label} ({ind.code})"
            said = refused or (self._message(ind.code) if col in (VALUE, CHECK) else "")
            past = self.history_tips.get(ind.code) if col == VALUE and not refused else None
            if said and past:
                import html  # with its table of entities: loaded for the first such tip, not at the start

                return f"<p><b>{html.escape(said)}</b></p>{past}"
            return said or past or None
        if role == Qt.ItemDataRole.ForegroundRole and (refused or (col == CHECK and self._message(ind.code))):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.FontRole and refused:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(QColor("#f8c4cb"))
        if role == Qt.ItemDataRole.BackgroundRole and col in (LABEL, VALUE) and self._message(ind.code):
            return QBrush(QColor("#fde7e9"))  # the row to look at, even when "Kiểm tra" is scrolled away
        return None

    def _message(self, code: str) -> str:
        return self.refused_message(code) or self.messages.get(code, "")

    def _text(self, ind: Indicator, value: Value | None, col: int, edit: bool) -> str:
        if col == CHECK:
            return self.refused_message(ind.code) or self.messages.get(ind.code, "")
        return cell_text(ind, value, col, self.prior.get(ind.code))

    def setData(self, index, text, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        col = index.column()
        if col not in EDITABLE or self.read_only:
            return False
        ind = self.indicators[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and col == ESTIMATE:
            text = "1" if Qt.CheckState(text) == Qt.CheckState.Checked else "0"
        elif role != Qt.ItemDataRole.EditRole:
            return False
        text = str(text)
        refused = (ind.code, col) in self.refused
        if text == self._text(ind, self.values.get(ind.code), col, edit=True) and not refused:
            return False
        self.pending[(ind.code, col)] = text
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(ind.code, EDITABLE[col], text)
        return True


class _Delegate(QStyledItemDelegate):
    """Line editors that commit on Enter and move down; a list for the qualifier."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() == QUALIFIER:
            box = QComboBox(parent)
            box.addItems(["", *QUALIFIERS])
            return box
        editor = QLineEdit(parent)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        else:
            editor.setText(text)

    def setModelData(self, editor, model, index):  # noqa: N802
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            view = self.parent()
            if isinstance(view, FiguresView):
                view.move_down()
            return True
        return super().eventFilter(editor, event)


class FiguresView(QTableView):
    """Keyboard-first: type to edit, Enter saves and goes down, Tab goes right."""

    def __init__(self, model: FiguresModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(_Delegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(30)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)  # what is left, wrapped
        for col, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            title = model.headerData(col, Qt.Orientation.Horizontal) or ""
            self.setColumnWidth(col, max(width, header.fontMetrics().horizontalAdvance(title) + 14))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self._show_check)
        model.dataChanged.connect(lambda *_args: self._show_check())
        self.setAccessibleName(_("Bảng số liệu"))

    def _show_check(self) -> None:
        """"Kiểm tra" takes room only when a row has something to say."""
        model = self.model()
        self.setColumnHidden(CHECK, not any(model.index(r, CHECK).data() for r in range(model.rowCount())))

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(self.currentIndex())
                return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().column() in EDITABLE:
            self.model().setData(self.currentIndex(), "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)

    def focus_value(self, code: str | None = None) -> None:
        row = self.model().row_of(code) if code else 0
        self.setCurrentIndex(self.model().index(max(row, 0), VALUE))
        self.setFocus()
