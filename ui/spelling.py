"""Spelling in the text editors: a wavy line under what the check would list, suggestions in the context menu."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from ui.i18n import _
from ui.operations.content import spelling_marks, spelling_suggestions


class SpellHighlighter(QSyntaxHighlighter):
    """A wavy red line under each word of a line the spell check would list (a hint; nothing is changed).

    Like a word processor's background check, it is made a moment after the window is up (``spell_later``),
    so this module, the check's loading and its first pass over the report's text do not hold up the
    window's first showing.
    """

    def __init__(self, document) -> None:
        """Marks the text already there, at once. Marking is no edit: the document's signals are held meanwhile,
        or the editor would take it for typing (its layout still redraws the marks). Marked here, the pass
        Qt would start at the next turn of the event loop finds nothing left to do."""
        held = document.blockSignals(True)
        try:
            super().__init__(document)
            self.mark = QTextCharFormat()
            self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            self.mark.setUnderlineColor(QColor("#d32f2f"))
            self.rehighlight()
        finally:
            document.blockSignals(held)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for start, length in spelling_marks(text):
            self.setFormat(start, length, self.mark)


def spelling_menu(editor: QPlainTextEdit, pos) -> QMenu:
    """The editor's usual context menu, led by suggestions for the marked word under the mouse."""
    from ui.legacy_action import add_legacy_action

    menu = editor.createStandardContextMenu(pos)
    add_legacy_action(menu, editor)
    cursor = editor.cursorForPosition(pos)
    block, column = cursor.block(), cursor.positionInBlock()
    word = next(((s, n) for s, n in spelling_marks(block.text()) if s <= column <= s + n), None)
    if word is None:
        return menu
    first = menu.actions()[0] if menu.actions() else None
    suggestions = spelling_suggestions(block.text(), word[0], editor.toPlainText())
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        action.setEnabled(not editor.isReadOnly())
        action.triggered.connect(lambda _=False, s=suggestion: _replace(editor, block.position() + word[0], word[1], s))
        menu.insertAction(first, action)
    if not suggestions:
        none = QAction(_("Chính tả: không có gợi ý"), menu)
        none.setEnabled(False)
        menu.insertAction(first, none)
    menu.insertSeparator(first)
    return menu


def _replace(editor: QPlainTextEdit, start: int, length: int, text: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)


def with_spelling(editor: QPlainTextEdit) -> SpellHighlighter:
    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    editor.customContextMenuRequested.connect(lambda pos: spelling_menu(editor, pos).exec(editor.mapToGlobal(pos)))
    return SpellHighlighter(editor.document())
