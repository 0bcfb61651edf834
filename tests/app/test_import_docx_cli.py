"""``import-docx`` through the command line: the review, saving in one go, and files it refuses."""
from __future__ import annotations

import io
import sqlite3
import zipfile

import docx
import pytest

from app.errors import InputError
from app.importing import reading
from tests.app.test_cli import run

Q2 = ("--office", "TTH", "--period", "2020-Q2")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bc.sqlite3"
    run(path, "demo", ok=True)
    return path


@pytest.fixture
def report_docx(db, tmp_path):
    """The sample report as the software exports it to Word."""
    out = tmp_path / "bc.docx"
    run(db, "export", "--office", "TTH", "--period", "2020-Q1", "--format", "docx", "--out", str(out), ok=True)
    return out


def _counts(db) -> tuple:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("report", "value", "narrative", "document", "task"))


def test_dry_run_prints_the_review_and_saves_nothing(db, report_docx):
    """One line per figure: section, number, proposed indicator, sentence; the database untouched."""
    before = _counts(db)
    done = run(db, "import-docx", str(report_docx), *Q2, "--dry-run", ok=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "STT\tMục\tSố\tChỉ tiêu đề xuất\tCâu"
    assert lines[4].startswith("4\t3.1\t2.607 người\tVL_MOI (Giải quyết việc làm mới)\tThông qua các kênh")
    assert "25 văn bản được dẫn: 12-NQ/TU; 22/2019/NQ-HĐND;" in done.stdout
    assert lines[-1] == "Chưa lưu gì. Thêm --accept-all để nhận các đề xuất và lưu vào báo cáo."
    assert _counts(db) == before


def test_accept_all_fills_an_empty_report_with_the_same_figures(db, report_docx, tmp_path):
    """The imported Quarter II report holds the figures of the exported one, its citations as {VB:…}."""
    done = run(db, "import-docx", str(report_docx), *Q2, "--accept-all", ok=True)
    assert done.stdout.splitlines()[-1] == ("Đã lưu vào báo cáo TTH kỳ 2020-Q2: 54 đoạn, 42 nhiệm vụ, "
                                            "25 văn bản, 34 số liệu.")
    with sqlite3.connect(db) as conn:
        figures = {period: set(conn.execute("SELECT v.indicator, v.number, v.denominator FROM value v JOIN report r "
                                            "ON r.id = v.report_id WHERE r.period = ?", (period,)))
                   for period in ("2020-Q1", "2020-Q2")}
        texts = [r[0] for r in conn.execute("SELECT n.text FROM narrative n JOIN report r ON r.id = n.report_id "
                                            "WHERE r.period = '2020-Q2' AND n.section = 'COVID_VB'")]
    assert any("{VB:171/LĐTBXH-VP}" in t for t in texts)
    assert figures["2020-Q2"] == figures["2020-Q1"] and len(figures["2020-Q1"]) == 34
    assert ("BHTN_TIEN", "13302000000", None) in figures["2020-Q2"]
    again = run(db, "import-docx", str(report_docx), *Q2, "--accept-all")
    assert again.returncode == 2 and "Báo cáo TTH kỳ 2020-Q2 đã có nội dung" in again.stderr


def test_a_failure_while_saving_leaves_nothing(db, report_docx, monkeypatch):
    """The report, its figures, narrative and documents are written together or not at all."""
    from app.commands import cli
    from app.storage.worklist import Worklist

    def broken(self, report_id, tasks):
        raise InputError("hỏng giữa chừng")

    before = _counts(db)
    monkeypatch.setattr(Worklist, "put_tasks", broken)
    args = cli.build_parser().parse_args(["--db", str(db), "import-docx", str(report_docx), *Q2, "--accept-all"])
    assert cli.run(args) == 2
    assert _counts(db) == before


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _broken_xml() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["word/document.xml"] = b"<w:document><unclosed"
    return _zip(parts)


HOSTILE = {
    "plain.docx": ("Quý I đã giải quyết việc làm cho 2.607 người.".encode(), "không phải tệp Word"),
    "empty.docx": (b"", "không phải tệp Word"),
    "torn.docx": (b"PK\x03\x04" + b"\x00" * 200, "hỏng hoặc không phải tệp Word"),
    "sheet.docx": (_zip({"xl/workbook.xml": b"<workbook/>"}), "không có phần nội dung"),
    "bomb.docx": (_zip({"word/document.xml": b"\x00" * (40 * 1024 * 1024)}), "khi giải nén quá lớn"),
    "broken.docx": (_broken_xml(), "không phải tệp Word (.docx) đọc được"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_files_that_are_not_word_reports_are_refused_by_name(tmp_path, name):
    """Each refusal is Vietnamese, names the file, and never a traceback."""
    data, reason = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as refused:
        reading.read_paragraphs(path)
    assert name in str(refused.value) and reason in str(refused.value)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, db):
    """Bounded size: a file past the limit is refused by the command, naming it."""
    path = tmp_path / "lon.docx"
    with path.open("wb") as handle:
        handle.truncate(reading.FILE_LIMIT + 1)
    done = run(db, "import-docx", str(path), *Q2, "--dry-run")
    assert done.returncode == 2 and "lon.docx" in done.stderr and "Traceback" not in done.stderr
    missing = run(db, "import-docx", str(tmp_path / "khong-co.docx"), *Q2)
    assert missing.returncode == 2 and "khong-co.docx" in missing.stderr and "Traceback" not in missing.stderr
