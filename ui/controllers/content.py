"""Content editing: figures on Enter/Tab (with undo), text 300 ms after the last keystroke,
documents and reviews; every save goes through ``ui.operations`` and comes back as ``Changes``."""
from __future__ import annotations

import msgspec
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui import ask
from ui.controllers.context import WindowContext
from ui.documents import DocumentDialog
from ui.figures import EDITABLE
from ui.i18n import _
from ui.operations import content as content_ops
from ui.section import SectionEditor

SAVE_DELAY_MS = 300


class Refusal(msgspec.Struct, frozen=True):
    """Text typed into a figure cell that was refused: kept for correction until a save succeeds."""

    section: str
    code: str
    column: str
    text: str
    message: str


class FigureEdit(QUndoCommand):
    """One figure cell changed; undo saves the old text back."""

    def __init__(self, saver: ContentController, report_id: str, code: str, column: str, old: str,
                 new: str) -> None:
        super().__init__(_("Sửa {code}").format(code=code))
        self.saver, self.args, self.old, self.new = saver, (report_id, code, column), old, new

    def redo(self) -> None:
        self.saver.save_figure(*self.args, self.new)

    def undo(self) -> None:
        self.saver.save_figure(*self.args, self.old)


class ContentController(QObject):
    """Saves what is typed into the section editor; says whether everything is saved."""

    state_changed = Signal()
    refusals_changed = Signal()  # the list of refused, unsaved cells changed (see ``refusals``)

    def __init__(self, ctx: WindowContext, editor: SectionEditor) -> None:
        super().__init__(ctx.parent)
        self.ctx, self.editor = ctx, editor
        self.undo_stack = QUndoStack(self)
        self.pending: dict[tuple, object] = {}  # debounced text saves: key -> operation factory
        self._refused: dict[tuple[str, str, str], Refusal] = {}  # (report id, code, column) -> refusal
        self.in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._wire()

    def _wire(self) -> None:
        e = self.editor
        e.figures_model.edit_requested.connect(self._figure_edited)
        e.narrative.text_changed.connect(lambda text: self._queue_text("results", text))
        e.narrative.previous_requested.connect(self.copy_previous)
        e.tasks.tasks_changed.connect(self._queue_tasks)
        e.tasks.lead_changed.connect(lambda text: self._queue_text("plan", text))
        e.review.review_changed.connect(self.review_task)
        e.documents.add_requested.connect(lambda: self.edit_document(None))
        e.documents.edit_requested.connect(self.edit_document)
        e.documents.delete_requested.connect(self.delete_document)

    # --- saving state ---------------------------------------------------------------
    def saved_state(self) -> str:
        """"chưa lưu" (typed, not sent), "đang lưu…" (sent) or "đã lưu ✓"."""
        if self.pending:
            return _("chưa lưu")
        return _("đang lưu…") if self.in_flight else _("đã lưu ✓")

    def _run(self, op, on_done=None, on_failed=None) -> None:
        """Run a write; the window redraws from its ``Updated``, the state line follows it."""
        self.in_flight += 1
        self.state_changed.emit()

        def done(updated) -> None:
            self._finished()
            self.ctx.apply(updated)
            if on_done:
                on_done(updated)

        def failed(message: str) -> None:
            self._finished()
            (on_failed or self.ctx.show_error)(message)

        op.success(done).failure(failed).run()

    def _finished(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.state_changed.emit()

    # --- figures -------------------------------------------------------------------
    def _figure_edited(self, code: str, column: str, text: str) -> None:
        sheet = self.ctx.current()
        if sheet is not None:
            old = self.editor.figures_model.edit_text(code, column)
            self.undo_stack.push(FigureEdit(self, sheet.report.id, code, column, old, text))

    def save_figure(self, report_id: str, code: str, column: str, text: str) -> None:
        sheet = self.ctx.current()
        if sheet is None or sheet.report.id != report_id:
            return
        self.ctx.status("")
        col = next(c for c, name in EDITABLE.items() if name == column)
        key = (report_id, code, column)
        section = next((s.code for s in sheet.data.template.section_list()
                        if any(i.code == code for i in s.indicators)), self.ctx.section())

        def refused(message: str) -> None:
            self._refused[key] = Refusal(section, code, column, text, message)
            self.editor.figures_model.refuse(code, col, message, text)
            self._show_refusals()
            self.ctx.status(message, 8000)

        def saved(_updated) -> None:
            if self._refused.pop(key, None) is not None:
                self.editor.figures_model.accept(code, col)
                self._show_refusals()

        self._run(content_ops.save_figure(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, code=code,
                                          column=column, text=text), on_done=saved, on_failed=refused)

    def refusals(self) -> list[Refusal]:
        """The open report's cells whose typed text was refused and not yet fixed."""
        sheet = self.ctx.current()
        return [r for (rid, *_rest), r in self._refused.items() if sheet is not None and rid == sheet.report.id]

    def show_refusals(self) -> None:
        """Mark the refused cells of the section shown (after it was loaded afresh)."""
        model = self.editor.figures_model
        for refusal in self.refusals():
            col = next(c for c, name in EDITABLE.items() if name == refusal.column)
            model.refuse(refusal.code, col, refusal.message, refusal.text)
        self._show_refusals()

    def _show_refusals(self) -> None:
        labels = {i.code: i.label for i in self.editor.figures_model.rows}
        self.editor.show_reasons([_("{label}: «{text}» chưa lưu – {message}").format(
            label=labels[r.code], text=r.text, message=r.message) for r in self.refusals() if r.code in labels])
        self.refusals_changed.emit()

    # --- text ------------------------------------------------------------------------
    def _queue_text(self, part: str, text: str) -> None:
        section = self.ctx.section()
        self._queue(("narrative", section, part), lambda sheet: content_ops.save_narrative(
            parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, section=section, part=part, text=text))

    def _queue_tasks(self, text: str) -> None:
        section = self.ctx.section()
        self._queue(("tasks", section), lambda sheet: content_ops.save_tasks(
            parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet, section=section, text=text))

    def _queue(self, key: tuple, make) -> None:
        """Debounced save of typed text; flushed on section change, close and after 300 ms of quiet."""
        sheet = self.ctx.current()
        if sheet is None:
            return
        self.pending[key] = lambda: make(sheet)
        self._timer.start()
        self.state_changed.emit()

    def flush(self) -> None:
        """Send every typed text now."""
        self._timer.stop()
        pending, self.pending = self.pending, {}
        for make in pending.values():
            self._run(make(), on_done=self._legacy_hint)
        self.state_changed.emit()

    def _legacy_hint(self, updated) -> None:
        legacy = updated.changes.legacy
        if legacy:
            self.ctx.status(_("Văn bản có vẻ gõ bằng bảng mã {enc}. Đề nghị chuyển: {text}").format(
                enc=legacy.encoding, text=legacy.suggestion[:120]), 15000)

    def copy_previous(self) -> None:
        """Offer last period's text of the section (its placeholders show this period's figures)."""
        sheet = self.ctx.current()
        if sheet is None:
            return

        def done(text: str) -> None:
            if not text:
                self.ctx.status(_("Kỳ trước không có nội dung cho mục này."), 6000)
                return
            current = self.editor.narrative.text().strip()
            if current and not ask.yes_no(self.ctx.parent, _("Báo cáo LĐTBXH"),
                                          _("Thay nội dung hiện tại bằng nội dung kỳ trước?")):
                return
            self.editor.narrative.editor.setPlainText(text)

        content_ops.load_previous_text(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet,
                                       section=self.ctx.section()).success(done).failure(self.ctx.show_error).run()

    # --- reviews and documents -----------------------------------------------------------
    def review_task(self, task_id: str, status: str, comment: str) -> None:
        sheet = self.ctx.current()
        if sheet is not None:
            self._run(content_ops.review_task(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet,
                                              task_id=task_id, status=status, comment=comment))

    def edit_document(self, doc) -> None:
        sheet = self.ctx.current()
        sections = [(s.code, f"{s.number}. {s.title}") for s in sheet.data.template.section_list()]
        dialog = DocumentDialog(sections, doc, self.ctx.section(), self.ctx.parent)
        if dialog.exec():
            self._run(content_ops.save_document(parent=self.ctx.parent, ops=self.ctx.ops, sheet=sheet,
                                                document=dialog.document()))

    def delete_document(self, doc) -> None:
        if not ask.yes_no(self.ctx.parent, _("Xóa văn bản"), _("Xóa văn bản {ref} khỏi báo cáo?").format(ref=doc.ref)):
            return
        self._run(content_ops.delete_document(parent=self.ctx.parent, ops=self.ctx.ops, sheet=self.ctx.current(),
                                              document_id=doc.id))
