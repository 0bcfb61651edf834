"""Offices and settings: the sample, a new office, the office's profile, templates, backups."""
from __future__ import annotations

import functools

from ui import ask
from ui.actions import ReportActions, make_action
from ui.controllers.context import WindowContext
from ui.i18n import _
from ui.operations import Updated
from ui.operations import office as office_ops


class OfficeMenu:
    def __init__(self, ctx: WindowContext, needs_report: ReportActions) -> None:
        self.ctx = ctx
        p = ctx.parent
        self.sample = make_action(p, _("Mở &báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)"), self.open_sample, "Ctrl+M")
        self.profile = needs_report.add(make_action(p, _("Thông tin &đơn vị và cài đặt…"), self.edit_profile))
        self.new_office = make_action(p, _("Tạo đơn vị &mới…"), self.create_office)
        self.backup = make_action(p, _("&Sao lưu cơ sở dữ liệu…"), self.backup_database, "Ctrl+Shift+B")
        self.templates = needs_report.add(make_action(p, _("&Mẫu báo cáo (mục, chỉ tiêu)…"), self.edit_template))
        self.about_action = make_action(p, _("&Giới thiệu"), self.about)

    @functools.cached_property
    def first_start(self):
        """The welcome, the wizard and the start screen: loaded only when an empty database needs them."""
        from ui.first_start import FirstStart

        return FirstStart(self.ctx, sample=self.open_sample)

    def open_sample(self) -> None:
        self.ctx.status(_("Đang nạp báo cáo mẫu…"))
        office_ops.load_sample(parent=self.ctx.parent, ops=self.ctx.ops) \
            .success(lambda changes: self.ctx.open_office(changes.office, office_ops.SAMPLE_PERIOD)) \
            .failure(self.ctx.show_error).run()

    def first_run(self) -> None:
        """Shown (without blocking) when the database has no office yet."""
        self.first_start.welcome()

    def create_office(self) -> None:
        self.first_start.create_office()

    def edit_profile(self) -> None:
        from ui.dialogs import ProfileDialog

        data, settings = self.ctx.current().data, self.ctx.settings()
        dialog = ProfileDialog(data.profile, code=data.office.code, shared_folder=settings.shared_folder,
                               language=settings.language, backup_to_folder=settings.backup_to_folder,
                               parent=self.ctx.parent)
        if not dialog.exec():
            return

        def done(result) -> None:
            changes, new_settings = result
            if new_settings.language != settings.language:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.information(self.ctx.parent, _("Ngôn ngữ"),
                                        _("Ngôn ngữ mới được dùng khi mở lại phần mềm."))
            self.ctx.set_settings(new_settings)
            self.ctx.apply(Updated(changes, None))

        office_ops.save_profile(parent=self.ctx.parent, ops=self.ctx.ops, office=data.office.code,
                                profile=dialog.profile(), shared_folder=dialog.folder.text().strip(),
                                language=dialog.language.currentData(),
                                backup_to_folder=dialog.auto_backup.isChecked()) \
            .success(done).failure(self.ctx.show_error).run()

    def backup_database(self) -> None:
        path = ask.save_file(self.ctx.parent, _("Sao lưu cơ sở dữ liệu"), "baocao-saoluu.sqlite3",
                             _("Cơ sở dữ liệu (*.sqlite3)"))
        if path:
            office_ops.backup_database(parent=self.ctx.parent, ops=self.ctx.ops, path=path) \
                .success(lambda target: self.ctx.status(_("Đã sao lưu vào {path}").format(path=target), 8000)) \
                .failure(self.ctx.show_error).run()

    # --- templates ----------------------------------------------------------------------
    def edit_template(self) -> None:
        from ui.template_editor import TemplateEditor

        editor = TemplateEditor(office_ops.Draft(self.ctx.current().data.template), self.ctx.parent)
        editor.saved.connect(self._template_saved)
        self.ctx.keep("template_editor", editor)
        editor.show()

    def _template_saved(self, draft) -> None:
        sheet = self.ctx.current()

        def saved(result) -> None:
            template_id, lines = result
            self.ctx.status(_("Đã lưu phiên bản mẫu mới."), 8000)
            if lines is not None:
                self._offer_migration(sheet, template_id, lines)

        office_ops.save_template(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, draft=draft) \
            .success(saved).failure(self.ctx.show_error).run()

    def _offer_migration(self, sheet, template_id: int, lines: list[str]) -> None:
        from ui.template_editor import MappingDialog

        dialog = MappingDialog(lines, self.ctx.parent)
        self.ctx.keep("mapping_dialog", dialog)
        if dialog.exec():
            office_ops.migrate_template(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet,
                                        template_id=template_id) \
                .success(self.ctx.apply).failure(self.ctx.show_error).run()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self.ctx.parent, _("Giới thiệu"), _("Lập, kiểm tra và in báo cáo định kỳ của cơ quan "
                                                             "Lao động – Thương binh và Xã hội."))
