"""A report's own section headings: set by command, printed in every format, kept through dumps and upgrades."""
import shutil
import sqlite3

from app.storage import migrations
from tests.app.test_cli import run
from tests.app.test_cli_figures import Q, pdf_of, state
from tests.app.test_cli_words import DATA as DATA_DIR

P = ("--period", "2020-Q1")


def test_headings_print_instead_of_the_template_s_and_empty_returns_to_it(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    before = pdf_of(db, tmp_path, "2020-Q1")
    assert "3.1. Công tác việc làm" not in before
    shown = run(db, "title", *Q, *P, "--heading", "3.1=Công tác việc làm và an toàn lao động",
                "--heading", "VL:nhiemvu=Việc làm Quý II", "--heading", "ketqua=KẾT QUẢ QUÝ I", ok=True).stdout
    assert "Tiêu đề VL: Công tác việc làm và an toàn lao động" in shown
    text = pdf_of(db, tmp_path, "2020-Q1")
    assert "I. KẾT QUẢ QUÝ I 1. Công tác chỉ đạo" in text
    assert "1. Công tác việc làm và an toàn lao động" in text
    assert "1. Việc làm Quý II" in text
    assert "II. NHIỆM VỤ" in text  # the other part keeps the template's heading
    docx = tmp_path / "r.docx"
    run(db, "export", *Q, *P, "--format", "docx", "--out", str(docx), ok=True)
    from docx import Document
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert "I. KẾT QUẢ QUÝ I" in paragraphs and any(p.endswith("Công tác việc làm và an toàn lao động")
                                                     for p in paragraphs)
    run(db, "title", *Q, *P, "--heading", "3.1=", "--heading", "ketqua=", ok=True)
    again = pdf_of(db, tmp_path, "2020-Q1")
    assert "Công tác việc làm và an toàn lao động" not in again and "KẾT QUẢ QUÝ I 1." not in again
    assert "1. Việc làm Quý II" in again
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT headings FROM report").fetchone()[0] == '{"VL:nhiemvu": "Việc làm Quý II"}'
    assert conn.execute("SELECT COUNT(*) FROM audit WHERE entity = 'headings'").fetchone()[0] == 2  # one entry per change
    conn.close()


def test_a_heading_the_template_lacks_is_refused_before_anything_changes(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    before = state(db)
    for wrong, said in (("9.9=X", "không có trong mẫu"), ("3.1", "MỤC=TIÊU_ĐỀ"), ("3.1=" + "x" * 501, "tối đa 500")):
        refused = run(db, "title", *Q, *P, "--heading", wrong)
        assert refused.returncode != 0 and said in refused.stderr and "Traceback" not in refused.stderr
    assert state(db) == before


def test_headings_go_through_dump_and_import_and_a_foreign_key_is_refused(tmp_path):
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    run(db, "title", *Q, *P, "--heading", "3.1=Việc làm", ok=True)
    dump = tmp_path / "r.json"
    run(db, "dump", *Q, *P, "--out", str(dump), ok=True)
    fresh = tmp_path / "fresh.sqlite3"
    run(fresh, "import", str(dump), ok=True)
    assert "3.1. Việc làm " in pdf_of(fresh, tmp_path, "2020-Q1")
    again = tmp_path / "again.json"
    run(fresh, "dump", *Q, *P, "--out", str(again), ok=True)
    assert again.read_bytes() == dump.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(dump.read_text(encoding="utf-8").replace('"VL": "Việc làm"', '"ZZ": "Việc làm"'), encoding="utf-8")
    refused = run(tmp_path / "other.sqlite3", "import", str(bad))
    assert refused.returncode != 0 and "report.headings" in refused.stderr and "ZZ" in refused.stderr


def test_a_schema_7_database_upgrades_to_8_and_takes_headings(tmp_path):
    db = tmp_path / "bc.sqlite3"
    shutil.copy(DATA_DIR / "schema-v7.sqlite3", db)
    run(db, "title", *Q, *P, "--heading", "3.1=Việc làm", ok=True)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("SELECT title, headings FROM report").fetchone() == ("BÁO CÁO NHANH", '{"VL": "Việc làm"}')
    conn.close()
    assert (tmp_path / "bc.truoc-nang-cap-v7.sqlite3").exists()
    assert "BÁO CÁO NHANH" in pdf_of(db, tmp_path, "2020-Q1")

