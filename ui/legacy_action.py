"""“Chuyển sang Unicode”: convert exactly the stretches of an editor's text typed in TCVN3/VNI, undoably."""
from __future__ import annotations

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from app.domain.text import legacy_runs
from ui.i18n import _


def convert_legacy(editor: QPlainTextEdit) -> int:
    """Replace each legacy run by its Unicode text as one step of the editor's undo stack; the runs converted."""
    text = editor.toPlainText()
    runs = legacy_runs(text)
    if not runs or editor.isReadOnly():
        return 0
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    for run in sorted(runs, key=lambda r: r.start, reverse=True):
        cursor.setPosition(_qt(text, run.start))
        cursor.setPosition(_qt(text, run.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(run.converted)
    cursor.endEditBlock()
    return len(runs)


def add_legacy_action(menu: QMenu, editor: QPlainTextEdit) -> QAction | None:
    """Lead ``menu`` with “Chuyển sang Unicode” when the editor holds text typed in a legacy font."""
    runs = legacy_runs(editor.toPlainText())
    if not runs:
        return None
    first = menu.actions()[0] if menu.actions() else None
    action = QAction(_("Chuyển sang Unicode ({encoding}): “{text}”").format(
        encoding=runs[0].encoding, text=_short(runs[0].converted)), menu)
    action.setToolTip(_("Chỉ chuyển phần gõ bằng bảng mã cũ; phần đã đúng Unicode giữ nguyên. Hoàn tác bằng Ctrl+Z."))
    action.setEnabled(not editor.isReadOnly())
    action.triggered.connect(lambda _=False: convert_legacy(editor))
    menu.insertAction(first, action)
    menu.insertSeparator(first)
    return action


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _qt(text: str, index: int) -> int:
    """A Python index of ``text`` as a Qt position (UTF-16 units: an emoji counts two)."""
    return len(text[:index].encode("utf-16-le")) // 2
