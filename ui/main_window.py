"""The main window: pick office and period, walk the report's outline, enter each section.

The window lays out the widgets and keeps the open report's sheet; the
controllers (content editing, report, shared folder, office and settings) do
the work through ``ui.operations``, and every write comes back as an
``Updated`` that ``apply`` redraws from. The title and status line always say
which office, period and revision are open and whether everything is saved.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar, QTreeWidgetItem

from ui import chart_panel
from ui.actions import ReportActions
from ui.controllers import start as start_ctl
from ui.controllers.carry_menu import CarryMenu
from ui.controllers.content import ContentController
from ui.controllers.context import WindowContext
from ui.controllers.exchange_menu import ExchangeMenu
from ui.controllers.history_menu import HistoryMenu
from ui.controllers.layout import WindowLayout, build_pickers
from ui.controllers.office_menu import OfficeMenu
from ui.controllers.report_menu import ReportMenu
from ui.deadline_label import DeadlineLabel
from ui.findings import FindingsPanel, figure_messages
from ui.i18n import _, core
from ui.menus import build_menus
from ui.operations import Operations, Updated
from ui.operations import office as office_ops
from ui.operations import report as report_ops
from ui.outline import PLAN_ROLE, SECTION_ROLE, ReportOutline
from ui.section import SectionEditor


def app_title() -> str:
    return _("Báo cáo LĐTBXH")


class MainWindow(QMainWindow):
    def __init__(self, ops: Operations, db_label: str, warnings: list[str] = (), start=None) -> None:
        """``start``: ``report_ops.load_start`` already running (the report loads while the window is built)."""
        super().__init__()
        self.ops, self.db_label = ops, db_label
        ops.error_handler = self.show_error
        self.sheet = None  # desk.Sheet of the open report
        self.settings = None
        self.section_code = ""
        self.setWindowTitle(app_title())
        self._build()
        self.window_layout.restore()
        if start is None:
            start = report_ops.load_start(parent=self, ops=ops)
            start.run()
        start.success(lambda result: start_ctl.started(self, result))  # delivered once the event loop runs, so after what follows
        for warning in warnings:
            self.statusBar().showMessage(warning)
            self.warn(warning)

    # --- building -------------------------------------------------------------
    def _build(self) -> None:
        bar = build_pickers(self)
        self.office_picker.activated.connect(lambda _i: self.office_picked())
        self.period_picker.chosen.connect(lambda _code: self.open_current())
        self.period_picker.refused.connect(self.warn)
        self.outline = ReportOutline(self)
        self.outline.currentItemChanged.connect(self._section_picked)
        self.editor = SectionEditor(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.editor)
        self.setCentralWidget(splitter)
        self.findings_dock = FindingsPanel(self)
        self.findings = self.findings_dock.list
        self.findings_dock.jump_requested.connect(self._jump)
        self.findings_dock.convert_requested.connect(self._convert_legacy)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.chart_dock = chart_panel.attach(self)
        self.window_layout = WindowLayout(self, {"main": splitter, "content": self.editor.content})
        self.saved_label = QLabel(self)
        self.deadline_label = DeadlineLabel(self)
        self.statusBar().addPermanentWidget(self.deadline_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_controllers(bar)
        self._set_enabled(False)

    def _build_controllers(self, bar: QToolBar) -> None:
        ctx = WindowContext(
            parent=self, ops=self.ops, current=lambda: self.sheet, section=lambda: self.section_code,
            settings=lambda: self.settings, set_settings=lambda new: setattr(self, "settings", new),
            apply=self.apply, open_office=self.reload_offices, flush=lambda: self.content.flush(),
            status=self.status, show_error=self.show_error, keep=lambda name, dialog: setattr(self, name, dialog))
        self.needs_report = ReportActions()
        self.content = ContentController(ctx, self.editor)
        self.content.state_changed.connect(self.update_title)
        self.content.refusals_changed.connect(lambda: self.findings_dock.show_refusals(self.content.refusals()))
        self.undo_stack = self.content.undo_stack
        self.report_menu = ReportMenu(ctx, self.needs_report)
        self.exchange_menu = ExchangeMenu(ctx, self.needs_report, quote_into=self.editor.narrative.insert)
        self.office_menu = OfficeMenu(ctx, self.needs_report)
        self.history_menu = HistoryMenu(ctx, self.needs_report, self.editor.figures, self.db_label)
        build_menus(self, bar, report=self.report_menu, exchange=self.exchange_menu, office=self.office_menu,
                    undo_stack=self.undo_stack, carry=CarryMenu(ctx, self.needs_report), history=self.history_menu, navigation={
                        "next": lambda: self.move_section(1), "previous": lambda: self.move_section(-1),
                        "findings": self.findings_dock.focus_first,
                        "figures": lambda: self.editor.figures.focus_value(), "text": self._focus_text,
                        "outline": self.outline.setFocus})

    def _convert_legacy(self, finding) -> None:
        """The findings' “Chuyển sang Unicode”: show the section, convert the flagged run."""
        from ui import legacy_action

        legacy_action.convert_finding(self, finding)

    def _set_enabled(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        self.needs_report.set_enabled(enabled)
        if enabled and self.sheet:
            self.report_menu.show_status(self.sheet.report.status.value)

    # --- picking office and period ---------------------------------------------
    def reload_offices(self, select: str, period: str = "") -> None:
        """List the offices again, select ``select`` and open ``period`` (or the usual one)."""
        def done(offices) -> None:
            self.office_picker.set_offices(offices, select)
            self.office_picked(period)

        report_ops.list_offices(parent=self, ops=self.ops).success(done).run()

    def office_picked(self, period: str = "") -> None:
        office = self.office_picker.currentText()
        if not office:
            return

        def done(result) -> None:
            self.period_picker.set_periods(*result)
            self.open_current()

        report_ops.list_periods(parent=self, ops=self.ops, office=office, preferred=period).success(done).run()

    def open_current(self) -> None:
        office = self.office_picker.currentText()
        period = self.period_picker.currentData()
        typed = self.period_picker.currentText().split(" ")[0].strip()
        if not period or (typed and typed != period):
            period = typed
        if office and period:
            self.open_report(office, period)

    def open_report(self, office: str, period: str, section: str = "") -> None:
        self.content.flush()
        self.statusBar().showMessage(_("Đang mở báo cáo…"))
        report_ops.open_report(parent=self, ops=self.ops, office=office, period=period) \
            .success(lambda sheet: self.show_sheet(sheet, section or self.section_code)).run()

    # --- showing --------------------------------------------------------------
    def show_sheet(self, sheet, section: str = "") -> None:
        """Show a report afresh: outline, findings, the section, title and actions."""
        self.sheet = sheet
        self.undo_stack.clear()
        data = sheet.data
        self.editor.documents_model.load(data.documents, {s.code: f"{s.number}. {s.title}"
                                                          for s in data.template.section_list()})
        items = self.outline.show_report(data)
        self._set_enabled(True)
        self.show_findings()
        target = section if section in items else next(iter(items))
        self.outline.blockSignals(True)  # the section is shown once, here, not again by the outline's signal
        self.outline.setCurrentItem(items[target])
        self.outline.blockSignals(False)
        if self.editor.tabs.currentIndex() == 2:  # next period's tasks belong to the plan's items
            self.editor.tabs.setCurrentIndex(0)
        self._show_section(target)
        self.update_title()
        self.deadline_label.show_for(self, sheet)
        self.statusBar().showMessage(_("Đã mở {office} – {period}").format(
            office=data.office.code, period=data.report.period.label), 4000)
        if not sheet.checked:
            start_ctl.check_soon(self, sheet)

    def apply(self, updated: Updated) -> None:
        """Redraw what a write changed, from its ``Changes`` and the report as now stored."""
        changes, sheet = updated.changes, updated.sheet
        if changes.offices:
            current = self.office_picker.currentText()
            self.reload_offices(changes.office or current, self._period() if changes.office in ("", current) else "")
            return
        if sheet is None or self.sheet is None:
            return
        if changes.whole_report:
            if (sheet.report.office_code, sheet.report.period) == (self.sheet.report.office_code,
                                                                   self.sheet.report.period):
                self.show_sheet(sheet, self.section_code)
            return
        if sheet.report.id == self.sheet.report.id:
            self.sheet = sheet
            self._redraw(changes)

    def _redraw(self, changes) -> None:
        data, e = self.sheet.data, self.editor
        for code in changes.indicators:
            if e.figures_model.row_of(code) >= 0:
                e.figures_model.apply_saved(code, data.values.get(code))
        for doc_id in changes.documents:
            stored = next((d for d in data.documents if d.id == doc_id), None)
            e.documents_model.put(stored) if stored else e.documents_model.remove(doc_id)
        if changes.findings is not None:
            self.show_findings()
        if changes.indicators or changes.documents:
            e.narrative.set_context(data.template.indicators, data.values, data.citable,
                                    data.template.pad_small_counts, self.sheet.special)
        self.update_title()

    def _period(self) -> str:
        return str(self.sheet.report.period) if self.sheet else ""

    def show_findings(self) -> None:
        findings = self.sheet.findings
        self.findings_dock.show_findings(findings, checking=not self.sheet.checked)
        self.outline.show_states(self.sheet.data, findings)
        self.editor.figures_model.set_messages(figure_messages(findings))

    def _section_picked(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None or self.sheet is None:
            return
        code = item.data(0, SECTION_ROLE)
        if not code:  # the "next period's tasks" heading: open its first section
            if item.childCount():
                self.outline.setCurrentItem(item.child(0))
            return
        self.content.flush()
        self._show_section(code)
        if item.data(0, PLAN_ROLE):
            self.editor.tabs.setCurrentIndex(2)
        elif self.editor.tabs.currentIndex() == 2:
            self.editor.tabs.setCurrentIndex(0)

    def _show_section(self, code: str) -> None:
        self.section_code = code
        self.editor.show_section(self.sheet, code, figure_messages(self.sheet.findings))
        self.content.show_refusals()

    def select_section(self, code: str) -> None:
        self.outline.select(code)

    def move_section(self, step: int) -> None:
        self.outline.move(step)

    def _jump(self, section: str, indicator: str) -> None:
        if section:
            self.select_section(section)
        self.editor.tabs.setCurrentIndex(0)
        if indicator:
            self.editor.figures.focus_value(indicator)

    def _focus_text(self) -> None:
        self.editor.tabs.setCurrentIndex(0)
        self.editor.narrative.editor.setFocus()

    def update_title(self) -> None:
        if self.sheet is None:
            self.setWindowTitle(app_title())
            return
        r, profile = self.sheet.report, self.sheet.data.profile
        saved = self.content.saved_state()
        self.saved_label.setText(saved[0].upper() + saved[1:])
        self.setWindowTitle(f"{app_title()} – {r.office_code} – {profile.name} – {r.period.label} – "
                            f"{core(r.status.label)} ({_('bản')} {r.revision}) – {saved}")

    # --- messages and closing ------------------------------------------------------
    def status(self, message: str, milliseconds: int = 0) -> None:
        """Show ``message`` on the status line (for ``milliseconds``, 0 = until replaced); "" clears it."""
        self.statusBar().showMessage(message, milliseconds) if message else self.statusBar().clearMessage()

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.warn(message)

    def warn(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # its class and enums load when a first message needs them

        QMessageBox.warning(self, app_title(), message)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.report_menu.printing.may_close():
            event.ignore()
            return
        self.content.flush()
        self.window_layout.save()
        self.exchange_menu.cancel_sync()
        settings = self.settings
        if settings and settings.backup_to_folder and settings.shared_folder and self.sheet:
            office_ops.backup_to_folder(parent=self, ops=self.ops, folder=settings.shared_folder,
                                        office=self.sheet.report.office_code) \
                .failure(lambda message: print(f"Sao lưu khi đóng: {message}", file=sys.stderr)).run()
        self.ops.shutdown()  # waits for queued saves (and the backup) to finish
        super().closeEvent(event)
