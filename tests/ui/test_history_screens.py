"""Change log, indicator history, restore and guide on a laptop's 1366×768 (Xvfb): within the screen, nothing cut.

``BAOCAO_SCREENSHOTS=DIR`` keeps the pictures, as for the main screens.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import ROOT, demo_db
from tests.ui.test_screens import _xvfb, check_fits

CHILD = Path(__file__).with_name("history_screens_child.py")
SCREENS = {"audit", "history", "history-panel", "restore", "guide", "shortcuts"}


def _cli(db, *args):
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], check=True, capture_output=True)


def test_history_screens_fit_1366x768(tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    backup = tmp_path / "backup" / "baocao-TTH-20200405.sqlite3"
    backup.parent.mkdir()
    _cli(db, "backup", "--out", str(backup))
    for quarter, number in ((1, "2.410"), (2, "2.388"), (3, "2.515"), (4, "2.702")):
        _cli(db, "set", "--office", "TTH", "--period", f"2019-Q{quarter}", "--indicator", "VL_MOI", "--value", number)
    _cli(db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "2.650")
    shots = Path(os.environ.get("BAOCAO_SCREENSHOTS") or tmp_path) / "1366x768"
    shots.mkdir(parents=True, exist_ok=True)
    server, display = _xvfb("1366x768")
    try:
        env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "config"),
               "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, str(CHILD), str(db), str(backup), str(shots)], env=env,
                             capture_output=True, text=True, timeout=180)
    finally:
        server.terminate()
        server.wait()
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert {r["screen"] for r in reports} == SCREENS, run.stderr[-2000:]
    check_fits(reports, shots)
