"""The issued PDF: only a real PDF of bounded size is ever stored as one, a file never makes a revision
held here issued, and the PDF keeps the SHA-256 it was issued with through every command."""
import base64
import hashlib
import json

import pytest

from app.storage import files
from tests.reliability.operator import ISSUE, Q1, _cli, _ok, _pdf_sha, _refused, _rev1, _rows, _write


def _file(body: bytes, kind: str = "issued_pdf", name: str = "BC-TTH-2020-Q1-ban1.pdf") -> dict:
    return {"kind": kind, "name": name, "sha256": hashlib.sha256(body).hexdigest(),
            "data": base64.b64encode(body).decode()}


NOT_PDFS = [b"not a pdf at all", b"", b"%PDF", b"  %PDF-1.4 with spaces first", b"PK\x03\x04 a zip file",
            b"%PDF-1.4 " + b"x" * 5000]


@pytest.mark.parametrize("body", NOT_PDFS, ids=["text", "empty", "short", "spaces", "zip", "too-large"])
def test_an_issued_pdf_in_a_dump_must_be_a_pdf_of_bounded_size(copy, tmp_path, monkeypatch, body):
    """Refused naming the file and the field; nothing of the dump is stored."""
    monkeypatch.setattr(files, "MAX_ISSUED_PDF", 4096)  # the bound, scaled down to keep the test quick
    _db, data, _sha = copy
    data["files"] = [_file(body)]
    fresh = tmp_path / "fresh.sqlite3"
    err = _refused(fresh, "import", str(_write(tmp_path / "khong-pdf.json", data)))
    assert "khong-pdf.json" in err and "files[0].data" in err, err
    assert ("PDF" in err and "%PDF-" in err) or "quá lớn" in err, err
    assert _rows(fresh, "SELECT count(*) FROM report")[0][0] == 0
    assert _rows(fresh, "SELECT count(*) FROM template")[0][0] == 0


def test_a_scan_need_not_be_a_pdf_but_the_issued_pdf_must(copy, tmp_path):
    db, data, sha = copy
    data["files"].append(_file(b"\xff\xd8\xff a jpeg scan", kind="scan", name="ban-ky.jpg"))
    fresh = tmp_path / "fresh.sqlite3"
    _ok(fresh, "import", str(_write(tmp_path / "scan.json", data)))
    assert _pdf_sha(fresh) == sha


def test_a_file_never_makes_a_revision_held_here_issued(copy, tmp_path):
    """A draft or complete revision 1 (the same report id) or the open revision 2 stay as they are."""
    db, data, sha = copy
    rev1 = db.with_name("rev1.json")
    for state in ("draft", "complete"):
        here = tmp_path / f"{state}.sqlite3"
        _ok(here, "demo")
        if state == "complete":
            _ok(here, "complete", *Q1)
        err = _refused(here, "import", str(rev1))
        assert "bản 1 của TTH" in err and "rev1.json" in err and "không biến nó thành bản đã ban hành" in err, err
        assert _rows(here, "SELECT status FROM report") == [(state,)]
        assert _rows(here, "SELECT count(*) FROM report_file")[0][0] == 0
    code, _, err = _cli(db, "dump", *Q1, "--out", str(tmp_path / "rev2.json"))
    assert code == 0, err
    rev2 = json.loads((tmp_path / "rev2.json").read_text(encoding="utf-8"))
    rev2["report"].update(status="issued", number="46", issued_on="2020-04-20", signer_name="X")
    rev2["files"] = data["files"]
    err = _refused(db, "import", str(_write(tmp_path / "rev2-issued.json", rev2)))
    assert "bản 2 của TTH" in err and "Nháp" in err, err
    assert _rows(db, "SELECT revision, status FROM report ORDER BY revision") == [(1, "issued"), (2, "draft")]
    assert _rows(db, "SELECT count(*) FROM report_file")[0][0] == 1
    assert _pdf_sha(db) == sha


def _template_version_2(db, tmp_path):
    _ok(db, "template", "export", "--out", str(tmp_path / "mau.json"))
    template = json.loads((tmp_path / "mau.json").read_text(encoding="utf-8"))
    template["version"] = 2
    _ok(db, "template", "import", str(_write(tmp_path / "mau-2.json", template)))


def test_the_issued_pdf_keeps_its_sha256_through_every_command(copy, tmp_path):
    """revise, set, template migrate, submit, sync, import, backup, restore: revision 1's PDF is unchanged."""
    db, _data, sha = copy
    share = tmp_path / "chung"
    share.mkdir()
    _template_version_2(db, tmp_path)
    steps = [
        ("set", *Q1, "--indicator", "VL_MOI", "--value", "2.700"),
        ("template", "migrate", *Q1, "--version", "2", "--apply"),
        ("complete", *Q1),
        ("submit", *Q1, "--folder", str(share)),
        ("sync", "--folder", str(share)),
        ("import", str(db.with_name("rev1.json"))),
        ("backup", "--out", str(tmp_path / "sao-luu.sqlite3")),
        ("reopen", *Q1, "--reason", "Sửa lại số liệu"),
        ("restore", "--from", str(tmp_path / "sao-luu.sqlite3")),
        ("revise", *Q1, "--reason", "Thêm bản sửa đổi"),
    ]
    for args in steps:
        if args[0] == "revise":  # revision 2 is issued first, so that a revision 3 can be opened
            _ok(db, *ISSUE[:5], "--number", "46", *ISSUE[7:])
        _ok(db, *args)
        assert _rev1(db) == ("issued", "2607", 1), args
        assert _pdf_sha(db, 1) == sha, args
    assert [r[0] for r in _rows(db, "SELECT status FROM report ORDER BY revision")] == ["issued", "issued", "draft"]
