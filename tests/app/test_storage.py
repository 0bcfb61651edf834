import datetime as dt
import sqlite3
import unicodedata

import pytest

from app.domain.model import Block, Document, OfficeProfile, Status, Value
from app.errors import DatabaseError, InputError, UserError
from app.storage import db as dbmod
from app.storage import migrations
from app.storage.store import Store


def _pragma(store, name):
    return store.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_file_is_identified_durable_and_current(file_store, tmp_path):
    """application_id, synchronous=FULL, foreign keys, WAL on a local disk, latest schema."""
    assert _pragma(file_store, "application_id") == dbmod.APPLICATION_ID
    assert _pragma(file_store, "synchronous") == 2  # FULL
    assert _pragma(file_store, "foreign_keys") == 1
    assert _pragma(file_store, "journal_mode") == "wal"
    assert _pragma(file_store, "user_version") == migrations.LATEST


def test_migration_from_every_earlier_version(tmp_path):
    """Each schema version, stored as a file, upgrades to the latest with its data kept."""
    for start in range(0, migrations.LATEST):
        path = tmp_path / f"v{start}.sqlite3"
        conn = sqlite3.connect(path)
        for step in migrations.STEPS[:start]:
            conn.executescript(step if isinstance(step, str) else ";\n".join(step))
        conn.execute(f"PRAGMA user_version = {start}")
        conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
        conn.commit()
        conn.close()
        opened = dbmod.open_database(path)
        assert _pragma(Store(opened.db), "user_version") == migrations.LATEST
        opened.close()


def test_upgrade_backs_up_first(tmp_path, monkeypatch):
    """Before a step runs on an existing file, a copy is written beside it."""
    path = tmp_path / "bc.sqlite3"
    dbmod.open_database(path).close()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, "CREATE TABLE extra (x)"])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    opened = dbmod.open_database(path)
    assert opened.migrated_from == len(migrations.STEPS) - 1
    assert "extra" in opened.db.table_names()
    opened.close()
    backups = list(tmp_path.glob("bc.truoc-nang-cap-v*.sqlite3"))
    assert len(backups) == 1
    assert "extra" not in sqlite3.connect(backups[0]).execute(
        "SELECT group_concat(name) FROM sqlite_master").fetchone()[0]


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "bc.sqlite3"
    dbmod.open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="phiên bản mới hơn"):
        dbmod.open_database(path)


def test_foreign_sqlite_files_and_garbage_are_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="không phải"):
        dbmod.open_database(other)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        dbmod.open_database(garbage)


def test_a_damaged_file_fails_quick_check_with_a_clear_message(tmp_path):
    path = tmp_path / "bc.sqlite3"
    opened = dbmod.open_database(path)
    with opened.db.conn:
        opened.db.conn.execute("PRAGMA journal_mode = DELETE")
    store = Store(opened.db)
    from app.commands.cli_actions import load_sample
    load_sample(store)
    opened.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, len(data) - page, page):
        data[offset:offset + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError):
        dbmod.open_database(path)


def test_only_one_window_holds_the_database(tmp_path):
    path = tmp_path / "bc.sqlite3"
    first = dbmod.open_database(path, exclusive=True)
    with pytest.raises(DatabaseError, match="cửa sổ khác"):
        dbmod.open_database(path, exclusive=True)
    first.close()
    dbmod.open_database(path, exclusive=True).close()


def test_text_is_stored_as_nfc_and_every_change_is_audited(sample):
    report = sample.report("TTH", "2020-Q1")
    nfd = unicodedata.normalize("NFD", "Tổ chức kiểm tra {VL_MOI}")
    before = len(sample.audit_trail(report.id))
    sample.content.set_narrative(report, "VL", "results", [Block(nfd)])
    stored = sample.content.narrative(report.id)[("VL", "results")][0].text
    assert stored == unicodedata.normalize("NFC", nfd)
    sample.content.enter(report, "VL_MOI", "2.700")
    trail = sample.audit_trail(report.id)
    assert len(trail) == before + 2
    assert trail[-1]["entity"] == "value" and '"2607"' in trail[-1]["old"] and '"2700"' in trail[-1]["new"]


