"""The report's menu: preview, export, print, and its lifecycle (complete, reopen, issue, revise)."""
from __future__ import annotations

import functools

from PySide6.QtGui import QKeySequence

from app.digest import sha256_hex
from ui import ask
from ui.actions import ReportActions, make_action
from ui.controllers.context import WindowContext
from ui.controllers.printing import PrintController
from ui.i18n import _
from ui.operations import report as report_ops

FORMATS = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)"}


class ReportMenu:
    def __init__(self, ctx: WindowContext, needs_report: ReportActions) -> None:
        self.ctx = ctx
        self.printing = PrintController(ctx)
        p, add = ctx.parent, needs_report.add
        self.preview = add(make_action(p, _("&Xem trước"), self.show_preview, "Ctrl+Shift+P"))
        self.print_ = add(make_action(p, _("&In…"), self.print_report, QKeySequence.StandardKey.Print))
        self.exports = {fmt: add(make_action(p, _("Xuất {fmt}…").format(fmt=fmt.upper()),
                                             lambda fmt=fmt: self.export(fmt), shortcut))
                        for fmt, shortcut in (("pdf", "Ctrl+E"), ("docx", "Ctrl+Shift+E"), ("xlsx", None))}
        self.heading = add(make_action(p, _("&Tiêu đề và trích yếu…"), self.edit_heading))
        self.complete = add(make_action(p, _("Đánh dấu &hoàn thành"), self.mark_complete, "Ctrl+Shift+H"))
        self.reopen = add(make_action(p, _("&Mở lại để sửa…"), self.reopen_report))
        self.issue = add(make_action(p, _("&Ban hành…"), self.issue_report))
        self.revise = add(make_action(p, _("Mở bản &sửa đổi…"), self.new_revision))
        self.issued = add(make_action(p, _("Xem bản đã ban &hành"), self.show_issued))
        self.scan = add(make_action(p, _("Đính kèm bản &chụp đã ký…"), self.attach_scan))
        self.import_word = add(make_action(p, _("Nhập báo cáo &Word…"), lambda: self.word.start()))

    @functools.cached_property
    def word(self):
        """Word import, loaded when first asked for."""
        from ui.controllers.word_import import WordImport

        return WordImport(self.ctx)

    def show_status(self, status: str) -> None:
        """Enable what the report's status allows."""
        self.complete.setEnabled(status == "draft")
        self.heading.setEnabled(status == "draft")
        self.import_word.setEnabled(status == "draft")
        self.reopen.setEnabled(status == "complete")
        self.issue.setEnabled(status in ("draft", "complete"))
        self.revise.setEnabled(status in ("issued", "submitted"))
        self.issued.setEnabled(status in ("issued", "submitted"))
        self.scan.setEnabled(status == "issued")

    # --- printed forms ---------------------------------------------------------------
    def _rendered(self, op, then) -> None:
        self.ctx.status(_("Đang tạo bản in…"))

        def done(result) -> None:
            self.ctx.status("")
            then(result)

        op.success(done).failure(self.ctx.show_error).run()

    def _pdf(self, then) -> None:
        if self.ctx.current() is None:
            return
        self.ctx.flush()
        self._rendered(report_ops.print_report(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current()),
                       then)

    def show_preview(self) -> None:
        self._pdf(lambda pdf: self._show_pdf(pdf, self.ctx.title()))

    def _show_pdf(self, pdf: bytes, title: str) -> None:
        from ui.preview import PreviewDialog

        dialog = PreviewDialog(pdf, title, self.ctx.parent, on_print=lambda: self._print_bytes(pdf),
                               on_export=lambda: self._save_bytes(pdf))
        self.ctx.keep("last_preview", dialog)
        dialog.show()

    def print_report(self) -> None:
        self._pdf(self._print_bytes)

    def _print_bytes(self, pdf: bytes) -> None:
        self.printing.ask_and_print(pdf, self.ctx.title())

    def export(self, fmt: str) -> None:
        path = ask.save_file(self.ctx.parent, _("Xuất báo cáo"), f"{self.ctx.title()}.{fmt}", FORMATS[fmt])
        if path:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str) -> None:
        if self.ctx.current() is None:
            return
        self.ctx.flush()
        self._rendered(report_ops.export_report(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current(),
                                                fmt=fmt, path=path), self.exported)

    def exported(self, target) -> None:
        self.ctx.status(_("Đã xuất ra {path}").format(path=target), 8000)

    def _save_bytes(self, pdf: bytes) -> None:
        path = ask.save_file(self.ctx.parent, _("Lưu bản PDF"), f"{self.ctx.title()}.pdf", FORMATS["pdf"])
        if path:
            report_ops.write_file(parent=self.ctx.parent, ops=self.ctx.ops, data=pdf, path=path) \
                .success(self.exported).failure(self.ctx.show_error).run()

    # --- lifecycle ------------------------------------------------------------------------
    def _change(self, make, message: str) -> None:
        self.ctx.flush()

        def done(updated) -> None:
            self.ctx.status(message, 6000)
            self.ctx.apply(updated)

        make(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current()) \
            .success(done).failure(self.ctx.show_error).run()

    def edit_heading(self) -> None:
        sheet = self.ctx.current()
        if sheet is None:
            return
        from ui.dialogs import HeadingDialog

        dialog = HeadingDialog(sheet.report.title, sheet.report.summary, report_ops.default_heading(sheet),
                               self.ctx.parent, report_ops.heading_rows(sheet))
        if dialog.exec():
            (title, summary), own = dialog.values(), dialog.headings()
            self._change(lambda **kw: report_ops.set_heading(title=title, summary=summary, headings=own, **kw),
                         _("Đã lưu tiêu đề và trích yếu."))

    def mark_complete(self) -> None:
        self._change(report_ops.complete_report, _("Đã đánh dấu hoàn thành."))

    def _reason(self, title: str, prompt: str) -> str | None:
        """The typed reason, or None when the operator cancelled (an empty one is refused by the core)."""
        from ui.dialogs import ReasonDialog

        dialog = ReasonDialog(title, prompt, self.ctx.parent)
        return dialog.text() if dialog.exec() else None

    def reopen_report(self) -> None:
        reason = self._reason(_("Mở lại báo cáo"), _("Lý do mở lại (được ghi vào nhật ký):"))
        if reason is not None:
            self._change(lambda **kw: report_ops.reopen_report(reason=reason, **kw), _("Đã mở lại báo cáo."))

    def issue_report(self) -> None:
        profile = self.ctx.current().data.profile
        title = f"KT. {profile.signer_title}" if profile.deputy else profile.signer_title
        from ui.dialogs import IssueDialog

        dialog = IssueDialog(title, profile.signer_name, profile.symbol, self.ctx.parent)
        if dialog.exec():
            signing = dialog.values()
            self._change(lambda **kw: report_ops.issue_report(signing=signing, **kw),
                         _("Đã ban hành; bản PDF đã được lưu."))

    def new_revision(self) -> None:
        reason = self._reason(_("Mở bản sửa đổi"), _("Lý do sửa đổi (được ghi vào nhật ký):"))
        if reason is not None:
            self._change(lambda **kw: report_ops.revise_report(reason=reason, **kw), _("Đã mở bản sửa đổi."))

    def show_issued(self) -> None:
        def shown(pdf: bytes) -> None:
            digest = sha256_hex(pdf)
            self._show_pdf(pdf, f"{self.ctx.title()} – SHA-256 {digest[:16]}…")

        report_ops.load_issued_pdf(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current()) \
            .success(shown).failure(self.ctx.show_error).run()

    def attach_scan(self) -> None:
        path = ask.open_file(self.ctx.parent, _("Chọn bản chụp đã ký"),
                             _("Bản chụp (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if path:
            self._change(lambda **kw: report_ops.attach_scan(path=path, **kw), _("Đã đính kèm bản chụp."))
