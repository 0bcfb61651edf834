"""First start, review, sync, consolidation, publishing, Word import and the next period on 1366×768 (Xvfb).

Every window within the screen's free area, no grid scrolled sideways or with a cut
header, every picture drawn. ``BAOCAO_SCREENSHOTS=DIR`` keeps the pictures.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.ui.conftest import ROOT, demo_db
from tests.ui.test_legacy_ui import BEFORE, LEGACY, _tcvn3
from tests.ui.test_screens import _xvfb, check_fits
from tests.ui.test_sync_window import district

FIRST = {"welcome", "wizard-level", "wizard-signer", "wizard-template", "wizard-period", "later"}
WORK = {"review", "review-panel", "chart", "sync", "consolidation", "consolidation-figures", "consolidation-quotes",
        "publish", "word-import", "carry", "carry-checklist"}


def _sample_with_share(tmp_path) -> Path:
    """The sample database, its shared folder holding PHULOC's package (key trusted) and ALUOI's (not)."""
    from app.exchange import keys
    from app.reporting import settings as settings_mod
    from app.storage import db as dbmod
    from app.storage.store import Store

    db = demo_db(tmp_path / "bc.sqlite3")
    share = tmp_path / "share"
    share.mkdir()
    trusted = district(tmp_path, share, "PHULOC", parent="TTH")
    district(tmp_path, share, "ALUOI", parent="TTH")
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


def test_first_start_screens_fit_1366x768(tmp_path):
    reports, shots, errors = _run(tmp_path, "first_start_child.py", tmp_path / "empty.sqlite3")
    assert {r["screen"] for r in reports} == FIRST, errors[-2000:]
    check_fits(reports, shots)


def test_review_sync_consolidation_publish_import_and_next_period_fit_1366x768(tmp_path):
    db = _sample_with_share(tmp_path)
    word = tmp_path / "bc.docx"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "export", "--office", "TTH",
                    "--period", "2020-Q1", "--format", "docx", "--out", str(word)], check=True, capture_output=True)
    reports, shots, errors = _run(tmp_path, "work_screens_child.py", db, word, BEFORE + _tcvn3(LEGACY))
    assert {r["screen"] for r in reports} == WORK, errors[-2000:]
    check_fits(reports, shots)