def test_saving_the_same_value_twice_writes_nothing(sample):
    report = sample.report("TTH", "2020-Q1")
    before = len(sample.audit_trail(report.id))
    sample.content.enter(report, "VL_MOI", "2.607")
    assert len(sample.audit_trail(report.id)) == before


def test_bad_input_leaves_the_value_untouched(sample):
    report = sample.report("TTH", "2020-Q1")
    with pytest.raises(InputError):
        sample.content.enter(report, "VL_MOI", "2,6")
    assert sample.content.values(report.id)["VL_MOI"].number == 2607


def test_value_fields_round_trip_exactly(store):
    from app.domain.model import OfficeProfile
    store.add_office("X", "district", OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LĐTBXH", "UBND HUYỆN X", "X", "LĐTBXH"))
    report = store.open_report("X", "2021-Q2")
    value = Value("VL_MOI", number=__import__("decimal").Decimal("4348"), qualifier="khoảng", estimate=True,
                  as_of=dt.date(2021, 6, 14), note="Ước", prior_year=__import__("decimal").Decimal("4335"),
                  plan=__import__("decimal").Decimal("8560"))
    store.content.set_value(report, value)
    assert store.content.values(report.id)["VL_MOI"] == value


def test_issued_reports_are_read_only(sample):
    report = sample.report("TTH", "2020-Q1")
    issued = sample.set_status(report, Status.ISSUED)
    with pytest.raises(UserError, match="bản sửa đổi"):
        sample.content.enter(issued, "VL_MOI", "1")


def test_documents_are_validated_and_unique(sample):
    report = sample.report("TTH", "2020-Q1")
    doc = Document("", "VL", "Công văn", "999/LĐTBXH-VL", dt.date(2020, 3, 1), "Sở", "Về việc làm")
    saved = sample.content.save_document(report, doc)
    assert saved.number == "999" and saved.symbol == "LĐTBXH-VL"
    with pytest.raises(InputError, match="đã có"):
        sample.content.save_document(report, Document("", "VL", "Công văn", "999/LĐTBXH-VL"))
    with pytest.raises(InputError, match="không đúng dạng"):
        sample.content.save_document(report, Document("", "VL", "Công văn", "abc"))
    with pytest.raises(InputError, match="không hợp lý"):
        sample.content.save_document(report, Document("", "VL", "Công văn", "1/X", dt.date(1800, 1, 1)))


def test_office_names_are_effective_dated(sample):
    """A 2020 report keeps its 2020 names after the 2025 reform."""
    office = sample.office("TTH")
    assert office.profile_at(dt.date(2020, 3, 31)).place == "Thừa Thiên Huế"
    assert office.profile_at(dt.date(2020, 3, 31)).name == "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"
    assert office.profile_at(dt.date(2025, 6, 30)).name == "SỞ NỘI VỤ"
    assert office.profile_at(dt.date(2025, 6, 30)).authority == "UBND THÀNH PHỐ HUẾ"
    data = sample.content.load(sample.report("TTH", "2020-Q1"))
    assert data.profile.authority == "UBND TỈNH THỪA THIÊN HUẾ"


def test_offices_need_unique_codes_and_existing_parents(sample):
    profile = OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LĐTBXH", "UBND HUYỆN PHÚ LỘC", "Phú Lộc", "LĐTBXH",
                            parent_code="TTH")
    sample.add_office("PHULOC", "district", profile)
    with pytest.raises(InputError, match="Đã có"):
        sample.add_office("phuloc", "district", profile)
    with pytest.raises(UserError, match="Mã đơn vị"):
        sample.add_office("X1", "commune", OfficeProfile(dt.date(2000, 1, 1), "A", "B", "C", "D", parent_code="HUẾ!"))
    # the parent may be another installation's office
    sample.add_office("X2", "commune", OfficeProfile(dt.date(2000, 1, 1), "A", "B", "C", "D", parent_code="ELSEWHERE"))


