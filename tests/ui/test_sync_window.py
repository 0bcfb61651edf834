"""Sync, trust, submission and consolidation from the window."""
import datetime as dt

from app.domain.model import Block, OfficeProfile
from app.exchange import keys, package
from app.reporting import issuing
from app.reporting import settings as settings_mod
from app.storage import db as dbmod
from app.storage.store import Store
from tests.ui.conftest import query
from ui.sync_dialogs import TrustDialog


def _office_db(path, code, level, parent=None):
    opened = dbmod.open_database(path)
    store = Store(opened.db)
    store.add_office(code, level, OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LĐTBXH", f"UBND {code}", code, "LĐTBXH",
                                                parent_code=parent))
    return opened, store


def district(tmp_path, share, code, parent="HUE"):
    """A district office under ``parent`` that submitted its 2020-Q1 report to ``share``; its key file."""
    opened, store = _office_db(tmp_path / f"{code}.sqlite3", code, "district", parent)
    report = store.open_report(code, "2020-Q1")
    store.content.enter(report, "VL_MOI", "500")
    store.content.set_narrative(report, "VL", "results", [Block(f"{code} đã giải quyết việc làm cho {{VL_MOI}}.")])
    issuing.mark_complete(store, report)
    keys.export_key(store, code, tmp_path / f"{code}.key")
    package.submit(store, code, "2020-Q1", share)
    opened.close()
    return tmp_path / f"{code}.key"


