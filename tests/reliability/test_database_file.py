"""The database file under attack, through the commands an operator runs.

An empty or foreign file at the database path, restoring a backup (good,
older, newer, damaged, special files), a backup on read-only media, a second
writer, the leftovers of a killed backup, and special files handed to the
commands that read files.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.storage import migrations
from app.storage.db import APPLICATION_ID
from app.storage.lock import InstanceLock

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
NOBODY = 65534


def cli(db, *args, as_other_user=False):
    """Run ``main.py --db db …`` as an operator would.

    ``as_other_user``: when the tests run as root (who may write anywhere), the
    command runs as an unprivileged user, so write-protected files really are.
    """
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *map(str, args)]
    if as_other_user and os.geteuid() == 0:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=60)


def refused(proc, *words):
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("Lỗi: "), proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


def value(db, code="VL_MOI", **kw):
    proc = cli(db, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", code, **kw)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """A backup of an installation holding the sample report (VL_MOI = 2607), made once."""
    folder = tmp_path_factory.mktemp("seed")
    assert cli(folder / "baocao.sqlite3", "demo").returncode == 0
    assert cli(folder / "baocao.sqlite3", "backup", "--out", folder / "seed.sqlite3").returncode == 0
    return folder / "seed.sqlite3"


@pytest.fixture
def office(tmp_path, seed):
    """An installation with the sample report, VL_MOI = 2607, in ``tmp_path/data/baocao.sqlite3``."""
    db = tmp_path / "data" / "baocao.sqlite3"
    db.parent.mkdir()
    shutil.copy(seed, db)
    return db


def _backup(seed, target):
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    return shutil.copy(seed, target)


def _set(db, number):
    proc = cli(db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", number)
    assert proc.returncode == 0, proc.stderr


# --- an unusable file at the database path ------------------------------------------------------

UNUSABLE = {
    "empty": b"",
    "text": "không phải cơ sở dữ liệu\n".encode() * 50,
    "zeros": b"\0" * 8192,
    "header only": b"SQLite format 3\0",
}


@pytest.mark.parametrize("kind", sorted(UNUSABLE))
def test_an_unusable_file_is_refused_naming_the_newest_backup(office, seed, kind):
    """Never taken as a new empty database: refused, left as it is, with the newest backup and the command."""
    folder = office.parent
    older = _backup(seed, folder / "backup" / "TTH" / "baocao-TTH-20260101-080000.sqlite3")
    newest = _backup(seed, folder / "ban-sao.sqlite3")
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    (folder / "ghi-chu.sqlite3").write_bytes(b"not ours")  # a look-alike name is never offered
    office.write_bytes(UNUSABLE[kind])
    for command in [("set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "1"),
                    ("office", "list"), ("demo",)]:
        refused(cli(office, *command), str(newest), "restore --from")
        assert office.read_bytes() == UNUSABLE[kind]


def test_a_foreign_sqlite_database_is_refused_with_the_backup_in_the_backup_folder(tmp_path, seed):
    db = tmp_path / "baocao.sqlite3"
    kept = _backup(seed, tmp_path / "backup" / "TTH" / "baocao-TTH-20261201-153000.sqlite3")
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    refused(cli(db, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI"),
            "không phải", str(kept), "restore --from")


def test_without_any_backup_the_message_says_where_backups_are_kept(tmp_path):
    db = tmp_path / "baocao.sqlite3"
    db.write_bytes(b"")
    refused(cli(db, "office", "list"), "Không tìm thấy bản sao lưu", "restore --from")


def test_a_folder_a_device_or_a_fifo_given_as_the_database_is_refused(tmp_path, seed):
    fifo = tmp_path / "ong.sqlite3"
    os.mkfifo(fifo)
    for target in (tmp_path, "/dev/zero", fifo):
        for command in (("office", "list"), ("demo",), ("restore", "--from", seed)):
            refused(cli(target, *command), str(target))


def test_an_absent_file_is_created_fresh_without_leftovers(tmp_path):
    db = tmp_path / "moi" / "baocao.sqlite3"
    assert cli(db, "office", "list").returncode == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    conn.close()
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp") or ".tmp-" in p.name]


# --- restore ----------------------------------------------------------------------------------------

def test_restore_puts_the_backup_in_place_and_keeps_the_old_file_and_the_key(office, tmp_path):
    assert cli(office, "keys", "export", "--out", tmp_path / "tth.key").returncode == 0
    key_file = office.with_suffix(".keys")
    key_before = key_file.read_bytes()
    backup = tmp_path / "usb" / "bc.sqlite3"
    assert cli(office, "backup", "--out", backup).returncode == 0
    _set(office, "3.000")
    proc = cli(office, "restore", "--from", backup)
    assert proc.returncode == 0, proc.stderr
    assert value(office) == "2607"
    kept = [p for p in office.parent.iterdir() if ".truoc-khoi-phuc-" in p.name]
    assert len(kept) == 1 and str(kept[0]) in proc.stdout
    assert value(kept[0]) == "3000"  # the file that was replaced, whole, with its last change
    assert key_file.read_bytes() == key_before
    exported = cli(office, "keys", "export", "--out", tmp_path / "again.key")
    assert json.loads((tmp_path / "again.key").read_text())["public_key"] == \
        json.loads((tmp_path / "tth.key").read_text())["public_key"], exported.stderr
    assert not Path(f"{office}-wal").exists() or Path(f"{office}-wal").stat().st_size == 0


def test_restore_replaces_an_empty_file_and_restoring_twice_keeps_both_old_files(office, seed, tmp_path):
    backup = _backup(seed, tmp_path / "bc.sqlite3")
    office.write_bytes(b"")
    assert cli(office, "restore", "--from", backup).returncode == 0
    assert cli(office, "restore", "--from", backup).returncode == 0
    kept = sorted(p for p in office.parent.iterdir() if ".truoc-khoi-phuc-" in p.name)
    assert len(kept) == 2 and kept[0].read_bytes() == b""
    assert value(office) == "2607"


def test_restore_into_an_absent_database(tmp_path, seed):
    backup = _backup(seed, tmp_path / "bc.sqlite3")
    fresh = tmp_path / "may-moi" / "baocao.sqlite3"
    proc = cli(fresh, "restore", "--from", backup)
    assert proc.returncode == 0, proc.stderr
    assert value(fresh) == "2607"


def test_an_older_backup_is_migrated_on_restore(office, tmp_path):
    for original in sorted(DATA.glob("schema-v*.sqlite3")):
        stored = shutil.copy(original, tmp_path / original.name)
        proc = cli(office, "restore", "--from", stored)
        assert proc.returncode == 0, proc.stderr
        conn = sqlite3.connect(office)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        conn.close()
        assert value(office) == "2607"
        assert Path(stored).read_bytes() == original.read_bytes()  # the backup itself is never changed


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()


def _foreign(path):
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _damaged(path):
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096 + 100, len(data) - 4096, 4096):
        data[offset:offset + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))


BAD_BACKUPS = {
    "newer": (_newer, "mới hơn"),
    "foreign": (_foreign, "không phải bản sao lưu"),
    "damaged": (_damaged, "hỏng"),
    "empty": (lambda p: p.write_bytes(b""), "rỗng"),
    "text": (lambda p: p.write_text("xin chào"), "không phải bản sao lưu"),
    "folder": (lambda p: (p.unlink(), p.mkdir()), "không phải tệp thường"),
    "fifo": (lambda p: (p.unlink(), os.mkfifo(p)), "không phải tệp thường"),
    "missing": (lambda p: p.unlink(), "Không đọc được"),
}


@pytest.mark.parametrize("kind", sorted(BAD_BACKUPS))
def test_a_bad_backup_is_refused_and_nothing_changes(office, seed, tmp_path, kind):
    backup = Path(_backup(seed, tmp_path / "bc.sqlite3"))
    spoil, words = BAD_BACKUPS[kind]
    spoil(backup)
    before = office.read_bytes()
    refused(cli(office, "restore", "--from", backup), words)
    assert office.read_bytes() == before
    assert sorted(p.name for p in office.parent.iterdir()) in (["baocao.sqlite3"], ["baocao.sqlite3",
                                                                                   "baocao.sqlite3.lock"])
    assert value(office) == "2607"


def test_restore_refuses_devices_and_the_database_itself(office):
    refused(cli(office, "restore", "--from", "/dev/zero"), "/dev/zero", "không phải tệp thường")
    refused(cli(office, "restore", "--from", office), "chính là cơ sở dữ liệu")


def test_restore_is_refused_while_the_window_holds_the_database(office, seed, tmp_path):
    backup = _backup(seed, tmp_path / "bc.sqlite3")
    _set(office, "3.000")
    window = InstanceLock(office.with_name(office.name + ".lock"), "window")
    window.acquire()
    try:
        refused(cli(office, "restore", "--from", backup), "đang được mở trong cửa sổ")
    finally:
        window.release()
    assert value(office) == "3000"


# --- who holds the database ---------------------------------------------------------------------------

@pytest.mark.parametrize(("holder", "said", "not_said"), [
    ("window", "đang được mở trong cửa sổ", "lệnh khác"),
    ("command", "một lệnh khác đang ghi", "cửa sổ"),
])
def test_a_second_writer_is_told_who_holds_the_database(office, holder, said, not_said):
    lock = InstanceLock(office.with_name(office.name + ".lock"), holder)
    lock.acquire()
    try:
        proc = cli(office, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "9")
        refused(proc, said, f"tiến trình {os.getpid()}")
        assert not_said not in proc.stderr
        assert value(office) == "2607"  # readers are not held up
    finally:
        lock.release()


def test_a_stale_lock_of_a_dead_process_is_taken_over(office):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    record = {"kind": "window", "pid": child.pid, "started": "2026-12-01T08:00:00+00:00"}
    office.with_name(office.name + ".lock").write_text(json.dumps(record))
    _set(office, "9")
    assert value(office) == "9"


# --- read-only media -----------------------------------------------------------------------------------

@pytest.fixture
def read_only_copy(office):
    """The office's backup on a write-protected medium (a folder and file nobody may write)."""
    medium = Path(tempfile.mkdtemp(prefix="baocao-ro-"))
    os.chmod(medium, 0o755)
    disk = medium / "usb"
    copy = disk / "baocao-TTH.sqlite3"
    assert cli(office, "backup", "--out", copy).returncode == 0
    out = medium / "out"
    out.mkdir()
    os.chmod(out, 0o777)
    os.chmod(copy, 0o444)
    os.chmod(disk, 0o555)
    yield copy, out
    os.chmod(disk, 0o755)
    shutil.rmtree(medium)


