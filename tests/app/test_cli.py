"""The headless commands, run as an operator or a script would: ``python main.py --db X …``."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(db, *args, ok=None):
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    if ok is not None:
        assert (proc.returncode == 0) == ok, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "bc.sqlite3"
    run(db, "demo", ok=True)
    return db


def _db_state(db):
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("office", "report", "value", "narrative", "document", "task", "audit")]
    finally:
        conn.close()


def test_help_lists_the_headless_commands():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True).stdout
    for command in ("demo", "set", "get", "validate", "dump", "import", "backup", "office", "template"):
        assert command in out


def test_demo_then_validate_and_get(demo_db):
    assert run(demo_db, "validate", "--office", "TTH", "--period", "2020-Q1").returncode == 0
    got = run(demo_db, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", ok=True)
    assert got.stdout.strip() == "2607"
    got = run(demo_db, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "BHTN_TIEN", ok=True)
    assert got.stdout.strip() == "13302000000"


def test_demo_twice_changes_nothing(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    before = _db_state(db)
    second = run(db, "demo", ok=True)
    assert "không thay đổi" in second.stdout
    assert _db_state(db) == before


def test_bad_value_fails_clearly_and_changes_nothing(demo_db):
    before = _db_state(demo_db)
    proc = run(demo_db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "abc")
    assert proc.returncode != 0
    assert "không phải là số" in proc.stderr and "Traceback" not in proc.stderr
    assert _db_state(demo_db) == before
    proc = run(demo_db, "set", "--office", "TTH", "--period", "2021-Q1", "--indicator", "VL_MOI", "--value", "1,5")
    assert proc.returncode != 0 and _db_state(demo_db) == before  # no report created either


def test_set_in_vietnamese_then_get_base_units(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    run(db, "set", "--office", "TTH", "--period", "2020-Q2", "--indicator", "BHTN_TIEN", "--value", "13,302 tỷ", ok=True)
    got = run(db, "get", "--office", "TTH", "--period", "2020-Q2", "--indicator", "BHTN_TIEN", ok=True)
    assert got.stdout.strip() == "13302000000"
    shown = run(db, "set", "--office", "TTH", "--period", "2020-Q2", "--indicator", "VL_MOI",
                "--value", "khoảng 4.348", ok=True)
    assert "khoảng 4.348 người" in shown.stdout


def test_validate_exits_1_and_lists_findings_when_invalid(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    run(db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_NN", "--value", "3.000", ok=True)
    proc = run(db, "validate", "--office", "TTH", "--period", "2020-Q1")
    assert proc.returncode == 1
    assert "VL_NN" in proc.stdout and "3.000" in proc.stdout


def test_dump_import_dump_is_byte_identical(demo_db, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run(demo_db, "dump", "--office", "TTH", "--period", "2020-Q1", "--out", str(first), ok=True)
    empty = tmp_path / "empty.sqlite3"
    run(empty, "import", str(first), ok=True)
    run(empty, "dump", "--office", "TTH", "--period", "2020-Q1", "--out", str(second), ok=True)
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "baocao-report" and data["template"]["version"] == 1
    again = run(empty, "import", str(first), ok=True)
    assert "không thay đổi" in again.stdout


def test_import_refuses_broken_files_and_keeps_the_database(demo_db, tmp_path):
    before = _db_state(demo_db)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = run(demo_db, "import", str(bad))
    assert proc.returncode == 2 and "JSON" in proc.stderr
    good = tmp_path / "good.json"
    run(demo_db, "dump", "--office", "TTH", "--period", "2020-Q1", "--out", str(good), ok=True)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["values"][0]["indicator"] = "NO_SUCH"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = run(demo_db, "import", str(bad))
    assert proc.returncode == 2 and "NO_SUCH" in proc.stderr
    assert _db_state(demo_db) == before


def test_backup_writes_a_usable_copy(demo_db, tmp_path):
    target = tmp_path / "sub" / "copy.sqlite3"
    run(demo_db, "backup", "--out", str(target), ok=True)
    got = run(target, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_NN", ok=True)
    assert got.stdout.strip() == "176"


def test_office_add_and_a_three_office_setup(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "office", "add", "--code", "HUE", "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "--level", "province", ok=True)
    for code in ("PHULOC", "AL"):
        run(db, "office", "add", "--code", code, "--name", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
            "--parent", "HUE", "--level", "district", ok=True)
    dup = run(db, "office", "add", "--code", "AL", "--name", "X", "--level", "district")
    assert dup.returncode == 2 and "Đã có" in dup.stderr
    bad_parent = run(db, "office", "add", "--code", "Y", "--name", "X", "--parent", "HUẾ!", "--level", "commune")
    assert bad_parent.returncode == 2 and "Mã đơn vị" in bad_parent.stderr
    listed = run(db, "office", "list", ok=True).stdout
    assert "PHULOC" in listed and "HUE" in listed
    run(db, "set", "--office", "PHULOC", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "120", ok=True)


def test_template_export_import_adds_an_indicator(tmp_path):
    db = tmp_path / "bc.sqlite3"
    exported = tmp_path / "mau.json"
    run(db, "template", "export", "--out", str(exported), ok=True)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["version"] = 2
    data["sections"][3]["children"][0]["indicators"].append(
        {"code": "VL_THANH_NIEN", "label": "Thanh niên được giải quyết việc làm", "unit": "người", "kind": "count"})
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run(db, "template", "import", str(exported), ok=True)
    run(db, "set", "--office", "TTH", "--period", "2021-Q1", "--indicator", "VL_MOI", "--value", "1")  # no office yet
    run(db, "office", "add", "--code", "TTH", "--name", "SỞ", "--level", "province", ok=True)
    run(db, "set", "--office", "TTH", "--period", "2021-Q1", "--indicator", "VL_THANH_NIEN", "--value", "42", ok=True)
    got = run(db, "get", "--office", "TTH", "--period", "2021-Q1", "--indicator", "VL_THANH_NIEN", ok=True)
    assert got.stdout.strip() == "42"
    data["sections"][0]["title"] = "Đổi tên mà không tăng phiên bản"
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = run(db, "template", "import", str(exported))
    assert proc.returncode == 2 and "tăng số phiên bản" in proc.stderr


def test_unknown_office_period_and_indicator_are_plain_errors(demo_db):
    for args, words in [
        (("get", "--office", "XYZ", "--period", "2020-Q1", "--indicator", "VL_MOI"), "Không có đơn vị"),
        (("get", "--office", "TTH", "--period", "2020-Q9", "--indicator", "VL_MOI"), "không hợp lệ"),
        (("get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "NOPE"), "không có chỉ tiêu"),
        (("validate", "--office", "TTH", "--period", "2019-Q4"), "chưa có báo cáo"),
    ]:
        proc = run(demo_db, *args)
        assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr


def test_three_offices_through_a_shared_folder(tmp_path):
    """A province and two districts, each with its own database, headless from end to end."""
    share = tmp_path / "share"
    share.mkdir()
    hue = tmp_path / "hue.sqlite3"
    run(hue, "office", "add", "--code", "HUE", "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        "--authority", "UBND TỈNH THỪA THIÊN HUẾ", "--level", "province", ok=True)
    for code, jobs in (("PHULOC", "1.200"), ("ALUOI", "800")):
        db = tmp_path / f"{code}.sqlite3"
        run(db, "office", "add", "--code", code, "--name", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
            "--authority", f"UBND HUYỆN {code}", "--parent", "HUE", "--level", "district", ok=True)
        run(db, "set", "--office", code, "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", jobs, ok=True)
        early = run(db, "submit", "--office", code, "--period", "2020-Q1", "--folder", str(share))
        assert early.returncode == 2 and "bản nháp" in early.stderr
        run(db, "complete", "--office", code, "--period", "2020-Q1", ok=True)
        exported = run(db, "keys", "export", "--out", str(tmp_path / f"{code}.key"), ok=True)
        fingerprint = exported.stdout.split("Dấu vân tay: ")[1].strip()
        trusted = run(hue, "keys", "trust", str(tmp_path / f"{code}.key"), ok=True)
        assert fingerprint in trusted.stdout
        run(db, "submit", "--office", code, "--period", "2020-Q1", "--folder", str(share), ok=True)
    first = run(hue, "sync", "--folder", str(share), ok=True)
    lines = first.stdout.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("accepted\t") for line in lines)
    again = run(hue, "sync", "--folder", str(share), ok=True)
    assert again.stdout.strip() == ""
    missing = run(hue, "sync", "--folder", str(tmp_path / "unplugged"))
    assert missing.returncode == 2 and "Không truy cập được" in missing.stderr
    pdf = tmp_path / "tonghop.pdf"
    run(hue, "export", "--office", "HUE", "--period", "2020-Q1", "--format", "pdf", "--out", str(pdf),
        "--consolidated", ok=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2.000" in text and "TỔNG HỢP THEO ĐƠN VỊ" in text and "TÌNH HÌNH GỬI BÁO CÁO" in text
    assert "PHULOC" in run(hue, "keys", "list", ok=True).stdout


@pytest.mark.parametrize("value", ["1," + "0" * 100_000 + "1", "1" * 10_000, "1e999999", "١٢٣", "1," + "0" * 40 + "1"])
def test_set_refuses_oversized_and_foreign_numbers_for_a_headcount(demo_db, value):
    """Refused in Vietnamese, nothing stored, never rounded to 1."""
    before = _db_state(demo_db)
    proc = run(demo_db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", value)
    assert proc.returncode == 2 and proc.stderr.startswith("Lỗi: ") and "Traceback" not in proc.stderr
    assert len(proc.stderr) < 400  # the message quotes the entry shortened, not 100,000 characters
    assert _db_state(demo_db) == before


def test_audit_prints_one_line_per_change_with_old_and_new(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    run(db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "2.700", ok=True)
    run(db, "set", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "khoảng 2.800",
        ok=True)
    lines = run(db, "audit", "--office", "TTH", "--period", "2020-Q1", ok=True).stdout.splitlines()
    changes = [line.split("\t") for line in lines if "\tVL_MOI\t" in line]
    assert len(changes) == 2
    first, second = changes
    assert first[0][4] == "-" and first[0][10] == "T" and "TTH" in first[1]
    assert first[-3:] == ["value", "VL_MOI", "number: 2607 → 2700"]
    assert second[-1] == "number: 2700 → 2800; qualifier: ∅ → khoảng"
    missing = run(db, "audit", "--office", "TTH", "--period", "2019-Q4")
    assert missing.returncode == 2 and "chưa có báo cáo" in missing.stderr


def test_audit_lines_show_who_and_from_where_when_recorded():
    from app.commands.entry import audit_line

    entry = {"at": "2026-12-01T08:00:00+00:00", "office_code": "TTH", "entity": "status", "key": "2020-Q1",
             "old": "complete", "new": "draft", "reason": "sửa số liệu\nquý"}
    assert audit_line(entry) == "2026-12-01T08:00:00+00:00\tTTH\tstatus\t2020-Q1\tcomplete → draft (lý do: sửa số liệu quý)"
    entry |= {"actor": "nguyenvana", "channel": "command"}
    assert audit_line(entry).split("\t")[1:3] == ["TTH (nguyenvana)", "command"]
    assert audit_line(entry | {"channel": None}).split("\t")[2] == "—"


def test_every_command_keeps_its_name_and_help(tmp_path):
    """The split parser still knows every command of the contract, and each one's --help works."""
    from app.commands.cli import COMMANDS
    from app.commands.parser import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS) | {"restore"}
    for name in ("demo", "set", "restore", "audit", "keys", "template", "backup"):
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), name, "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "Cách dùng:" in proc.stdout
    wrong = run(tmp_path / "x.sqlite3", "restore")
    assert wrong.returncode == 2 and "thiếu tham số bắt buộc: --from" in wrong.stderr


def test_the_command_modules_stay_small():
    """No module under app/commands over 300 lines, no function over 40."""
    import ast

    for path in (ROOT / "app" / "commands").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 300, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 40, (path.name, node.name)
