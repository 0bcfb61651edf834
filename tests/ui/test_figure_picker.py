"""The figure picker: each indicator offers the views that fit it, each with the text it prints now."""


def _menu(win):
    """The "Chèn số liệu" menu as it opens (it is built when opened)."""
    menu = win.editor.narrative.insert_menu
    menu.aboutToShow.emit()
    return menu


def _entries(win, code: str) -> dict[str, str]:
    menu = _menu(win)
    sub = next(a.menu() for a in menu.actions() if a.text().endswith(f"({code})"))
    return {a.text().rsplit("    ", 1)[1]: a.text().rsplit("    ", 1)[0] for a in sub.actions()}


def test_views_show_live_examples_and_insert_their_placeholder(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    qtbot.waitUntil(lambda: any(a.text().endswith("(VL_MOI)") for a in _menu(win).actions()),
                    timeout=5000)
    jobs = _entries(win, "VL_MOI")
    assert jobs["{VL_MOI}"] == "số kèm đơn vị: 2.607 người"
    assert jobs["{VL_MOI:so}"] == "chỉ con số: 2.607"
    assert "{VL_MOI:nghin}" in jobs and "{VL_MOI:ty}" not in jobs  # a count has no money scales
    money = next(code for code, ind in win.sheet.data.template.indicators.items() if ind.kind == "money")
    assert "{" + money + ":ty.1}" in _entries(win, money)
    editor = win.editor.narrative.editor
    editor.setPlainText("Giải quyết việc làm cho ")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    sub = next(a.menu() for a in _menu(win).actions() if a.text().endswith("(VL_MOI)"))
    next(a for a in sub.actions() if a.text().endswith("{VL_MOI:so}")).trigger()
    assert editor.toPlainText() == "Giải quyết việc làm cho {VL_MOI:so}"


def test_the_report_wide_count_of_plans_reached_and_next_period_targets_are_offered(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    qtbot.waitUntil(lambda: any(a.text() == "Cả báo cáo" for a in _menu(win).actions()),
                    timeout=5000)
    menu = next(a.menu() for a in _menu(win).actions() if a.text() == "Cả báo cáo")
    offered = [a.text().rsplit("    ", 1)[1] for a in menu.actions()]
    assert offered == ["{KH_DAT}", "{KH_DAT:tyle}"]
    assert _entries(win, "VL_MOI")["{VL_MOI:muctieu}"].startswith("chỉ tiêu kỳ tới")
    editor = win.editor.narrative.editor
    editor.setPlainText("Đạt ")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Đạt {KH_DAT}"


def test_the_examples_and_the_live_preview_fill_plans_reached_and_next_period_targets(make_window, qtbot, tmp_path):
    import subprocess
    import sys

    from tests.ui.conftest import ROOT, demo_db

    db = demo_db(tmp_path / "bc.sqlite3")
    for period, plan in (("2020-Q1", "2.000"), ("2020-Q2", "3.100")):  # Q1's 2.607 reaches its plan
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "set", "--office", "TTH", "--period",
                        period, "--indicator", "VL_MOI", "--plan", plan], check=True, capture_output=True)
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.open_report("TTH", "2020-Q1", "VL")
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q1", timeout=5000)
    win.select_section("VL")
    menu = next(a.menu() for a in _menu(win).actions() if a.text() == "Cả báo cáo")
    wide = {a.text().rsplit("    ", 1)[1]: a.text().rsplit("    ", 1)[0] for a in menu.actions()}
    assert wide["{KH_DAT}"].endswith(": 01/01")  # as the PDF prints it
    assert _entries(win, "VL_MOI")["{VL_MOI:muctieu}"].endswith(": 3.100 người")
    win.editor.narrative.editor.setPlainText("Đạt {KH_DAT}; quý tới phấn đấu {VL_MOI:muctieu} trở lên.")
    qtbot.waitUntil(lambda: "3.100 người trở lên" in win.editor.narrative.preview.toPlainText(), timeout=5000)
    assert "Đạt 01/01;" in win.editor.narrative.preview.toPlainText()
