"""Hostile files in the shared folder and misused keys: every one ends in a clear refusal,
and every other package of the same sync is still accepted."""
import base64
import datetime as dt
import hashlib
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.model import OfficeProfile
from app.errors import UserError
from app.exchange import keys, package, sync
from app.exchange import packageformat as fmt
from app.reporting import issuing
from app.storage import db as dbmod
from app.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _office(store, code, level, parent=None):
    store.add_office(code, level, OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LAO ĐỘNG", f"UBND {code}", code.title(),
                                                "LĐTBXH", parent_code=parent))


@pytest.fixture
def world(tmp_path):
    """HUE consolidates; PHULOC and ALUOI each submit one valid report (not yet synced)."""
    share = tmp_path / "share"
    share.mkdir()
    hue = Store(dbmod.open_database(tmp_path / "hue.sqlite3").db)
    _office(hue, "HUE", "province")
    districts = {}
    for code in ("PHULOC", "ALUOI"):
        store = Store(dbmod.open_database(tmp_path / f"{code}.sqlite3").db)
        _office(store, code, "district", "HUE")
        report = store.open_report(code, "2020-Q1")
        store.content.enter(report, "VL_MOI", "120")
        issuing.mark_complete(store, report)
        keys.export_key(store, code, tmp_path / f"{code}.key")
        keys.trust(hue, keys.read_key_file(tmp_path / f"{code}.key"))
        districts[code] = store
    return share, hue, districts


def _own(share: Path, code: str) -> Path:
    folder = share / "outbox" / code
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _signed(store, code: str, body: dict, share: Path, signer: str | None = None) -> Path:
    """A package in ``code``'s folder signed with ``signer``'s real key (the same office by default)."""
    raw = package.canonical(body)
    target = _own(share, code) / f"{code}_{body['seq']:06d}_{hashlib.sha256(raw).hexdigest()[:16]}"
    target.write_bytes(fmt.write(raw, keys.signing_key(store, signer or code).sign(raw), ""))
    return target


def _statuses(result) -> dict[str, tuple[str, str]]:
    return {o.name: (o.status, o.reason) for o in result.outcomes}


def test_an_unsigned_lone_surrogate_file_is_rejected_and_the_rest_accepted(world):
    share, hue, d = world
    text = ('{"package":{"format":"baocao-package","format_version":1,"kind":"report","office":"ZZZ","seq":1,'
            '"prev":null,"x":"\\ud800"},"signature":""}')
    (_own(share, "ZZZ") / "ZZZ_000001_0000000000000000").write_text(text)
    # the same bytes under an office whose key is trusted: read, and refused for what they are
    (_own(share, "PHULOC") / "PHULOC_000001_0000000000000000").write_text(text.replace("ZZZ", "PHULOC"))
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    seen = _statuses(sync.sync(hue, share))
    assert seen["ZZZ_000001_0000000000000000"][0] == "rejected" and "chưa tin cậy" in seen[
        "ZZZ_000001_0000000000000000"][1]
    status, reason = seen["PHULOC_000001_0000000000000000"]
    assert status == "rejected" and "PHULOC_000001_0000000000000000" in reason
    assert seen[good.name][0] == "accepted"


def test_the_lone_surrogate_under_a_trusted_office_is_refused_naming_the_file(world):
    share, hue, d = world
    body = ('{"format":"baocao-package","format_version":1,"kind":"report","office":"PHULOC","seq":1,'
            '"prev":null,"x":"\\ud800"}')
    signature = base64.b64encode(b"\0" * 64).decode()
    name = "PHULOC_000001_0000000000000000"
    (_own(share, "PHULOC") / name).write_text(f'{{"package":{body},"signature":"{signature}"}}')
    status, reason = _statuses(sync.sync(hue, share))[name]
    assert status == "rejected" and name in reason


def test_names_that_are_not_utf8_are_rejected_not_a_crash(world):
    share, hue, d = world
    folder = os.fsencode(_own(share, "PHULOC"))
    with open(folder + b"/PHULOC_000001_\xff\xfe", "wb") as handle:
        handle.write(b"x")
    os.mkdir(os.fsencode(share / "outbox") + b"/\xc3(")
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    result = sync.sync(hue, share)
    seen = _statuses(result)
    assert seen[good.name][0] == "accepted"
    bad = [(s, r) for n, (s, r) in seen.items() if "UTF-8" in r]
    assert len(bad) == 2 and all(s == "rejected" for s, _ in bad)
    assert sync.sync(hue, share).outcomes == []  # remembered, not reported again


