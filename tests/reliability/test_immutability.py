"""An issued revision is frozen whoever writes: its figures, its text, its header and its PDF keep
their SHA-256 through every command that writes (set, import of dumps, sync of packages), as an
operator would run them (``python main.py --db X …``), and through SQL typed behind the program's back."""
import base64
import getpass
import hashlib
import json
import shutil
import sqlite3

import pytest

from tests.reliability.operator import ISSUE, Q1, _cli, _ok, _pdf_sha, _refused, _rev1, _rows, _run, _write


def test_an_edited_dump_of_issued_revision_1_is_refused_while_revision_2_exists(copy):
    """As an operator types it: the overwrite check looks at the revision the file names."""
    db, data, sha = copy
    data["values"][0]["number"] = "9999"
    proc = _run(db, "import", str(_write(db.with_name("edited.json"), data)))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "đã ban hành" in proc.stderr and "bản 1" in proc.stderr and "edited.json" in proc.stderr, proc.stderr
    assert _rev1(db) == ("issued", "2607", 1)
    assert _pdf_sha(db) == sha


@pytest.mark.parametrize("change", [
    lambda d: d["report"].update(status="draft"),
    lambda d: d["report"].update(status="complete", number="", issued_on=None),
    lambda d: d["report"].update(signer_name="Người khác"),
    lambda d: d["report"].update(number="46"),
    lambda d: d["narrative"][0]["blocks"][0].update(text="Đoạn văn đã bị sửa"),
    lambda d: d["documents"].pop(0),
    lambda d: d["tasks"].pop(0),
    lambda d: d["values"].pop(0),
    lambda d: d.update(files=[]) or d["values"][1].update(note="ghi chú mới"),
])
def test_no_change_to_an_issued_revision_comes_in_through_import(copy, change):
    db, data, sha = copy
    change(data)
    err = _refused(db, "import", str(_write(db.with_name("changed.json"), data)))
    assert "đã ban hành" in err
    assert _rev1(db) == ("issued", "2607", 1)
    assert _pdf_sha(db) == sha


def _forged(data: dict, body: bytes = b"%PDF-1.4 forged") -> dict:
    return {"kind": "issued_pdf", "name": "forged.pdf", "sha256": hashlib.sha256(body).hexdigest(),
            "data": base64.b64encode(body).decode()}


def test_a_forged_issued_pdf_in_a_dump_never_replaces_the_stored_one(copy):
    """A dump's own matching sha256 proves nothing about the issued PDF."""
    db, data, sha = copy
    data["files"] = [_forged(data)]
    err = _refused(db, "import", str(_write(db.with_name("forged.json"), data)))
    assert "đã có bản PDF ban hành" in err and "không thay" in err
    original = json.loads(db.with_name("rev1.json").read_text(encoding="utf-8"))
    data["files"] = [*original["files"], _forged(data)]
    assert "một bản PDF" in _refused(db, "import", str(_write(db.with_name("two.json"), data)))
    assert _pdf_sha(db) == sha
    assert _rev1(db) == ("issued", "2607", 1)


def test_an_issued_pdf_rides_only_with_the_issued_revision(copy, tmp_path):
    """A draft (revision 2) carrying an issued PDF is refused; the real dump into a new database is kept
    once, audited, and the same file again stores nothing."""
    db, data, sha = copy
    code, _, err = _cli(db, "dump", *Q1, "--out", str(tmp_path / "rev2.json"))
    assert code == 0, err
    rev2 = json.loads((tmp_path / "rev2.json").read_text(encoding="utf-8"))
    rev2["files"] = [_forged(rev2)]
    assert "đã ban hành" in _refused(db, "import", str(_write(tmp_path / "r2.json", rev2)))
    assert _rows(db, "SELECT count(*) FROM report_file")[0][0] == 1
    fresh = tmp_path / "fresh.sqlite3"
    assert _cli(fresh, "import", str(db.with_name("rev1.json")))[0] == 0
    assert _pdf_sha(fresh) == sha
    audited = _rows(fresh, "SELECT new, user, channel FROM audit WHERE entity = 'file'")
    assert len(audited) == 1 and sha in audited[0][0] and audited[0][2] == "import"
    assert audited[0][1] == getpass.getuser()
    code, out, _ = _cli(fresh, "import", str(db.with_name("rev1.json")))
    assert code == 0 and "không thay đổi" in out
    assert _rows(fresh, "SELECT count(*) FROM report_file")[0][0] == 1


BAD_CODES = ["../../ETC", "CON", "", "😀", "'; DROP TABLE office; --", "A" * 300, "ТТН", "tth/..", None, 5]