READERS = [
    ("get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI"),
    ("validate", "--office", "TTH", "--period", "2020-Q1"),
    ("audit", "--office", "TTH", "--period", "2020-Q1"),
    ("office", "list"),
    ("keys", "list"),
]


def test_a_backup_on_read_only_media_can_be_read(read_only_copy):
    copy, out = read_only_copy
    before = copy.read_bytes()
    for command in READERS:
        proc = cli(copy, *command, as_other_user=True)
        assert proc.returncode == 0, (command, proc.stderr)
    assert cli(copy, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI",
               as_other_user=True).stdout.strip() == "2607"
    for command in (("dump", "--office", "TTH", "--period", "2020-Q1", "--out", out / "d.json"),
                    ("export", "--office", "TTH", "--period", "2020-Q1", "--format", "xlsx", "--out", out / "x.xlsx"),
                    ("backup", "--out", out / "b.sqlite3")):
        proc = cli(copy, *command, as_other_user=True)
        assert proc.returncode == 0, (command, proc.stderr)
    assert copy.read_bytes() == before
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_writing_on_read_only_media_is_refused_plainly(read_only_copy):
    copy, out = read_only_copy
    proc = cli(copy, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "1",
               as_other_user=True)
    refused(proc, "ghi được", "chỉ đọc")
    refused(cli(copy.parent / "moi.sqlite3", "office", "list", as_other_user=True), "chỉ đọc")