def test_special_files_and_links_out_of_the_folder_are_skipped_unread(world, tmp_path):
    share, hue, d = world
    folder = _own(share, "PHULOC")
    os.mkfifo(folder / "PHULOC_000001_0000000000000001")
    os.symlink("/dev/zero", folder / "PHULOC_000001_0000000000000002")
    secret = tmp_path / "secret"
    secret.write_text("not for the share")
    os.symlink(secret, folder / "PHULOC_000001_0000000000000003")
    os.symlink(folder / "loop-b", folder / "loop-a")
    os.symlink(folder / "loop-a", folder / "loop-b")
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    cli = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "hue.sqlite3"), "sync",
                          "--folder", str(share)], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert cli.returncode == 0 and "Traceback" not in cli.stderr
    lines = dict((line.split("\t")[1], line.split("\t")[0]) for line in cli.stdout.splitlines())
    assert lines[good.name] == "accepted"
    for name in ("PHULOC_000001_0000000000000001", "PHULOC_000001_0000000000000002",
                 "PHULOC_000001_0000000000000003", "loop-a", "loop-b"):
        assert lines[name] == "skipped", name


def test_an_unsigned_file_in_the_own_folder_never_moves_the_sequence(world):
    share, hue, d = world
    store = d["PHULOC"]
    first = package.submit(store, "PHULOC", "2020-Q1", share)
    for seq in (999_999_999, 500, 2):
        body = {"format": "baocao-package", "format_version": 2, "kind": "report", "office": "PHULOC",
                "office_id": "x", "seq": seq, "prev": None, "created": "2020-01-01T00:00:00+00:00"}
        raw = package.canonical(body)
        path = _own(share, "PHULOC") / f"PHULOC_{seq:06d}_{hashlib.sha256(raw).hexdigest()[:16]}"
        path.write_bytes(b'{"format":"baocao-package","format_version":2,"signature":""}\n' + raw)
    second = package.submit(store, "PHULOC", "2020-Q1", share)
    assert second.name.startswith("PHULOC_000002_") and first.name.startswith("PHULOC_000001_")
    seen = _statuses(sync.sync(hue, share))
    assert seen[first.name][0] == seen[second.name][0] == "accepted"
    assert sorted(s for n, (s, _) in seen.items() if n not in (first.name, second.name)) == ["held", "held",
                                                                                               "rejected"]


def test_a_name_already_in_the_folder_is_an_error_never_an_overwrite(tmp_path):
    target = tmp_path / "outbox" / "PHULOC" / "PHULOC_000001_0000000000000000"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"theirs")
    with pytest.raises(UserError, match="đã có"):
        package._write_new(target, b"ours")
    assert target.read_bytes() == b"theirs"


