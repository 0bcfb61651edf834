"""A report received in a signed package is kept whole (``received_content``) and reads exactly as rows would."""
import copy
import sqlite3

import pytest

from app.commands.cli_actions import load_sample
from app.errors import InputError, UserError
from app.exchange import transfer
from app.storage import db as dbmod
from app.storage.store import Store

OFFICE_ID = "00000000-0000-4000-8000-000000000077"


def _store():
    return Store(dbmod.open_database(None).db)


@pytest.fixture(scope="module")
def dumped() -> dict:
    """The sample as PHULOC's, with every kind of field filled somewhere: reviews, cited documents, estimates."""
    sample = _store()
    load_sample(sample)
    data = copy.deepcopy(transfer.dump(sample, "TTH", "2020-Q1"))
    data.pop("files", None)
    data["office"].update(id=OFFICE_ID, code="PHULOC", level="district")
    for profile in data["office"]["profiles"]:
        profile.update(parent_code="TTH", authority="UBND HUYỆN PHÚ LỘC")
    data["report"].update(id="10000000-0000-4000-8000-000000000077", status="submitted")
    for doc in data["documents"]:
        doc["id"] += "-phuloc"
    data["documents"][0].update(own=False, advised=True, issued_on=None, issuer="UBND tỉnh")
    data["values"][0].update(qualifier="khoảng", estimate=True, as_of="2020-03-25", note="ước", plan="9000")
    data["reviews"] = [{"task_id": t["id"], "status": s, "comment": c} for t, s, c in
                       zip(data["tasks"][:3], ("done", "in_progress", "not_done"), ("", "đang làm", "chưa có kinh phí"), strict=True)]
    data["reviews"].sort(key=lambda r: r["task_id"])
    return data


def _imported(data: dict, *, whole: bool) -> tuple[Store, str]:
    store = _store()
    report_id, changed = transfer.import_data(store, copy.deepcopy(data), signed=whole, source="gói thử")
    assert changed
    return store, report_id


def test_a_report_kept_whole_dumps_byte_for_byte_as_it_came_and_as_rows_would(dumped):
    whole, report_id = _imported(dumped, whole=True)
    rows, _ = _imported(dumped, whole=False)
    kept = whole.db.execute("SELECT count(*) FROM received_content").fetchone()[0]
    in_rows = [whole.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
               ("value", "narrative", "document", "task", "task_review")]
    assert (kept, in_rows) == (1, [0, 0, 0, 0, 0])
    again = transfer.dump(whole, "PHULOC", "2020-Q1")
    assert transfer.dumps(again) == transfer.dumps(transfer.dump(rows, "PHULOC", "2020-Q1"))
    again.pop("files")
    assert transfer.dumps(again) == transfer.dumps(dumped)
    assert whole.content.value(report_id, "VL_MOI") == rows.content.value(report_id, "VL_MOI")
    assert whole.content.value(report_id, "KHONG_CO") is None
    figures = whole.db.execute("SELECT indicator, number, denominator, estimate, plan FROM figure ORDER BY 1").fetchall()
    assert figures == rows.db.execute("SELECT indicator, number, denominator, estimate, plan FROM figure"
                                      " ORDER BY 1").fetchall()
    assert len(figures) == len(dumped["values"])


def test_the_same_package_again_changes_nothing(dumped):
    store, _ = _imported(dumped, whole=True)
    assert transfer.import_data(store, copy.deepcopy(dumped), signed=True, source="gói thử")[1] is False


def test_the_database_refuses_to_change_a_kept_report_whoever_writes(dumped):
    store, report_id = _imported(dumped, whole=True)
    conn = store.db.conn
    for sql, args in [("UPDATE received_content SET value = '[]' WHERE report_id = ?", (report_id,)),
                      ("DELETE FROM received_content WHERE report_id = ?", (report_id,)),
                      ("INSERT INTO value (report_id, indicator, number) VALUES (?, 'VL_MOI', '1')", (report_id,)),
                      ("DELETE FROM report WHERE id = ?", (report_id,))]:
        with pytest.raises(sqlite3.IntegrityError, match="không sửa"):
            conn.execute(sql, args)
    assert store.content.value(report_id, "VL_MOI").number == 2607


def test_a_draft_received_report_is_replaced_whole_by_the_next_package(dumped):
    draft = copy.deepcopy(dumped)
    draft["report"]["status"] = "complete"
    store, report_id = _imported(draft, whole=True)
    draft["values"][1]["number"] = "12345"
    transfer.import_data(store, copy.deepcopy(draft), signed=True, source="gói thử")
    assert store.content.values(report_id)[draft["values"][1]["indicator"]].number == 12345
    assert store.db.execute("SELECT count(*) FROM received_content").fetchone()[0] == 1


def test_two_documents_that_clean_to_one_reference_are_refused_both_ways(dumped):
    data = copy.deepcopy(dumped)
    data["documents"][1]["ref"] = data["documents"][0]["ref"].replace("/", " /", 1)
    store = _store()
    for whole in (True, False):
        with pytest.raises(InputError, match="xuất hiện hai lần"):
            transfer.import_data(store, copy.deepcopy(data), signed=whole, source="gói thử")
    assert store.db.execute("SELECT count(*) FROM report").fetchone()[0] == 0


@pytest.mark.parametrize("table, index, what", [("document", 0, "mã văn bản"), ("document", 3, "số, ký hiệu"),
                                                ("task", 0, "mã nhiệm vụ"), ("value", 0, "mã chỉ tiêu")])
def test_the_record_keeps_unique_what_the_tables_keep_unique(dumped, table, index, what):
    """Whoever lays a record out (the importer or a worker), ``received.record`` refuses what a table's key
    would refuse."""
    from app.storage import received
    store, report_id = _imported(dumped, whole=True)
    kept = {t: received.rows(store.db, report_id, t) for t in received.ROWS}
    twin = list(kept[table][0])
    twin[0] = twin[0] if index == 0 else "a fresh id"
    kept[table].append(tuple(twin))
    with pytest.raises(InputError, match=what):
        received.record(kept)


def test_a_damaged_record_is_refused_naming_the_report(dumped):
    store, report_id = _imported(dumped, whole=True)
    store.db.conn.execute("DROP TRIGGER received_content_frozen_update")
    for damage in ("[[1, 2]]", "not json", '[["VL_MOI", 5, null, null, 0, null, "", null, null]]'):
        store.db.conn.execute("UPDATE received_content SET value = ? WHERE report_id = ?", (damage, report_id))
        with pytest.raises(UserError, match=f"hỏng.*{report_id}"):
            store.content.values(report_id)


def test_the_register_of_a_later_period_cites_a_kept_report_s_documents(dumped):
    store, _ = _imported(dumped, whole=True)
    later = copy.deepcopy(dumped)
    later["report"].update(id="10000000-0000-4000-8000-000000000078", period="2020-Q2")
    later["documents"] = []
    report_id, _ = transfer.import_data(store, later, signed=True, source="gói thử")
    register = store.content.register(store.report_by_id(report_id))
    assert sorted(d.ref for d in register) == sorted(d["ref"] for d in dumped["documents"])
    assert next(d for d in register if d.ref == dumped["documents"][0]["ref"]).advised is True
