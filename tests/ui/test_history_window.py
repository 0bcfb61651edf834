"""The window's change log, a figure's earlier periods, restoring a backup, and the user guide."""
import subprocess
import sys

import msgspec
from PySide6.QtCore import Qt

from tests.ui.conftest import ROOT, demo_db, opened, query, type_text


def _type_into_cell(qtbot, view, text):
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.focusWidget()
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _value(db, period, code="VL_MOI"):
    rows = query(db, "SELECT v.number FROM value v JOIN report r ON r.id = v.report_id JOIN office o"
                     " ON o.id = r.office_id WHERE o.code = 'TTH' AND r.period = ? AND v.indicator = ?", period, code)
    return rows[0][0] if rows else None


def _cli(db, *args):
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], check=True, capture_output=True)


def _typed(win, qtbot, text="2.700"):
    win.select_section("VL")
    win.editor.figures.focus_value("VL_MOI")
    _type_into_cell(qtbot, win.editor.figures, text)
    qtbot.waitUntil(lambda: _value(win.db_path, "2020-Q1") == text.replace(".", ""), timeout=15000)


def test_audit_dialog_lists_a_grid_change_with_user_channel_and_old_to_new(sample_window, qtbot):
    win = sample_window
    _typed(win, qtbot)
    win.history_menu.audit.trigger()
    qtbot.waitUntil(lambda: getattr(win, "audit_dialog", None) is not None, timeout=15000)
    dialog = win.audit_dialog
    rows = dialog.shown_rows()
    change = [r for r in rows if r[5] == "VL_MOI"]
    assert change, rows
    at, office, user, channel, entity, key, text = change[0]
    assert (office, channel, entity) == ("TTH", "cửa sổ", "Số liệu")
    assert "số liệu: 2607 → 2700" in text
    stored_user = query(win.db_path, "SELECT user FROM audit WHERE key = 'VL_MOI' ORDER BY id DESC LIMIT 1")[0][0]
    assert user == (stored_user or "—")
    total = len(rows)
    dialog.by_channel.setCurrentIndex(dialog.by_channel.findData("window"))
    assert [r[3] for r in dialog.shown_rows()] == ["cửa sổ"] * len(dialog.shown_rows()) and dialog.shown_rows()
    dialog.by_channel.setCurrentIndex(dialog.by_channel.findData("import"))
    assert all(r[3] == "nhập tệp" for r in dialog.shown_rows()) and "VL_MOI" not in [r[5] for r in dialog.shown_rows()]
    dialog.by_channel.setCurrentIndex(0)
    dialog.search.setText("không có chuỗi này")
    assert dialog.shown_rows() == []
    dialog.search.setText("2700")
    assert [r[5] for r in dialog.shown_rows()] == ["VL_MOI"]
    dialog.search.clear()
    assert len(dialog.shown_rows()) == total


def test_audit_dialog_shows_what_the_audit_command_prints(sample_window, qtbot):
    win = sample_window
    _typed(win, qtbot, "2.650")
    printed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(win.db_path), "audit", "--office",
                              "TTH", "--period", "2020-Q1"], capture_output=True, text=True)
    win.history_menu.audit.trigger()
    qtbot.waitUntil(lambda: getattr(win, "audit_dialog", None) is not None, timeout=15000)
    lines = [line for line in printed.stdout.splitlines() if line.strip()]
    shown = win.audit_dialog.shown_rows()
    assert len(shown) == len(lines) >= 2
    assert sorted(r[5] for r in shown) == sorted(line.split("\t")[4] for line in lines)  # the same entries
    numbers = [r[6] for r in shown if r[5] == "VL_MOI"]
    assert numbers == ["số liệu: 2607 → 2650"] and "number: 2607 → 2650" in printed.stdout