def test_backup_is_a_consistent_copy(sample, tmp_path):
    from app.storage.backup import backup_database
    target = backup_database(sample.db, tmp_path / "copy.sqlite3")
    copy = dbmod.open_database(target)
    assert Store(copy.db).content.values(Store(copy.db).report("TTH", "2020-Q1").id)["VL_MOI"].number == 2607
    copy.close()
    assert not list(tmp_path.glob(".*.tmp"))


def test_location_warnings(tmp_path):
    from app.storage.location import warnings_for
    assert warnings_for(tmp_path / "bc.sqlite3") == []
    assert warnings_for(tmp_path / "OneDrive" / "bc.sqlite3")
    assert any("ổ mạng" in w for w in warnings_for(__import__("pathlib").Path("//server/share/bc.sqlite3")))


def test_stored_databases_of_every_released_schema_open_with_their_data(tmp_path):
    """tests/data/schema-vN.sqlite3 holds the sample as schema N wrote it; each upgrades intact."""
    import shutil
    from pathlib import Path
    stored = sorted((Path(__file__).parent.parent / "data").glob("schema-v*.sqlite3"))
    assert [p.name for p in stored] == [f"schema-v{n}.sqlite3" for n in range(1, migrations.LATEST + 1)]
    for path in stored:
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        opened = dbmod.open_database(copy)
        store = Store(opened.db)
        report = store.report("TTH", "2020-Q1")
        assert store.content.values(report.id)["VL_MOI"].number == 2607
        version = int(path.stem.removeprefix("schema-v"))
        # schema 7 added a report's own title and an office's template: the v7 file holds both
        assert report.title == ("BÁO CÁO NHANH" if version >= 7 else "")
        assert store.offices_repo.chosen_template("TTH") == ("LDTBXH_QUY" if version >= 7 else None)
        # schema 8 added a report's own section headings: the v8 file holds one
        assert report.headings == ((("VL", "Công tác việc làm"),) if version >= 8 else ())
        if version >= 9:  # schema 9 keeps a received report whole: the v9 file holds PHULOC's, read like TTH's
            _assert_received_reads_like_the_sample(store, report)
        opened.close()


def _assert_received_reads_like_the_sample(store, sample_report):
    phuloc = store.report("PHULOC", "2020-Q1")
    assert store.db.execute("SELECT count(*) FROM value WHERE report_id = ?", (phuloc.id,)).fetchone() == (0,)
    ours, theirs = store.content.load(sample_report), store.content.load(phuloc)
    assert theirs.values["VL_MOI"].number == 311 and store.content.value(phuloc.id, "VL_MOI").number == 311
    assert {c: v for c, v in theirs.values.items() if c != "VL_MOI"} == \
        {c: v for c, v in ours.values.items() if c != "VL_MOI"}
    assert (theirs.narrative, theirs.tasks, theirs.reviews) == (ours.narrative, ours.tasks, ours.reviews)
    assert [d.ref for d in theirs.documents] == [d.ref for d in ours.documents]
    assert [d.id for d in theirs.documents] == [d.id + "-phuloc" for d in ours.documents]


def test_every_write_is_audited_with_the_os_user_and_the_channel(sample):
    """Who (office, operating-system user) and from where (the store's channel) go with each change."""
    import getpass
    report = sample.report("TTH", "2020-Q1")
    sample.content.enter(report, "VL_MOI", "2.700")
    sample.channel = "window"
    sample.content.enter(report, "VL_MOI", "2.800")
    last, before = sample.audit_trail(report.id)[-1], sample.audit_trail(report.id)[-2]
    assert (before["channel"], last["channel"]) == ("command", "window")
    assert last["user"] == getpass.getuser() and last["office_code"] == "TTH"
    assert '"number": "2700"' in last["old"] and '"number": "2800"' in last["new"]
    with pytest.raises(ValueError):
        sample.channel = "somewhere"


