"""The window's operations layer: writes come back as Changes, shared-folder work never holds up a save."""
import os
import sqlite3
import threading
import time

from PySide6.QtCore import QThread

from app.exchange import keys
from app.reporting import settings as settings_mod
from app.storage import db as dbmod
from app.storage.store import Store
from tests.ui.conftest import query
from tests.ui.test_sync_window import _office_db, district
from ui.figures import VALUE
from ui.operations import content as content_ops
from ui.operations.runner import Operations


def _value(db, code, period="2020-Q1", office="TTH"):
    rows = query(db, "SELECT v.number FROM value v JOIN report r ON r.id = v.report_id JOIN office o"
                     " ON o.id = r.office_id WHERE o.code = ? AND r.period = ? AND v.indicator = ?",
                 office, period, code)
    return rows[0][0] if rows else None


def _run(qtbot, op):
    got = []
    op.success(lambda result: got.append(("ok", result))).failure(lambda message: got.append(("error", message))).run()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got[0]


def test_a_figure_save_returns_what_changed_and_the_report_as_stored(sample_window, qtbot):
    win = sample_window
    before = win.sheet
    kind, updated = _run(qtbot, content_ops.save_figure(parent=win, ops=win.ops, sheet=before, code="VL_NN",
                                                        column="value", text="3.000"))
    assert kind == "ok"
    changes = updated.changes
    assert changes.report_id == before.report.id and changes.indicators == frozenset({"VL_NN"})
    assert not changes.sections and not changes.documents and not changes.status and not changes.template
    assert any(f.indicator == "VL_NN" for f in changes.findings)
    assert updated.sheet.data.values["VL_NN"].number == 3000 and updated.sheet.findings == changes.findings
    assert before.data.values["VL_NN"].number == 176  # the window's earlier copy is never patched in place


