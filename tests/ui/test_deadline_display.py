"""A subordinate office sees its deadline from the office above, and when it is late."""
import datetime as dt

import pytest

from app.domain.model import OfficeProfile
from app.storage import db as dbmod
from app.storage.store import Store
from ui.deadline_label import deadline_text

DUE = dt.date(2020, 7, 5)


@pytest.mark.parametrize("today, submitted, text, warn", [
    (dt.date(2020, 7, 2), False, "Hạn gửi: 05/07/2020 (còn 3 ngày)", True),
    (dt.date(2020, 6, 20), False, "Hạn gửi: 05/07/2020 (còn 15 ngày)", False),
    (dt.date(2020, 7, 5), False, "Hạn gửi: 05/07/2020 (hôm nay)", True),
    (dt.date(2020, 7, 7), False, "Hạn gửi: 05/07/2020 (đã quá hạn 2 ngày)", True),
    (dt.date(2020, 8, 1), True, "Hạn gửi: 05/07/2020 (đã gửi)", False),
])
def test_deadline_words(today, submitted, text, warn):
    assert deadline_text(DUE, today, submitted) == (text, warn)


def test_no_deadline_shows_nothing():
    assert deadline_text(None, DUE, False) == ("", False)


def _district(path, due):
    opened = dbmod.open_database(path)
    store = Store(opened.db)
    store.add_office("PHULOC", "district", OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LĐTBXH", "UBND PHULOC",
                                                         "Phú Lộc", "LĐTBXH", parent_code="HUE"))
    store.open_report("PHULOC", "2020-Q2")
    if due:
        with store.db.atomic():
            store.submissions.set_deadline("HUE", "2020-Q2", due)
    opened.close()


def test_the_window_shows_the_received_deadline_and_lateness(make_window, qtbot, tmp_path):
    db = tmp_path / "phuloc.sqlite3"
    _district(db, "2020-07-05")
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None and win.deadline_label.text() != "", timeout=5000)
    late = (dt.date.today() - DUE).days  # by hand: every day since 05/07/2020
    assert win.deadline_label.text() == f"Hạn gửi: 05/07/2020 (đã quá hạn {late} ngày)"
    assert "#b71c1c" in win.deadline_label.styleSheet()
    win.deadline_label.show_for(win, win.sheet, today=dt.date(2020, 7, 2))
    qtbot.waitUntil(lambda: win.deadline_label.text() == "Hạn gửi: 05/07/2020 (còn 3 ngày)", timeout=5000)
    win.deadline_label.grab().save(str(tmp_path / "deadline.png"))


@pytest.mark.parametrize("due", [None, "not-a-date"])
def test_no_or_unreadable_deadline_shows_nothing(make_window, qtbot, tmp_path, due):
    db = tmp_path / "phuloc.sqlite3"
    _district(db, due)
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    qtbot.wait(200)
    assert win.deadline_label.text() == ""