@pytest.mark.parametrize("code", BAD_CODES, ids=repr)
def test_import_checks_the_office_code_as_office_add_does(copy, tmp_path, code):
    """A dump's office code goes through OfficeCode; nothing is left behind."""
    _db, data, _sha = copy
    data["office"]["code"] = code
    fresh = tmp_path / "fresh.sqlite3"
    err = _refused(fresh, "import", str(_write(tmp_path / "bad.json", data)))
    assert "office.code" in err
    assert _rows(fresh, "SELECT count(*) FROM office")[0][0] == 0
    assert _rows(fresh, "SELECT count(*) FROM template")[0][0] == 0


@pytest.mark.parametrize("change, words", [
    (lambda o: o.update(level="capital"), "office.level"),
    (lambda o: o.update(level=None), "office.level"),
    (lambda o: o.update(profiles=[]), "office.profiles"),
    (lambda o: o.update(profiles="x"), "office.profiles"),
    (lambda o: o["profiles"][0].pop("name"), "name"),
    (lambda o: o["profiles"][0].update(name=""), "name"),
    (lambda o: o["profiles"][0].update(name="X" * 5000), "name"),
    (lambda o: o["profiles"][0].update(valid_from="2020-02-30"), "valid_from"),
    (lambda o: o["profiles"][0].update(parent_code="../HUE"), "Mã đơn vị"),
    (lambda o: o["profiles"][0].update(recipients=[1, 2]), "recipients"),
    (lambda o: o.update(id=""), "office.id"),
])
def test_import_checks_the_level_and_profiles(copy, tmp_path, change, words):
    _db, data, _sha = copy
    change(data["office"])
    fresh = tmp_path / "fresh.sqlite3"
    assert words in _refused(fresh, "import", str(_write(tmp_path / "bad.json", data)))
    assert _rows(fresh, "SELECT count(*) FROM template")[0][0] == 0


def test_a_refused_import_leaves_no_template_installed(copy, tmp_path):
    """No partial import: the template is installed inside the import's transaction."""
    db, data, _sha = copy
    data["template"]["version"] = 99
    data["report"].update(id="another-report", revision=7, status="draft", number="", issued_on=None)
    for doc in data["documents"]:
        doc["id"] += "-7"
    data["files"] = [_forged(data)]  # refused only after the template would have been installed
    before = _rows(db, "SELECT count(*) FROM template")[0][0]
    assert "đính kèm" in _refused(db, "import", str(_write(tmp_path / "late.json", data)))
    assert _rows(db, "SELECT count(*) FROM template")[0][0] == before
    assert _rows(db, "SELECT count(*) FROM report WHERE revision = 7")[0][0] == 0
    data = json.loads(db.with_name("rev1.json").read_text(encoding="utf-8"))
    data["template"]["version"] = 99
    data["report"].update(id="another-report", revision=7)
    assert "đã thuộc một báo cáo khác" in _refused(db, "import", str(_write(tmp_path / "ids.json", data)))
    assert _rows(db, "SELECT count(*) FROM template")[0][0] == before  # refused in the importer: rolled back


def test_writing_commands_leave_the_issued_pdf_alone(copy, tmp_path):
    """set goes to the open revision, never into revision 1; the same dump again changes nothing."""
    db, _data, sha = copy
    assert _cli(db, "set", *Q1, "--indicator", "VL_MOI", "--value", "2.700")[0] == 0
    assert _rows(db, "SELECT v.number FROM value v JOIN report r ON r.id = v.report_id"
                     " WHERE r.revision = 2 AND v.indicator = 'VL_MOI'") == [("2700",)]
    assert _cli(db, "import", str(db.with_name("rev1.json")))[0] == 0
    assert _rev1(db) == ("issued", "2607", 1)
    assert _pdf_sha(db) == sha
    channels = {row[0] for row in _rows(db, "SELECT channel FROM audit WHERE channel != ''")}
    assert "command" in channels


