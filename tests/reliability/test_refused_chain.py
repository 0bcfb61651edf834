"""A package its office really signed but that is refused here for its content keeps its place in
the office's chain: the office's next package is still taken, in the same sync, and every other
office's packages with it. A refusal that only this installation can cure (a template version it
lacks) is tried again, and a file that is not its office's signed word holds no place at all."""
import base64
import datetime as dt
import hashlib
import shutil

import pytest

from app.domain.template import from_dict
from app.exchange import keys, package, sync, transfer
from app.exchange import packageformat as fmt
from app.reporting import issuing
from app.storage import exchange
from tests.app import test_sync

world = test_sync.world  # the province HUE and districts PHULOC and ALUOI, complete 2020-Q1, keys trusted


def _report_content(store, code="PHULOC") -> dict:
    report = store.report(code, "2020-Q1")
    return {"period": "2020-Q1", "revision": report.revision, "report": transfer.to_dict(store.content.load(report)),
            "pdf": None, "pdf_sha256": None}


def _statuses(result) -> dict[str, tuple[str, str]]:
    return {o.name: (o.status, o.reason) for o in result.outcomes}


def _jobs(hue, code="PHULOC"):
    return hue.content.values(hue.report(code, "2020-Q1").id)["VL_MOI"].number


BAD_CONTENT = [
    ("note", lambda c: c["report"]["values"][0].update(note=["a", "b"])),  # the typed body refuses it
    ("hai lần", lambda c: c["report"]["values"].append(dict(c["report"]["values"][0]))),
    ("number", lambda c: c["report"]["values"][0].update(number="1E+999999999")),
    ("profiles", lambda c: c["report"]["office"].update(profiles=[])),
    ("chỉ tiêu", lambda c: c["report"]["values"][0].update(indicator="KHONG_CO")),  # the dump check refuses it
    ("%PDF-", lambda c: c.update(pdf=base64.b64encode(b"junk").decode(), pdf_sha256=hashlib.sha256(b"junk").hexdigest())),
]


@pytest.mark.parametrize("field, change", BAD_CONTENT, ids=[f for f, _ in BAD_CONTENT])
def test_a_signed_malformed_package_does_not_stop_its_office_for_good(world, field, change):
    share, hue, d = world
    content = _report_content(d["PHULOC"])
    change(content)
    bad = package.publish(d["PHULOC"], "PHULOC", share, "report", content)
    good = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    other = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    seen = _statuses(sync.sync(hue, share))
    assert seen[bad.name][0] == "rejected" and field in seen[bad.name][1], seen[bad.name]
    assert seen[good.name][0] == "accepted", seen[good.name]
    assert seen[other.name][0] == "accepted"
    assert _jobs(hue) == 1200 and _jobs(hue, "ALUOI") == 800
    held = exchange.received_at(hue.db, "PHULOC", 1)
    assert held.kind == exchange.REFUSED and field in held.body
    assert sync.sync(hue, share).outcomes == []  # settled: neither reported nor read again
    later = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    assert _statuses(sync.sync(hue, share))[later.name][0] == "accepted"


def test_a_package_that_would_replace_an_issued_revision_holds_its_place_only(world):
    """The district restores a backup taken before issuing and resubmits: refused, and its next package taken."""
    share, hue, d = world
    store = d["PHULOC"]
    older = store.content.load(store.report("PHULOC", "2020-Q1"))
    report = issuing.issue(store, store.report("PHULOC", "2020-Q1"), number="7", issued_on=dt.date(2020, 4, 3),
                           signer_title="TRƯỞNG PHÒNG", signer_name="Hồ Văn D")
    issued = package.submit(store, "PHULOC", "2020-Q1", share)
    assert _statuses(sync.sync(hue, share))[issued.name][0] == "accepted"
    sha = hue.files.issued_pdf(hue.report("PHULOC", "2020-Q1").id).sha256
    back = package.publish(store, "PHULOC", share, "report", {"period": "2020-Q1", "revision": 1,
                                                               "report": transfer.to_dict(older)})
    revised = issuing.new_revision(store, report, "Sửa số liệu việc làm")
    store.content.enter(revised, "VL_MOI", "1.250")
    issuing.mark_complete(store, revised)
    second = package.submit(store, "PHULOC", "2020-Q1", share)
    other = package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    seen = _statuses(sync.sync(hue, share))
    assert seen[back.name][0] == "rejected" and "đã ban hành" in seen[back.name][1], seen[back.name]
    assert seen[second.name][0] == "accepted" and seen[other.name][0] == "accepted"
    rev1 = hue.issued_report("PHULOC", "2020-Q1", 1)
    assert rev1.status.value == "issued" and hue.files.issued_pdf(rev1.id).sha256 == sha
    assert _jobs(hue) == 1250


