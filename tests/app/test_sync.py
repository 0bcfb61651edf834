"""Submissions through a shared folder: signed packages, verification, sequence, consolidation."""
import base64
import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import UserError
from app.exchange import consolidate, keys, package, sync
from app.reporting import issuing
from app.storage import backup
from tests.factories import add_office as _office
from tests.factories import open_store as _store


@pytest.fixture
def world(tmp_path):
    """A province (HUE) and two districts, each with its own database, and a shared folder."""
    share = tmp_path / "share"
    share.mkdir()
    hue = _store(tmp_path / "hue.sqlite3")
    _office(hue, "HUE", "province")
    districts = {}
    for code, jobs in (("PHULOC", "1.200"), ("ALUOI", "800")):
        store = _store(tmp_path / f"{code}.sqlite3")
        _office(store, code, "district", "HUE")
        report = store.open_report(code, "2020-Q1")
        store.content.enter(report, "VL_MOI", jobs)
        store.content.enter(report, "VL_NN", "10")
        store.content.enter(report, "CN_DANG_CAI", "4")
        issuing.mark_complete(store, report)
        key_file = tmp_path / f"{code}.key"
        keys.export_key(store, code, key_file)
        keys.trust(hue, keys.read_key_file(key_file))
        districts[code] = store
    return share, hue, districts


def _files(share):
    return sorted(p for p in (share / "outbox").rglob("*") if p.is_file())


def test_submit_writes_one_signed_immutable_package_in_its_own_folder(world):
    share, hue, d = world
    first = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    assert first.parent == share / "outbox" / "PHULOC"
    assert package.NAME.match(first.name) and first.name.startswith("PHULOC_000001_")
    second = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    assert second.name.startswith("PHULOC_000002_")
    body1, body2 = package.read(first).body, package.read(second).body
    assert body2["prev"] == package.body_hash(body1) and body1["prev"] is None
    assert body1["report"]["template"]["version"] == 1 and body1["revision"] == 1
    assert not [p for p in share.rglob("*") if p.name.endswith(".tmp")]


def test_a_draft_or_an_invalid_report_is_not_submitted(world):
    share, hue, d = world
    store = d["ALUOI"]
    report = store.open_report("ALUOI", "2020-Q2")
    store.content.enter(report, "VL_MOI", "5")
    with pytest.raises(Exception, match="bản nháp"):
        package.submit(store, "ALUOI", "2020-Q2", share)


def test_sync_accepts_then_costs_nothing_and_the_same_package_changes_nothing(world):
    share, hue, d = world
    for code in d:
        package.submit(d[code], code, "2020-Q1", share)
    result = sync.sync(hue, share)
    assert [o.status for o in result.outcomes] == ["accepted", "accepted"]
    assert hue.content.values(hue.report("PHULOC", "2020-Q1").id)["VL_MOI"].number == 1200
    again = sync.sync(hue, share)
    assert again.outcomes == [] and again.skipped == 2
    hue.db.execute("DELETE FROM scan_state")
    third = sync.sync(hue, share)
    assert [o.status for o in third.outcomes] == ["unchanged", "unchanged"]


def test_a_rescan_counts_settled_files_unread_but_examines_any_that_changed(world, monkeypatch):
    share, hue, d = world
    for code in d:
        package.submit(d[code], code, "2020-Q1", share)
    assert sync.sync(hue, share).count("accepted") == 2
    first, second = _files(share)
    with monkeypatch.context() as patched:
        patched.setattr(package, "read", lambda *a, **k: pytest.fail("a settled file was read again"))
        assert sync.sync(hue, share).skipped == 2
    data = bytearray(first.read_bytes())
    data[-2] ^= 1  # rewritten in place: same name, same size, another time
    first.write_bytes(bytes(data))
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    second.unlink()
    os.mkfifo(second)  # a settled file replaced by a pipe is never opened
    again = sync.sync(hue, share)
    # examined again, not counted: its name is one already received, so the copy taken before stands
    assert {o.name: o.status for o in again.outcomes} == {first.name: "unchanged", second.name: "skipped"}
    assert again.skipped == 0


