"""kill -9 at random moments while saving, exporting and importing: nothing acknowledged is lost,
nothing is half written, the database stays intact."""
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import scale

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")
KILLS = {"save": scale(30, 600), "export": scale(10, 200), "import": scale(10, 200)}
STATS = {"kills": 0}
pytestmark = pytest.mark.timeout(3600)  # the full run (1,000 kills) takes minutes


def _demo(db: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo"], check=True, capture_output=True)


def _run_and_kill(mode: str, db: Path, target, rng: random.Random, window: float = 0.5) -> list[list[str]]:
    args = [sys.executable, str(WORKER), mode, str(db)] + ([str(target)] if target else [])
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ACK ready", child.stderr.read()
    time.sleep(rng.uniform(0.02, window))
    child.kill()
    out, _ = child.communicate()
    STATS["kills"] += 1
    return [line.split()[1:] for line in out.splitlines() if line.startswith("ACK ")]


def _integrity(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conn


def test_kill_during_saves(tmp_path):
    db = tmp_path / "bc.sqlite3"
    _demo(db)
    rng = random.Random(20200401)
    acked: dict[str, int] = {}
    acked_version, total = 0, 0
    for run in range(KILLS["save"]):
        lines = _run_and_kill("save", db, run * 1_000_000, rng)
        total += len(lines)
        for kind, key, value in lines:
            if kind == "value":
                acked[key] = int(value)
            else:
                acked_version = int(value[1:])
        conn = _integrity(db)
        stored = dict(conn.execute("SELECT v.indicator, v.number FROM value v JOIN report r ON r.id = v.report_id"
                                   " WHERE r.period = '2020-Q1'").fetchall())
        for code, value in acked.items():
            assert int(stored[code]) >= value, (code, stored[code], value)
        texts = [t for (t,) in conn.execute("SELECT text FROM narrative WHERE section = 'TE' ORDER BY position")]
        versions = {re.match(r"v(\d+) ", t).group(1) for t in texts if re.match(r"v\d+ ", t)}
        if acked_version:
            assert len(texts) == 5 and len(versions) == 1, texts  # a whole save, never part of one
            assert int(versions.pop()) >= acked_version
        conn.close()
    assert total > KILLS["save"]  # the kills landed while saves were being made


def _first_export_seconds(db: Path, target: Path) -> float:
    """How long one export takes on this machine now, so the kill window fits a loaded machine too."""
    child = subprocess.Popen([sys.executable, str(WORKER), "export", str(db), str(target)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ACK ready", child.stderr.read()
    started = time.monotonic()
    child.stdout.readline()
    seconds = time.monotonic() - started
    child.kill()
    child.communicate()
    return max(seconds, 0.2)


def test_kill_during_exports(tmp_path):
    db = tmp_path / "bc.sqlite3"
    _demo(db)
    target = tmp_path / "out" / "bc.pdf"
    target.parent.mkdir()
    rng = random.Random(20200402)
    window = 2.5 * _first_export_seconds(db, tmp_path / "out" / "calibrate.pdf")  # kills land before and after
    exported = 0
    for _ in range(KILLS["export"]):
        exported += len(_run_and_kill("export", db, target, rng, window))
        if target.exists():
            data = target.read_bytes()
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        _integrity(db).close()
    assert exported > 0


def test_kill_during_imports(tmp_path):
    db = tmp_path / "bc.sqlite3"
    _demo(db)
    dump = tmp_path / "dump.json"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "dump", "--office", "TTH", "--period",
                    "2020-Q1", "--out", str(dump)], check=True, capture_output=True)
    fresh = tmp_path / "fresh.sqlite3"
    _demo(fresh)
    rng = random.Random(20200403)
    for _ in range(KILLS["import"]):
        acked = [int(n) for kind, n, _count in _run_and_kill("import", fresh, dump, rng)]
        conn = _integrity(fresh)
        counts = dict(conn.execute("SELECT r.revision, count(v.indicator) FROM report r LEFT JOIN value v"
                                   " ON v.report_id = r.id GROUP BY r.id").fetchall())
        assert all(count == 34 for count in counts.values()), counts  # every import whole or absent
        assert all(n in counts for n in acked)
        conn.close()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    print(f"\nkill -9: {STATS['kills']} processes killed mid-work, nothing acknowledged lost")