def _sign_raw(store, share, code, raw: bytes, seq: int) -> str:
    name = f"{code}_{seq:06d}_{hashlib.sha256(raw).hexdigest()[:16]}"
    (share / "outbox" / code).mkdir(parents=True, exist_ok=True)
    (share / "outbox" / code / name).write_bytes(fmt.write(raw, keys.signing_key(store, code).sign(raw), ""))
    return name


def test_a_copy_under_another_number_never_takes_a_place(world):
    """The name is not signed: a signed file copied under the next number is refused and holds nothing."""
    share, hue, d = world
    content = _report_content(d["PHULOC"])
    content["report"]["values"][0]["note"] = ["x"]
    bad = package.publish(d["PHULOC"], "PHULOC", share, "report", content)
    good = package.publish(d["PHULOC"], "PHULOC", share, "report", _report_content(d["PHULOC"]))
    fake = bad.with_name(bad.name.replace("_000001_", "_000002_"))
    shutil.copy(bad, fake)
    seen = _statuses(sync.sync(hue, share))
    assert seen[fake.name][0] == "rejected" and seen[good.name][0] == "accepted", seen
    assert [exchange.received_at(hue.db, "PHULOC", n).kind for n in (1, 2)] == [exchange.REFUSED, "report"]


def test_a_signed_body_whose_place_cannot_be_read_holds_no_place(world):
    """Bytes no release writes (not even JSON): refused, holding nothing; the office's own package with that
    number is still taken."""
    share, hue, d = world
    store = d["PHULOC"]
    raw = b'{"format":"baocao-package","office":"PHULOC","prev":null,"seq":1,"x":"\\ud800"}'
    name = _sign_raw(store, share, "PHULOC", raw, 1)
    seen = _statuses(sync.sync(hue, share))
    assert seen[name][0] == "rejected" and name in seen[name][1]
    assert exchange.received_at(hue.db, "PHULOC", 1) is None
    real = package.submit(store, "PHULOC", "2020-Q1", share)
    assert real.name.startswith("PHULOC_000001_")
    assert _statuses(sync.sync(hue, share))[real.name][0] == "accepted"


def test_a_template_version_not_yet_here_is_tried_again_once_installed(world):
    share, hue, d = world
    store = d["ALUOI"]
    data = store.template_of(store.report("ALUOI", "2020-Q1")).to_dict()
    data["version"] = 7
    newer = store.install_template(from_dict(data))
    q2 = store.open_report("ALUOI", "2020-Q2", newer)
    store.content.enter(q2, "VL_MOI", "3")
    issuing.mark_complete(store, q2)
    first = package.submit(store, "ALUOI", "2020-Q2", share)
    then = package.submit(store, "ALUOI", "2020-Q1", share)
    seen = _statuses(sync.sync(hue, share))
    assert seen[first.name][0] == "rejected" and "phiên bản 7" in seen[first.name][1]
    assert seen[then.name][0] == "held"
    assert exchange.received_at(hue.db, "ALUOI", 1) is None
    hue.install_template(from_dict(data))
    seen = _statuses(sync.sync(hue, share))
    assert seen[first.name][0] == seen[then.name][0] == "accepted", seen
    assert hue.content.values(hue.report("ALUOI", "2020-Q2").id)["VL_MOI"].number == 3
