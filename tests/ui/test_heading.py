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
