"""The narrative editor underlines words the spell check lists, offers suggestions, and changes nothing itself."""
from PySide6.QtGui import QTextCharFormat, QTextCursor

from tests.ui.conftest import query
from ui.operations.content import spelling_marks
from ui.spelling import spelling_menu

TYPO = "Tiếp nhận 02 đối tượng cai nghiện bắt buột và ngtười lang thang."


def _underlined(editor, line: int) -> list[str]:
    block = editor.document().findBlockByNumber(line)
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]


def _end_line(editor, text: str) -> int:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText("\n" + text)
    return editor.document().blockCount() - 1


def test_the_sample_narrative_has_no_underline_and_a_typo_is_underlined_then_listed(sample_window, qtbot):
    win = sample_window
    win.select_section("TNXH")
    editor = win.editor.narrative.editor
    assert all(_underlined(editor, n) == [] for n in range(editor.document().blockCount()))
    line = _end_line(editor, TYPO)
    qtbot.waitUntil(lambda: _underlined(editor, line) == ["bắt buột", "ngtười"], timeout=3000)
    qtbot.waitUntil(lambda: any("bắt buột" in win.findings.item(i).text() for i in range(win.findings.count())),
                    timeout=5000)
    rows = query(win.db_path, "SELECT text FROM narrative WHERE section = 'TNXH' AND text LIKE '%buột%'")
    assert rows and TYPO in rows[0][0]  # saved as typed: never corrected behind the operator's back


def test_the_context_menu_offers_suggestions_and_replaces_only_when_chosen(sample_window, qtbot):
    win = sample_window
    win.select_section("TNXH")
    editor = win.editor.narrative.editor
    line = _end_line(editor, TYPO)
    block = editor.document().findBlockByNumber(line)
    start = TYPO.index("ngtười")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start + 2)
    menu = spelling_menu(editor, editor.cursorRect(cursor).center())
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "người" and "người" not in editor.toPlainText().split("\n")[line].split()
    menu.actions()[0].trigger()
    assert editor.document().findBlockByNumber(line).text() == TYPO.replace("ngtười", "người")


def test_marks_are_in_qt_text_units_and_skip_text_not_yet_normalised():
    assert spelling_marks("😀 bắt buột") == [(3, 8)]  # the emoji takes two UTF-16 units
    assert spelling_marks("ngtu\u031b\u0300o\u031bi") == []  # NFD: marked once saved (and normalised)


def test_a_quarter_copied_from_the_last_one_shows_the_stale_copy_warnings(make_window, qtbot, tmp_path):
    from app.storage import db as dbmod
    from app.storage.store import Store
    from tests.ui.conftest import demo_db
    from tests.ui.conftest import opened as report_opened

    db = demo_db(tmp_path / "bc.sqlite3")
    opened = dbmod.open_database(db)
    store = Store(opened.db)
    with store.db.atomic():  # puts are the caller's transaction
        store.content.copy(store.report("TTH", "2020-Q1"), store.open_report("TTH", "2020-Q2").id)
    opened.close()
    win = make_window(db)
    qtbot.waitUntil(lambda: report_opened(win) and str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    shown = [win.findings.item(i).text() for i in range(win.findings.count())]
    assert any("giống hệt báo cáo Quý I năm 2020" in text for text in shown)
    assert any("(VL_MOI) = 2.607 người, đúng bằng số của Quý I năm 2020" in text for text in shown)
    assert any("“tháng 3/2020” không phải kỳ của báo cáo này" in text for text in shown)


def test_the_first_marks_follow_the_window_and_are_no_edit(make_window, qtbot, tmp_path):
    """The section the window opens on shows its text at once and its marks a moment later; drawing them
    is not typing: nothing is saved, the report is not "changed"."""
    import sqlite3

    from tests.ui.conftest import demo_db
    from tests.ui.conftest import opened as report_opened

    db = demo_db(tmp_path / "bc.sqlite3")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE narrative SET text = text || ' bắt buột' WHERE section = 'CDDH' AND part = 'results'"
                     " AND position = 0")
    conn.close()
    changes = query(db, "SELECT count(*) FROM audit WHERE entity != 'setting'")[0][0]
    win = make_window(db)
    editor = win.editor.narrative.editor
    typed = []
    win.editor.narrative.text_changed.connect(typed.append)
    qtbot.waitUntil(lambda: report_opened(win) and win.section_code == "CDDH", timeout=5000)
    assert "bắt buột" in editor.toPlainText()
    qtbot.waitUntil(lambda: _underlined(editor, 0) == ["bắt buột"], timeout=3000)
    qtbot.wait(300)  # past any save a change would start
    assert typed == [] and not win.content.pending and not win.content.in_flight
    assert query(db, "SELECT count(*) FROM audit WHERE entity != 'setting'")[0][0] == changes
