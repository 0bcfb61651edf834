"""A sync that reads files ahead in a worker process decides every file exactly as one reading them itself."""
import base64
import json
import multiprocessing
import os
import shutil

import pytest

from app.digest import sha256_hex
from app.exchange import keys, package, prefetch, sync
from app.reporting import issuing
from tests.factories import add_office as _office
from tests.factories import open_store as _store

DISTRICTS = ("PHULOC", "ALUOI", "NAMDONG")


def _signed_copy(store, code, path, mutate, seq, prev):
    """A package of ``code`` at ``seq`` after ``prev``, signed with its own key, its body changed by ``mutate``."""
    header, _, body = path.read_bytes().partition(b"\n")
    header, body = json.loads(header), json.loads(body)
    mutate(body)
    body.update(seq=seq, prev=prev)
    raw = package.canonical(body)
    header["signature"] = base64.b64encode(keys.signing_key(store, code).sign(raw)).decode()
    target = path.with_name(f"{code}_{seq:06d}_{package.body_hash(body)[:16]}")
    target.write_bytes(json.dumps(header).encode() + b"\n" + raw)
    return package.body_hash(body)


@pytest.fixture
def folder(tmp_path):
    """A province's database and a shared folder holding good packages and every kind of bad file."""
    share = tmp_path / "share"
    share.mkdir()
    hue = _store(tmp_path / "hue.sqlite3")
    _office(hue, "HUE", "province")
    for n, code in enumerate(DISTRICTS):
        store = _store(tmp_path / f"{code}.sqlite3")
        _office(store, code, "district", "HUE")
        for quarter in (1, 2):
            report = store.open_report(code, f"2020-Q{quarter}")
            store.content.enter(report, "VL_MOI", str(1000 + 100 * n + quarter))
            issuing.mark_complete(store, report)
            last = package.submit(store, code, f"2020-Q{quarter}", share)
        keys.export_key(store, code, tmp_path / f"{code}.key")
        keys.trust(hue, keys.read_key_file(tmp_path / f"{code}.key"))
        prev = package.read(last).digest
        if code == "PHULOC":  # signed by the office, its content malformed: refused, its place kept
            prev = _signed_copy(store, code, last, lambda b: b["report"]["values"][0].update(note=["x"]), 3, prev)
            prev = _signed_copy(store, code, last, lambda b: b["report"]["template"].update(version=0), 4, prev)
            _signed_copy(store, code, last, lambda b: b["report"]["values"][0].update(number="2001"), 5, prev)
        if code == "ALUOI":  # a gap: held
            _signed_copy(store, code, last, lambda b: None, 9, prev)
    junk = b"[" + b"{}," * 5000 + b"{}]"
    (share / "outbox" / "NAMDONG" / f"NAMDONG_000003_{sha256_hex(junk)[:16]}").write_bytes(junk)
    (share / "outbox" / "ZZZ").mkdir()
    (share / "outbox" / "ZZZ" / "ZZZ_000001_0000000000000000").write_bytes(b'{"package":{}}')
    for code, body in (("HUONGTRA", b'{"office":"HUONGTRA","seq":1,"x":"\\ud800"}'),  # a lone surrogate
                       ("PHONGDIEN", b"[" * 100_000 + b"]" * 100_000)):  # nested too deep for any reader
        store = _store(tmp_path / f"{code}.sqlite3")  # signed by an office the province trusts
        _office(store, code, "district", "HUE")
        keys.export_key(store, code, tmp_path / f"{code}.key")
        keys.trust(hue, keys.read_key_file(tmp_path / f"{code}.key"))
        header = {"format": "baocao-package", "format_version": 2, "fingerprint": "",
                  "signature": base64.b64encode(keys.signing_key(store, code).sign(body)).decode()}
        (share / "outbox" / code).mkdir()
        name = f"{code}_000001_{sha256_hex(body)[:16]}"
        (share / "outbox" / code / name).write_bytes(json.dumps(header).encode() + b"\n" + body)
    hue.db.close()
    return share, tmp_path / "hue.sqlite3"


def _sync(db_path, share, monkeypatch, ahead: bool, here_every: int = 0):
    monkeypatch.setattr(prefetch, "MIN_FILES", 1 if ahead else 10**9)
    monkeypatch.setattr(prefetch, "START", 1)  # the first file read here, the others by the worker
    monkeypatch.setattr(prefetch, "HERE_EVERY", here_every)  # but every ``here_every``-th of them
    served = []
    original = prefetch.Ahead.close

    def close(self):
        served.append(self.served)
        original(self)
    monkeypatch.setattr(prefetch.Ahead, "close", close)
    store = _store(db_path)
    result = sync.sync(store, share)
    held = store.db.execute("SELECT office_code, seq, kind, period, revision FROM inbox ORDER BY 1, 2").fetchall()
    reports = store.db.execute("SELECT o.code, r.period, r.id FROM report r JOIN office o ON o.id = r.office_id"
                               " ORDER BY 1, 2").fetchall()
    figures = [(code, period, v.indicator, str(v.number)) for code, period, report_id in reports
               for v in store.content.values(report_id).values()]
    store.db.close()
    return result.outcomes, held, figures, max(served)


