"""First start, review, sync, consolidation, publishing, Word import and the next period on 1366×768 (Xvfb).

Every window within the screen's free area, no grid scrolled sideways or with a cut
header, every picture drawn. ``BAOCAO_SCREENSHOTS=DIR`` keeps the pictures.
"""
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.ui.conftest import ROOT, demo_db
from tests.ui.test_legacy_ui import BEFORE, LEGACY, _tcvn3
from tests.ui.test_screens import _xvfb

FIRST = {"welcome", "wizard-level", "wizard-signer", "wizard-template", "wizard-period", "later"}
WORK = {"review", "review-panel", "chart", "sync", "consolidation", "consolidation-figures", "consolidation-quotes",
        "publish", "word-import", "carry", "carry-checklist"}


def _district(tmp_path, share, code: str) -> Path:
    """A district office under TTH that submitted its 2020-Q1 report to ``share``; its key file."""
    from app.domain.model import Block, OfficeProfile
    from app.exchange import keys, package
    from app.reporting import issuing
    from app.storage import db as dbmod
    from app.storage.store import Store

    opened = dbmod.open_database(tmp_path / f"{code}.sqlite3")
    store = Store(opened.db)
    store.add_office(code, "district", OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LĐTBXH", f"UBND HUYỆN {code}",
                                                     code, "LĐTBXH", parent_code="TTH"))
    report = store.open_report(code, "2020-Q1")
    store.content.enter(report, "VL_MOI", "500")
    store.content.set_narrative(report, "VL", "results", [Block(f"{code} đã giải quyết việc làm cho {{VL_MOI}}.")])
    issuing.mark_complete(store, report)
    keys.export_key(store, code, tmp_path / f"{code}.key")
    package.submit(store, code, "2020-Q1", share)
    opened.close()
    return tmp_path / f"{code}.key"


def _sample_with_share(tmp_path) -> Path:
    """The sample database, its shared folder holding PHULOC's package (key trusted) and ALUOI's (not)."""
    from app.exchange import keys
    from app.reporting import settings as settings_mod
    from app.storage import db as dbmod
    from app.storage.store import Store

    db = demo_db(tmp_path / "bc.sqlite3")
    share = tmp_path / "share"
    share.mkdir()
    trusted = _district(tmp_path, share, "PHULOC")
    _district(tmp_path, share, "ALUOI")
    opened = dbmod.open_database(db)
    store = Store(opened.db)
    keys.trust(store, keys.read_key_file(trusted))
    settings_mod.update(store, office="TTH", period="2020-Q1", shared_folder=str(share))
    opened.close()
    return db


def _run(tmp_path, child: str, *args) -> tuple[list[dict], Path, str]:
    shots = Path(os.environ.get("BAOCAO_SCREENSHOTS") or tmp_path) / "1366x768"
    shots.mkdir(parents=True, exist_ok=True)
    server, display = _xvfb("1366x768")
    started = time.perf_counter()
    try:
        env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "config"),
               "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, str(Path(__file__).with_name(child)), *map(str, args), str(shots)],
                             env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.terminate()
        server.wait()
    print(f"\n{child}: {time.perf_counter() - started:.1f} s, ảnh ở {shots}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")], shots, run.stderr


def _check(reports: list[dict], shots: Path) -> None:
    for report in reports:
        x0, y0, w0, h0 = report["area"]
        for window in report["windows"]:
            x, y, w, h = window["frame"]
            where = f"{report['screen']}: {window['title']} {window['frame']}"
            assert x >= x0 and y >= y0 and x + w <= x0 + w0 and y + h <= y0 + h0, where
            assert window["minimum"][0] <= w0 and window["minimum"][1] <= h0, where
        for table, cut in report["cut"].items():
            assert cut == {"scroll": 0, "titles": []}, f"{report['screen']}: {table} {cut}"
        assert (shots / f"{report['screen']}.png").stat().st_size > 5000, report["screen"]


def test_first_start_screens_fit_1366x768(tmp_path):
    reports, shots, errors = _run(tmp_path, "first_start_child.py", tmp_path / "empty.sqlite3")
    assert {r["screen"] for r in reports} == FIRST, errors[-2000:]
    _check(reports, shots)


def test_review_sync_consolidation_publish_import_and_next_period_fit_1366x768(tmp_path):
    db = _sample_with_share(tmp_path)
    word = tmp_path / "bc.docx"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "export", "--office", "TTH",
                    "--period", "2020-Q1", "--format", "docx", "--out", str(word)], check=True, capture_output=True)
    reports, shots, errors = _run(tmp_path, "work_screens_child.py", db, word, BEFORE + _tcvn3(LEGACY))
    assert {r["screen"] for r in reports} == WORK, errors[-2000:]
    _check(reports, shots)
