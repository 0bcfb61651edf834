"""The shared folder carried by a real Syncthing: a district submits, the province syncs and accepts,
and a conflict copy written by Syncthing itself is refused with nothing imported.

Needs Debian's ``syncthing`` (CI installs it); without it the test fails saying so.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sync.syncthing import Syncthing, wait_for

ROOT = Path(__file__).resolve().parents[2]
NAME = "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI HUYỆN PHÚ LỘC"


def run(db: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}: {proc.stdout}{proc.stderr}"
    return proc.stdout


def sync_lines(db: Path, folder: Path) -> dict[str, tuple[str, str]]:
    """``sync``'s report as {file name: (status, reason)}."""
    lines = [line.split("\t") for line in run(db, "sync", "--folder", folder).splitlines() if line]
    return {name: (status, reason) for status, name, reason in lines}


@pytest.fixture
def pair(tmp_path):
    """A district's and a province's Syncthing, connected on loopback; both stopped afterwards."""
    district, province = Syncthing("district", tmp_path), Syncthing("province", tmp_path)
    started = []
    try:
        for instance in (district, province):
            instance.generate()
        district.configure(province)
        province.configure(district)
        for instance in (district, province):
            started.append(instance)
            instance.start()
        wait_for(lambda: district.connected(province) and province.connected(district),
                 "the two Syncthing instances to connect")
        yield district, province
    finally:
        for instance in started:
            instance.stop()
        left = {i.name: i.left_running() for i in started if i.left_running()}
        assert not left, f"syncthing processes left running: {left}"


def in_sync(district: Syncthing, province: Syncthing) -> bool:
    return district.in_sync_with(province) and province.in_sync_with(district)


def test_syncthing_carries_a_submission_and_its_conflict_copy_is_refused(pair, tmp_path):
    district, province = pair
    hue, phuloc = tmp_path / "province.sqlite3", tmp_path / "district.sqlite3"
    run(hue, "demo")  # the province's office TTH
    run(phuloc, "office", "add", "--code", "PHULOC", "--name", NAME, "--parent", "TTH", "--level", "district")
    run(phuloc, "keys", "export", "--out", tmp_path / "PHULOC.key")
    run(hue, "keys", "trust", tmp_path / "PHULOC.key")
    run(phuloc, "set", "--office", "PHULOC", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "1.200")
    run(phuloc, "complete", "--office", "PHULOC", "--period", "2020-Q1")

    run(phuloc, "submit", "--office", "PHULOC", "--period", "2020-Q1", "--folder", district.folder)
    (sent,) = (district.folder / "outbox" / "PHULOC").iterdir()
    arrived = province.folder / "outbox" / "PHULOC" / sent.name
    wait_for(lambda: arrived.is_file() and arrived.read_bytes() == sent.read_bytes(),
             f"Syncthing to carry {sent.name} to the province")
    assert sync_lines(hue, province.folder) == {sent.name: ("accepted", "báo cáo PHULOC kỳ 2020-Q1 bản 1")}
    assert run(hue, "get", "--office", "PHULOC", "--period", "2020-Q1", "--indicator", "VL_MOI").strip() == "1200"

    # Both offices write the same file name while both are offline; Syncthing keeps the newer file
    # under the name and the older one (the district's real package) as a conflict copy.
    wait_for(lambda: in_sync(district, province), "both folders to be in sync")
    district.stop()
    province.stop()
    run(phuloc, "set", "--office", "PHULOC", "--period", "2020-Q2", "--indicator", "VL_MOI", "--value", "900")
    run(phuloc, "complete", "--office", "PHULOC", "--period", "2020-Q2")
    run(phuloc, "submit", "--office", "PHULOC", "--period", "2020-Q2", "--folder", district.folder)
    (genuine,) = [p for p in (district.folder / "outbox" / "PHULOC").iterdir() if p.name != sent.name]
    package = genuine.read_bytes()
    hour_ago = time.time() - 3600
    os.utime(genuine, (hour_ago, hour_ago))
    theirs = province.folder / "outbox" / "PHULOC" / genuine.name
    theirs.write_bytes(sent.read_bytes())  # the province's operator copies the Q1 package over that name
    district.start()
    province.start()

    pattern = f"{genuine.name}.sync-conflict-*"
    (copy,) = wait_for(lambda: list(theirs.parent.glob(pattern)), f"Syncthing to write {pattern} at the province")
    wait_for(lambda: in_sync(district, province) and list(genuine.parent.glob(pattern)),
             "both folders to be in sync again")
    assert copy.read_bytes() == package, "the conflict copy holds the district's package"
    assert theirs.read_bytes() == sent.read_bytes() == genuine.read_bytes()

    lines = sync_lines(hue, province.folder)
    assert lines[copy.name][0] == "rejected" and "bản sao xung đột" in lines[copy.name][1], lines
    assert lines[genuine.name][0] == "rejected", lines  # Q1's bytes under Q2's name: the name's hash disagrees
    assert set(lines) == {copy.name, genuine.name}, lines
    missing = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(hue), "get", "--office", "PHULOC",
                              "--period", "2020-Q2", "--indicator", "VL_MOI"], capture_output=True, text=True,
                             encoding="utf-8", cwd=ROOT)
    assert missing.returncode != 0, f"nothing of Q2 may be imported: {missing.stdout}"
    assert copy.read_bytes() == package, "the refused file is left untouched"