@pytest.mark.parametrize(("here_every", "served"), [(0, 11), (3, 7)])
def test_reading_ahead_changes_no_verdict_no_reason_and_no_stored_figure(folder, tmp_path, monkeypatch, here_every,
                                                                         served):
    """Served: every file the worker could read (all but the first, the held and ZZZ's), less those the importer
    reads itself when it takes every third."""
    share, db = folder
    shutil.copy(db, tmp_path / "serial.sqlite3")
    here = _sync(tmp_path / "serial.sqlite3", share, monkeypatch, ahead=False)
    ahead = _sync(db, share, monkeypatch, ahead=True, here_every=here_every)
    assert here[3] == 0 and ahead[3] == served
    assert ahead[:3] == here[:3]
    statuses = [o.status for o in ahead[0]]
    assert statuses.count("accepted") == 7 and statuses.count("held") == 1 and statuses.count("rejected") == 6
    assert [row[:3] for row in ahead[1] if row[0] == "PHULOC"] == [
        ("PHULOC", 1, "report"), ("PHULOC", 2, "report"), ("PHULOC", 3, "refused"), ("PHULOC", 4, "refused"),
        ("PHULOC", 5, "report")]
    assert ("PHULOC", "2020-Q2", "VL_MOI", "2001") in ahead[2]
    assert not multiprocessing.active_children()  # the worker has ended with the sync


def test_a_worker_that_dies_leaves_the_sync_reading_every_file_itself(folder, tmp_path, monkeypatch):
    share, db = folder
    shutil.copy(db, tmp_path / "serial.sqlite3")
    here = _sync(tmp_path / "serial.sqlite3", share, monkeypatch, ahead=False)
    started = prefetch.Ahead._start

    def start_then_die(self, requests):
        started(self, requests)
        self._worker.kill()
        self._worker.join()
    monkeypatch.setattr(prefetch.Ahead, "_start", start_then_die)
    ahead = _sync(db, share, monkeypatch, ahead=True)
    assert ahead[3] == 0 and ahead[:3] == here[:3]
    assert not multiprocessing.active_children()


def test_a_head_gives_its_whole_body_only_from_the_very_bytes_whose_signature_was_checked(folder, tmp_path):
    """What the worker hands over carries neither the report nor the signed bytes; the body is read again from the
    file when the import needs it, and a file that meanwhile changed or went is a passing refusal, never read."""
    share, _db = folder
    path = sorted((share / "outbox" / "PHULOC").iterdir())[0]
    pkg = package.read(path, keys.read_key_file(tmp_path / "PHULOC.key"))
    head = pkg.head()
    assert head.raw == b"" and "report" not in head.body and head.body["seq"] == pkg.seq
    assert head.whole() == pkg.body
    original = path.read_bytes()
    path.write_bytes(original.replace(b'"VL_MOI"', b'"VL_NN"', 1))  # same name and size, other bytes
    with pytest.raises(package.ChangedError, match=path.name):
        head.whole()
    path.write_bytes(b'{"format":"baocao-package","x":"\\ud800"}\n' + b"[" * 100_000)  # a lone surrogate, deep
    with pytest.raises(package.ChangedError):
        head.whole()
    path.unlink()
    with pytest.raises(package.ChangedError):
        head.whole()
    if hasattr(os, "mkfifo"):  # a FIFO in its place is refused without being opened for reading
        os.mkfifo(path)
        with pytest.raises(package.ChangedError):
            head.whole()


def test_a_head_whose_file_changed_before_its_import_needed_it_is_held_for_the_next_sync(folder, tmp_path):
    """A revision already here is compared with the package's whole body, read again from the file: when that
    file no longer holds the bytes the worker verified, nothing is taken now and the package is tried again."""
    from app.exchange import receive

    share, db = folder
    store = _store(db)
    first = sync.sync(store, share)
    path = sorted((share / "outbox" / "ALUOI").iterdir())[0]
    assert next(o for o in first.outcomes if o.name.endswith(path.name)).status == "accepted"
    pkg = package.read(path, keys.read_key_file(tmp_path / "ALUOI.key"))
    ready, head = receive.prepare(pkg), pkg.head()
    with store.db.atomic():  # the same revision again: compared with the file's body read again, nothing stored
        assert "không lưu lại gì" in receive.apply(store, head, ready)
    path.write_bytes(path.read_bytes().replace(b'"VL_MOI"', b'"VL_NN"', 1))
    status, reason, lasting = sync._apply(store, head, ready)
    assert (status, lasting) == ("held", False) and path.name in reason and "sẽ thử lại" in reason
    store.db.close()
