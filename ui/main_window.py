"""The main window: pick office and period, walk the report's outline, enter each section.

Everything typed is saved through ``ui.operations`` (figures on Enter/Tab,
text 300 ms after the last keystroke); the title and status line always say
which office, period and revision are open and whether everything is saved.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
)

from app.domain.period import Period
from app.reporting import desk
from app.reporting import settings as settings_mod
from ui import ask
from ui.i18n import _
from ui.operations import Operations
from ui.report_actions import ReportActions
from ui.section import SectionEditor

SAVE_DELAY_MS = 300
SECTION_ROLE = Qt.ItemDataRole.UserRole
PLAN_ROLE = Qt.ItemDataRole.UserRole + 1


def app_title() -> str:
    return _("Báo cáo LĐTBXH")


class FigureEdit(QUndoCommand):
    """One figure cell changed; undo saves the old text back."""

    def __init__(self, window: MainWindow, report_id: str, code: str, column: str, old: str, new: str) -> None:
        super().__init__(_("Sửa {code}").format(code=code))
        self.window, self.args, self.old, self.new = window, (report_id, code, column), old, new

    def redo(self) -> None:
        self.window.save_figure(*self.args, self.new)

    def undo(self) -> None:
        self.window.save_figure(*self.args, self.old)


class MainWindow(QMainWindow):
    def __init__(self, ops: Operations, db_label: str, warnings: list[str] = ()) -> None:
        super().__init__()
        self.ops = ops
        self.db_label = db_label
        self.sheet: desk.Sheet | None = None
        self.section_code = ""
        self.pending: dict[tuple, tuple] = {}  # debounced text saves: key -> (fn, args)
        self.in_flight = 0
        self.undo_stack = QUndoStack(self)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.setWindowTitle(app_title())
        self.resize(1280, 800)
        self.actions_ = ReportActions(self)
        self._build()
        for warning in warnings:
            self.statusBar().showMessage(warning)
            QMessageBox.warning(self, app_title(), warning)
        self.ops.run(lambda store: (settings_mod.load(store), [o.code for o in store.offices()]), self._started,
                     self.show_error)

    # --- building -------------------------------------------------------------
    def _build(self) -> None:
        self.office_picker = QComboBox(self)
        self.office_picker.setToolTip(_("Đơn vị"))
        self.office_picker.setMinimumWidth(120)
        self.period_picker = QComboBox(self)
        self.period_picker.setEditable(True)
        self.period_picker.setToolTip(_("Kỳ báo cáo: chọn, hoặc gõ như 2020-Q2 rồi Enter"))
        self.period_picker.setMinimumWidth(230)
        self.office_picker.activated.connect(lambda _i: self._office_picked())
        self.period_picker.activated.connect(lambda _i: self.open_current())
        self.period_picker.lineEdit().returnPressed.connect(self.open_current)
        bar = QToolBar(_("Báo cáo"), self)
        bar.setObjectName("report-toolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(_("Đơn vị: "), self))
        bar.addWidget(self.office_picker)
        bar.addWidget(QLabel(_("  Kỳ: "), self))
        bar.addWidget(self.period_picker)
        bar.addSeparator()
        self.addToolBar(bar)
        self.outline = QTreeWidget(self)
        self.outline.setHeaderLabels([_("Mục"), ""])
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outline.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.outline.header().setStretchLastSection(False)
        self.outline.currentItemChanged.connect(self._section_picked)
        self.outline.setAccessibleName(_("Mục lục báo cáo"))
        self.editor = SectionEditor(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.editor)
        splitter.setSizes([280, 1000])
        self.setCentralWidget(splitter)
        self.findings = QListWidget(self)
        self.findings.setAccessibleName(_("Cần xem"))
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._finding_activated)
        self.findings.itemClicked.connect(self._finding_activated)
        self.findings_dock = QDockWidget(_("Cần xem"), self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [220], Qt.Orientation.Horizontal)
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.actions_.build_menus(bar)
        self._wire_editor()
        self._set_enabled(False)

    def _wire_editor(self) -> None:
        e = self.editor
        e.figures_model.edit_requested.connect(self._figure_edited)
        e.narrative.text_changed.connect(
            lambda text: self.queue_save(("narrative", self.section_code, "results"), desk.save_narrative,
                                         (self.section_code, "results", text)))
        e.narrative.previous_requested.connect(self._copy_previous)
        e.tasks.tasks_changed.connect(
            lambda text: self.queue_save(("tasks", self.section_code), desk.save_tasks, (self.section_code, text)))
        e.tasks.lead_changed.connect(
            lambda text: self.queue_save(("narrative", self.section_code, "plan"), desk.save_narrative,
                                         (self.section_code, "plan", text)))
        e.review.review_changed.connect(self._review_changed)
        e.documents.add_requested.connect(lambda: self.actions_.edit_document(None))
        e.documents.edit_requested.connect(self.actions_.edit_document)
        e.documents.delete_requested.connect(self.actions_.delete_document)

    def _set_enabled(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        self.actions_.set_report_actions(enabled)

    # --- starting -------------------------------------------------------------
    def _started(self, result) -> None:
        settings, offices = result
        self.settings = settings
        self._fill_offices(offices, settings.office)
        if not offices:
            self.saved_label.setText("")
            QTimer.singleShot(0, self.actions_.first_run)
            return
        self._office_picked(settings.period)

    def _fill_offices(self, offices: list[str], select: str = "") -> None:
        self.office_picker.clear()
        self.office_picker.addItems(offices)
        if select in offices:
            self.office_picker.setCurrentText(select)

    def reload_offices(self, select: str, period: str = "") -> None:
        def done(offices) -> None:
            self._fill_offices(offices, select)
            self._office_picked(period)

        self.ops.run(lambda store: [o.code for o in store.offices()], done, self.show_error)

    def _office_picked(self, period: str = "") -> None:
        office = self.office_picker.currentText()
        if not office:
            return

        def done(result) -> None:
            periods, chosen = result
            self.period_picker.clear()
            for code in periods:
                self.period_picker.addItem(f"{code} – {Period.parse(code).label}", code)
            self.period_picker.setCurrentIndex(max(self.period_picker.findData(chosen), 0))
            self.open_current()

        self.ops.run(lambda store: desk.periods_for_picker(store, office, period), done, self.show_error)

    def open_current(self) -> None:
        office = self.office_picker.currentText()
        period = self.period_picker.currentData()
        typed = self.period_picker.currentText().split(" ")[0].strip()
        if not period or (typed and typed != period):
            period = typed
        if office and period:
            self.open_report(office, period)

    def open_report(self, office: str, period: str, section: str = "") -> None:
        self.flush()
        self.statusBar().showMessage(_("Đang mở báo cáo…"))

        def done(sheet: desk.Sheet) -> None:
            self.show_sheet(sheet, section or self.section_code)
            self.ops.run(lambda store: settings_mod.update(store, office=office, period=period))

        self.ops.run(lambda store: desk.open_sheet(store, office, period), done, self.show_error)

    # --- showing --------------------------------------------------------------
    def show_sheet(self, sheet: desk.Sheet, section: str = "") -> None:
        self.sheet = sheet
        self.undo_stack.clear()
        data = sheet.data
        names = {s.code: f"{s.number}. {s.title}" for s in data.template.section_list()}
        self.editor.documents_model.load(data.documents, names)
        self.outline.blockSignals(True)
        self.outline.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for s in data.template.section_list():
            item = QTreeWidgetItem([f"{s.number}. {s.title}", ""])
            item.setData(0, SECTION_ROLE, s.code)
            item.setToolTip(0, s.title)
            parent = items.get(s.parent or "")
            (parent.addChild(item) if parent else self.outline.addTopLevelItem(item))
            items[s.code] = item
        plan = QTreeWidgetItem([_("Nhiệm vụ {period}").format(period=data.report.period.next().label), ""])
        plan.setData(0, SECTION_ROLE, "")
        self.outline.addTopLevelItem(plan)
        plan_items: dict[str, QTreeWidgetItem] = {}
        for s in data.template.section_list():
            item = QTreeWidgetItem([s.plan_title or s.title, ""])
            item.setToolTip(0, s.plan_title or s.title)
            item.setData(0, SECTION_ROLE, s.code)
            item.setData(0, PLAN_ROLE, True)
            (plan_items[s.parent] if s.parent in plan_items else plan).addChild(item)
            plan_items[s.code] = item
        self.outline.expandAll()
        self.outline.blockSignals(False)
        self._set_enabled(True)
        self.refresh_findings(sheet.findings)
        target = section if section in items else next(iter(items))
        self.outline.setCurrentItem(items[target])
        self._show_section(target)
        self.update_title()
        self.statusBar().showMessage(_("Đã mở {office} – {period}").format(
            office=data.office.code, period=data.report.period.label), 4000)

    def _section_picked(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None or self.sheet is None:
            return
        code = item.data(0, SECTION_ROLE)
        if not code:  # the "next period's tasks" heading: open its first section
            if item.childCount():
                self.outline.setCurrentItem(item.child(0))
            return
        self.flush()
        self._show_section(code)
        if item.data(0, PLAN_ROLE):
            self.editor.tabs.setCurrentIndex(2)
        elif self.editor.tabs.currentIndex() == 2:
            self.editor.tabs.setCurrentIndex(0)

    def _show_section(self, code: str) -> None:
        self.section_code = code
        data = self.sheet.data
        template = data.template
        section = template.by_section[code]
        read_only = self.sheet.read_only
        e = self.editor
        e.title.setText(f"{section.number}. {section.title}" + (_("  (chỉ xem)") if read_only else ""))
        e.figures_model.load(section.indicators, data.values, self.sheet.prior, self._messages(), read_only)
        e.figures.setVisible(bool(section.indicators))
        text = desk.blocks_to_text(data.narrative.get((code, "results"), []))
        e.narrative.load(text, template.indicators, data.values, data.documents, template.pad_small_counts,
                         read_only, self.sheet.prior)
        lead = " ".join(b.text for b in data.narrative.get((code, "plan"), []))
        heading = _("Nhiệm vụ {period} – {title}").format(period=data.report.period.next().label,
                                                          title=section.plan_title or section.title)
        e.tasks.load(heading, lead, [t for t in data.tasks if t.section == code], read_only)
        reviews = {r.task_id: r for r in data.reviews}
        e.review.load(self.sheet.previous_label, [t for t in self.sheet.previous_tasks if t.section == code],
                      reviews, read_only)

    def _messages(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.sheet.findings if self.sheet else ():
            if f.indicator and f.rule != "missing":
                out.setdefault(f.indicator, f.message)
        return out

    def refresh_findings(self, findings) -> None:
        if self.sheet is None:
            return
        self.sheet = desk.Sheet(self.sheet.data, tuple(findings), self.sheet.prior, self.sheet.previous_tasks,
                                self.sheet.previous_label, self.sheet.read_only)
        self.findings.clear()
        for finding in findings:
            entry = QListWidgetItem(str(finding))
            entry.setData(Qt.ItemDataRole.UserRole, (finding.section, finding.indicator))
            entry.setToolTip(finding.message)
            self.findings.addItem(entry)
        if not findings:
            self.findings.addItem(_("Không có lỗi hay cảnh báo."))
        self.findings_dock.setWindowTitle(_("Cần xem ({count})").format(count=len(findings)))
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.section] = counts.get(f.section, 0) + 1
        for item in self._outline_items():
            code = item.data(0, SECTION_ROLE)
            if not code:
                continue
            if item.data(0, PLAN_ROLE):
                tasks = sum(1 for t in self.sheet.data.tasks if t.section == code)
                item.setText(1, str(tasks) if tasks else "")
                continue
            item.setText(1, f"⚠ {counts[code]}" if code in counts else self._state(code))
        self.editor.figures_model.set_messages(self._messages())

    def _state(self, code: str) -> str:
        data = self.sheet.data
        section = data.template.by_section[code]
        has_text = bool(data.narrative.get((code, "results")))
        has_all = all(i.code in data.values for i in section.indicators)
        return "✓" if has_text and has_all else ("…" if has_text or any(
            i.code in data.values for i in section.indicators) else "")

    def _outline_items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.outline.topLevelItem(i) for i in range(self.outline.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def select_section(self, code: str) -> None:
        for item in self._outline_items():
            if item.data(0, SECTION_ROLE) == code:
                self.outline.setCurrentItem(item)
                return

    def move_section(self, step: int) -> None:
        items = self._outline_items()
        current = self.outline.currentItem()
        if current in items:
            index = max(0, min(len(items) - 1, items.index(current) + step))
            self.outline.setCurrentItem(items[index])

    def _finding_activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        section, indicator = target
        if section:
            self.select_section(section)
        self.editor.tabs.setCurrentIndex(0)
        if indicator:
            self.editor.figures.focus_value(indicator)

    def update_title(self) -> None:
        if self.sheet is None:
            self.setWindowTitle(app_title())
            return
        r, profile = self.sheet.report, self.sheet.data.profile
        if self.pending:
            saved = _("chưa lưu")
        elif self.in_flight:
            saved = _("đang lưu…")
        else:
            saved = _("đã lưu ✓")
        self.saved_label.setText(saved[0].upper() + saved[1:])
        self.setWindowTitle(f"{app_title()} – {r.office_code} – {profile.name} – {r.period.label} – "
                            f"{r.status.label} ({_('bản')} {r.revision}) – {saved}")

    # --- saving -----------------------------------------------------------------
    def _figure_edited(self, code: str, column: str, text: str) -> None:
        if self.sheet is None:
            return
        old = self._figure_text(code, column)
        self.undo_stack.push(FigureEdit(self, self.sheet.report.id, code, column, old, text))

    def _figure_text(self, code: str, column: str) -> str:
        from ui.figures import EDITABLE
        model = self.editor.figures_model
        col = next(c for c, name in EDITABLE.items() if name == column)
        row = model.row_of(code)
        if row < 0:
            return ""
        if column == "estimate":
            value = self.sheet.data.values.get(code)
            return "1" if value and value.estimate else "0"
        ind = model.indicators[row]
        return model._text(ind, self.sheet.data.values.get(code), col, edit=True)

    def save_figure(self, report_id: str, code: str, column: str, text: str) -> None:
        self._started_save()
        self.statusBar().clearMessage()

        def done(saved: desk.Saved) -> None:
            self._finished_save()
            if self.sheet is None or saved.report_id != self.sheet.report.id:
                return
            if saved.value is None:
                self.sheet.data.values.pop(code, None)
            else:
                self.sheet.data.values[code] = saved.value
            if self.editor.figures_model.row_of(code) >= 0:
                self.editor.figures_model.apply_saved(code, saved.value)
            self._after_save(saved)

        def failed(message: str) -> None:
            self._finished_save()
            model = self.editor.figures_model
            from ui.figures import EDITABLE
            col = next(c for c, name in EDITABLE.items() if name == column)
            model.refuse(code, col, message)
            self.statusBar().showMessage(message, 8000)

        self.ops.run(lambda store: desk.save_figure(store, report_id, code, column, text), done, failed)

    def queue_save(self, key: tuple, fn, args: tuple) -> None:
        """Debounced save of typed text; flushed on section change, close and after 300 ms of quiet."""
        if self.sheet is None:
            return
        self.pending[key] = (fn, (self.sheet.report.id, *args))
        self._save_timer.start()
        self.update_title()

    def flush(self) -> None:
        self._save_timer.stop()
        pending, self.pending = self.pending, {}
        for key, (fn, args) in pending.items():
            self._started_save()
            self.ops.run(lambda store, fn=fn, args=args: fn(store, *args),
                         lambda saved, key=key, args=args: self._text_saved(key, args, saved),
                         self._save_failed)
        self.update_title()

    def _text_saved(self, key: tuple, args: tuple, saved: desk.Saved) -> None:
        self._finished_save()
        if self.sheet is None or saved.report_id != self.sheet.report.id:
            return
        data = self.sheet.data
        if key[0] == "narrative":
            data.narrative[(key[1], key[2])] = desk.text_to_blocks(args[-1])
        elif key[0] == "tasks":
            from app.domain.model import Task
            others = [t for t in data.tasks if t.section != key[1]]
            mine = [Task("", key[1], line.strip()) for line in args[-1].split("\n") if line.strip()]
            data.tasks[:] = others + mine
        if saved.legacy:
            self.statusBar().showMessage(
                _("Văn bản có vẻ gõ bằng bảng mã {enc}. Đề nghị chuyển: {text}").format(
                    enc=saved.legacy.encoding, text=saved.legacy.suggestion[:120]), 15000)
        self._after_save(saved)

    def _save_failed(self, message: str) -> None:
        self._finished_save()
        self.show_error(message)

    def _started_save(self) -> None:
        self.in_flight += 1
        self.update_title()

    def _finished_save(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.update_title()

    def _after_save(self, saved: desk.Saved) -> None:
        self.refresh_findings(saved.findings)
        data = self.sheet.data
        self.editor.narrative.set_context(data.template.indicators, data.values, data.documents,
                                          data.template.pad_small_counts)

    def _copy_previous(self) -> None:
        if self.sheet is None:
            return
        report_id, section = self.sheet.report.id, self.section_code

        def done(text: str) -> None:
            if not text:
                self.statusBar().showMessage(_("Kỳ trước không có nội dung cho mục này."), 6000)
                return
            current = self.editor.narrative.text().strip()
            if current and not ask.yes_no(self, app_title(), _("Thay nội dung hiện tại bằng nội dung kỳ trước?")):
                return
            self.editor.narrative.editor.setPlainText(text)

        self.ops.run(lambda store: desk.previous_narrative(store, report_id, section), done, self.show_error)

    def _review_changed(self, task_id: str, status: str, comment: str) -> None:
        if self.sheet is None:
            return
        report_id = self.sheet.report.id
        self._started_save()

        def done(saved: desk.Saved) -> None:
            self._finished_save()
            self._after_save(saved)

        self.ops.run(lambda store: desk.review_task(store, report_id, task_id, status, comment), done,
                     self._save_failed)

    # --- misc -------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, app_title(), message)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.flush()
        settings = getattr(self, "settings", None)
        if settings and settings.backup_to_folder and settings.shared_folder and self.sheet:
            from app.storage.backup import backup_to_folder
            folder, office = settings.shared_folder, self.sheet.report.office_code
            self.ops.run(lambda store: backup_to_folder(store, folder, office),
                         on_error=lambda message: print(f"Sao lưu khi đóng: {message}", file=sys.stderr))
        self.ops.shutdown()  # waits for queued saves (and the backup) to finish
        super().closeEvent(event)
