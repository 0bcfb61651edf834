"""Restoring a backup into the database the window holds open; what a backup holds; a figure's history."""
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from app.commands.cli_actions import load_sample
from app.domain.model import Value
from app.errors import UserError
from app.reporting import history
from app.storage import db as dbmod
from app.storage import migrations
from app.storage.backup import backup_database
from app.storage.restore_open import describe_backup, restore_open
from app.storage.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def live(tmp_path):
    opened = dbmod.open_database(tmp_path / "bc.sqlite3", exclusive=True)
    store = Store(opened.db)
    load_sample(store)
    yield store, opened.path
    opened.close()


def _number(store, code="VL_MOI"):
    return store.content.values(store.report("TTH", "2020-Q1").id)[code].number


def _set(store, number):
    report = store.report("TTH", "2020-Q1")
    store.content.set_value(report, Value("VL_MOI", Decimal(number)))


def test_restore_into_the_open_database_brings_back_the_backup_and_keeps_the_current_content(live, tmp_path):
    store, path = live
    backup = backup_database(store.db, tmp_path / "saoluu.sqlite3")
    _set(store, 2700)
    done = restore_open(store.db, path, backup)
    assert _number(store) == 2607
    assert done.kept is not None and done.kept.name.startswith("bc.sqlite3.truoc-khoi-phuc-")
    kept = dbmod.open_database(done.kept)
    assert _number(Store(kept.db)) == 2700  # the state before the restore, kept beside the database
    kept.close()
    assert path.with_name("bc.sqlite3.lock").exists()  # still the window's file, still locked


def test_an_older_schema_is_upgraded_as_it_is_restored(live, tmp_path):
    store, path = live
    old = tmp_path / "v1.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", old)
    done = restore_open(store.db, path, old)
    assert done.backup_version == 1 and done.migrated
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    return path


def _newer(store, tmp_path) -> Path:
    target = backup_database(store.db, tmp_path / "moi.sqlite3")
    conn = sqlite3.connect(target)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    return target


@pytest.mark.parametrize("make, words", [
    (lambda store, tmp: (tmp / "ghi.txt").write_bytes(b"x" * 400) and tmp / "ghi.txt", "không phải tệp SQLite"),
    (lambda store, tmp: (tmp / "rong.sqlite3").write_bytes(b"") or tmp / "rong.sqlite3", "rỗng"),
    (lambda store, tmp: _foreign(tmp / "khac.sqlite3"), "không phải bản sao lưu của phần mềm"),
    (_newer, "phiên bản mới hơn"),
    (lambda store, tmp: tmp / "khong-co.sqlite3", "khong-co.sqlite3"),
])
def test_refusals_name_the_file_and_change_nothing(live, tmp_path, make, words):
    store, path = live
    bad = make(store, tmp_path)
    for attempt in (lambda: describe_backup(path, bad), lambda: restore_open(store.db, path, bad)):
        with pytest.raises(UserError) as caught:
            attempt()
        assert words in str(caught.value) and bad.name in str(caught.value)
    assert _number(store) == 2607
    assert not list(path.parent.glob("*.truoc-khoi-phuc-*"))


def test_the_open_database_itself_is_refused(live):
    store, path = live
    with pytest.raises(UserError, match="chính là cơ sở dữ liệu đang dùng"):
        restore_open(store.db, path, path)


def test_a_backup_is_described_by_its_offices_newest_period_and_schema(live, tmp_path):
    store, path = live
    store.open_report("TTH", "2020-Q2")
    backup = backup_database(store.db, tmp_path / "saoluu.sqlite3")
    info = describe_backup(path, backup)
    assert info.offices == ("TTH – SỞ NỘI VỤ",) and info.newest_period == "2020-Q2" and info.reports == 2
    assert info.schema == migrations.LATEST and info.size == backup.stat().st_size


def test_cell_history_gives_the_four_periods_before_newest_first(live):
    store, _path = live
    for quarter, number in ((1, 111), (2, 222), (3, 333), (4, 444)):
        store.content.set_value(store.open_report("TTH", f"2019-Q{quarter}"), Value("VL_MOI", Decimal(number)))
    store.content.set_value(store.open_report("TTH", "2018-Q4"), Value("VL_MOI", Decimal(999)))
    _set(store, 2700)
    found = history.cell_history(store, "TTH", "2020-Q1", "VL_MOI")
    assert found.earlier == (("Quý IV năm 2019", "444"), ("Quý III năm 2019", "333"),
                             ("Quý II năm 2019", "222"), ("Quý I năm 2019", "111"))
    assert [e.change for e in found.changes] == ["number: 2607 → 2700"]
    assert history.step_back(history.Period.parse("2021-M1")) == history.Period.parse("2020-M12")
    assert history.step_back(history.Period.parse("2020-H1")) == history.Period.parse("2019-H1")
