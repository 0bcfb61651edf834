"""First run, creating an office, and the office profile with its settings."""
import datetime as dt

from PySide6.QtCore import QDate

from tests.ui.conftest import query
from ui.dialogs import FirstRunDialog, ProfileDialog


def test_first_run_creates_my_office_and_opens_a_report(make_window, qtbot, tmp_path):
    win = make_window(tmp_path / "bc.sqlite3")
    qtbot.waitUntil(lambda: getattr(win, "first_run_dialog", None) is not None, timeout=5000)
    win.first_run_dialog.choice = FirstRunDialog.CREATE
    win.first_run_dialog.accept()
    qtbot.waitUntil(lambda: getattr(win, "office_wizard", None) is not None, timeout=5000)
    wizard = win.office_wizard
    wizard.level_page.code.setText("PHULOC")
    wizard.level_page.authority.setText("UBND HUYỆN PHÚ LỘC")
    wizard.level_page.place.setText("Phú Lộc")
    wizard.next()
    wizard.signer_page.signer_name.setText("Trần Thị B")
    wizard.next()
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    assert win.sheet.report.office_code == "PHULOC"
    assert query(tmp_path / "bc.sqlite3", "SELECT level FROM office WHERE code = 'PHULOC'") == [("district",)]
    assert query(tmp_path / "bc.sqlite3", "SELECT place, signer_name, signer_title FROM office_profile") == [
        ("Phú Lộc", "Trần Thị B", "TRƯỞNG PHÒNG")]


def test_a_new_offices_signer_titles_follow_its_level(qtbot):
    dialog = ProfileDialog(None, creating=True)
    qtbot.addWidget(dialog)
    assert dialog.valid_from.date().toPython() == dt.date.today()
    assert dialog.signer_title.text() == "TRƯỞNG PHÒNG"
    dialog.level.setCurrentIndex(dialog.level.findData("commune"))
    assert (dialog.signer_title.text(), dialog.deputy_title.text()) == ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    dialog.signer_title.setText("BÍ THƯ")
    dialog.level.setCurrentIndex(dialog.level.findData("province"))
    assert (dialog.signer_title.text(), dialog.deputy_title.text()) == ("BÍ THƯ", "PHÓ GIÁM ĐỐC")


def test_a_profile_missing_its_name_is_not_accepted(qtbot):
    dialog = ProfileDialog(None, creating=True)
    qtbot.addWidget(dialog)
    dialog.code.setText("X")
    dialog.accept()
    assert dialog.result() == 0 and "tên cơ quan" in dialog.error.text()


def test_profile_and_settings_are_saved_with_dates(sample_window, qtbot, monkeypatch, tmp_path):
    win = sample_window

    def edit(dialog):
        dialog.valid_from.setDate(QDate(2026, 1, 1))
        dialog.name.setText("SỞ NỘI VỤ")
        dialog.signer_name.setText("Lê Văn C")
        dialog.folder.setText(str(tmp_path / "chung"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", edit)
    win.office_menu.edit_profile()
    qtbot.waitUntil(lambda: query(win.db_path, "SELECT count(*) FROM office_profile") == [(4,)], timeout=5000)
    rows = query(win.db_path, "SELECT valid_from, name, signer_name FROM office_profile ORDER BY valid_from")
    assert rows[0][1] == "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"  # 2020 names untouched
    assert rows[-1] == (dt.date(2026, 1, 1).isoformat(), "SỞ NỘI VỤ", "Lê Văn C")
    qtbot.waitUntil(lambda: query(win.db_path, "SELECT value FROM setting WHERE key = 'shared_folder'") != [],
                    timeout=5000)
    assert str(tmp_path / "chung") in query(win.db_path, "SELECT value FROM setting WHERE key = 'shared_folder'")[0][0]
