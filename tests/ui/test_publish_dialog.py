"""Đồng bộ → Gửi mẫu báo cáo và hạn nộp…: deadlines typed in the window reach the office below."""
import pytest

from app.exchange import keys, sync
from app.reporting import settings as settings_mod
from tests.ui.conftest import query
from tests.ui.test_sync_window import _office_db
from ui.publish_dialog import PublishDialog, parse_deadlines


def test_deadline_rows_are_read_and_blank_rows_skipped():
    assert parse_deadlines([("2020-q2", "05/07/2020"), ("", ""), (" 2020-Q3 ", "5/10/2020")]) == {
        "2020-Q2": "2020-07-05", "2020-Q3": "2020-10-05"}


@pytest.mark.parametrize("rows, words", [
    ([("2020-Q9", "05/07/2020")], "Kỳ “2020-Q9” không đúng dạng"),
    ([("2020-Q2", "2020-07-05")], "Hạn gửi của kỳ 2020-Q2 “2020-07-05” phải viết dạng 05/07/2020"),
    ([("2020-Q2", "31/02/2020")], "“31/02/2020”"),
    ([("", "05/07/2020")], "Kỳ “” không đúng dạng"),
])
def test_a_wrong_row_is_refused_by_name(rows, words):
    with pytest.raises(ValueError) as refused:
        parse_deadlines(rows)
    assert words in str(refused.value)


def test_the_dialog_keeps_a_wrong_entry_for_correction(qtbot):
    dialog = PublishDialog("2020-Q2")
    qtbot.addWidget(dialog)
    dialog.table.item(0, 1).setText("5-7-2020")
    dialog._send()
    assert "phải viết dạng 05/07/2020" in dialog.error.text() and dialog.result() == 0
    dialog.table.item(0, 0).setText("")
    dialog.table.item(0, 1).setText("")
    dialog._send()
    assert dialog.error.text() == "Hãy chọn tệp mẫu báo cáo hoặc ghi ít nhất một hạn gửi."


def test_published_deadlines_reach_the_district(make_window, qtbot, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    province = tmp_path / "hue.sqlite3"
    opened, store = _office_db(province, "HUE", "province")
    store.open_report("HUE", "2020-Q2")
    settings_mod.update(store, office="HUE", period="2020-Q2", shared_folder=str(share))
    keys.export_key(store, "HUE", tmp_path / "HUE.key")
    opened.close()
    win = make_window(province)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    dialog = PublishDialog("2020-Q2", win)
    dialog.table.item(0, 1).setText("05/07/2020")
    dialog._send()
    assert dialog.deadlines == {"2020-Q2": "2020-07-05"}
    win.exchange_menu.publish_for_offices(dialog)
    qtbot.waitUntil(lambda: query(province, "SELECT office_code, period, due FROM deadline")
                    == [("HUE", "2020-Q2", "2020-07-05")], timeout=5000)
    qtbot.waitUntil(lambda: any(share.rglob("HUE_*")), timeout=5000)
    district, dstore = _office_db(tmp_path / "phuloc.sqlite3", "PHULOC", "district", "HUE")
    keys.trust(dstore, keys.read_key_file(tmp_path / "HUE.key"))
    sync.sync(dstore, share)
    assert dstore.submissions.deadline("HUE", "2020-Q2") == "2020-07-05"
    district.close()