def test_every_writing_command_leaves_an_issued_revision_as_issued(copy, tmp_path):
    """On a database holding only the issued revision: what would change it is refused, a scan is added,
    and after each command the issued PDF has the SHA-256 it was issued with."""
    _db, _data, sha = copy
    db = tmp_path / "only-issued.sqlite3"
    _ok(db, "import", str(tmp_path / "rev1.json"))
    scan = tmp_path / "ban-ky.pdf"
    scan.write_bytes(b"%PDF-1.4 signed and stamped")
    refused = [("set", *Q1, "--indicator", "VL_MOI", "--value", "1"),
               ("set", *Q1, "--indicator", "VL_NN", "--value", "100"),
               ("complete", *Q1), ("reopen", *Q1, "--reason", "Sửa lại số liệu"), ISSUE,
               ("template", "migrate", *Q1, "--version", "1", "--apply")]
    for args in refused:
        _refused(db, *args)
        assert _rev1(db) == ("issued", "2607", 1) and _pdf_sha(db) == sha, args
    for args in (("attach-scan", *Q1, str(scan)), ("import", str(tmp_path / "rev1.json")),
                 ("backup", "--out", str(tmp_path / "copy.sqlite3"))):
        _ok(db, *args)
        assert _rev1(db) == ("issued", "2607", 1) and _pdf_sha(db) == sha, args
    assert _rows(db, "SELECT kind FROM report_file ORDER BY id") == [("issued_pdf",), ("scan",)]


@pytest.mark.parametrize("sql", [
    "UPDATE value SET number = '1' WHERE report_id = ?",
    "DELETE FROM value WHERE report_id = ?",
    "INSERT INTO value (report_id, indicator, number) VALUES (?, 'NEW', '1')",
    "UPDATE narrative SET text = 'x' WHERE report_id = ?",
    "DELETE FROM document WHERE report_id = ?",
    "UPDATE task SET text = 'x' WHERE report_id = ?",
    "INSERT INTO task_review (report_id, task_id, status) VALUES (?, 't', 'done')",
    "UPDATE report SET status = 'complete' WHERE id = ?",
    "UPDATE report SET number = '46' WHERE id = ?",
    "DELETE FROM report WHERE id = ?",
    "UPDATE report_file SET data = x'00' WHERE report_id = ?",
    "DELETE FROM report_file WHERE report_id = ?",
    "INSERT INTO report_file (report_id, kind, name, sha256, size, data, created)"
    " VALUES (?, 'issued_pdf', 'x.pdf', 'x', 1, x'00', 'now')",
])
def test_the_database_itself_refuses_changes_to_an_issued_revision(copy, sql):
    """The triggers of schema 5: whatever program opens the file, revision 1 stays as issued."""
    db, _data, sha = copy
    rid = _rows(db, "SELECT id FROM report WHERE revision = 1")[0][0]
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="đã ban hành"):
        conn.execute(sql, (rid,))
    conn.close()
    assert _rev1(db) == ("issued", "2607", 1)
    assert _pdf_sha(db) == sha


# --- received packages -------------------------------------------------------------------------
PHULOC = ("--office", "PHULOC", "--period", "2020-Q1")


