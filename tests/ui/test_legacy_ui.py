"""“Chuyển sang Unicode” in the editors' context menu converts exactly the legacy stretch, undoably."""
import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from app.domain.text import _TCVN3, _VNI
from tests.ui.conftest import query
from ui.legacy_action import convert_legacy
from ui.spelling import spelling_menu


def _tcvn3(text):
    reverse = {dst: src for src, dst in _TCVN3.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


def _vni(text):
    reverse = {dst: src for src, dst in _VNI.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


BEFORE, LEGACY, AFTER = "😀 Thông qua các kênh truyền thông, ", "các đơn vị đã tổ chức tuyên truyền", " tới người dân."


@pytest.mark.parametrize("encode", [_tcvn3, _vni], ids=["TCVN3", "VNI"])
def test_converting_changes_only_the_legacy_run_and_undo_restores_it(qtbot, encode):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    typed = "Dòng đầu đúng Unicode.\n" + BEFORE + encode(LEGACY) + AFTER
    editor.setPlainText(typed)
    assert convert_legacy(editor) == 1
    assert editor.toPlainText() == "Dòng đầu đúng Unicode.\n" + BEFORE + LEGACY + AFTER
    editor.undo()
    assert editor.toPlainText() == typed  # one step of the editor's own undo stack
    editor.redo()
    assert editor.toPlainText().endswith(LEGACY + AFTER)


def test_no_action_for_unicode_text_and_none_enabled_when_read_only(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(BEFORE + LEGACY + AFTER)
    menu = spelling_menu(editor, editor.rect().center())
    assert not any("Unicode" in a.text() for a in menu.actions())
    editor.setPlainText(_tcvn3(LEGACY))
    editor.setReadOnly(True)
    menu = spelling_menu(editor, editor.rect().center())
    assert not menu.actions()[0].isEnabled() and "Unicode" in menu.actions()[0].text()
    assert convert_legacy(editor) == 0 and editor.toPlainText() == _tcvn3(LEGACY)


def test_the_narrative_menu_offers_the_conversion_and_the_converted_text_is_saved(sample_window, qtbot):
    win = sample_window
    win.select_section("TNXH")
    editor = win.editor.narrative.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText("\n" + BEFORE + _tcvn3(LEGACY) + AFTER)
    menu = spelling_menu(editor, editor.cursorRect(cursor).center())
    first = menu.actions()[0]
    assert first.text() == "Chuyển sang Unicode (TCVN3): “các đơn vị đã tổ chức tuyên truyền”"
    first.trigger()
    assert editor.toPlainText().endswith(BEFORE + LEGACY + AFTER)

    def saved():
        rows = query(win.db_path, "SELECT text FROM narrative WHERE section = 'TNXH' AND text LIKE '%tới người dân%'")
        return bool(rows) and (BEFORE + LEGACY + AFTER) in rows[0][0]
    qtbot.waitUntil(saved, timeout=5000)


def test_the_findings_button_converts_exactly_the_flagged_paragraph_undoably(sample_window, qtbot):
    """Two paragraphs typed in TCVN3 are two findings; converting one leaves the other as it was typed."""
    from PySide6.QtCore import Qt

    win = sample_window
    win.select_section("TNXH")
    editor = win.editor.narrative.editor
    first, second = BEFORE + _tcvn3(LEGACY) + AFTER, _tcvn3("các cơ sở đã tiếp nhận hồ sơ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText("\n" + first + "\n" + second)
    items = win.findings_dock.list

    def flagged():
        return [r for r in range(items.count()) if "bảng mã TCVN3" in items.item(r).text()]
    qtbot.waitUntil(lambda: len(flagged()) == 2, timeout=5000)
    row = next(r for r in flagged() if "tuyên truyền" in items.item(r).text())
    assert not win.findings_dock.convert.isVisibleTo(win)
    items.setCurrentRow(row)
    items.itemClicked.emit(items.item(row))  # the click also jumps to the section
    button = win.findings_dock.convert
    assert button.isVisibleTo(win) and button.text() == "Chuyển sang Unicode"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = editor.toPlainText()
    assert BEFORE + LEGACY + AFTER in text and text.endswith("\n" + second)  # the other paragraph untouched
    editor.undo()
    assert editor.toPlainText().endswith(first + "\n" + second)
    editor.redo()

    def saved():
        rows = query(win.db_path, "SELECT text FROM narrative WHERE section = 'TNXH' AND text LIKE '%tới người dân%'")
        return bool(rows) and (BEFORE + LEGACY + AFTER) in rows[0][0]
    qtbot.waitUntil(saved, timeout=5000)
    qtbot.waitUntil(lambda: len(flagged()) == 1, timeout=5000)  # only the other one is left to look at
