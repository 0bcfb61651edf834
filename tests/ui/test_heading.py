"""The report's own title and summary line from the window's Report menu."""
from tests.ui.conftest import query
from ui.dialogs import HeadingDialog


def test_the_report_menu_sets_the_title_and_summary_and_empty_returns_to_the_template(sample_window, qtbot,
                                                                                      monkeypatch):
    win = sample_window
    shown = {}

    def fake_exec(dialog):
        shown["placeholders"] = (dialog.title.placeholderText(), dialog.summary.placeholderText())
        dialog.title.setText(shown.get("title", "BÁO CÁO NHANH"))
        dialog.summary.setText(shown.get("summary", "Tình hình việc làm Quý I năm 2020"))
        return 1

    monkeypatch.setattr(HeadingDialog, "exec", fake_exec)
    assert win.report_menu.heading.isEnabled()
    win.report_menu.edit_heading()
    qtbot.waitUntil(lambda: win.sheet.report.title == "BÁO CÁO NHANH", timeout=5000)
    assert win.sheet.report.summary == "Tình hình việc làm Quý I năm 2020"
    assert shown["placeholders"] == ("BÁO CÁO", "Kết quả thực hiện công tác lao động, người có công và xã hội Quý I "
                                                "và một số nhiệm vụ trọng tâm Quý II năm 2020")
    assert query(win.db_path, "SELECT title, summary FROM report") == [
        ("BÁO CÁO NHANH", "Tình hình việc làm Quý I năm 2020")]
    shown.update(title="", summary="")
    win.report_menu.edit_heading()
    qtbot.waitUntil(lambda: win.sheet.report.title == "", timeout=5000)
    assert query(win.db_path, "SELECT title, summary FROM report") == [("", "")]


def test_the_heading_dialog_sets_a_section_s_heading_and_empty_returns_to_the_template(sample_window, qtbot,
                                                                                       monkeypatch):
    """The dialog lists both parts and every section with the template's text; a typed one is stored and printed."""
    from ui.heading_dialog import OWN
    win = sample_window
    seen = {}

    def fake_exec(dialog):
        rows = {key: row for row, key in enumerate(dialog.keys)}
        seen["defaults"] = {key: dialog.table.item(row, 1).text() for key, row in rows.items()}
        dialog.table.item(rows["VL"], OWN).setText(seen.get("text", "Việc làm, an toàn lao động"))
        return 1

    monkeypatch.setattr(HeadingDialog, "exec", fake_exec)
    win.report_menu.edit_heading()
    qtbot.waitUntil(lambda: dict(win.sheet.report.headings).get("VL") == "Việc làm, an toàn lao động", timeout=5000)
    assert seen["defaults"]["VL"] == "Công tác giải quyết việc làm – an toàn lao động"
    assert seen["defaults"]["ketqua"].startswith("KẾT QUẢ") and "VL:nhiemvu" in seen["defaults"]
    assert query(win.db_path, "SELECT headings FROM report") == [('{"VL": "Việc làm, an toàn lao động"}',)]
    seen["text"] = ""
    win.report_menu.edit_heading()
    qtbot.waitUntil(lambda: win.sheet.report.headings == (), timeout=5000)
    assert query(win.db_path, "SELECT headings FROM report") == [("",)]
