"""Killing the window's process loses nothing typed more than a second before."""
import os
import signal
import subprocess
import sys
import time

from tests.ui.conftest import ROOT, demo_db, query


def test_kill_minus_nine_one_second_after_typing_loses_nothing(tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    sentence = " Câu gõ ngay trước khi mất điện, có dấu đầy đủ."
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "ui" / "typing_child.py"), str(db), sentence],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "TYPED"
        time.sleep(1.0)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    texts = [r[0] for r in query(db, "SELECT text FROM narrative WHERE section = 'TE'")]
    assert any(sentence.strip() in t for t in texts), texts
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
