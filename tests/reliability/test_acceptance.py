"""The nine findings of the adversarial test of the shared folder, the database and the files, each
reproduced with the headless commands as an operator types them: every one ends in a clear refusal in
Vietnamese naming the file or the field, with exit code 2 (or 0 for a sync, one line per package) and
no traceback, and the other packages of the same sync are accepted."""
import base64
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.exchange import package, transfer
from app.storage import db as dbmod
from app.storage.lock import InstanceLock
from app.storage.store import Store
from tests.reliability.conftest import scale
from tests.reliability.operator import ISSUE, _cli, _ok, _pdf_sha, _refused, _rev1, _rows, _write

ROOT = Path(__file__).resolve().parents[2]
HUE, PHULOC, ALUOI = "HUE", "PHULOC", "ALUOI"


def _q1(code):
    return ("--office", code, "--period", "2020-Q1")


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    """A province (HUE) trusting two districts, each holding a complete 2020-Q1 report: all by commands, once."""
    folder = tmp_path_factory.mktemp("offices")
    dbs = {code: folder / f"{code.lower()}.sqlite3" for code in (HUE, PHULOC, ALUOI)}
    _ok(dbs[HUE], "office", "add", "--code", HUE, "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "--level", "province")
    for code, jobs in ((PHULOC, "1.200"), (ALUOI, "800")):
        _ok(dbs[code], "office", "add", "--code", code, "--name", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
            "--parent", HUE, "--level", "district")
        _ok(dbs[code], "set", *_q1(code), "--indicator", "VL_MOI", "--value", jobs)
        _ok(dbs[code], "complete", *_q1(code))
        _ok(dbs[code], "keys", "export", "--out", str(folder / f"{code}.key"))
        _ok(dbs[HUE], "keys", "trust", str(folder / f"{code}.key"))
    return folder


@pytest.fixture
def world(offices, tmp_path):
    """Each test's own copy of the three installations (databases, signing keys, key files) and an empty share."""
    for path in offices.iterdir():
        if path.suffix in (".sqlite3", ".keys", ".key"):
            shutil.copy(path, tmp_path / path.name)
    share = tmp_path / "S"
    share.mkdir()
    return share, {code: tmp_path / f"{code.lower()}.sqlite3" for code in (HUE, PHULOC, ALUOI)}


def _submit(dbs, share, code) -> str:
    out = _ok(dbs[code], "submit", *_q1(code), "--folder", str(share))
    return out.split()[2]  # "Đã gửi <name> vào …"


def _sync(dbs, share) -> dict[str, tuple[str, str]]:
    code, out, err = _cli(dbs[HUE], "sync", "--folder", str(share))
    assert code == 0, out + err
    return {line.split("\t")[1]: (line.split("\t")[0], line.split("\t")[2]) for line in out.splitlines()
            if line.strip()}


def _get(db, code):
    return _ok(db, "get", *_q1(code), "--indicator", "VL_MOI").strip()


def _own(share, code) -> Path:
    folder = share / "outbox" / code
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _publish(db, code, share, change) -> str:
    """What a faulty or hostile sender signs with its real key: its report package, changed by ``change``."""
    opened = dbmod.open_database(db)
    try:
        store = Store(opened.db)
        report = store.report(code, "2020-Q1")
        content = {"period": "2020-Q1", "revision": report.revision, "pdf": None, "pdf_sha256": None,
                   "report": transfer.to_dict(store.content.load(report))}
        pdf = store.files.issued_pdf(report.id)
        if pdf is not None:
            content.update(pdf=base64.b64encode(pdf.data).decode(), pdf_sha256=pdf.sha256)
        change(content)
        return package.publish(store, code, share, "report", content).name
    finally:
        opened.close()


# 1 ------------------------------------------------------------------------------------------------------
SURROGATE = ('{"package":{"format":"baocao-package","format_version":1,"kind":"report","office":"ZZZ","seq":1,'
             '"prev":null,"x":"\\ud800"},"signature":""}')


def test_1_an_unsigned_lone_surrogate_file_and_a_name_not_utf8_stop_nothing(world):
    share, dbs = world
    (_own(share, "ZZZ") / "ZZZ_000001_0000000000000000").write_text(SURROGATE)
    (_own(share, PHULOC) / "PHULOC_000009_0000000000000000").write_text(SURROGATE.replace("ZZZ", PHULOC))
    with open(os.fsencode(_own(share, PHULOC)) + b"/PHULOC_000001_\xff\xfe", "wb") as handle:
        handle.write(b"x")
    good = [_submit(dbs, share, PHULOC), _submit(dbs, share, ALUOI)]
    seen = _sync(dbs, share)
    assert seen["ZZZ_000001_0000000000000000"][0] == "rejected"
    assert "chưa tin cậy khóa của đơn vị ZZZ" in seen["ZZZ_000001_0000000000000000"][1]
    not_utf8 = [(s, r) for n, (s, r) in seen.items() if "\\xff" in n]
    assert not_utf8 and not_utf8[0][0] == "rejected" and "UTF-8" in not_utf8[0][1]
    assert all(seen[name][0] == "accepted" for name in good), seen
    assert _sync(dbs, share) == {}  # nothing new: every file remembered


# 2 ------------------------------------------------------------------------------------------------------
def test_2a_an_edited_dump_of_issued_revision_1_is_refused_after_revise(copy):
    db, data, sha = copy  # demo, complete, issue, dump rev1.json, revise
    data["values"][0]["number"] = "9999"
    err = _refused(db, "import", str(_write(db.with_name("rev1-sua.json"), data)))
    assert "rev1-sua.json" in err and "bản 1 của TTH đã ban hành" in err, err
    assert _rev1(db) == ("issued", "2607", 1) and _pdf_sha(db) == sha


def _pdf_file(body: bytes) -> dict:
    return {"kind": "issued_pdf", "name": "gia.pdf", "sha256": hashlib.sha256(body).hexdigest(),
            "data": base64.b64encode(body).decode()}


def test_2b_a_forged_issued_pdf_with_its_own_sha256_is_refused(copy, tmp_path):
    db, data, sha = copy
    data["files"] = [_pdf_file(b"%PDF-1.4 forged")]
    err = _refused(db, "import", str(_write(tmp_path / "gia.json", data)))
    assert "gia.json" in err and "bản 1 của TTH đã có bản PDF ban hành" in err, err
    data["files"] = [_pdf_file(b"<html>not a pdf</html>")]
    err = _refused(tmp_path / "moi.sqlite3", "import", str(_write(tmp_path / "khong-pdf.json", data)))
    assert "khong-pdf.json" in err and "files[0].data" in err and "%PDF-" in err, err
    assert _pdf_sha(db) == sha
    audited = _rows(db, "SELECT new, channel FROM audit WHERE entity = 'file'")
    assert len(audited) == 1 and sha in audited[0][0] and audited[0][1] == "command"


def test_2c_a_signed_package_never_changes_an_issued_revision_and_the_office_goes_on(world, tmp_path):
    share, dbs = world
    district = dbs[PHULOC]
    _ok(district, "backup", "--out", str(tmp_path / "truoc-ban-hanh.sqlite3"))
    sha = _ok(district, *ISSUE[:1], *_q1(PHULOC), *ISSUE[5:]).rsplit("SHA-256 của bản PDF: ", 1)[1].strip()
    first = _submit(dbs, share, PHULOC)
    assert _sync(dbs, share)[first][0] == "accepted"
    held = "SELECT f.sha256, r.status FROM report_file f JOIN report r ON r.id = f.report_id WHERE r.revision = 1"
    assert _rows(dbs[HUE], held) == [(sha, "issued")]
    other_pdf = b"%PDF-1.4 another copy"
    swapped = _publish(district, PHULOC, share, lambda c: c.update(
        pdf=base64.b64encode(other_pdf).decode(), pdf_sha256=hashlib.sha256(other_pdf).hexdigest()))
    again = _submit(dbs, share, PHULOC)  # an ordinary resubmit after it
    other = _submit(dbs, share, ALUOI)
    seen = _sync(dbs, share)
    assert seen[swapped][0] == "rejected" and "đã có bản PDF ban hành" in seen[swapped][1], seen
    assert seen[again][0] == "accepted" and "không lưu lại gì" in seen[again][1], seen
    assert seen[other][0] == "accepted"
    shutil.copy(tmp_path / "truoc-ban-hanh.sqlite3", district)  # the district goes back to its older backup
    older = _submit(dbs, share, PHULOC)
    seen = _sync(dbs, share)
    assert seen[older][0] == "rejected" and "đã ban hành" in seen[older][1], seen
    assert _rows(dbs[HUE], held) == [(sha, "issued")]
    assert _rows(dbs[HUE], "SELECT count(*) FROM report_file")[0][0] == 1
    _ok(district, "reopen", *_q1(PHULOC), "--reason", "Sửa lại số liệu")
    _ok(district, "set", *_q1(PHULOC), "--indicator", "VL_MOI", "--value", "1.300")
    _ok(district, "complete", *_q1(PHULOC))
    still = _submit(dbs, share, PHULOC)  # revision 1 again, not issued: refused, not held behind the last one
    assert _sync(dbs, share)[still][0] == "rejected"
    assert _get(dbs[HUE], PHULOC) == "1200"


# 3 ------------------------------------------------------------------------------------------------------
def test_3_an_unsigned_file_never_breaks_an_office_sequence(world):
    share, dbs = world
    for seq in (999_999_999, 500):
        body = (f'{{"package":{{"format":"baocao-package","format_version":1,"kind":"report","office":"PHULOC",'
                f'"seq":{seq},"prev":null}},"signature":""}}')
        (_own(share, PHULOC) / f"PHULOC_{seq:06d}_0000000000000000").write_text(body)
    first = _submit(dbs, share, PHULOC)
    assert first.startswith("PHULOC_000001_")
    seen = _sync(dbs, share)
    assert seen[first][0] == "accepted"
    assert {seen[f"PHULOC_{s:06d}_0000000000000000"][0] for s in (999_999_999, 500)} == {"held"}
    _ok(dbs[PHULOC], "reopen", *_q1(PHULOC), "--reason", "Sửa lại số liệu")
    _ok(dbs[PHULOC], "set", *_q1(PHULOC), "--indicator", "VL_MOI", "--value", "1.300")
    _ok(dbs[PHULOC], "complete", *_q1(PHULOC))
    second = _submit(dbs, share, PHULOC)
    assert second.startswith("PHULOC_000002_") and _sync(dbs, share)[second][0] == "accepted"
    assert _get(dbs[HUE], PHULOC) == "1300"


# 4 ------------------------------------------------------------------------------------------------------
def test_4_junk_with_correct_name_hashes_is_refused_unread_and_memory_stays_low(world):
    share, dbs = world
    size = scale(2, 31) * 1024 * 1024
    junk = b"[" + b"{}," * (size // 3 - 1) + b"{}]"
    names = []
    for i, (code, seq) in enumerate(((PHULOC, 1), ("ZZZ", 1), (PHULOC, 2), (ALUOI, 1))):
        data = junk + b" " * i
        name = f"{code}_{seq:06d}_{hashlib.sha256(data).hexdigest()[:16]}"
        (_own(share, code) / name).write_bytes(data)
        names.append(name)
    good = _submit(dbs, share, ALUOI)  # ALUOI's number 1 is junk: its real package is number 1 too
    del junk, data
    # the peak of this process alone: VmHWM (ru_maxrss would carry over the test runner's own peak through exec)
    script = ("import resource, runpy, sys\n"
              f"sys.argv = ['main.py', '--db', {str(dbs[HUE])!r}, 'sync', '--folder', {str(share)!r}]\n"
              "def peak():\n"
              "    try:\n"
              "        return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
              "    except OSError:\n"
              "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
              "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
              "finally:\n    print('PEAK', peak(), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    lines = {line.split("\t")[1]: line.split("\t")[0] for line in proc.stdout.splitlines()}
    assert [lines[n] for n in names] == ["rejected", "rejected", "held", "rejected"], proc.stdout
    assert lines[good] == "accepted"
    peak_mb = int(proc.stderr.rsplit("PEAK", 1)[1]) / 1024
    print(f"sync over four {size // 1024 // 1024} MB junk files: peak {peak_mb:.0f} MB")
    assert peak_mb <= 150
    assert _sync(dbs, share) == {}  # refused files are not read again


# 5 ------------------------------------------------------------------------------------------------------
def _value(**change):
    return lambda c: c["report"]["values"][0].update(**change)


MALFORMED = [
    ("note", _value(note=["a", "b"])),
    ("hai lần", lambda c: c["report"]["values"].append(dict(c["report"]["values"][0]))),
    ("revision", lambda c: c.update(revision="abc")),
    ("revision", lambda c: c.update(revision=-3)),
    ("revision", lambda c: c.update(revision=1.5)),
    ("signer_name", lambda c: c["report"]["report"].update(signer_name=None)),
    ("number", _value(number="Infinity")),
    ("pdf", lambda c: c.update(pdf=5)),
    ("number", _value(number="1E+999999999")),
    ("profiles", lambda c: c["report"]["office"].update(profiles=[])),
    ("number", _value(number="9" * 5000)),
    ("number", _value(number="NaN")),
]


@pytest.mark.parametrize("field, change", MALFORMED, ids=[f"{i}-{f}" for i, (f, _) in enumerate(MALFORMED)])
def test_5_a_malformed_package_of_a_trusted_office_rejects_only_itself(world, tmp_path, field, change):
    share, dbs = world
    bad = _publish(dbs[PHULOC], PHULOC, share, change)
    good = _submit(dbs, share, PHULOC)  # the same office's next package
    other = _submit(dbs, share, ALUOI)
    seen = _sync(dbs, share)
    assert seen[bad][0] == "rejected" and field in seen[bad][1], seen[bad]
    assert seen[good][0] == "accepted" and seen[other][0] == "accepted", seen
    assert _get(dbs[HUE], PHULOC) == "1200" and _get(dbs[HUE], ALUOI) == "800"
    assert _ok(dbs[HUE], "office", "list").count("\n") == 3
    _ok(dbs[HUE], "export", *_q1(HUE), "--format", "xlsx", "--out", str(tmp_path / "tong-hop.xlsx"),
        "--consolidated")
    _ok(dbs[HUE], "validate", *_q1(PHULOC))


# 6 ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["../../ETC", "CON", "", "😀", "'; DROP TABLE office; --", "A" * 300, "ТТН"],
                         ids=repr)
def test_6_import_checks_office_codes_and_nothing_is_left_behind(copy, tmp_path, code):
    _db, data, _sha = copy
    data["office"]["code"] = code
    fresh = tmp_path / "moi.sqlite3"
    err = _refused(fresh, "import", str(_write(tmp_path / "ma-la.json", data)))
    assert "ma-la.json" in err and "office.code" in err, err
    assert _rows(fresh, "SELECT count(*) FROM office")[0][0] == 0
    assert _rows(fresh, "SELECT count(*) FROM template")[0][0] == 0
    share = tmp_path / "S" / "chung"
    share.mkdir(parents=True)
    _refused(fresh, "submit", "--office", code or "X", "--period", "2020-Q1", "--folder", str(share))
    _refused(fresh, "backup", "--folder", str(share))
    assert [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*")) if "ETC" in p.name] == []


# 7 ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code, words", [
    (ALUOI, (PHULOC, ALUOI)), (HUE, ("HUE", "chính máy này")), ("../../EVIL", ("office",)),
    ("ТТН", ("office",)), ("", ("office",)),
])
def test_7_one_public_key_belongs_to_one_office(world, tmp_path, code, words):
    share, dbs = world
    data = json.loads((tmp_path / "PHULOC.key").read_text(encoding="utf-8"))
    data.update(office=code, fingerprint="")
    edited = _write(tmp_path / "khoa-sua.key", data)
    for extra in ((), ("--replace",)):
        err = _refused(dbs[HUE], "keys", "trust", str(edited), *extra)
        assert all(word in err for word in words), err
    listed = _ok(dbs[HUE], "keys", "list")
    assert [line.split("\t")[0] for line in listed.splitlines()] == [ALUOI, PHULOC]
    claiming = _publish(dbs[PHULOC], PHULOC, share, lambda c: None)
    forged = _own(share, ALUOI) / claiming.replace(PHULOC, ALUOI)
    shutil.copy(_own(share, PHULOC) / claiming, forged)
    other = _submit(dbs, share, ALUOI)
    seen = _sync(dbs, share)
    assert seen[forged.name][0] == "rejected" and seen[other][0] == "accepted" and seen[claiming][0] == "accepted"


# 8 ------------------------------------------------------------------------------------------------------
def test_8_an_empty_database_file_is_refused_and_restore_puts_the_backup_back(world, tmp_path):
    share, dbs = world
    district = dbs[PHULOC]
    backup = tmp_path / "sao-luu" / "phuloc.sqlite3"
    _ok(district, "backup", "--out", str(backup))
    key_before = district.with_suffix(".keys").read_bytes()
    district.write_bytes(b"")
    err = _refused(district, "office", "list")
    assert "rỗng (0 byte)" in err and "restore --from" in err, err
    _ok(district, "restore", "--from", str(backup))
    assert district.with_suffix(".keys").read_bytes() == key_before
    moved = tmp_path / "noi-khac" / "phuloc.sqlite3"
    moved.parent.mkdir()
    shutil.copy(backup, moved)
    err = _refused(moved, "submit", *_q1(PHULOC), "--folder", str(share))
    assert "phuloc.keys" in err and "restore" in err and not moved.with_suffix(".keys").exists(), err
    name = _submit(dbs, share, PHULOC)
    assert _sync(dbs, share)[name][0] == "accepted"  # the province still knows the office's key


# 9 ------------------------------------------------------------------------------------------------------
def test_9_special_files_an_odd_number_the_key_mode_and_the_lock_holder(world, tmp_path):
    share, dbs = world
    _ok(dbs[PHULOC], *ISSUE[:1], *_q1(PHULOC), *ISSUE[5:])  # a scan is attached to an issued report
    fifo = tmp_path / "ong"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        for args in (("attach-scan", *_q1(PHULOC), path), ("import", path), ("keys", "trust", path),
                     ("template", "import", path)):
            if path == "/dev/zero":  # refused before it is opened: safe to run in this process
                err = _refused(dbs[PHULOC], *args)
            else:  # a FIFO would hang whoever opens it: a separate process, with a timeout
                proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(dbs[PHULOC]), *args],
                                      capture_output=True, text=True, cwd=ROOT, timeout=60,
                                      env=dict(os.environ, PYTHONPATH=str(ROOT)))
                assert proc.returncode == 2 and "Traceback" not in proc.stderr, (args, proc.stderr)
                err = proc.stderr
            assert "không phải tệp thường" in err and Path(path).name in err, err
    err = _refused(dbs[PHULOC], "set", *_q1(PHULOC), "--indicator", "VL_MOI", "--value", "1," + "0" * 100_000 + "1")
    assert "30 chữ số" in err and _get(dbs[PHULOC], PHULOC) == "1200"
    assert stat.S_IMODE(dbs[PHULOC].with_suffix(".keys").stat().st_mode) == 0o600
    lock = InstanceLock(dbmod.lock_path(dbs[PHULOC]), "command")
    lock.acquire()
    try:
        err = _refused(dbs[PHULOC], "set", *_q1(PHULOC), "--indicator", "VL_MOI", "--value", "9")
        assert "một lệnh khác đang ghi" in err and "cửa sổ" not in err, err
    finally:
        lock.release()


def test_9_a_killed_backup_leaves_nothing_that_rotation_keeps(world):
    share, dbs = world
    folder = share / "backup" / PHULOC
    folder.mkdir(parents=True)
    leftovers = [folder / ".baocao-PHULOC-20261130-101010.sqlite3.0a1b2c3d.tmp",
                 folder / ".baocao-PHULOC-20261130-101010.sqlite3.0a1b2c3d.tmp-journal"]
    for path in leftovers:
        path.write_bytes(b"x" * 1000)
        os.utime(path, (0, 0))
    _ok(dbs[PHULOC], "backup", "--folder", str(share))
    assert not any(path.exists() for path in leftovers)
    assert len(list(folder.glob("baocao-PHULOC-*.sqlite3"))) == 1
