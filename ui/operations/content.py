"""Figures and content: what the operator types into a section."""
from __future__ import annotations

from app.domain.model import Document
from app.reporting import desk
from app.reporting.desk import Sheet, blocks_to_text
from ui.operations.op import Op, Updated
from ui.operations.runner import Operations

__all__ = ["Sheet", "blocks_to_text", "delete_document", "load_previous_text", "review_task", "save_document",
           "save_figure", "save_narrative", "save_tasks", "spelling_marks", "spelling_suggestions"]


def _write(parent, ops: Operations, sheet: Sheet, write) -> Op:
    """``write(store, report_id) -> Changes`` on the database thread, then the touched report read again."""
    report_id = sheet.report.id

    def step(store) -> Updated:
        changes = write(store, report_id)
        return Updated(changes, desk.refreshed(store, sheet, changes))

    return Op(parent, ops).database(step)


def save_figure(*, parent, ops: Operations, sheet: Sheet, code: str, column: str, text: str) -> Op:
    """One cell of the figures grid as typed (value, qualifier, estimate, prior, plan, note)."""
    return _write(parent, ops, sheet, lambda store, rid: desk.save_figure(store, rid, code, column, text))


def save_narrative(*, parent, ops: Operations, sheet: Sheet, section: str, part: str, text: str) -> Op:
    """A section's results text (``part="results"``) or its lead to next period's tasks (``"plan"``)."""
    return _write(parent, ops, sheet, lambda store, rid: desk.save_narrative(store, rid, section, part, text))


def save_tasks(*, parent, ops: Operations, sheet: Sheet, section: str, text: str) -> Op:
    """A section's tasks for the next period, one per line."""
    return _write(parent, ops, sheet, lambda store, rid: desk.save_tasks(store, rid, section, text))


def save_document(*, parent, ops: Operations, sheet: Sheet, document: Document) -> Op:
    return _write(parent, ops, sheet, lambda store, rid: desk.save_document(store, rid, document))


def delete_document(*, parent, ops: Operations, sheet: Sheet, document_id: str) -> Op:
    return _write(parent, ops, sheet, lambda store, rid: desk.delete_document(store, rid, document_id))


def review_task(*, parent, ops: Operations, sheet: Sheet, task_id: str, status: str, comment: str) -> Op:
    """How one of last period's tasks went."""
    return _write(parent, ops, sheet, lambda store, rid: desk.review_task(store, rid, task_id, status, comment))


def load_previous_text(*, parent, ops: Operations, sheet: Sheet, section: str) -> Op:
    """Last period's text of the section (empty when there is none); nothing is written."""
    report_id = sheet.report.id
    return Op(parent, ops).database(lambda store: desk.previous_narrative(store, report_id, section))


def spelling_marks(text: str) -> list[tuple[int, int]]:
    """Words of one typed line worth a look, as (start, length) in UTF-16 units (Qt's text positions).

    Runs on the main thread: no database, a fraction of a millisecond for a cached line.
    Text not yet in NFC (pasted, not saved yet) is left unmarked until it is saved.
    """
    import unicodedata

    from app.checks import spelling

    if not text or not unicodedata.is_normalized("NFC", text):
        return []

    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    return [(units(m.start), units(m.end) - units(m.start)) for m in spelling.check(text)]


def spelling_suggestions(text: str, start: int, context: str = "") -> tuple[str, ...]:
    """What the word marked at ``start`` (UTF-16 units) of ``text`` may be, the likeliest first
    (the words ``context``, the whole editor's text, uses most come first)."""
    from app.checks import spelling

    for m in spelling.check(text):
        if len(text[:m.start].encode("utf-16-le")) // 2 == start:
            return m.suggestions or spelling.suggest(m.word, spelling.vocabulary([context]))
    return ()
