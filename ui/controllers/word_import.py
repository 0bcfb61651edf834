"""Tệp → Nhập báo cáo Word…: read a past report, review its figures, save into the open report."""
from __future__ import annotations

from pathlib import Path

from ui import ask
from ui.controllers.context import WindowContext
from ui.i18n import _
from ui.operations import word_import as word_ops


class WordImport:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx

    def start(self) -> None:
        if self.ctx.current() is None:
            return
        path = ask.open_file(self.ctx.parent, _("Chọn báo cáo Word cũ"), _("Word (*.docx)"))
        if path:
            self.read(path)

    def read(self, path: str) -> None:
        self.ctx.flush()
        sheet = self.ctx.current()
        word_ops.read_word_report(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, path=path) \
            .success(lambda review: self.review(sheet, review, Path(path).name)) \
            .failure(self.ctx.show_error).run()

    def review(self, sheet, review, source: str) -> None:
        from ui.word_review import WordReviewDialog

        dialog = WordReviewDialog(review.rows, review.summary, self.ctx.parent)
        self.ctx.keep("word_review", dialog)
        if dialog.exec():
            self.save(sheet, review, dialog.choices(), source)

    def save(self, sheet, review, choices, source: str) -> None:
        def done(updated) -> None:
            self.ctx.status(_("Đã nhập báo cáo Word {name}.").format(name=source), 8000)
            self.ctx.apply(updated)

        word_ops.save_word_report(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, review=review,
                                  choices=choices, source=source).success(done).failure(self.ctx.show_error).run()