def test_restore_reads_a_backup_from_read_only_media(read_only_copy, tmp_path):
    copy, out = read_only_copy
    db = out / "baocao.sqlite3"
    proc = cli(db, "restore", "--from", copy, as_other_user=True)
    assert proc.returncode == 0, proc.stderr
    assert value(db) == "2607"


def test_a_copy_with_an_unmerged_log_on_read_only_media_is_not_taken_silently(office):
    """The changes still in ``-wal`` cannot be read there: restore refuses, reading commands warn."""
    medium = Path(tempfile.mkdtemp(prefix="baocao-ro-"))
    os.chmod(medium, 0o755)
    disk = medium / "usb"
    disk.mkdir()
    try:
        conn = sqlite3.connect(office)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE value SET number = '9' WHERE indicator = 'VL_MOI'")
        conn.commit()
        for suffix in ("", "-wal"):
            shutil.copy(f"{office}{suffix}", disk / f"baocao.sqlite3{suffix}")
        conn.close()
        os.chmod(disk, 0o555)
        copy = disk / "baocao.sqlite3"
        got = cli(copy, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", as_other_user=True)
        assert got.returncode == 0 and "chưa gộp" in got.stderr, got.stderr
        out = medium / "out"
        out.mkdir()
        os.chmod(out, 0o777)
        target = out / "baocao.sqlite3"
        refused(cli(target, "restore", "--from", copy, as_other_user=True), "-wal", "chép cả hai tệp")
        assert not target.exists()
    finally:
        os.chmod(disk, 0o755)
        shutil.rmtree(medium)


# --- a backup killed half way -------------------------------------------------------------------------

def test_leftovers_of_killed_backups_are_removed_by_the_next_one(office, tmp_path):
    share = tmp_path / "share"
    folder = share / "backup" / "TTH"
    folder.mkdir(parents=True)
    old = time.time() - 600
    leftovers = [folder / ".baocao-TTH-20261130-101010.sqlite3.0a1b2c3d.tmp",
                 folder / ".baocao-TTH-20261130-101010.sqlite3.0a1b2c3d.tmp-journal",
                 folder / ".baocao-TTH-20261129-090000.sqlite3.ffffffff.tmp-wal"]
    strangers = [folder / "ghi-chu.txt", folder / ".baocao-TTH-x.sqlite3.0a1b2c3d.tmp",
                 folder / ".khac-20261130-101010.sqlite3.0a1b2c3d.tmp"]
    running = folder / ".baocao-TTH-20261201-101010.sqlite3.12345678.tmp"  # another backup being written now
    for path in leftovers + strangers + [running]:
        path.write_bytes(b"x" * 1000)
    for path in leftovers + strangers:
        os.utime(path, (old, old))
    os.utime(running, (time.time() + 60, time.time() + 60))
    proc = cli(office, "backup", "--folder", share, "--keep", "2")
    assert proc.returncode == 0, proc.stderr
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in strangers + [running])
    out_leftover = tmp_path / ".copy.sqlite3.deadbeef.tmp"
    out_leftover.write_bytes(b"x")
    os.utime(out_leftover, (old, old))
    assert cli(office, "backup", "--out", tmp_path / "copy.sqlite3").returncode == 0
    assert not out_leftover.exists()


