"""The template editor: sections and indicators of the report, changed without code.

It edits a ``Draft`` (app/template_edit.py); every change is checked at once and
a refused one says why. Saving installs a new version; reports keep theirs until
moved over with a mapping shown first.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import InputError
from ui import ask
from ui.figures import FiguresModel, FiguresView
from ui.i18n import _
from ui.operations.office import Draft
from ui.template_forms import IndicatorForm, SectionForm

KIND_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateEditor(QDialog):
    """Edit the sections and indicators; the right-hand grid previews the section's form."""

    saved = Signal(object)  # the Draft to install as a new version

    def __init__(self, draft: Draft, parent=None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowTitle(_("Mẫu báo cáo {code} (đang sửa từ phiên bản {version})").format(
            code=draft.data["code"], version=draft.base_version))
        self.resize(1100, 680)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Mục và chỉ tiêu")])
        self.tree.currentItemChanged.connect(self._picked)
        self.section_form = SectionForm(self)
        self.indicator_form = IndicatorForm(self)
        self.forms = QStackedWidget(self)
        self.forms.addWidget(self.section_form)
        self.forms.addWidget(self.indicator_form)
        self.preview_model = FiguresModel(self)
        self.preview = FiguresView(self.preview_model, self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.new_code = QLineEdit(self)
        self.new_code.setPlaceholderText(_("Mã mới (chữ in hoa không dấu), ví dụ VL_THANH_NIEN"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self._right_side())
        split.setSizes([380, 720])
        box = ask.buttons(self, _("Lưu thành phiên bản mới"), _("Đóng"), on_accept=self._save)
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        outer.addWidget(box)
        self.refresh()

    def _right_side(self) -> QWidget:
        buttons = QHBoxLayout()
        for text, slot in ((_("Thêm mục"), self.add_section), (_("Thêm mục con"), self.add_child_section),
                           (_("Thêm chỉ tiêu"), self.add_indicator), (_("Lên"), lambda: self.move(-1)),
                           (_("Xuống"), lambda: self.move(1)), (_("Xóa"), self.remove),
                           (_("Áp dụng"), self.apply)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        right = QWidget(self)
        layout = QVBoxLayout(right)
        layout.addWidget(self.forms)
        layout.addWidget(self.new_code)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(_("Xem trước bảng số liệu của mục"), self))
        layout.addWidget(self.preview)
        return right

    # --- tree -------------------------------------------------------------------------
    def refresh(self, select: tuple[str, str] | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        template = self.draft.template()
        bold = QFont()
        bold.setBold(True)
        items: dict = {}

        def add(sections, parent) -> None:
            for section in sections:
                item = QTreeWidgetItem([f"{section.number}. {section.title}"])
                item.setFont(0, bold)
                item.setData(0, KIND_ROLE, "section")
                item.setData(0, CODE_ROLE, section.code)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[("section", section.code)] = item
                for ind in section.indicators:
                    child = QTreeWidgetItem([("    " if ind.parent else "• ") + f"{ind.label} ({ind.code})"])
                    child.setData(0, KIND_ROLE, "indicator")
                    child.setData(0, CODE_ROLE, ind.code)
                    item.addChild(child)
                    items[("indicator", ind.code)] = child
                add(section.children, item)

        add(template.sections, None)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        target = items.get(select) if select else None
        self.tree.setCurrentItem(target or self.tree.topLevelItem(0))

    def current(self) -> tuple[str, str]:
        item = self.tree.currentItem()
        return (item.data(0, KIND_ROLE), item.data(0, CODE_ROLE)) if item else ("", "")

    def _section_of(self) -> str:
        item = self.tree.currentItem()
        while item is not None and item.data(0, KIND_ROLE) != "section":
            item = item.parent()
        return item.data(0, CODE_ROLE) if item else ""

    def _picked(self, *_args) -> None:
        kind, code = self.current()
        self.error.clear()
        if kind == "section":
            self.section_form.load(self.draft.section(code))
            self.forms.setCurrentWidget(self.section_form)
        elif kind == "indicator":
            data, _ = self.draft.indicator(code)
            self.indicator_form.load(data, list(self.draft.template().indicators))
            self.forms.setCurrentWidget(self.indicator_form)
        section = self.draft.template().by_section.get(self._section_of())
        if section:
            self.preview_model.load(section.indicators, {}, {}, {}, read_only=True)

    # --- operations -------------------------------------------------------------------
    def _do(self, change, select=None) -> bool:
        try:
            change()
        except InputError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.refresh(select or self.current())
        return True

    def _new_code(self) -> str:
        return self.new_code.text().strip().upper()

    def add_section(self, parent: str | None = None) -> None:
        code, after = self._new_code(), None if parent else self._top_section()
        if self._do(lambda: self.draft.add_section(code, _("Mục mới"), parent, after), ("section", code)):
            self.new_code.clear()

    def _top_section(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, CODE_ROLE) if item else None

    def add_child_section(self) -> None:
        self.add_section(self._section_of())

    def add_indicator(self) -> None:
        code, section = self._new_code(), self._section_of()
        kind, current = self.current()
        after = current if kind == "indicator" else None
        fields = {"code": code, "label": _("Chỉ tiêu mới"), "unit": "người"}
        if self._do(lambda: self.draft.add_indicator(section, fields, after), ("indicator", code)):
            self.new_code.clear()

    def move(self, step: int) -> None:
        kind, code = self.current()
        mover = self.draft.move_section if kind == "section" else self.draft.move_indicator
        self._do(lambda: mover(code, step), (kind, code))

    def remove(self) -> None:
        kind, code = self.current()
        remover = self.draft.remove_section if kind == "section" else self.draft.remove_indicator
        self._do(lambda: remover(code), None)

    def apply(self) -> bool:
        """Write the form into the draft (checked)."""
        kind, code = self.current()
        if kind == "section":
            form = self.section_form
            return self._do(lambda: self.draft.rename_section(code, form.title.text().strip(),
                                                              form.plan_title.text().strip()), (kind, code))
        fields = self.indicator_form.fields()
        return self._do(lambda: self.draft.update_indicator(code, fields), (kind, code))

    def _save(self) -> None:
        if self.apply():
            self.saved.emit(self.draft)
            self.accept()


class MappingDialog(QDialog):
    """What moving the open report to the new version does, before it is done."""

    def __init__(self, lines: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Chuyển báo cáo sang phiên bản mẫu mới"))
        text = QLabel("\n".join(lines), self)
        text.setWordWrap(True)
        box = ask.buttons(self, _("Chuyển"), _("Để nguyên"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Báo cáo đang mở sẽ thay đổi như sau:"), self))
        layout.addWidget(text)
        layout.addWidget(box)