@pytest.fixture
def exchange(tmp_path):
    """A province (HUE) holding the issued report of a district (PHULOC) received through the share."""
    share, hue, district = tmp_path / "share", tmp_path / "hue.sqlite3", tmp_path / "phuloc.sqlite3"
    share.mkdir()
    _ok(hue, "office", "add", "--code", "HUE", "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "--authority", "UBND TỈNH THỪA THIÊN HUẾ", "--level", "province")
    _ok(district, "office", "add", "--code", "PHULOC", "--name", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "--authority", "UBND HUYỆN PHÚ LỘC", "--parent", "HUE", "--level", "district")
    _ok(district, "set", *PHULOC, "--indicator", "VL_MOI", "--value", "1.200")
    _ok(district, "complete", *PHULOC)
    _ok(district, "backup", "--out", str(tmp_path / "older.sqlite3"))
    issued = _ok(district, "issue", *PHULOC, "--number", "12", "--date", "2020-04-05", "--signer-title",
                 "TRƯỞNG PHÒNG", "--signer-name", "Y")
    sha = issued.rsplit("SHA-256 của bản PDF: ", 1)[1].strip()
    _ok(district, "keys", "export", "--out", str(tmp_path / "phuloc.key"))
    _ok(hue, "keys", "trust", str(tmp_path / "phuloc.key"))
    _ok(district, "submit", *PHULOC, "--folder", str(share))
    assert _ok(hue, "sync", "--folder", str(share)).startswith("accepted\t")
    return share, hue, district, sha


def _held(hue) -> tuple:
    """(status, VL_MOI, issued PDFs, SHA-256 of the PDF) of PHULOC's revision 1 at the province."""
    row = _rows(hue, "SELECT r.status, (SELECT number FROM figure WHERE report_id = r.id AND indicator = 'VL_MOI'),"
                     " (SELECT count(*) FROM report_file WHERE report_id = r.id),"
                     " (SELECT sha256 FROM report_file WHERE report_id = r.id AND kind = 'issued_pdf')"
                     " FROM report r JOIN office o ON o.id = r.office_id WHERE o.code = 'PHULOC' AND r.revision = 1")
    return row[0]


def _lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def test_an_ordinary_resubmit_stores_nothing_again(exchange):
    share, hue, district, sha = exchange
    assert _held(hue) == ("issued", "1200", 1, sha)
    _ok(district, "submit", *PHULOC, "--folder", str(share))
    lines = _lines(_ok(hue, "sync", "--folder", str(share)))
    assert len(lines) == 1 and lines[0].startswith("accepted\t") and "không lưu lại gì" in lines[0], lines
    assert _held(hue) == ("issued", "1200", 1, sha)


def test_an_older_state_resubmitted_from_a_restored_backup_leaves_the_issued_revision(exchange, tmp_path):
    """The district puts back the backup taken before issuing and submits revision 1 as complete."""
    share, hue, district, sha = exchange
    shutil.copy(tmp_path / "older.sqlite3", district)
    _ok(district, "submit", *PHULOC, "--folder", str(share))
    lines = _lines(_ok(hue, "sync", "--folder", str(share)))
    assert lines and not any(line.startswith("accepted") for line in lines), lines
    assert _held(hue) == ("issued", "1200", 1, sha)


def _publish_report(district, share, change) -> None:
    """Sign, as the district, a report package changed by ``change`` (what a tampering sender could do)."""
    from app.exchange import package, transfer
    from app.storage import db as dbmod
    from app.storage.store import Store

    opened = dbmod.open_database(district)
    try:
        store = Store(opened.db)
        report = store.report("PHULOC", "2020-Q1")
        pdf = store.files.issued_pdf(report.id).data
        content = {"period": "2020-Q1", "revision": 1, "report": transfer.to_dict(store.content.load(report)),
                   "pdf": base64.b64encode(pdf).decode(), "pdf_sha256": hashlib.sha256(pdf).hexdigest()}
        change(content)
        package.publish(store, "PHULOC", share, "report", content)
    finally:
        opened.close()


def _other_pdf(content: dict) -> None:
    body = b"%PDF-1.4 another issued copy"
    content.update(pdf=base64.b64encode(body).decode(), pdf_sha256=hashlib.sha256(body).hexdigest())


def _other_figure(content: dict) -> None:
    content["report"]["values"][0]["number"] = "9999"


def _back_to_complete(content: dict) -> None:
    content["report"]["report"].update(status="complete", number="", issued_on=None, signer_title="",
                                       signer_name="")
    content.update(pdf=None, pdf_sha256=None)


@pytest.mark.parametrize("change, reason", [
    (_other_pdf, "đã có bản PDF ban hành"),
    (_other_figure, "đã ban hành"),
    (_back_to_complete, "đã ban hành"),
])
def test_a_signed_package_never_changes_an_issued_revision_held_here(exchange, change, reason):
    share, hue, district, sha = exchange
    _publish_report(district, share, change)
    lines = _lines(_ok(hue, "sync", "--folder", str(share)))
    assert len(lines) == 1 and lines[0].startswith("rejected\t") and reason in lines[0], lines
    assert _held(hue) == ("issued", "1200", 1, sha)
    audit = _rows(hue, "SELECT DISTINCT channel FROM audit WHERE entity = 'file'")
    assert audit == [("sync",)]


def test_a_package_never_replaces_a_report_of_this_installations_own_office(exchange):
    """HUE's own report cannot come in from the share, whoever signed the package."""
    from app.errors import InputError
    from app.exchange import package, receive, transfer
    from app.storage import db as dbmod
    from app.storage.store import Store

    _share, hue, _district, _sha = exchange
    _ok(hue, "set", "--office", "HUE", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "5")
    opened = dbmod.open_database(hue)
    try:
        store = Store(opened.db)
        data = transfer.to_dict(store.content.load(store.report("HUE", "2020-Q1")))
        data["values"][0]["number"] = "7"
        body = {"kind": "report", "office": "HUE", "office_id": store.office("HUE").id, "seq": 1,
                "period": "2020-Q1", "revision": 1, "report": data}
        with pytest.raises(InputError, match="của chính máy này"):
            receive.apply(store, package.Package("HUE_000001_0000000000000000", body, b"", "0" * 64))
    finally:
        opened.close()
    assert _rows(hue, "SELECT v.number FROM value v JOIN report r ON r.id = v.report_id"
                      " JOIN office o ON o.id = r.office_id WHERE o.code = 'HUE'") == [("5",)]