def _parts(data: bytes) -> tuple[dict, dict]:
    """A version 2 package file as (header, body)."""
    header, _, body = data.partition(b"\n")
    return json.loads(header), json.loads(body)


def _tamper(path, fn):
    header, body = _parts(path.read_bytes())
    fn(body)
    path.write_bytes(json.dumps(header).encode() + b"\n" + package.canonical(body))


def test_tampered_truncated_forged_and_conflict_copies_are_rejected_untouched(world):
    share, hue, d = world
    store = d["PHULOC"]
    good = package.submit(store, "PHULOC", "2020-Q1", share)
    base = good.read_bytes()
    # 1. a figure changed after signing
    _tamper(good, lambda b: b["report"]["values"][0].update(number="9999"))
    tampered = good.read_bytes()
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "rejected" and "mã băm" in outcome.reason
    assert good.read_bytes() == tampered  # left untouched
    assert hue.find_report("PHULOC", "2020-Q1") is None  # nothing imported
    # 2. re-signed by another key, name recomputed
    other = Ed25519PrivateKey.generate()
    header, body = _parts(base)
    body["report"]["values"][0]["number"] = "9999"
    raw = package.canonical(body)
    digest = package.body_hash(body)
    header["signature"] = base64.b64encode(other.sign(raw)).decode()
    forged = good.with_name(f"PHULOC_000001_{digest[:16]}")
    good.unlink()
    forged.write_bytes(json.dumps(header).encode() + b"\n" + raw)
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "rejected" and "chữ ký không hợp lệ" in outcome.reason
    # 3. truncated
    forged.unlink()
    good.write_bytes(base[: len(base) // 2])
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "rejected" and "cắt cụt" in outcome.reason
    # 4. a cloud-drive conflict copy of a good file
    good.write_bytes(base)
    shutil.copy(good, good.with_name(good.name + " (1)"))
    outcomes = {o.name: o for o in sync.sync(hue, share).outcomes}
    assert outcomes[good.name].status == "accepted"
    assert outcomes[good.name + " (1)"].status == "rejected" and "xung đột" in outcomes[good.name + " (1)"].reason
    assert hue.find_report("PHULOC", "2020-Q1").revision == 1


def test_unknown_office_and_unknown_template_are_rejected(world, tmp_path):
    share, hue, d = world
    stranger = _store(tmp_path / "x.sqlite3")
    _office(stranger, "LAVANG", "district", "HUE")
    report = stranger.open_report("LAVANG", "2020-Q1")
    stranger.content.enter(report, "VL_MOI", "1")
    issuing.mark_complete(stranger, report)
    package.submit(stranger, "LAVANG", "2020-Q1", share)
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "rejected" and "chưa tin cậy" in outcome.reason
    store = d["ALUOI"]
    template = store.template_of(store.report("ALUOI", "2020-Q1"))
    data = template.to_dict()
    data["version"] = 7
    from app.domain.template import from_dict
    newer = store.install_template(from_dict(data))
    q2 = store.open_report("ALUOI", "2020-Q2", newer)
    store.content.enter(q2, "VL_MOI", "3")
    issuing.mark_complete(store, q2)
    package.submit(store, "ALUOI", "2020-Q2", share)
    outcomes = [o for o in sync.sync(hue, share).outcomes if o.office == "ALUOI"]
    assert outcomes[0].status == "rejected" and "LDTBXH_QUY phiên bản 7" in outcomes[0].reason


def test_a_gap_is_held_until_filled_and_a_fork_is_refused(world, tmp_path):
    share, hue, d = world
    store = d["PHULOC"]
    first = package.submit(store, "PHULOC", "2020-Q1", share)
    second = package.submit(store, "PHULOC", "2020-Q1", share)
    aside = tmp_path / first.name
    shutil.move(first, aside)
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "held" and "thiếu gói số 1" in outcome.reason
    shutil.move(aside, first)
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted", "accepted"]
    # two copies of the district's database, each working on its own copy of the folder (a USB stick
    # carried to two places), both write a package number 3: a fork
    backup.backup_database(store.db, tmp_path / "fork.sqlite3")
    shutil.copy(tmp_path / "PHULOC.keys", tmp_path / "fork.keys")
    twin = _store(tmp_path / "fork.sqlite3")
    elsewhere = tmp_path / "usb"
    shutil.copytree(share, elsewhere)
    package.submit(store, "PHULOC", "2020-Q1", share)
    twin.db.execute("UPDATE report SET summary = 'khác' WHERE period = '2020-Q1'")
    forked = package.submit(twin, "PHULOC", "2020-Q1", elsewhere)
    shutil.copy(forked, share / "outbox" / "PHULOC" / forked.name)
    statuses = sorted(o.status for o in sync.sync(hue, share).outcomes)
    assert statuses == ["accepted", "fork"]
    assert second.exists()


def test_a_missing_or_suddenly_empty_folder_is_unreachable_not_deleted(world, tmp_path):
    share, hue, d = world
    with pytest.raises(sync.UnreachableError):
        sync.sync(hue, tmp_path / "not-mounted")
    package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    sync.sync(hue, share)
    shutil.rmtree(share / "outbox")
    (share / "outbox").mkdir()
    with pytest.raises(sync.UnreachableError, match="trống"):
        sync.sync(hue, share)
    assert hue.report("PHULOC", "2020-Q1")


def test_a_file_held_by_another_program_is_retried(world, monkeypatch):
    share, hue, d = world
    package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    real, calls = package.read, []
    monkeypatch.setattr(sync, "RETRY_DELAY", 0)

    def flaky(path, key=None):
        calls.append(path)
        if len(calls) < 3:
            raise OSError(16, "Device or resource busy")
        return real(path, key)

    monkeypatch.setattr(package, "read", flaky)
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"]
    package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    monkeypatch.setattr(package, "read", lambda path, key=None: (_ for _ in ()).throw(OSError(16, "busy")))
    outcome = sync.sync(hue, share).outcomes[0]
    assert outcome.status == "held" and "thử lại" in outcome.reason
    monkeypatch.setattr(package, "read", real)
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"]


def test_every_revision_is_kept_with_its_issued_pdf(world):
    share, hue, d = world
    store = d["PHULOC"]
    report = issuing.issue(store, store.report("PHULOC", "2020-Q1"), number="7", issued_on=dt.date(2020, 4, 3),
                           signer_title="TRƯỞNG PHÒNG", signer_name="Hồ Văn D")
    package.submit(store, "PHULOC", "2020-Q1", share)
    second = issuing.new_revision(store, report, "Sửa số liệu việc làm")
    store.content.enter(second, "VL_MOI", "1.250")
    issuing.mark_complete(store, second)
    package.submit(store, "PHULOC", "2020-Q1", share)
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted", "accepted"]
    revisions = [r for r in hue.reports("PHULOC")]
    assert [(r.revision, r.status.value) for r in revisions] == [(1, "issued"), (2, "complete")]
    assert issuing.issued_pdf(hue, revisions[0]).startswith(b"%PDF")
    assert hue.content.values(hue.report("PHULOC", "2020-Q1").id)["VL_MOI"].number == 1250


def test_consolidation_sums_shows_breakdown_completeness_and_quotes(world, tmp_path):
    share, hue, d = world
    # the province publishes a deadline; districts pick it up once they trust its key
    keys.export_key(hue, "HUE", tmp_path / "hue.key")
    for store in d.values():
        keys.trust(store, keys.read_key_file(tmp_path / "hue.key"))
    hue.db.execute("INSERT INTO deadline (office_code, period, due) VALUES ('HUE', '2020-Q1', '2099-01-01')")
    package.publish(hue, "HUE", share, "deadline", {"deadlines": {"2020-Q1": "2099-01-01"}})
    package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    assert [o.status for o in sync.sync(d["ALUOI"], share).outcomes if o.office == "HUE"] == ["accepted"]
    assert d["ALUOI"].db.execute("SELECT due FROM deadline").fetchall() == [("2099-01-01",)]
    sync.sync(hue, share)
    result = consolidate.consolidate(hue, "HUE", "2020-Q1")
    assert [(s.office.code, s.label) for s in result.submissions] == [("ALUOI", "Chưa gửi"), ("PHULOC", "Đúng hạn")]
    assert result.missing == ["ALUOI"]
    package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    sync.sync(hue, share)
    result = consolidate.consolidate(hue, "HUE", "2020-Q1")
    assert result.values["VL_MOI"].number == 2000 and result.values["CN_DANG_CAI"].number == 8
    model = consolidate.build_printed(hue, "HUE", "2020-Q1")
    titles = [t for t, _ in model.extra_tables]
    assert titles == ["TỔNG HỢP THEO ĐƠN VỊ", "TÌNH HÌNH GỬI BÁO CÁO"]
    breakdown = model.extra_tables[0][1]
    assert breakdown.columns[2:] == ("HUE", "ALUOI", "PHULOC", "Tổng")
    row = next(r for r in breakdown.rows if r[0].text == "Giải quyết việc làm mới")
    assert [c.text for c in row[2:]] == ["", "800", "1.200", "2.000"]
    assert "Giải quyết việc làm mới: 2.000 người" in " ".join(b.text for b in model.body)


def test_templates_flow_down_the_hierarchy(world, tmp_path):
    share, hue, d = world
    keys.export_key(hue, "HUE", tmp_path / "hue.key")
    keys.trust(d["PHULOC"], keys.read_key_file(tmp_path / "hue.key"))
    template = hue.template_by_id(hue.default_template_id()).to_dict()
    template["version"] = 2
    template["sections"][0]["indicators"].append(
        {"code": "HOP_GIAO_BAN", "label": "Cuộc họp giao ban", "unit": "cuộc", "kind": "count"})
    from app.domain.template import from_dict
    package.publish(hue, "HUE", share, "template", {"template": from_dict(template).to_dict()})
    outcome = [o for o in sync.sync(d["PHULOC"], share).outcomes if o.office == "HUE"][0]
    assert outcome.status == "accepted" and "LDTBXH_QUY phiên bản 2" in outcome.reason
    assert "HOP_GIAO_BAN" in d["PHULOC"].template_by_id(d["PHULOC"].template_id("LDTBXH_QUY")).indicators


def test_keys_stay_outside_the_database_and_trust_needs_the_same_key(world, tmp_path):
    share, hue, d = world
    assert (tmp_path / "PHULOC.keys").exists()
    assert b"PRIVATE" not in (tmp_path / "PHULOC.sqlite3").read_bytes()
    other = _store(tmp_path / "other.sqlite3")
    _office(other, "PHULOC", "district", "HUE")
    keys.export_key(other, "PHULOC", tmp_path / "other.key")
    with pytest.raises(Exception, match="khóa khác"):
        keys.trust(hue, keys.read_key_file(tmp_path / "other.key"))
    tampered = json.loads((tmp_path / "other.key").read_text())
    tampered["fingerprint"] = "0000-0000-0000-0000-0000"
    (tmp_path / "bad.key").write_text(json.dumps(tampered))
    with pytest.raises(Exception, match="không khớp"):
        keys.read_key_file(tmp_path / "bad.key")


def test_backups_to_the_shared_folder_rotate(world):
    share, hue, d = world
    made = [backup.backup_to_folder(hue, share, "HUE", keep=2) for _ in range(3)]
    kept = sorted((share / "backup" / "HUE").glob("*.sqlite3"))
    assert len(kept) <= 2 and made[-1] in kept


def test_a_lost_package_is_written_again_and_a_restored_database_does_not_fork(world, tmp_path):
    share, hue, d = world
    store = d["PHULOC"]
    first = package.submit(store, "PHULOC", "2020-Q1", share)
    second = package.submit(store, "PHULOC", "2020-Q1", share)
    old_copy = tmp_path / "old.sqlite3"
    backup.backup_database(store.db, old_copy)  # a backup taken now …
    second.unlink()  # … and a package lost from the folder (a sync client, a careless delete)
    third = package.submit(store, "PHULOC", "2020-Q1", share)
    assert second.exists() and third.name.startswith("PHULOC_000003_")  # written again before the new one
    shutil.copy(tmp_path / "PHULOC.keys", tmp_path / "old.keys")
    restored = _store(old_copy)  # the office restores the older backup and goes on
    fourth = package.submit(restored, "PHULOC", "2020-Q1", share)
    assert fourth.name.startswith("PHULOC_000004_")
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"] * 4
    assert first.exists()


def test_received_reports_are_read_only_and_only_the_parent_sends_templates(world, tmp_path):
    share, hue, d = world
    package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    sync.sync(hue, share)
    received = hue.report("PHULOC", "2020-Q1")
    with pytest.raises(Exception, match="chỉ xem"):
        hue.content.enter(received, "VL_MOI", "99999")
    with pytest.raises(Exception, match="chỉ xem"):
        issuing.reopen(hue, received, "Sửa hộ đơn vị")
    # a district trying to push a template up to the province is refused
    keys.export_key(d["ALUOI"], "ALUOI", tmp_path / "a.key")
    template = hue.template_by_id(hue.default_template_id()).to_dict()
    template["version"] = 5
    from app.domain.template import from_dict
    package.publish(d["ALUOI"], "ALUOI", share, "template", {"template": from_dict(template).to_dict()})
    outcome = [o for o in sync.sync(hue, share).outcomes if o.office == "ALUOI"][0]
    assert outcome.status == "rejected" and "cấp trên" in outcome.reason


def test_a_package_rejected_for_a_missing_trust_is_taken_once_trusted(world, tmp_path):
    share, hue, d = world
    hue.db.execute("DELETE FROM trusted_key WHERE office_code = 'ALUOI'")
    package.submit(d["ALUOI"], "ALUOI", "2020-Q1", share)
    assert sync.sync(hue, share).outcomes[0].status == "rejected"
    quiet = sync.sync(hue, share)
    assert quiet.outcomes == [] and quiet.repeated == 1  # the same reason is not printed again
    keys.trust(hue, keys.read_key_file(tmp_path / "ALUOI.key"))
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"]


def test_on_time_is_judged_on_vietnam_dates_and_quarter_totals_run_the_year():
    assert consolidate._local_day("2020-04-10T23:30:00+00:00") == "2020-04-11"
    assert consolidate._local_day("2020-04-10T16:59:00+00:00") == "2020-04-10"


def test_a_version_1_package_written_by_the_previous_release_is_still_accepted(tmp_path):
    """tests/data/package-v1 holds an issued report's package and key file as format 1 wrote them."""
    share = tmp_path / "share"
    shutil.copytree(Path(__file__).parent.parent / "data" / "package-v1", share)
    hue = _store(tmp_path / "hue.sqlite3")
    _office(hue, "HUE", "province")
    keys.trust(hue, keys.read_key_file(share / "PHULOC.key"))
    [outcome] = sync.sync(hue, share).outcomes
    assert outcome.status == "accepted", outcome
    report = hue.report("PHULOC", "2020-Q1")
    assert report.status.value == "issued" and issuing.issued_pdf(hue, report).startswith(b"%PDF")
    assert hue.content.values(report.id)["VL_MOI"].number == 1200
    assert "“tốt”\tđạt" in hue.content.narrative(report.id)[("VL", "results")][0].text


def test_new_packages_are_version_2_with_the_signed_bytes_after_one_header_line(world):
    share, hue, d = world
    path = package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    header, _, body = path.read_bytes().partition(b"\n")
    assert json.loads(header)["format_version"] == 2 and json.loads(body)["format_version"] == 2
    assert package.canonical(json.loads(body)) == body  # exactly the canonical bytes
    public = keys.own_public_key(d["PHULOC"], "PHULOC")
    assert public.verify(base64.b64decode(json.loads(header)["signature"]), body)
    assert path.name.endswith(hashlib.sha256(body).hexdigest()[:16])


def test_a_restored_database_takes_back_its_own_signed_packages_but_nothing_unsigned(world, tmp_path):
    share, hue, d = world
    store = d["PHULOC"]
    backup.backup_database(store.db, tmp_path / "old.sqlite3")
    package.submit(store, "PHULOC", "2020-Q1", share)
    package.submit(store, "PHULOC", "2020-Q1", share)
    shutil.copy(tmp_path / "PHULOC.keys", tmp_path / "old.keys")
    restored = _store(tmp_path / "old.sqlite3")
    assert restored.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    third = package.submit(restored, "PHULOC", "2020-Q1", share)
    assert third.name.startswith("PHULOC_000003_")
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"] * 3


def test_the_database_records_its_own_key_and_a_different_key_file_is_refused(world, tmp_path):
    share, hue, d = world
    store = d["PHULOC"]
    public = keys.own_public_key(store, "PHULOC")
    from app.storage import keyring
    assert keyring.own(store.db, "PHULOC").fingerprint == public.fingerprint
    (tmp_path / "PHULOC.keys").write_text(json.dumps(
        {"PHULOC": base64.b64encode(Ed25519PrivateKey.generate().private_bytes_raw()).decode()}))
    with pytest.raises(UserError, match="có khóa khác") as refused:
        package.submit(store, "PHULOC", "2020-Q1", share)
    assert str(tmp_path / "PHULOC.keys") in str(refused.value) and public.fingerprint in str(refused.value)
    (tmp_path / "PHULOC.keys").write_bytes(b"[]")
    with pytest.raises(UserError, match="PHULOC.keys"):
        package.submit(store, "PHULOC", "2020-Q1", share)


def test_a_key_for_a_new_office_registers_it_as_another_installation(world, tmp_path):
    share, hue, d = world
    lavang = _store(tmp_path / "lavang.sqlite3")
    _office(lavang, "LAVANG", "district", "HUE")
    keys.export_key(lavang, "LAVANG", tmp_path / "lavang.key")
    keys.trust(hue, keys.read_key_file(tmp_path / "lavang.key"))
    office = hue.office("LAVANG")
    assert not office.is_local and office.id == lavang.office("LAVANG").id
    assert office.current.parent_code == "HUE"


def test_no_key_is_made_for_an_office_of_another_installation(world):
    share, hue, d = world
    package.submit(d["PHULOC"], "PHULOC", "2020-Q1", share)
    sync.sync(hue, share)
    with pytest.raises(UserError, match="máy khác"):
        package.publish(hue, "PHULOC", share, "deadline", {"deadlines": {"2020-Q1": "2020-04-10"}})
    assert keys.key_file(hue).exists() is False or "PHULOC" not in keys.key_file(hue).read_text()


def test_a_report_s_own_title_and_summary_travel_with_its_package(world):
    share, hue, d = world
    store = d["ALUOI"]
    report = store.open_report("ALUOI", "2020-Q2")
    store.content.enter(report, "VL_MOI", "900")
    report = store.set_heading(report, title="BÁO CÁO NHANH", summary="Tình hình việc làm Quý II năm 2020")
    issuing.mark_complete(store, report)
    package.submit(store, "ALUOI", "2020-Q2", share)
    assert [o.status for o in sync.sync(hue, share).outcomes] == ["accepted"]
    received = hue.report("ALUOI", "2020-Q2")
    assert (received.title, received.summary) == ("BÁO CÁO NHANH", "Tình hình việc làm Quý II năm 2020")
