"""The past and the help: change log, a figure's history, restore from a backup, the guide and shortcuts."""
from __future__ import annotations

from ui import ask
from ui.actions import ReportActions, make_action
from ui.controllers.context import WindowContext
from ui.history_tips import HistoryTips
from ui.i18n import _


class HistoryMenu:
    def __init__(self, ctx: WindowContext, needs_report: ReportActions, figures, database: str) -> None:
        self.ctx, self.figures, self.database = ctx, figures, database
        p, add = ctx.parent, needs_report.add
        self.audit = add(make_action(p, _("&Nhật ký thay đổi…"), self.show_audit, "Ctrl+Shift+L"))
        self.cell = add(make_action(p, _("&Lịch sử chỉ tiêu"), self.show_cell_history, "Ctrl+H"))
        self.restore = make_action(p, _("&Khôi phục từ bản sao lưu…"), self.pick_backup)
        self.guide = make_action(p, _("&Hướng dẫn sử dụng"), self.show_guide, "F1")
        self.keys = make_action(p, _("&Phím tắt"), self.show_shortcuts)
        self.panel = None
        self.tips = HistoryTips(ctx, figures.model())
        figures.selectionModel().currentRowChanged.connect(lambda *_args: self._follow())
        figures.model().dataChanged.connect(lambda *_args: self._follow())  # a saved figure is a new change
        figures.model().modelReset.connect(lambda: self._follow())  # another section or report

    # --- change log and a figure's history -------------------------------------------
    def show_audit(self) -> None:
        from ui.operations import history as history_ops

        if self.ctx.current() is None:
            return
        self.ctx.flush()
        office, period = self.ctx.key()

        def shown(entries) -> None:
            from ui.audit_dialog import AuditDialog

            dialog = AuditDialog(self.ctx.title(), entries, self.ctx.parent)
            self.ctx.keep("audit_dialog", dialog)
            dialog.show()

        history_ops.list_audit(parent=self.ctx.parent, ops=self.ctx.ops, office=office, period=period) \
            .success(shown).failure(self.ctx.show_error).run()

    def show_cell_history(self) -> None:
        from ui.history import HistoryPanel

        if self.panel is None:
            self.panel = HistoryPanel(self.ctx.parent)
            self.ctx.keep("history_panel", self.panel)
        self.panel.show()
        self.panel.raise_()
        self._follow()

    def _code(self) -> str:
        index = self.figures.currentIndex()
        indicators = self.figures.model().indicators
        return indicators[index.row()].code if index.isValid() and index.row() < len(indicators) else ""

    def _follow(self) -> None:
        if self.panel is None or not self.panel.isVisible() or self.ctx.current() is None:
            return
        from ui.operations import history as history_ops

        code = self._code()
        if not code:
            self.panel.show_empty()
            return
        office, period = self.ctx.key()
        history_ops.cell_history(parent=self.ctx.parent, ops=self.ctx.ops, office=office, period=period, code=code) \
            .success(lambda history: self.panel.show_history(history) if self._code() == history.code else None) \
            .failure(self.ctx.show_error).run()

    # --- restore ------------------------------------------------------------------------
    def pick_backup(self) -> None:
        from ui.operations import restore as restore_ops

        restore_ops.backup_folder(parent=self.ctx.parent, ops=self.ctx.ops, database=self.database) \
            .success(self._ask_file).failure(self.ctx.show_error).run()

    def _ask_file(self, folder: str) -> None:
        path = ask.open_file(self.ctx.parent, _("Chọn bản sao lưu để khôi phục"),
                             _("Bản sao lưu (*.sqlite3 *.db *.bak);;Mọi tệp (*)"), start=folder)
        if path:
            self.restore_from(path)

    def restore_from(self, path: str, confirm=None) -> None:
        """Check ``path``, show what it holds, and restore it once confirmed (``confirm(info)`` for tests)."""
        from ui.operations import restore as restore_ops

        def checked(info) -> None:
            if confirm(info) if confirm else self._confirm(info):
                self._restore(path)

        restore_ops.describe_backup(parent=self.ctx.parent, ops=self.ctx.ops, database=self.database, path=path) \
            .success(checked).failure(self.ctx.show_error).run()

    def _confirm(self, info) -> bool:
        from ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(info, self.database, self.ctx.parent)
        self.ctx.keep("restore_dialog", dialog)
        return bool(dialog.exec())

    def _restore(self, path: str) -> None:
        from ui.operations import restore as restore_ops

        if self.ctx.current() is not None:
            self.ctx.flush()  # typed text goes into the copy kept of the current content
        office = self.ctx.key()[0] if self.ctx.current() is not None else ""
        self.ctx.status(_("Đang khôi phục từ {path}…").format(path=path))

        def done(restored) -> None:
            self.ctx.status(_("Đã khôi phục từ {path}; nội dung trước đó được giữ ở {kept}.")
                            .format(path=path, kept=restored.kept), 15000)
            self.ctx.open_office(office, "")

        restore_ops.restore_backup(parent=self.ctx.parent, ops=self.ctx.ops, database=self.database, path=path) \
            .success(done).failure(self.ctx.show_error).run()

    # --- help -----------------------------------------------------------------------------
    def _show_help(self, name: str, title: str, body: str) -> None:
        from ui.help import HelpDialog

        dialog = HelpDialog(title, body, self.ctx.parent)
        self.ctx.keep(name, dialog)
        dialog.show()

    def show_guide(self) -> None:
        from ui.help import shortcuts_html
        from ui.operations import help as help_ops

        try:
            guide = help_ops.guide_html()
        except Exception as exc:  # noqa: BLE001 - a missing guide is told, the window keeps running
            self.ctx.show_error(str(exc))
            return
        self._show_help("guide_dialog", _("Hướng dẫn sử dụng"), guide + shortcuts_html(self.ctx.parent))

    def show_shortcuts(self) -> None:
        from ui.help import shortcuts_html

        self._show_help("shortcuts_dialog", _("Phím tắt"), shortcuts_html(self.ctx.parent))
