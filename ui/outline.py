"""The report's outline: its sections with their state, then next period's tasks."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem

from ui.i18n import _

SECTION_ROLE = Qt.ItemDataRole.UserRole
PLAN_ROLE = Qt.ItemDataRole.UserRole + 1


class ReportOutline(QTreeWidget):
    """Sections (with ✓, … or a count of findings) and, last, the next period's tasks by section."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([_("Mục"), ""])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setWordWrap(True)  # long titles wrap onto a second line rather than being cut
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegateForColumn(0, _WrappingTitles(self))
        self.header().sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())
        self.setAccessibleName(_("Mục lục báo cáo"))

    def show_report(self, data) -> dict[str, QTreeWidgetItem]:
        """Rebuild for ``data`` (a ReportData) without signalling; gives the section items by code."""
        self.blockSignals(True)
        self.clear()
        items: dict[str, QTreeWidgetItem] = {}
        sections = data.template.section_list()
        for s in sections:
            item = QTreeWidgetItem([f"{s.number}. {s.title}", ""])
            item.setData(0, SECTION_ROLE, s.code)
            item.setToolTip(0, s.title)
            parent = items.get(s.parent or "")
            (parent.addChild(item) if parent else self.addTopLevelItem(item))
            items[s.code] = item
        plan = QTreeWidgetItem([_("Nhiệm vụ {period}").format(period=data.report.period.next().label), ""])
        plan.setData(0, SECTION_ROLE, "")
        self.addTopLevelItem(plan)
        plan_items: dict[str, QTreeWidgetItem] = {}
        for s in sections:
            item = QTreeWidgetItem([s.plan_title or s.title, ""])
            item.setToolTip(0, s.plan_title or s.title)
            item.setData(0, SECTION_ROLE, s.code)
            item.setData(0, PLAN_ROLE, True)
            (plan_items[s.parent] if s.parent in plan_items else plan).addChild(item)
            plan_items[s.code] = item
        self.expandAll()
        self.blockSignals(False)
        return items

    def show_states(self, data, findings) -> None:
        """Each section's mark: ⚠ and its count of findings, else ✓ (all entered) or … (begun)."""
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.section] = counts.get(f.section, 0) + 1
        for item in self.all_items():
            code = item.data(0, SECTION_ROLE)
            if not code:
                continue
            if item.data(0, PLAN_ROLE):
                tasks = sum(1 for t in data.tasks if t.section == code)
                item.setText(1, str(tasks) if tasks else "")
                continue
            item.setText(1, f"⚠ {counts[code]}" if code in counts else _state(data, code))

    def all_items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def select(self, code: str) -> None:
        for item in self.all_items():
            if item.data(0, SECTION_ROLE) == code:
                self.setCurrentItem(item)
                return

    def move(self, step: int) -> None:
        items = self.all_items()
        current = self.currentItem()
        if current in items:
            self.setCurrentItem(items[max(0, min(len(items) - 1, items.index(current) + step))])


class _WrappingTitles(QStyledItemDelegate):
    """Row heights that fit a title wrapped to the column's width (Qt measures one line only)."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        base = super().sizeHint(option, index)
        view = self.parent()
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = view.columnWidth(0) - depth * view.indentation() - 8
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if width <= 40 or not opt.text:
            return base
        box = opt.fontMetrics.boundingRect(QRect(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), box.height() + 6))


def _state(data, code: str) -> str:
    section = data.template.by_section[code]
    has_text = bool(data.narrative.get((code, "results")))
    has_all = all(i.code in data.values for i in section.indicators)
    begun = has_text or any(i.code in data.values for i in section.indicators)
    return "✓" if has_text and has_all else ("…" if begun else "")