def test_a_backup_killed_while_copying_leaves_nothing_the_next_run_keeps(office, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    script = ("import os, sqlite3, sys\n"
              "from app.storage import backup\n"
              "def dying(db, tmp):\n"  # the power goes while the copy is being written
              "    target = sqlite3.connect(tmp)\n"
              "    db.conn.backup(target)\n"
              "    target.execute('CREATE TABLE half (x)')\n"
              "    target.execute('INSERT INTO half VALUES (1)')\n"
              "    os.kill(os.getpid(), 9)\n"
              "backup._copy_checked = dying\n"
              "import main\n"
              "main.main(['--db', sys.argv[1], 'backup', '--folder', sys.argv[2]])\n")
    killed = subprocess.run([sys.executable, "-c", script, str(office), str(share)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    assert killed.returncode == -9
    folder = share / "backup" / "TTH"
    assert [p for p in folder.iterdir() if p.name.startswith(".")]  # the kill did leave temporary files
    past = time.time() - 5
    for path in folder.iterdir():
        os.utime(path, (past, past))
    assert cli(office, "backup", "--folder", share).returncode == 0
    assert [p.name.startswith(".") for p in folder.iterdir()] == [False]


# --- files handed to commands ---------------------------------------------------------------------------

def _issued(db):
    proc = cli(db, "issue", "--office", "TTH", "--period", "2020-Q1", "--number", "45", "--date", "2020-04-05",
               "--signer-title", "GIÁM ĐỐC", "--signer-name", "Nguyễn Văn A")
    assert proc.returncode == 0, proc.stderr


def test_special_and_oversized_files_are_refused_by_every_command_that_reads_one(office, tmp_path):
    _issued(office)
    fifo = tmp_path / "ong"
    os.mkfifo(fifo)
    huge = tmp_path / "lon.bin"
    with open(huge, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: large on paper, no disk used
    commands = [("import",), ("template", "import"), ("keys", "trust"),
                ("attach-scan", "--office", "TTH", "--period", "2020-Q1"),
                ("publish", "--folder", tmp_path, "--template"),
                ("text", "--office", "TTH", "--period", "2021-Q1", "--section", "VL", "--file")]
    for command in commands:
        for special in ("/dev/zero", fifo, tmp_path):
            refused(cli(office, *command, special), str(special), "không phải tệp thường")
        refused(cli(office, *command, huge), str(huge), "quá lớn")
    assert value(office) == "2607"


def test_the_live_database_of_another_installation_is_never_offered_as_the_backup(tmp_path, seed):
    """Two installations in one folder: the other one's database (its lock file beside it) is not a backup."""
    kept = _backup(seed, tmp_path / "ban-sao.sqlite3")
    os.utime(kept, (time.time() - 3600, time.time() - 3600))
    other = tmp_path / "don-vi-khac.sqlite3"
    assert cli(other, "restore", "--from", kept).returncode == 0
    assert cli(other, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI",
               "--value", "5").returncode == 0  # in use: its lock file stays beside it
    db = tmp_path / "baocao.sqlite3"
    db.write_bytes(b"")
    proc = cli(db, "office", "list")
    refused(proc, str(kept), "restore --from")
    assert other.name not in proc.stderr