def test_the_window_redraws_from_changes_without_touching_its_old_copy(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    old = win.sheet
    win.content.save_figure(old.report.id, "VL_MOI", "value", "2.700")
    qtbot.waitUntil(lambda: win.sheet is not old, timeout=5000)
    assert win.sheet.data.values["VL_MOI"].number == 2700 and old.data.values["VL_MOI"].number == 2607
    assert win.editor.figures_model.index(0, VALUE).data() == "2.700"
    editor = win.editor.narrative.editor
    editor.setPlainText(editor.toPlainText() + " Thêm một câu.")
    win.content.flush()
    qtbot.waitUntil(lambda: any("Thêm một câu." in b.text for b in win.sheet.data.narrative[("VL", "results")]),
                    timeout=5000)
    assert not any("Thêm một câu." in b.text for b in old.data.narrative[("VL", "results")])
    assert editor.toPlainText().endswith(" Thêm một câu.")  # the form that typed it is not reloaded


def test_text_and_document_saves_name_their_section_and_document(sample_window, qtbot):
    win = sample_window
    kind, updated = _run(qtbot, content_ops.save_narrative(parent=win, ops=win.ops, sheet=win.sheet, section="TE",
                                                           part="results", text="KÕt qu¶ thùc hiÖn c«ng t¸c lao ®éng"))
    assert kind == "ok" and updated.changes.sections == frozenset({"TE"}) and updated.changes.legacy is not None
    doc = win.sheet.data.documents[0]
    kind, updated = _run(qtbot, content_ops.delete_document(parent=win, ops=win.ops, sheet=win.sheet,
                                                            document_id=doc.id))
    assert kind == "ok" and updated.changes.documents == frozenset({doc.id})
    assert all(d.id != doc.id for d in updated.sheet.data.documents)


def test_a_refused_write_reports_its_message_and_changes_nothing(sample_window, qtbot):
    win = sample_window
    kind, message = _run(qtbot, content_ops.save_figure(parent=win, ops=win.ops, sheet=win.sheet, code="VL_MOI",
                                                        column="value", text="2,6"))
    assert kind == "error" and "không phải số nguyên" in message
    assert _value(win.db_path, "VL_MOI") == "2607"


def test_shared_folder_work_runs_on_its_own_thread_and_connection(sample_window, qtbot):
    seen = []
    sample_window.ops.run_exchange(lambda store: (QThread.currentThread().objectName(), id(store.db)), seen.append)
    sample_window.ops.run(lambda store: id(store.db), seen.append)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    (thread, exchange_db), window_db = sorted(seen, key=lambda x: isinstance(x, int))
    assert thread == "exchange" and exchange_db != window_db


def test_a_busy_database_is_waited_for_not_reported(qtbot, tmp_path):
    opened = dbmod.open_database(tmp_path / "bc.sqlite3")
    ops = Operations(Store(opened.db), opened.close)
    calls, got = [], []

    def flaky(store):
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "saved"

    ops.run(flaky, got.append, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    ops.shutdown()
    assert got == ["saved"] and len(calls) == 3


def _slow_share(monkeypatch, share):
    """Every look at the shared folder off the main thread takes 0.3 s, like a slow network share."""
    touched = threading.Event()
    share = str(share)

    def slow(real):
        def wrapper(path=".", *args, **kwargs):
            if threading.current_thread() is not threading.main_thread() and os.fsdecode(path).startswith(share):
                touched.set()
                time.sleep(0.3)
            return real(path, *args, **kwargs)
        return wrapper

    for name in ("scandir", "listdir", "stat", "open"):
        monkeypatch.setattr(os, name, slow(getattr(os, name)))
    return touched


def test_a_figure_save_completes_while_a_slow_sync_is_running(make_window, qtbot, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    province = tmp_path / "hue.sqlite3"
    opened, store = _office_db(province, "HUE", "province")
    store.open_report("HUE", "2020-Q1")
    settings_mod.update(store, office="HUE", period="2020-Q1", shared_folder=str(share))
    for code in ("PHULOC", "ALUOI", "NAMDONG"):
        district(tmp_path, share, code)
        keys.trust(store, keys.read_key_file(tmp_path / f"{code}.key"))
    opened.close()
    win = make_window(province)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    touched = _slow_share(monkeypatch, share)
    win.exchange_menu.run_sync()
    assert touched.wait(5)
    started = time.monotonic()
    win.content.save_figure(win.sheet.report.id, "VL_MOI", "value", "1.234")
    qtbot.waitUntil(lambda: _value(province, "VL_MOI", office="HUE") == "1234" and not win.content.in_flight,
                    timeout=3000)
    assert time.monotonic() - started < 1.0
    assert not win.sync_dialog.finished_run  # the sync is still reading the share
    qtbot.waitUntil(lambda: win.sync_dialog.finished_run, timeout=30000)
    results = win.sync_dialog.results
    assert sorted(results.item(r, 0).text() for r in range(results.rowCount())) == ["Đã nhận"] * 3


def test_an_answer_for_a_closed_widget_is_dropped_not_delivered(sample_window, qtbot):
    from PySide6.QtWidgets import QDialog

    from ui.operations.op import Op

    asker = QDialog(sample_window)
    started, delivered = threading.Event(), []

    def slow(_store):
        started.set()
        time.sleep(0.3)
        return "done"

    Op(asker, sample_window.ops).database(slow).success(delivered.append).failure(delivered.append).run()
    qtbot.waitUntil(started.is_set, timeout=5000)
    asker.deleteLater()
    qtbot.waitUntil(lambda: not sample_window.ops.busy, timeout=10000)
    qtbot.wait(100)
    assert delivered == []
    kept = []
    Op(sample_window, sample_window.ops).database(lambda _store: "still here").success(kept.append).run()
    qtbot.waitUntil(lambda: kept == ["still here"], timeout=5000)


def test_wait_returns_once_the_result_is_told_and_past_its_limit_the_result_still_comes(sample_window, qtbot):
    from ui.operations.op import Op

    win, got = sample_window, []
    quick = Op(win, win.ops).database(lambda store: len(store.offices())).success(got.append)
    quick.run()
    started = time.perf_counter()
    assert quick.wait(5000) and got == [1]
    assert time.perf_counter() - started < 2  # back when told, not at the limit
    gate = threading.Event()
    slow = Op(win, win.ops).database(lambda store: gate.wait(5) and "read").success(got.append)
    slow.run()
    assert not slow.wait(50) and got == [1]  # the limit passed: not told yet, nothing lost
    gate.set()
    qtbot.waitUntil(lambda: got == [1, "read"], timeout=5000)
    assert slow.delivered
    failing = Op(win, win.ops).database(lambda store: store.report_by_id("không-có")).failure(got.append)
    failing.run()
    assert failing.wait(5000) and got == [1, "read"]  # a refusal ends the wait; it is told after, not inside
    qtbot.waitUntil(lambda: len(got) == 3, timeout=5000)
    assert got[2] == "Không có báo cáo không-có."
    with qtbot.captureExceptions() as raised:
        broken = Op(win, win.ops).database(lambda store: 1).success(lambda _result: 1 / 0)
        broken.run()
        started = time.perf_counter()
        assert broken.wait(5000) and time.perf_counter() - started < 2  # a failing callback ends the wait too
    assert raised and raised[0][0] is ZeroDivisionError
