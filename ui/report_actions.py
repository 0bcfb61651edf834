"""Menus and actions of the main window: files, report lifecycle, printing, navigation."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolBar

from app.commands import cli_actions
from app.fsutil import write_atomic
from app.reporting import desk, issuing
from app.reporting import settings as settings_mod
from ui import ask
from ui.dialogs import FirstRunDialog, IssueDialog, ProfileDialog, ReasonDialog
from ui.documents import DocumentDialog
from ui.i18n import _

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FORMATS = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)"}


class ReportActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.report_actions: list[QAction] = []

    def _action(self, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None,
                report: bool = True) -> QAction:
        action = QAction(text, self.w)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        if report:
            self.report_actions.append(action)
        return action

    def build_menus(self, bar: QToolBar) -> None:
        w, menu = self.w, self.w.menuBar()
        self.preview = self._action(_("&Xem trước"), self.show_preview, "Ctrl+Shift+P")
        self.print_ = self._action(_("&In…"), self.print_report, QKeySequence.StandardKey.Print)
        self.exports = {fmt: self._action(_("Xuất {fmt}…").format(fmt=fmt.upper()),
                                          lambda fmt=fmt: self.export(fmt), shortcut)
                        for fmt, shortcut in (("pdf", "Ctrl+E"), ("docx", "Ctrl+Shift+E"), ("xlsx", None))}
        self.complete = self._action(_("Đánh dấu &hoàn thành"), self.mark_complete, "Ctrl+Shift+H")
        self.reopen = self._action(_("&Mở lại để sửa…"), self.reopen_report)
        self.issue = self._action(_("&Ban hành…"), self.issue_report)
        self.revise = self._action(_("Mở bản &sửa đổi…"), self.new_revision)
        self.issued = self._action(_("Xem bản đã ban &hành"), self.show_issued)
        self.scan = self._action(_("Đính kèm bản &chụp đã ký…"), self.attach_scan)
        self.sample = self._action(_("Mở &báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)"), self.open_sample, "Ctrl+M",
                                   report=False)
        self.profile = self._action(_("Thông tin &đơn vị và cài đặt…"), self.edit_profile, report=True)
        self.new_office = self._action(_("Tạo đơn vị &mới…"), self.create_office, report=False)
        backup = self._action(_("&Sao lưu cơ sở dữ liệu…"), self.backup, "Ctrl+Shift+B", report=False)
        quit_ = self._action(_("&Thoát"), w.close, QKeySequence.StandardKey.Quit, report=False)
        undo = w.undo_stack.createUndoAction(w, _("&Hoàn tác"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.undo_stack.createRedoAction(w, _("&Làm lại"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        nav = [
            self._action(_("Mục &tiếp theo"), lambda: w.move_section(1), "Ctrl+PgDown", report=False),
            self._action(_("Mục &trước"), lambda: w.move_section(-1), "Ctrl+PgUp", report=False),
            self._action(_("Bảng &cần xem"), self.focus_findings, "F6", report=False),
            self._action(_("Bảng &số liệu"), lambda: w.editor.figures.focus_value(), "Ctrl+1", report=False),
            self._action(_("Ô &nội dung"), self.focus_narrative, "Ctrl+2", report=False),
            self._action(_("Mục &lục"), w.outline.setFocus, "Ctrl+0", report=False),
        ]
        file_menu = menu.addMenu(_("&Tệp"))
        for item in (self.sample, self.new_office, None, *self.exports.values(), self.print_, None, backup, None,
                     quit_):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)
        edit_menu = menu.addMenu(_("&Sửa"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        report_menu = menu.addMenu(_("&Báo cáo"))
        for item in (self.preview, None, self.complete, self.reopen, self.issue, self.revise, None, self.issued,
                     self.scan):
            report_menu.addSeparator() if item is None else report_menu.addAction(item)
        go_menu = menu.addMenu(_("Đi &tới"))
        for action in nav:
            go_menu.addAction(action)
        self.submit = self._action(_("&Gửi báo cáo lên cấp trên"), self.submit_report)
        self.sync_now = self._action(_("Đồng &bộ thư mục dùng chung…"), self.run_sync, "F9", report=False)
        self.consolidation = self._action(_("&Tổng hợp báo cáo cấp dưới…"), self.show_consolidation)
        trust = self._action(_("Tin cậy &khóa của đơn vị…"), self.trust_key, report=False)
        export_key = self._action(_("&Xuất khóa công khai của đơn vị…"), self.export_key)
        sync_menu = menu.addMenu(_("Đồng &bộ"))
        for item in (self.submit, self.sync_now, self.consolidation, None, trust, export_key):
            sync_menu.addSeparator() if item is None else sync_menu.addAction(item)
        bar.addAction(self.sync_now)
        self.templates = self._action(_("&Mẫu báo cáo (mục, chỉ tiêu)…"), self.edit_template)
        settings_menu = menu.addMenu(_("&Cài đặt"))
        settings_menu.addAction(self.profile)
        settings_menu.addAction(self.templates)
        help_menu = menu.addMenu(_("T&rợ giúp"))
        help_menu.addAction(self._action(_("&Giới thiệu"), self.about, report=False))
        for action in (self.preview, self.exports["pdf"], self.print_, self.complete, self.issue):
            bar.addAction(action)

    def set_report_actions(self, enabled: bool) -> None:
        for action in self.report_actions:
            action.setEnabled(enabled)
        if enabled and self.w.sheet:
            status = self.w.sheet.report.status.value
            self.complete.setEnabled(status == "draft")
            self.reopen.setEnabled(status == "complete")
            self.issue.setEnabled(status in ("draft", "complete"))
            self.revise.setEnabled(status in ("issued", "submitted"))
            self.issued.setEnabled(status in ("issued", "submitted"))
            self.scan.setEnabled(status == "issued")

    def _key(self) -> tuple[str, str]:
        r = self.w.sheet.report
        return r.office_code, str(r.period)

    def _reload(self, report=None) -> None:
        office, period = self._key()
        self.w.open_report(office, period)

    # --- rendering ----------------------------------------------------------------
    def _rendered(self, fmt: str, then) -> None:
        """Build the model on the database thread, render it in the pool, then ``then(bytes)``."""
        from app.output import printed

        if self.w.sheet is None:
            return
        self.w.flush()
        office, period = self._key()
        self.w.statusBar().showMessage(_("Đang tạo bản in…"))
        render = cli_actions.renderer(fmt)
        def rendered(data: bytes) -> None:
            self.w.statusBar().clearMessage()
            then(data)

        self.w.ops.run(lambda store: printed.build(store, office, period),
                       lambda model: self.w.ops.run_pool(lambda: render(model), rendered, self.w.show_error),
                       self.w.show_error)

    def _title(self) -> str:
        r = self.w.sheet.report
        return f"BC-{r.office_code}-{r.period}"

    def show_preview(self) -> None:
        from ui.preview import PreviewDialog

        def shown(pdf: bytes) -> None:
            self.w.statusBar().clearMessage()
            dialog = PreviewDialog(pdf, self._title(), self.w, on_print=lambda: self._print_bytes(pdf),
                                   on_export=lambda: self._save_bytes(pdf, "pdf"))
            self.w.last_preview = dialog
            dialog.show()

        self._rendered("pdf", shown)

    def print_report(self) -> None:
        self._rendered("pdf", self._print_bytes)

    def _print_bytes(self, pdf: bytes) -> None:
        from ui.preview import ask_and_print

        pages = ask_and_print(self.w, pdf, self._title())
        if pages:
            self.w.statusBar().showMessage(_("Đã gửi {pages} trang tới máy in.").format(pages=pages), 6000)

    def export(self, fmt: str) -> None:
        path = ask.save_file(self.w, _("Xuất báo cáo"), f"{self._title()}.{fmt}",
                                                    FORMATS[fmt])
        if path:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str) -> None:
        self._rendered(fmt, lambda data: self._write(data, path))

    def _save_bytes(self, data: bytes, fmt: str) -> None:
        path = ask.save_file(self.w, _("Lưu bản PDF"), f"{self._title()}.{fmt}", FORMATS[fmt])
        if path:
            self._write(data, path)

    def _write(self, data: bytes, path: str) -> None:
        self.w.ops.run_pool(lambda: write_atomic(path, data),
                            lambda target: self.w.statusBar().showMessage(_("Đã xuất ra {path}").format(path=target),
                                                                          8000),
                            self.w.show_error)

    # --- lifecycle ------------------------------------------------------------------
    def _run_on_report(self, fn, message: str) -> None:
        self.w.flush()
        report_id = self.w.sheet.report.id

        def done(_result) -> None:
            self.w.statusBar().showMessage(message, 6000)
            self._reload()

        self.w.ops.run(lambda store: fn(store, store.report_by_id(report_id)), done, self.w.show_error)

    def mark_complete(self) -> None:
        self._run_on_report(issuing.mark_complete, _("Đã đánh dấu hoàn thành."))

    def reopen_report(self) -> None:
        dialog = ReasonDialog(_("Mở lại báo cáo"), _("Lý do mở lại (được ghi vào nhật ký):"), self.w)
        if dialog.exec():
            reason = dialog.text()
            self._run_on_report(lambda store, r: issuing.reopen(store, r, reason), _("Đã mở lại báo cáo."))

    def issue_report(self) -> None:
        profile = self.w.sheet.data.profile
        title = f"KT. {profile.signer_title}" if profile.deputy else profile.signer_title
        dialog = IssueDialog(title, profile.signer_name, profile.symbol, self.w)
        if dialog.exec():
            values = dialog.values()
            self._run_on_report(lambda store, r: issuing.issue(store, r, **values),
                                _("Đã ban hành; bản PDF đã được lưu."))

    def new_revision(self) -> None:
        dialog = ReasonDialog(_("Mở bản sửa đổi"), _("Lý do sửa đổi (được ghi vào nhật ký):"), self.w)
        if dialog.exec():
            reason = dialog.text()
            self._run_on_report(lambda store, r: issuing.new_revision(store, r, reason),
                                _("Đã mở bản sửa đổi."))

    def show_issued(self) -> None:
        from ui.preview import PreviewDialog

        report_id = self.w.sheet.report.id

        def shown(pdf: bytes) -> None:
            digest = hashlib.sha256(pdf).hexdigest()
            dialog = PreviewDialog(pdf, f"{self._title()} – SHA-256 {digest[:16]}…", self.w,
                                   on_print=lambda: self._print_bytes(pdf),
                                   on_export=lambda: self._save_bytes(pdf, "pdf"))
            self.w.last_preview = dialog
            dialog.show()

        self.w.ops.run(lambda store: issuing.issued_pdf(store, store.report_by_id(report_id)), shown,
                       self.w.show_error)

    def attach_scan(self) -> None:
        path = ask.open_file(self.w, _("Chọn bản chụp đã ký"), _("Bản chụp (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if path:
            self._run_on_report(lambda store, r: issuing.attach_scan(store, r, path), _("Đã đính kèm bản chụp."))

    # --- shared folder ------------------------------------------------------------------
    def _folder(self) -> str | None:
        folder = self.w.settings.shared_folder
        if folder:
            return folder
        folder = ask.folder(self.w, _("Chọn thư mục dùng chung"))
        if not folder:
            return None
        self.w.ops.run(lambda store: settings_mod.update(store, shared_folder=folder),
                       lambda new: setattr(self.w, "settings", new), self.w.show_error)
        return folder

    def submit_report(self) -> None:
        from app.exchange import package

        folder = self._folder()
        if not folder:
            return
        self.w.flush()
        office, period = self._key()
        self.w.ops.run(lambda store: package.submit(store, office, period, folder),
                       lambda target: self.w.statusBar().showMessage(
                           _("Đã gửi {name} vào thư mục dùng chung.").format(name=target.name), 8000),
                       self.w.show_error)

    def run_sync(self) -> None:
        from ui.sync_dialogs import SyncDialog

        folder = self._folder()
        if not folder:
            return
        dialog = SyncDialog(self.w.ops, folder, self.w,
                            on_done=lambda result: self._reload() if self.w.sheet and result.count("accepted")
                            else None)
        self.w.sync_dialog = dialog
        dialog.show()
        dialog.start()

    def trust_key(self, path: str | None = None) -> None:
        from app.exchange import keys
        from ui.sync_dialogs import TrustDialog

        if path is None:
            path = ask.open_file(self.w, _("Chọn tệp khóa công khai"), _("Tệp khóa (*.key *.json)"))
        if not path:
            return
        try:
            public = keys.read_key_file(path)
        except Exception as exc:  # shown, never fatal
            self.w.show_error(str(exc))
            return
        dialog = TrustDialog(public, self.w)
        self.w.trust_dialog = dialog
        if dialog.exec():
            self._trust(public, replace=False)

    def _trust(self, public, replace: bool) -> None:
        from app.exchange import keys

        def failed(message: str) -> None:
            if not replace and "khóa khác" in message and ask.yes_no(
                    self.w, _("Tin cậy khóa của đơn vị"),
                    message + "\n\n" + _("Đơn vị đã đổi khóa? Thay khóa cũ bằng khóa này?")):
                self._trust(public, replace=True)
            elif "khóa khác" not in message or replace:
                self.w.show_error(message)

        self.w.ops.run(lambda store: keys.trust(store, public, replace=replace),
                       lambda fp: self.w.statusBar().showMessage(
                           _("Đã tin cậy khóa của {office} ({fp}).").format(office=public.office_code, fp=fp),
                           8000), failed)

    def export_key(self) -> None:
        from app.exchange import keys

        office = self.w.sheet.report.office_code
        path = ask.save_file(self.w, _("Xuất khóa công khai"), f"{office}.key",
                                                    _("Tệp khóa (*.key)"))
        if path:
            self.w.ops.run(lambda store: keys.export_key(store, office, path),
                           lambda public: QMessageBox.information(
                               self.w, _("Khóa công khai"),
                               _("Đã xuất khóa của {office}.\nDấu vân tay: {fp}").format(
                                   office=office, fp=public.fingerprint)), self.w.show_error)

    def show_consolidation(self) -> None:
        from app.exchange import consolidate
        from ui.sync_dialogs import ConsolidationDialog

        office, period = self._key()
        section = self.w.section_code

        def gather(store):
            result = consolidate.consolidate(store, office, period)
            breakdown = consolidate.breakdown_table(result.template, result)
            quotes = {s.code: consolidate.quotes(store, result, s.code) for s in result.template.section_list()}
            return result, breakdown, quotes

        def shown(gathered) -> None:
            result, breakdown, quotes = gathered
            sections = [(s.code, f"{s.number}. {s.title}") for s in result.template.section_list()]
            dialog = ConsolidationDialog(result, breakdown, quotes, sections, section, self.w,
                                         on_export=self.export_consolidated)
            dialog.quote_requested.connect(self.w.editor.narrative.insert)
            self.w.consolidation_dialog = dialog
            dialog.show()

        self.w.ops.run(gather, shown, self.w.show_error)

    def export_consolidated(self) -> None:
        office, period = self._key()
        path = ask.save_file(self.w, _("Xuất báo cáo tổng hợp"),
                                                    f"BC-TONGHOP-{office}-{period}.pdf", FORMATS["pdf"])
        if path:
            self.export_consolidated_to(path)

    def export_consolidated_to(self, path: str) -> None:
        office, period = self._key()
        render = cli_actions.renderer("pdf")
        self.w.ops.run(lambda store: cli_actions.build_model(store, office, period, consolidated=True),
                       lambda model: self.w.ops.run_pool(lambda: render(model),
                                                         lambda data: self._write(data, path), self.w.show_error),
                       self.w.show_error)

    # --- templates ----------------------------------------------------------------------
    def edit_template(self) -> None:
        from app.reporting.template_edit import Draft
        from ui.template_editor import TemplateEditor

        editor = TemplateEditor(Draft(self.w.sheet.data.template), self.w)
        editor.saved.connect(self._template_saved)
        self.w.template_editor = editor
        editor.show()

    def _template_saved(self, draft) -> None:
        from app.reporting import template_edit

        report_id = self.w.sheet.report.id

        def saved(result) -> None:
            template_id, lines = result
            self.w.statusBar().showMessage(_("Đã lưu phiên bản mẫu mới."), 8000)
            if lines is not None:
                self._offer_migration(report_id, template_id, lines)

        def work(store):
            template_id = template_edit.save_version(store, draft)
            report = store.report_by_id(report_id)
            if report.status.value != "draft":
                return template_id, None
            return template_id, template_edit.plan(store, report, template_id).lines

        self.w.ops.run(work, saved, self.w.show_error)

    def _offer_migration(self, report_id: str, template_id: int, lines: list[str]) -> None:
        from app.reporting import template_edit
        from ui.template_editor import MappingDialog

        dialog = MappingDialog(lines, self.w)
        self.w.mapping_dialog = dialog
        if dialog.exec():
            self.w.ops.run(lambda store: template_edit.migrate(store, store.report_by_id(report_id), template_id),
                           lambda _mapping: self._reload(), self.w.show_error)

    # --- documents --------------------------------------------------------------------
    def edit_document(self, doc) -> None:
        data = self.w.sheet.data
        sections = [(s.code, f"{s.number}. {s.title}") for s in data.template.section_list()]
        dialog = DocumentDialog(sections, doc, self.w.section_code, self.w)
        if not dialog.exec():
            return
        new = dialog.document()
        report_id = self.w.sheet.report.id

        def done(saved: desk.Saved) -> None:
            stored = saved.extra["document"]
            data.documents[:] = [d for d in data.documents if d.id != stored.id] + [stored]
            self.w.editor.documents_model.put(stored)
            self.w._after_save(saved)

        self.w.ops.run(lambda store: desk.save_document(store, report_id, new), done, self.w.show_error)

    def delete_document(self, doc) -> None:
        if not ask.yes_no(self.w, _("Xóa văn bản"), _("Xóa văn bản {ref} khỏi báo cáo?").format(ref=doc.ref)):
            return
        report_id, data = self.w.sheet.report.id, self.w.sheet.data

        def done(saved: desk.Saved) -> None:
            data.documents[:] = [d for d in data.documents if d.id != doc.id]
            self.w.editor.documents_model.remove(doc.id)
            self.w._after_save(saved)

        self.w.ops.run(lambda store: desk.delete_document(store, report_id, doc.id), done, self.w.show_error)

    # --- files, offices, settings ------------------------------------------------------
    def open_sample(self) -> None:
        self.w.statusBar().showMessage(_("Đang nạp báo cáo mẫu…"))
        self.w.ops.run(cli_actions.load_sample, lambda _changed: self.w.reload_offices("TTH", "2020-Q1"),
                       self.w.show_error)

    def first_run(self) -> None:
        """Shown (without blocking) when the database has no office yet."""
        dialog = FirstRunDialog(self.w)
        self.w.first_run_dialog = dialog

        def chosen(result: int) -> None:
            if result and dialog.choice == FirstRunDialog.CREATE:
                self.create_office()
            elif result and dialog.choice == FirstRunDialog.SAMPLE:
                self.open_sample()

        dialog.finished.connect(chosen)
        dialog.open()

    def create_office(self) -> None:
        dialog = ProfileDialog(None, creating=True, parent=self.w)
        if not dialog.exec():
            return
        code, level, profile = dialog.code.text().strip(), dialog.level.currentData(), dialog.profile()
        self.w.ops.run(lambda store: desk.create_office(store, code, level, profile),
                       lambda created: self.w.reload_offices(created), self.w.show_error)

    def edit_profile(self) -> None:
        data, settings = self.w.sheet.data, self.w.settings
        dialog = ProfileDialog(data.profile, code=data.office.code, shared_folder=settings.shared_folder,
                               language=settings.language, backup_to_folder=settings.backup_to_folder, parent=self.w)
        if not dialog.exec():
            return
        profile, folder, language = dialog.profile(), dialog.folder.text().strip(), dialog.language.currentData()
        auto_backup = dialog.auto_backup.isChecked()
        office = data.office.code

        def save(store):
            desk.save_profile(store, office, profile)
            return settings_mod.update(store, shared_folder=folder, language=language, backup_to_folder=auto_backup)

        def done(new_settings) -> None:
            if new_settings.language != settings.language:
                QMessageBox.information(self.w, _("Ngôn ngữ"), _("Ngôn ngữ mới được dùng khi mở lại phần mềm."))
            self.w.settings = new_settings
            self._reload()

        self.w.ops.run(save, done, self.w.show_error)

    def backup(self) -> None:
        path = ask.save_file(self.w, _("Sao lưu cơ sở dữ liệu"), "baocao-saoluu.sqlite3",
                                                    _("Cơ sở dữ liệu (*.sqlite3)"))
        if path:
            self.w.ops.run(lambda store: cli_actions.backup(store, path),
                           lambda target: self.w.statusBar().showMessage(_("Đã sao lưu vào {path}").format(
                               path=target), 8000), self.w.show_error)

    def focus_findings(self) -> None:
        self.w.findings_dock.show()
        self.w.findings.setFocus()
        if self.w.findings.count():
            self.w.findings.setCurrentRow(0)

    def focus_narrative(self) -> None:
        self.w.editor.tabs.setCurrentIndex(0)
        self.w.editor.narrative.editor.setFocus()

    def about(self) -> None:
        QMessageBox.about(self.w, _("Giới thiệu"), _("Lập, kiểm tra và in báo cáo định kỳ của cơ quan "
                                                    "Lao động – Thương binh và Xã hội."))