def test_cell_history_shows_the_four_earlier_periods_and_the_latest_change(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    for quarter, number in ((1, "1.111"), (2, "2.222"), (3, "3.333"), (4, "4.444")):
        _cli(db, "set", "--office", "TTH", "--period", f"2019-Q{quarter}", "--indicator", "VL_MOI", "--value", number)
    _cli(db, "set", "--office", "TTH", "--period", "2018-Q4", "--indicator", "VL_MOI", "--value", "9.999")
    win = make_window(db)
    win.db_path = db
    qtbot.waitUntil(lambda: opened(win), timeout=15000)
    first = win.sheet
    win.open_report("TTH", "2020-Q1")  # shown again: wait for that, not the first, before typing
    qtbot.waitUntil(lambda: win.sheet is not first and str(win.sheet.report.period) == "2020-Q1", timeout=15000)
    _typed(win, qtbot)
    win.editor.figures.focus_value("VL_MOI")
    win.history_menu.cell.trigger()
    panel = win.history_panel
    qtbot.waitUntil(lambda: panel.code == "VL_MOI", timeout=15000)
    text = panel.browser.toPlainText()
    for label, number in (("Quý IV năm 2019", "4.444"), ("Quý III năm 2019", "3.333"),
                          ("Quý II năm 2019", "2.222"), ("Quý I năm 2019", "1.111")):
        assert label in text and number in text
    assert "9.999" not in text and "2018" not in text  # only four periods back
    assert text.index("Quý IV năm 2019") < text.index("Quý I năm 2019")
    assert "số liệu: 2607 → 2700" in text and "cửa sổ" in text
    win.activateWindow()
    win.editor.figures.focus_value("VL_MOI")
    _type_into_cell(qtbot, win.editor.figures, "2.750")  # the panel follows a save
    qtbot.waitUntil(lambda: _value(db, "2020-Q1") == "2750", timeout=15000)
    qtbot.waitUntil(lambda: panel.code != "VL_MOI", timeout=15000)  # Enter went down a row; the panel followed
    win.editor.figures.focus_value("VL_MOI")
    qtbot.waitUntil(lambda: "2700 → 2750" in panel.browser.toPlainText(), timeout=15000)


def test_restore_from_the_window_brings_back_the_earlier_state(sample_window, qtbot, tmp_path):
    win = sample_window
    backup = tmp_path / "backup" / "truoc.sqlite3"
    backup.parent.mkdir()
    from ui.operations import office as office_ops

    done = []
    office_ops.backup_database(parent=win, ops=win.ops, path=str(backup)).success(done.append).run()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)  # taken through the window's own connection
    _typed(win, qtbot)
    seen = []
    win.history_menu.restore_from(str(backup), confirm=lambda info: seen.append(info) or True)
    qtbot.waitUntil(lambda: _value(win.db_path, "2020-Q1") == "2607", timeout=15000)
    qtbot.waitUntil(lambda: win.sheet is not None and win.sheet.data.values["VL_MOI"].number == 2607, timeout=15000)
    info = seen[0]
    assert info.offices[0].startswith("TTH") and info.newest_period == "2020-Q1" and info.schema >= 1
    kept = sorted(win.db_path.parent.glob(f"{win.db_path.name}.truoc-khoi-phuc-*"))
    assert len(kept) == 1 and _value(kept[0], "2020-Q1") == "2700"  # the state before is kept


def test_restore_refuses_a_file_that_is_not_a_database_and_changes_nothing(sample_window, qtbot, tmp_path):
    win = sample_window
    errors = []
    for name, content in (("ghi-chu.sqlite3", b"not a database at all" * 10), ("rong.sqlite3", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        menu = win.history_menu
        menu.ctx = msgspec.structs.replace(menu.ctx, show_error=errors.append)  # read the message, not a box
        win.history_menu.restore_from(str(path), confirm=lambda info: True)
        qtbot.waitUntil(lambda: len(errors) >= 1, timeout=15000)
        assert name in errors[-1] and "chưa thay đổi gì" in errors[-1].lower()
        errors.clear()
    assert _value(win.db_path, "2020-Q1") == "2607"
    assert not list(win.db_path.parent.glob("*.truoc-khoi-phuc-*"))


def test_f1_opens_the_guide_with_the_real_shortcuts(sample_window, qtbot):
    win = sample_window
    qtbot.keyClick(win, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(win, "guide_dialog", None) is not None, timeout=15000)
    text = win.guide_dialog.browser.toPlainText()
    for words in ("Hướng dẫn sử dụng", "{VL_MOI}", "khoảng", "13,302 tỷ", "Khôi phục từ bản sao lưu", "Phím tắt"):
        assert words in text
    for action in (win.report_menu.preview, win.report_menu.print_, win.history_menu.guide, win.history_menu.audit):
        keys = action.shortcut().toString()
        assert keys and keys in text and action.text().replace("&", "") in text
    win.history_menu.keys.trigger()
    listed = win.shortcuts_dialog.browser.toPlainText()
    assert "F6" in listed and "Ctrl+PgDown" in listed and "F1" in listed
