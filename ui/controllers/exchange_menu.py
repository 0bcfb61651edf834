"""The shared-folder menu: submit upward, sync, consolidate, and the offices' keys."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui import ask
from ui.actions import ReportActions, make_action
from ui.controllers.context import WindowContext
from ui.i18n import _
from ui.operations import Updated
from ui.operations import office as office_ops

if TYPE_CHECKING:
    from ui.operations import exchange as exchange_ops

FORMATS_CONSOLIDATED = "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"
KEY_CHANGED = "khóa khác"  # the core's refusal when an office already has another trusted key


class ExchangeMenu:
    def __init__(self, ctx: WindowContext, needs_report: ReportActions, quote_into=None) -> None:
        """``quote_into(text)`` takes a paragraph quoted from a subordinate office's report."""
        self.ctx, self.quote_into = ctx, quote_into
        self._sync_dialog = None
        p = ctx.parent
        self.submit = needs_report.add(make_action(p, _("&Gửi báo cáo lên cấp trên"), self.submit_report))
        self.sync_now = make_action(p, _("Đồng &bộ thư mục dùng chung…"), self.run_sync, "F9")
        self.consolidation = needs_report.add(make_action(p, _("&Tổng hợp báo cáo cấp dưới…"),
                                                          self.show_consolidation))
        self.publish = needs_report.add(make_action(p, _("Gửi &mẫu báo cáo và hạn nộp…"), self.publish_for_offices))
        self.trust = make_action(p, _("Tin cậy &khóa của đơn vị…"), self.trust_key)
        self.export_key_action = needs_report.add(make_action(p, _("&Xuất khóa công khai của đơn vị…"),
                                                              self.export_key))

    def menu_items(self) -> list:
        return [self.submit, self.sync_now, self.consolidation, self.publish, None, self.trust,
                self.export_key_action]

    def _folder(self) -> str | None:
        folder = self.ctx.settings().shared_folder
        if folder:
            return folder
        folder = ask.folder(self.ctx.parent, _("Chọn thư mục dùng chung"))
        if not folder:
            return None
        office_ops.save_settings(parent=self.ctx.parent, ops=self.ctx.ops, shared_folder=folder) \
            .success(self.ctx.set_settings).failure(self.ctx.show_error).run()
        return folder

    def submit_report(self) -> None:
        from ui.operations import exchange as exchange_ops

        folder = self._folder()
        if not folder:
            return
        self.ctx.flush()
        exchange_ops.submit_report(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current(),
                                   folder=folder) \
            .success(lambda target: self.ctx.status(
                _("Đã gửi {name} vào thư mục dùng chung.").format(name=target.name), 8000)) \
            .failure(self.ctx.show_error).run()

    def publish_for_offices(self, dialog=None) -> None:
        """Đồng bộ → Gửi mẫu báo cáo và hạn nộp…: ``dialog`` already filled (else one is asked)."""
        from ui.operations import publish as publish_ops
        from ui.publish_dialog import PublishDialog

        office, period = self.ctx.key()
        if dialog is None:
            dialog = PublishDialog(period, self.ctx.parent)
            self.ctx.keep("publish_dialog", dialog)
            if not dialog.exec():
                return
        folder = self._folder()
        if not folder:
            return
        publish_ops.publish(parent=self.ctx.parent, ops=self.ctx.ops, office=office, folder=folder,
                            template_path=dialog.template.text().strip(), deadlines=dialog.deadlines) \
            .success(lambda names: self.ctx.status(
                _("Đã gửi vào thư mục dùng chung: {names}").format(names=", ".join(names)), 10000)) \
            .failure(self.ctx.show_error).run()

    def run_sync(self) -> None:
        from ui.sync_dialogs import SyncDialog

        folder = self._folder()
        if not folder:
            return
        dialog = SyncDialog(self.ctx.ops, folder, self.ctx.parent, on_done=self._synced)
        self.ctx.keep("sync_dialog", dialog)
        self._sync_dialog = dialog
        dialog.show()
        dialog.start()

    def cancel_sync(self) -> None:
        """Ask a running sync to stop after the package in hand (the window is closing)."""
        if self._sync_dialog is not None and not self._sync_dialog.finished_run:
            self._sync_dialog.cancel_flag.set()

    def _synced(self, synced: exchange_ops.Synced) -> None:
        if synced.accepted:
            self.ctx.apply(Updated(synced.changes, None))

    def trust_key(self, path: str | None = None) -> None:
        from ui.operations import exchange as exchange_ops

        if path is None:
            path = ask.open_file(self.ctx.parent, _("Chọn tệp khóa công khai"), _("Tệp khóa (*.key *.json)"))
        if path:
            exchange_ops.read_key(parent=self.ctx.parent, ops=self.ctx.ops, path=path) \
                .success(self._confirm_trust).failure(self.ctx.show_error).run()

    def _confirm_trust(self, public) -> None:
        from ui.sync_dialogs import TrustDialog

        dialog = TrustDialog(public.office_code, public.fingerprint, self.ctx.parent)
        self.ctx.keep("trust_dialog", dialog)
        if dialog.exec():
            self._trust(public, replace=False)

    def _trust(self, public, replace: bool) -> None:
        from ui.operations import exchange as exchange_ops

        def failed(message: str) -> None:
            if not replace and KEY_CHANGED in message and ask.yes_no(
                    self.ctx.parent, _("Tin cậy khóa của đơn vị"),
                    message + "\n\n" + _("Đơn vị đã đổi khóa? Thay khóa cũ bằng khóa này?")):
                self._trust(public, replace=True)
            elif KEY_CHANGED not in message or replace:
                self.ctx.show_error(message)

        def trusted(result) -> None:
            fingerprint, changes = result
            if changes.offices:
                self.ctx.apply(Updated(changes, None))
            self.ctx.status(_("Đã tin cậy khóa của {office} ({fp}).").format(office=public.office_code,
                                                                              fp=fingerprint), 8000)

        exchange_ops.trust_key(parent=self.ctx.parent, ops=self.ctx.ops, key=public, replace=replace) \
            .success(trusted).failure(failed).run()

    def export_key(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.operations import exchange as exchange_ops

        office = self.ctx.key()[0]
        path = ask.save_file(self.ctx.parent, _("Xuất khóa công khai"), f"{office}.key", _("Tệp khóa (*.key)"))
        if path:
            exchange_ops.export_key(parent=self.ctx.parent, ops=self.ctx.ops, office=office, path=path) \
                .success(lambda public: QMessageBox.information(
                    self.ctx.parent, _("Khóa công khai"), _("Đã xuất khóa của {office}.\nDấu vân tay: {fp}").format(
                        office=office, fp=public.fingerprint))) \
                .failure(self.ctx.show_error).run()

    def show_consolidation(self) -> None:
        from ui.consolidation_dialog import ConsolidationDialog
        from ui.operations import exchange as exchange_ops

        section = self.ctx.section()

        def shown(view: exchange_ops.Consolidated) -> None:
            dialog = ConsolidationDialog(view, section, self.ctx.parent)
            if self.quote_into:
                dialog.quote_requested.connect(self.quote_into)
            dialog.include_own_changed.connect(lambda own: self._reload_consolidation(dialog, own))
            dialog.export_requested.connect(self.export_consolidated)
            self.ctx.keep("consolidation_dialog", dialog)
            dialog.show()

        exchange_ops.load_consolidation(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current()) \
            .success(shown).failure(self.ctx.show_error).run()

    def _reload_consolidation(self, dialog, include_own: bool) -> None:
        from ui.operations import exchange as exchange_ops

        exchange_ops.load_consolidation(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current(),
                                        include_own=include_own).success(dialog.show_view) \
            .failure(self.ctx.show_error).run()

    def _include_own(self) -> bool:
        dialog = getattr(self.ctx.parent, "consolidation_dialog", None)
        return dialog.include_own.isChecked() if dialog is not None else True

    def export_consolidated(self) -> None:
        office, period = self.ctx.key()
        path = ask.save_file(self.ctx.parent, _("Xuất báo cáo tổng hợp"), f"BC-TONGHOP-{office}-{period}.pdf",
                             FORMATS_CONSOLIDATED)
        if path:
            self.export_consolidated_to(path)

    def export_consolidated_to(self, path: str) -> None:
        from ui.operations import exchange as exchange_ops

        exchange_ops.export_consolidated(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current(),
                                         path=path, include_own=self._include_own()) \
            .success(lambda target: self.ctx.status(_("Đã xuất ra {path}").format(path=target), 8000)) \
            .failure(self.ctx.show_error).run()