def _junk(size: int) -> bytes:
    return b"[" + b"{}," * (size // 3) + b"{}]"


def test_junk_is_refused_without_being_decoded_and_not_read_again(world, monkeypatch):
    share, hue, d = world
    size = 3 * 1024 * 1024
    header = b'{"format":"baocao-package","format_version":2,"signature":"' + base64.b64encode(
        b"\1" * 64) + b'"}\n'
    for code, data in (("PHULOC", header + _junk(size)), ("ZZZ", _junk(size)),
                       ("PHULOC", b'{"package":' + _junk(size) + b',"signature":""}'),
                       ("ALUOI", b'{"package":{"a":' + _junk(size) + b'},"signature":"' + base64.b64encode(
                           b"\1" * 64) + b'"}')):
        body = data.partition(b"\n")[2] if data.startswith(b'{"format"') else data
        digest = hashlib.sha256(body).hexdigest()[:16]
        (_own(share, code) / f"{code}_000001_{digest}").write_bytes(data)
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    decoded = []
    real = fmt.body
    monkeypatch.setattr(fmt, "body", lambda signed, source: decoded.append(source) or real(signed, source=source))
    start = time.perf_counter()
    seen = _statuses(sync.sync(hue, share))
    assert time.perf_counter() - start < 5
    reasons = {n: r for n, (s, r) in seen.items() if s == "rejected"}
    assert len(reasons) == 4 and seen[good.name][0] == "accepted"
    assert any("chưa tin cậy" in r for r in reasons.values())
    assert any("quá nhiều phần tử" in r for r in reasons.values())
    assert decoded == [good.name]  # only the authentic package was ever decoded
    reads = []
    monkeypatch.setattr(package, "read_limited", lambda *a, **k: reads.append(a) or b"")
    again = sync.sync(hue, share)
    assert reads == [] and again.outcomes == []  # rejected files are not read again until they change


@pytest.mark.parametrize("change, field", [
    (lambda b: b["report"]["values"][0].update(note=["a", "b"]), "note"),
    (lambda b: b["report"]["values"].append(dict(b["report"]["values"][0])), "hai lần"),
    (lambda b: b.update(revision="abc"), "revision"),
    (lambda b: b.update(revision=-3), "revision"),
    (lambda b: b.update(revision=1.5), "revision"),
    (lambda b: b["report"]["report"].update(signer_name=None), "signer_name"),
    (lambda b: b["report"]["values"][0].update(number="Infinity"), "number"),
    (lambda b: b.update(pdf=5), "pdf"),
    (lambda b: b["report"]["values"][0].update(number="1E+999999999"), "number"),
    (lambda b: b["report"]["office"].update(profiles=[]), "profiles"),
    (lambda b: b["report"]["values"][0].update(number="9" * 5000), "number"),
    (lambda b: b["report"]["values"][0].update(number="NaN"), "number"),
    (lambda b: b["report"].update(values={"VL_MOI": 1}), "values"),
    (lambda b: b.update(seq=True), "seq"),
    (lambda b: b.update(deadlines=[1]), "deadlines"),
])
def test_a_malformed_package_of_a_trusted_office_rejects_only_itself(world, change, field):
    share, hue, d = world
    store = d["PHULOC"]
    genuine = package.submit(store, "PHULOC", "2020-Q1", share)
    body = json.loads(genuine.read_bytes().partition(b"\n")[2])
    genuine.unlink()
    change(body)
    bad = _signed(store, "PHULOC", body, share)
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    start = time.perf_counter()
    seen = _statuses(sync.sync(hue, share))
    assert time.perf_counter() - start < 5
    status, reason = seen[bad.name]
    assert status == "rejected" and field in reason, reason
    assert seen[good.name][0] == "accepted"
    assert hue.find_report("PHULOC", "2020-Q1") is None and hue.find_report("ALUOI", "2020-Q1")


def test_an_unexpected_failure_while_applying_rejects_only_that_package(world, monkeypatch):
    share, hue, d = world
    first = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    second = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    real = sync.receive.apply

    def explode(store, pkg, *parsed):
        if pkg.office == "PHULOC":
            real(store, pkg, *parsed)  # half applied …
            raise ZeroDivisionError("boom")  # … then a bug
        return real(store, pkg, *parsed)

    monkeypatch.setattr(sync.receive, "apply", explode)
    seen = _statuses(sync.sync(hue, share))
    assert seen[first.name][0] == "rejected" and "ZeroDivisionError" in seen[first.name][1]
    assert seen[second.name][0] == "accepted"
    assert hue.find_report("PHULOC", "2020-Q1") is None  # nothing of it left behind


# --- keys -------------------------------------------------------------------
def _key_file(tmp_path, source: Path, **changes) -> Path:
    data = json.loads(source.read_text())
    data.update(changes)
    target = tmp_path / f"edited-{len(list(tmp_path.iterdir()))}.key"
    target.write_text(json.dumps(data, ensure_ascii=False))
    return target


def test_one_key_belongs_to_one_office(world, tmp_path):
    share, hue, d = world
    source = tmp_path / "PHULOC.key"
    with pytest.raises(UserError, match=r"PHULOC.*ALUOI|ALUOI.*PHULOC") as refused:
        keys.trust(hue, keys.read_key_file(_key_file(tmp_path, source, office="ALUOI", fingerprint="")),
                   replace=True)
    assert keys.read_key_file(source).fingerprint in str(refused.value)
    with pytest.raises(UserError, match="chính máy này"):
        keys.trust(hue, keys.read_key_file(_key_file(tmp_path, source, office="HUE", fingerprint="")))
    fresh = _key_file(tmp_path, source, office="LAVANG", fingerprint="")
    fresh_data = json.loads(fresh.read_text())
    fresh_data.pop("profile")
    fresh.write_text(json.dumps(fresh_data))
    with pytest.raises(UserError, match="PHULOC"):
        keys.trust(hue, keys.read_key_file(fresh))
    assert [code for code, _fp, _at in keys.trusted(hue)] == ["ALUOI", "PHULOC"]


@pytest.mark.parametrize("code", ["../../EVIL", "ТТН", "", "CON", "A" * 21, 5, None])
def test_a_key_file_with_a_bad_office_code_is_refused(world, tmp_path, code):
    with pytest.raises(UserError, match="office"):
        keys.read_key_file(_key_file(tmp_path, tmp_path / "PHULOC.key", office=code))


@pytest.mark.parametrize("make", ["/dev/zero", "fifo", "folder", "huge", "junk", "list"])
def test_a_key_file_that_is_not_one_is_refused_quickly(tmp_path, make):
    path = {"/dev/zero": Path("/dev/zero"), "fifo": tmp_path / "k.fifo", "folder": tmp_path,
            "huge": tmp_path / "huge.key", "junk": tmp_path / "junk.key", "list": tmp_path / "list.key"}[make]
    if make == "fifo":
        os.mkfifo(path)
    elif make == "huge":
        path.write_bytes(b" " * (300 * 1024))
    elif make == "junk":
        path.write_bytes(b"\xff\xfe junk")
    elif make == "list":
        path.write_text(json.dumps([{}] * 1000))
    with pytest.raises(UserError, match=str(path.name if make != "folder" else tmp_path.name)):
        keys.read_key_file(path)


def test_a_package_signed_by_one_office_claiming_another_is_rejected(world, tmp_path):
    share, hue, d = world
    from app.storage import keyring
    phuloc = keys.trusted_key(hue, "PHULOC")  # a database trusting one key twice (written before today's checks)
    with hue.db.atomic():
        keyring.set_trusted(hue.db, keyring.KeyRecord("ALUOI", phuloc.text, phuloc.fingerprint, "2020"))
    genuine = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    body = json.loads(genuine.read_bytes().partition(b"\n")[2])
    body["office"] = "ALUOI"
    body["report"]["office"]["code"] = "ALUOI"
    forged = _signed(d["PHULOC"], "ALUOI", body, share, signer="PHULOC")
    seen = _statuses(sync.sync(hue, share))
    assert seen[forged.name][0] == "rejected" and "một khóa chỉ thuộc một đơn vị" in seen[forged.name][1]


def test_the_private_key_file_is_never_readable_by_others(tmp_path, monkeypatch):
    modes = []
    real = os.replace

    def watch(src, dst):
        modes.append(stat.S_IMODE(os.stat(src).st_mode))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", watch)
    store = Store(dbmod.open_database(tmp_path / "d.sqlite3").db)
    _office(store, "PHULOC", "district", "HUE")
    keys.signing_key(store, "PHULOC")
    assert modes == [0o600]
    assert stat.S_IMODE((tmp_path / "d.keys").stat().st_mode) == 0o600


def test_a_database_copied_without_its_key_file_refuses_to_sign(world, tmp_path):
    share, hue, d = world
    store = d["PHULOC"]
    package.submit(store, "PHULOC", "2020-Q1", share)
    from app.storage import backup
    (tmp_path / "moved").mkdir()
    backup.backup_database(store.db, tmp_path / "moved" / "copy.sqlite3")
    copy = Store(dbmod.open_database(tmp_path / "moved" / "copy.sqlite3").db)
    with pytest.raises(UserError, match=r"copy\.keys") as refused:
        package.submit(copy, "PHULOC", "2020-Q1", share)
    assert "restore" in str(refused.value) and not (tmp_path / "moved" / "copy.keys").exists()
    (tmp_path / "moved" / "copy.keys").write_bytes((tmp_path / "PHULOC.keys").read_bytes())
    assert package.submit(copy, "PHULOC", "2020-Q1", share).name.startswith("PHULOC_000002_")
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted", "accepted"]


def test_a_signed_body_with_a_lone_surrogate_is_refused_naming_the_file(world):
    share, hue, d = world
    store = d["PHULOC"]
    genuine = package.submit(store, "PHULOC", "2020-Q1", share)
    raw = genuine.read_bytes().partition(b"\n")[2].replace(b'"note":""', b'"note":"\\ud800"', 1)
    genuine.unlink()
    name = f"PHULOC_000001_{hashlib.sha256(raw).hexdigest()[:16]}"
    (_own(share, "PHULOC") / name).write_bytes(fmt.write(raw, keys.signing_key(store, "PHULOC").sign(raw), ""))
    good = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    seen = _statuses(sync.sync(hue, share))
    assert seen[name][0] == "rejected" and name in seen[name][1] and "JSON" in seen[name][1]
    assert seen[good.name][0] == "accepted"