def test_a_sync_stays_a_sync_through_the_import_it_makes(store):
    """``via`` names the door for a block of writes; an import inside a sync is audited as sync."""
    with store.via("import"):
        assert store.channel == "import"
    assert store.channel == "command"
    store.channel = "sync"
    with store.via("import"):
        assert store.channel == "sync"
    assert store.channel == "sync"


def test_the_audit_survives_an_os_without_a_user_name(store, monkeypatch):
    from app.storage import audit

    def nobody():
        raise OSError("no login")
    monkeypatch.setattr(audit.getpass, "getuser", nobody)
    assert audit.os_user() == ""


def test_each_table_has_one_insert_in_the_whole_program():
    """One column list and one mapping per table: the same INSERT is not written in several modules."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[2] / "app"
    text = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    for table in ("value", "narrative", "document", "task", "task_review", "report", "report_file", "office_profile"):
        assert text.count(f"INTO {table} (") == 1, table


def test_repositories_depend_on_the_connection_not_on_the_store():
    """No import circle: the repositories never import the facade that composes them."""
    import ast
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "app" / "storage"
    for path in folder.glob("*.py"):
        if path.name == "store.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "app.storage.store" not in names, path.name


def test_an_older_database_is_frozen_by_its_upgrade(tmp_path):
    """The schema-4 file gains the guards: once issued, its report refuses SQL changes."""
    import shutil
    from pathlib import Path

    from app.reporting import issuing
    copy = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent.parent / "data" / "schema-v4.sqlite3", copy)
    opened = dbmod.open_database(copy)
    store = Store(opened.db)
    report = issuing.issue(store, store.report("TTH", "2020-Q1"), number="45", issued_on=dt.date(2020, 4, 5),
                           signer_title="GIÁM ĐỐC", signer_name="A")
    for sql in ("UPDATE value SET number = '1' WHERE report_id = ?", "DELETE FROM report_file WHERE report_id = ?",
                "UPDATE report SET status = 'draft' WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
            store.db.execute(sql, (report.id,))
    with pytest.raises(UserError, match="đã ban hành"):
        store.content.put_values(report.id, [Value("VL_MOI", 1)])
    opened.close()


def test_profiles_from_files_are_checked_in_one_place(sample):
    from app.storage.offices import profile_from_dict, profile_to_dict
    office = sample.office("TTH")
    assert profile_from_dict(profile_to_dict(office.profiles[0])) == office.profiles[0]
    for bad in ({}, {**profile_to_dict(office.profiles[0]), "extra": 1},
                {**profile_to_dict(office.profiles[0]), "symbol": " "},
                {**profile_to_dict(office.profiles[0]), "parent_code": "CON"}):
        with pytest.raises(InputError):
            profile_from_dict(bad, source="tệp.json")


def test_a_remote_office_and_its_profiles_come_through_the_repository(store):
    profile = OfficeProfile(valid_from=dt.date(2020, 1, 1), name="PHÒNG LĐTBXH", authority="UBND HUYỆN A",
                            place="A", symbol="LĐTBXH", parent_code="HUE")
    office = store.offices_repo.add_remote("id-a", "pl", "district", profile)
    assert (office.code, office.origin, office.is_local) == ("PL", "remote", False)
    renamed = OfficeProfile(valid_from=dt.date(2025, 3, 1), name="PHÒNG NỘI VỤ", authority="UBND XÃ A", place="A",
                            symbol="NV")
    assert store.offices_repo.replace_profiles("id-a", [profile, renamed]) is True
    assert store.offices_repo.replace_profiles("id-a", [profile, renamed]) is False
    assert [p.name for p in store.office("PL").profiles] == ["PHÒNG LĐTBXH", "PHÒNG NỘI VỤ"]
    with pytest.raises(InputError):
        store.offices_repo.replace_profiles("id-a", [])
    with pytest.raises(InputError, match="đã thuộc"):
        store.offices_repo.add_remote("id-a", "PL2", "district", profile)
