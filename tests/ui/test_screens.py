"""The main screens on a laptop's 1366×768 and 1280×720 (Xvfb): nothing beyond the screen, nothing cut.

Each screen is photographed (``BAOCAO_SCREENSHOTS=DIR`` keeps the pictures). ``.ci/run``
installs Xvfb and sets ``BAOCAO_XVFB``; with it set the test must run.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import demo_db

CHILD = Path(__file__).with_name("screens_child.py")
SCREENS = {"entry", "refused", "documents", "tasks", "preview", "print", "profile", "template", "document", "issue"}


def _xvfb(size: str):
    if not shutil.which("Xvfb"):
        if os.environ.get("BAOCAO_XVFB"):
            pytest.fail("Xvfb phải có ở đây (BAOCAO_XVFB) nhưng không tìm thấy")
        pytest.skip("không có Xvfb để chụp màn hình")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    assert display, "Xvfb không mở được màn hình"
    return server, f":{display}"


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_every_screen_fits_a_laptop(tmp_path, size):
    db = demo_db(tmp_path / "bc.sqlite3")
    shots = Path(os.environ.get("BAOCAO_SCREENSHOTS") or tmp_path) / size
    shots.mkdir(parents=True, exist_ok=True)
    server, display = _xvfb(size)
    try:
        env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "config"),
               "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(CHILD.parents[2])}
        run = subprocess.run([sys.executable, str(CHILD), str(db), str(shots)], env=env, capture_output=True,
                             text=True, timeout=180)
    finally:
        server.terminate()
        server.wait()
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert {r["screen"] for r in reports} == SCREENS, run.stderr[-2000:]
    check_fits(reports, shots, size)
    print(f"\n{size}: {len(reports)} màn hình, ảnh ở {shots}")


def check_fits(reports: list[dict], shots: Path, size: str = "1366x768") -> None:
    """Each photographed screen: every window within the screen's free area (its minimum size too),
    no table scrolled sideways or with a cut header, and a picture that is not blank."""
    width, height = map(int, size.split("x"))
    for report in reports:
        x0, y0, w0, h0 = report["area"]
        assert w0 <= width and h0 <= height
        for window in report["windows"]:
            x, y, w, h = window["frame"]
            where = f"{report['screen']} @ {size}: {window['title']} {window['frame']}"
            assert x >= x0 and y >= y0 and x + w <= x0 + w0 and y + h <= y0 + h0, where
            assert window["minimum"][0] <= w0 and window["minimum"][1] <= h0, where
        for table, cut in report["cut"].items():
            assert cut == {"scroll": 0, "titles": []}, f"{report['screen']} @ {size}: {table} {cut}"
        picture = shots / f"{report['screen']}.png"
        assert picture.stat().st_size > 5000, picture
