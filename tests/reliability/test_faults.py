"""A full disk at the Nth write during save, backup, export and submit: a clear Vietnamese
message, nothing partial left behind, the database intact."""
import builtins
import datetime as dt
import errno
import os
import sqlite3

import pytest

from app.commands import cli_actions
from app.commands.cli_actions import load_sample
from app.domain.model import Block, OfficeProfile
from app.errors import UserError, describe
from app.exchange import keys, package
from app.reporting import issuing
from app.storage import backup
from app.storage import db as dbmod
from app.storage.store import Store
from tests.reliability.conftest import scale

WRITES = [1, 2, 3, 5, 8, 13, 21, 34][: scale(5, 8)]
STATS = {"faults": 0}


@pytest.fixture
def store(tmp_path):
    opened = dbmod.open_database(tmp_path / "bc.sqlite3")
    store = Store(opened.db)
    load_sample(store)
    yield store
    opened.close()


def _intact(store) -> None:
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


class DiskFull:
    """Replace ``open`` so writing under ``root`` runs out of space after ``nth`` × 4 KiB:
    the part that fits is written, then ENOSPC, as a real full disk does."""

    def __init__(self, root, nth: int) -> None:
        self.root, self.budget, self.fired = str(root), (nth - 1) * 4096, False
        self.real = builtins.open

    def __call__(self, file, mode="r", *args, **kwargs):
        handle = self.real(file, mode, *args, **kwargs)
        if "w" not in mode and "x" not in mode and "a" not in mode or not str(file).startswith(self.root):
            return handle
        outer = self
        real_write = handle.write

        class Wrapped:
            def __getattr__(self, name):
                return getattr(handle, name)

            def __enter__(self):
                handle.__enter__()
                return self

            def __exit__(self, *exc):
                return handle.__exit__(*exc)

            def write(self, data):
                if len(data) > outer.budget:
                    real_write(data[: outer.budget])
                    outer.budget = 0
                    outer.fired = True
                    STATS["faults"] += 1
                    raise OSError(errno.ENOSPC, "No space left on device", str(file))
                outer.budget -= len(data)
                return real_write(data)

        return Wrapped()


def test_save_when_the_database_cannot_grow(store):
    report = store.report("TTH", "2020-Q1")
    before = store.content.narrative(report.id)[("VL", "results")]
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError) as caught:
        store.content.set_narrative(report, "VL", "results", [Block("x" * 200_000)])
    STATS["faults"] += 1
    assert "đĩa đầy" in describe(caught.value) and "vẫn nguyên vẹn" in describe(caught.value)
    store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    _intact(store)
    assert store.content.narrative(report.id)[("VL", "results")] == before


@pytest.mark.parametrize("nth", WRITES)
def test_export_on_a_full_disk(store, tmp_path, monkeypatch, nth):
    target = tmp_path / "out" / "bc.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF-old")
    disk = DiskFull(target.parent, nth)
    monkeypatch.setattr(builtins, "open", disk)
    try:
        cli_actions.export_report(store, "TTH", "2020-Q1", "pdf", target)
    except UserError as exc:
        assert disk.fired and "đĩa đã đầy" in str(exc)
        assert target.read_bytes() == b"%PDF-old"  # the old file, whole
    else:  # the whole report fitted in the space left: then it is all there
        assert not disk.fired and target.read_bytes().rstrip().endswith(b"%%EOF")
    monkeypatch.undo()
    assert sorted(p.name for p in target.parent.iterdir()) == ["bc.pdf"]  # no temporary left
    _intact(store)


@pytest.mark.parametrize("nth", [1, 2])  # the temporary copy's fsync, then the folder's after the rename
def test_backup_on_a_full_disk(store, tmp_path, monkeypatch, nth):
    target = tmp_path / "saoluu" / "bc.sqlite3"
    target.parent.mkdir()
    calls = {"n": 0}
    real = os.fsync

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] >= nth:
            STATS["faults"] += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(UserError, match="đĩa đã đầy"):
        backup.backup_database(store.db, target)
    monkeypatch.undo()
    if target.exists():  # the fault fell after the rename: then the copy is whole
        assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []
    _intact(store)


@pytest.mark.parametrize("nth", WRITES[:3])
def test_submit_on_a_full_disk(tmp_path, monkeypatch, nth):
    opened = dbmod.open_database(tmp_path / "phuloc.sqlite3")
    store = Store(opened.db)
    store.add_office("PHULOC", "district", OfficeProfile(dt.date(2000, 1, 1), "PHÒNG", "UBND", "Phú Lộc", "LĐTBXH",
                                                         parent_code="HUE"))
    report = store.open_report("PHULOC", "2020-Q1")
    store.content.enter(report, "VL_MOI", "12")
    issuing.mark_complete(store, report)
    keys.signing_key(store, "PHULOC")
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr(builtins, "open", DiskFull(share, nth))
    with pytest.raises(UserError, match="đĩa đã đầy"):
        package.submit(store, "PHULOC", "2020-Q1", share)
    monkeypatch.undo()
    assert [p for p in share.rglob("*") if p.is_file()] == []  # nothing partial in the shared folder
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0  # the number is not used up
    assert package.submit(store, "PHULOC", "2020-Q1", share).name.startswith("PHULOC_000001_")
    _intact(store)
    opened.close()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    print(f"\nfull disk: {STATS['faults']} write faults injected, no partial file, database intact")
