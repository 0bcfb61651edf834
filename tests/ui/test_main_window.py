"""The window opens on a fresh database and shows the sample report a menu click away."""
import pytest

from app.errors import DatabaseError
from ui.launch import create_window


@pytest.fixture
def window(qtbot, tmp_path):
    win = create_window(tmp_path / "bc.sqlite3")
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.ops._thread.isRunning():
        win.close()


def test_fresh_database_invites_opening_the_sample(window, qtbot):
    qtbot.waitUntil(lambda: "báo cáo mẫu" in window.section_title.text())
    assert window.report_picker.count() == 0


def test_open_sample_from_the_menu_shows_the_report(window, qtbot):
    window.open_sample_action.trigger()
    qtbot.waitUntil(lambda: window.view is not None, timeout=5000)
    assert window.report_picker.currentData() == ("TTH", "2020-Q1")
    assert "Quý I năm 2020" in window.windowTitle() and "Nháp" in window.windowTitle()
    top = [window.outline.topLevelItem(i).text(0) for i in range(window.outline.topLevelItemCount())]
    assert top[0] == "1. Công tác chỉ đạo, điều hành" and len(top) == 4
    work_area = window.outline.topLevelItem(2).child(0)
    window.outline.setCurrentItem(work_area)
    assert window.figures.item(0, 2).text() == "2.607"
    assert "đã giải quyết việc làm mới cho 2.607 người" in window.text.toPlainText()
    assert window.findings.item(0).text() == "Không có lỗi hay cảnh báo."


def test_a_second_window_on_the_same_file_is_refused(window, tmp_path):
    with pytest.raises(DatabaseError, match="cửa sổ khác"):
        create_window(tmp_path / "bc.sqlite3")


def test_database_work_runs_off_the_ui_thread(window, qtbot):
    from PySide6.QtCore import QThread
    seen = []
    window.ops.run(lambda store: QThread.currentThread().objectName(), seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["database"]
