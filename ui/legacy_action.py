"""“Chuyển sang Unicode”: convert exactly the stretches of an editor's text typed in TCVN3/VNI, undoably."""
from __future__ import annotations

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from app.domain.text import LegacyRun, legacy_runs
from ui.i18n import _


def convert_legacy(editor: QPlainTextEdit, within: str = "") -> int:
    """Replace each legacy run by its Unicode text as one step of the editor's undo stack; the runs converted.

    With ``within`` (a paragraph the findings flagged), only that paragraph's runs are converted.
    """
    text = editor.toPlainText()
    runs = legacy_runs(text)
    if within:
        at = text.find(within)
        runs = [] if at < 0 else [LegacyRun(r.start + at, r.end + at, r.converted, r.encoding)
                                  for r in legacy_runs(within)]
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


def flagged_editor(section_editor: QWidget, finding) -> QPlainTextEdit | None:
    """The section's editable text box holding the paragraph ``finding`` flagged (None: not in one)."""
    for editor in section_editor.findChildren(QPlainTextEdit):
        if finding.text and finding.text in editor.toPlainText() and not editor.isReadOnly():
            return editor
    return None


def convert_finding(window, finding) -> int:
    """Convert exactly the runs of the flagged paragraph, in its text box (undoable there); the runs converted."""
    if finding.section:
        window.select_section(finding.section)
    editor = flagged_editor(window.editor, finding)
    count = convert_legacy(editor, finding.text) if editor is not None else 0
    if not count:
        window.statusBar().showMessage(_("Đoạn này không nằm trong ô chữ của mục: mở văn bản hoặc ô có đoạn đó, "
                                         "nhấp chuột phải vào chữ → Chuyển sang Unicode."), 15000)
        return 0
    tabs = window.editor.tabs
    tabs.setCurrentIndex(next((i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(editor)), 0))
    editor.setFocus()
    window.statusBar().showMessage(_("Đã chuyển sang Unicode; Ctrl+Z trong ô chữ để hoàn tác."), 10000)
    return count


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