def test_province_trusts_syncs_and_consolidates_from_the_window(make_window, qtbot, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    province = tmp_path / "hue.sqlite3"
    opened, store = _office_db(province, "HUE", "province")
    store.open_report("HUE", "2020-Q1")
    settings_mod.update(store, office="HUE", period="2020-Q1", shared_folder=str(share))
    opened.close()
    for code in ("PHULOC", "ALUOI"):
        district(tmp_path, share, code)
    win = make_window(province)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    monkeypatch.setattr(TrustDialog, "exec", lambda dialog: 1)
    win.exchange_menu.trust_key(str(tmp_path / "PHULOC.key"))
    qtbot.waitUntil(lambda: query(province, "SELECT office_code FROM trusted_key") == [("PHULOC",)], timeout=5000)
    assert "PHULOC" in win.trust_dialog.label.text() and "-" in win.trust_dialog.label.text()
    win.exchange_menu.run_sync()
    qtbot.waitUntil(lambda: win.sync_dialog.finished_run, timeout=10000)
    results = win.sync_dialog.results
    statuses = sorted(results.item(r, 0).text() for r in range(results.rowCount()))
    assert statuses == ["Từ chối", "Đã nhận"]  # ALUOI's key is not trusted yet
    aside = win.sync_dialog.aside
    reason = aside.item(0, 2).text()
    assert aside.rowCount() == 1 and reason.startswith("Chưa tin cậy khóa của đơn vị ALUOI")
    assert "Đồng bộ → Tin cậy khóa của đơn vị…" in reason and "keys" not in reason  # the window's words
    win.exchange_menu.show_consolidation()
    qtbot.waitUntil(lambda: getattr(win, "consolidation_dialog", None) is not None, timeout=5000)
    dialog = win.consolidation_dialog
    rows = {dialog.completeness.item(r, 0).text(): dialog.completeness.item(r, 2).text()
            for r in range(dialog.completeness.rowCount())}
    assert rows == {"PHULOC": "Đã gửi"}
    win.select_section("VL")
    dialog.section.setCurrentIndex(dialog.section.findData("VL"))
    assert dialog.quote_list.count() == 1
    dialog.quote_list.setCurrentRow(0)
    dialog._quote()
    assert "PHULOC đã giải quyết việc làm cho 500 người." in win.editor.narrative.text()
    target = tmp_path / "tonghop.pdf"
    win.exchange_menu.export_consolidated_to(str(target))
    qtbot.waitUntil(target.exists, timeout=10000)


def test_district_submits_from_the_window(make_window, qtbot, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    db = tmp_path / "phuloc.sqlite3"
    opened, store = _office_db(db, "PHULOC", "district", "HUE")
    report = store.open_report("PHULOC", "2020-Q1")
    store.content.enter(report, "VL_MOI", "5")
    issuing.mark_complete(store, report)
    settings_mod.update(store, office="PHULOC", period="2020-Q1", shared_folder=str(share))
    opened.close()
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.exchange_menu.submit_report()
    qtbot.waitUntil(lambda: bool(list((share / "outbox" / "PHULOC").glob("PHULOC_000001_*"))), timeout=5000)


def test_closing_backs_up_to_the_shared_folder_when_asked(make_window, qtbot, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    db = tmp_path / "phuloc.sqlite3"
    opened, store = _office_db(db, "PHULOC", "district", "HUE")
    store.open_report("PHULOC", "2020-Q1")
    settings_mod.update(store, office="PHULOC", period="2020-Q1", shared_folder=str(share), backup_to_folder=True)
    opened.close()
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.close()
    backups = list((share / "backup" / "PHULOC").glob("baocao-PHULOC-*.sqlite3"))
    assert len(backups) == 1 and query(backups[0], "PRAGMA integrity_check") == [("ok",)]


def test_a_changed_key_can_replace_the_trusted_one_after_confirmation(make_window, qtbot, tmp_path, monkeypatch):
    from app.exchange import keys as keys_mod
    from ui import ask
    db = tmp_path / "hue.sqlite3"
    opened, store = _office_db(db, "HUE", "province")
    store.open_report("HUE", "2020-Q1")
    settings_mod.update(store, office="HUE", period="2020-Q1")
    opened.close()
    share = tmp_path / "share"
    share.mkdir()
    district(tmp_path, share, "PHULOC")
    first = keys_mod.read_key_file(tmp_path / "PHULOC.key")
    (tmp_path / "old.key").write_bytes((tmp_path / "PHULOC.key").read_bytes())
    district(tmp_path / "again" if (tmp_path / "again").mkdir() is None else tmp_path, share, "PHULOC")
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    monkeypatch.setattr(TrustDialog, "exec", lambda dialog: 1)
    win.exchange_menu.trust_key(str(tmp_path / "old.key"))
    qtbot.waitUntil(lambda: query(db, "SELECT fingerprint FROM trusted_key") == [(first.fingerprint,)], timeout=5000)
    monkeypatch.setattr(ask, "yes_no", lambda *a, **k: True)
    newer = keys_mod.read_key_file(tmp_path / "again" / "PHULOC.key")
    win.exchange_menu.trust_key(str(tmp_path / "again" / "PHULOC.key"))
    qtbot.waitUntil(lambda: query(db, "SELECT fingerprint FROM trusted_key") == [(newer.fingerprint,)], timeout=5000)


def test_consolidation_dialog_lists_sources_says_when_a_tab_is_empty_and_exports_every_format(
        make_window, qtbot, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    province = tmp_path / "hue.sqlite3"
    opened, store = _office_db(province, "HUE", "province")
    report = store.open_report("HUE", "2020-Q1")
    store.content.enter(report, "VL_MOI", "100")
    settings_mod.update(store, office="HUE", period="2020-Q1", shared_folder=str(share))
    opened.close()
    district(tmp_path, share, "PHULOC")
    win = make_window(province)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    monkeypatch.setattr(TrustDialog, "exec", lambda dialog: 1)
    win.exchange_menu.trust_key(str(tmp_path / "PHULOC.key"))
    qtbot.waitUntil(lambda: query(province, "SELECT office_code FROM trusted_key") == [("PHULOC",)], timeout=5000)
    win.exchange_menu.run_sync()
    qtbot.waitUntil(lambda: win.sync_dialog.finished_run, timeout=10000)
    win.exchange_menu.show_consolidation()
    qtbot.waitUntil(lambda: getattr(win, "consolidation_dialog", None) is not None, timeout=5000)
    dialog = win.consolidation_dialog
    assert dialog.summary.text() == "Tổng hợp từ: HUE, PHULOC · Tất cả đơn vị đã gửi."
    assert dialog.include_own.isChecked()
    vl = next(r for r in range(dialog.breakdown.rowCount()) if "VL_MOI" in dialog.breakdown.item(r, 0).text()
              or "việc làm mới" in dialog.breakdown.item(r, 0).text().lower())
    cells = [dialog.breakdown.item(vl, c).text() for c in range(dialog.breakdown.columnCount())]
    assert "600" in cells  # 100 own + 500 from PHULOC, by hand
    dialog.include_own.setChecked(False)
    qtbot.waitUntil(lambda: dialog.summary.text() == "Tổng hợp từ: PHULOC · Tất cả đơn vị đã gửi.", timeout=5000)
    cells = [dialog.breakdown.item(vl, c).text() for c in range(dialog.breakdown.columnCount())]
    assert "600" not in cells and "500" in cells
    dialog.section.setCurrentIndex(dialog.section.findData("TTLD") if dialog.section.findData("TTLD") >= 0 else 0)
    empty = [i for i in range(dialog.section.count()) if not dialog.quotes.get(dialog.section.itemData(i))]
    dialog.section.setCurrentIndex(empty[0])
    assert not dialog.empty_quotes.isHidden() and dialog.quote_list.isHidden()
    assert "Chưa có đơn vị cấp dưới nào gửi trích dẫn" in dialog.empty_quotes.text()
    assert not hasattr(dialog, "quote_view")
    for suffix, magic in ((".pdf", b"%PDF"), (".docx", b"PK"), (".xlsx", b"PK")):
        target = tmp_path / f"tonghop{suffix}"
        win.exchange_menu.export_consolidated_to(str(target))
        qtbot.waitUntil(target.exists, timeout=15000)
        assert target.read_bytes().startswith(magic)


def test_a_sync_from_the_window_reads_files_ahead_in_a_worker_process(make_window, qtbot, tmp_path, monkeypatch):
    """The window's database thread starts the reading worker as a headless sync does (here for two files)."""
    from app.exchange import prefetch

    share = tmp_path / "share"
    share.mkdir()
    province = tmp_path / "hue.sqlite3"
    opened, store = _office_db(province, "HUE", "province")
    settings_mod.update(store, office="HUE", period="2020-Q1", shared_folder=str(share))
    for code in ("PHULOC", "ALUOI"):
        keys.trust(store, keys.read_key_file(district(tmp_path, share, code)))
    opened.close()
    monkeypatch.setattr(prefetch, "MIN_FILES", 1)
    monkeypatch.setattr(prefetch, "START", 0)
    served = []
    closing = prefetch.Ahead.close
    monkeypatch.setattr(prefetch.Ahead, "close", lambda self: (served.append(self.served), closing(self)))
    win = make_window(province)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.exchange_menu.run_sync()
    qtbot.waitUntil(lambda: win.sync_dialog.finished_run, timeout=20000)
    results = win.sync_dialog.results
    assert sorted(results.item(r, 0).text() for r in range(results.rowCount())) == ["Đã nhận", "Đã nhận"]
    assert max(served) == 2
