"""A report's words through the commands: section narrative (``text``), title and summary (``title``),
the template new reports use (``template use``, ``office add --template``), and schema 7 over older files."""
import io
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.storage import migrations
from tests.app.test_cli import run
from tests.app.test_cli_figures import _percent_template, pdf_of, state

Q = ("--office", "TTH", "--period", "2020-Q1")
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bc.sqlite3"
    run(path, "demo", ok=True)
    return path


def test_text_from_a_file_prints_paragraphs_and_bullets_in_its_section(db, tmp_path):
    """A UTF-8 file with a byte-order mark and Windows line ends; the section named by its number."""
    source = tmp_path / "vl.txt"
    source.write_bytes("\ufeffQuý I đã giải quyết việc làm mới cho {VL_MOI}.\r\n\r\n"
                       "- Tư vấn cho {TTLD_TU_VAN}.\r\n- Cấp {GPLD_CAP}.\r\n".encode())
    done = run(db, "text", *Q, "--section", "3.1", "--file", str(source), ok=True)
    assert done.stdout.strip() == ("Đã lưu nội dung kết quả mục 3.1 Công tác giải quyết việc làm – an toàn lao động: "
                                   "1 đoạn, 2 gạch đầu dòng.")
    run(db, "text", *Q, "--section", "vl", "--part", "plan", "--text", "Phấn đấu giải quyết việc làm cho 3.000 người.",
        ok=True)
    text = pdf_of(db, tmp_path, "2020-Q1")
    assert ("3.1. Công tác giải quyết việc làm – an toàn lao động Quý I đã giải quyết việc làm mới cho 2.607 người. "
            "- Tư vấn cho 8.597 lượt người. - Cấp 15 giấy phép. 3.2.") in text
    plan = text[text.index("II. NHIỆM VỤ QUÝ II NĂM 2020"):]
    assert "Phấn đấu giải quyết việc làm cho 3.000 người." in plan
    run(db, "text", *Q, "--section", "VL", "--text", "", ok=True)  # empty: the section prints its figures again
    assert "- Giải quyết việc làm mới: 2.607 người." in pdf_of(db, tmp_path, "2020-Q1")


def test_an_unknown_section_is_refused_listing_the_template_s(db):
    before = state(db)
    proc = run(db, "text", "--office", "TTH", "--period", "2021-Q1", "--section", "3.9", "--text", "x")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Lỗi: Mẫu báo cáo LDTBXH_QUY@1 không có mục “3.9”. Các mục: 1 CDDH; 2 THVB;")
    assert "3.1 VL; 3.2 GDNN" in proc.stderr and "4.3 COVID_KHAC." in proc.stderr
    assert state(db) == before


def test_hostile_narrative_files_are_refused_and_nothing_changes(db, tmp_path):
    """A folder, a device, a pipe, a missing file, an 8-bit file and an oversized one."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Giải quyết việc làm".encode().replace("ả".encode(), b"\xe1"))  # one 8-bit byte
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    cases = {tmp_path: "không phải tệp thường", Path("/dev/zero"): "không phải tệp thường",
             fifo: "không phải tệp thường", tmp_path / "absent.txt": "Không đọc được tệp nội dung",
             latin: "không phải văn bản UTF-8", huge: "quá lớn"}
    before = state(db)
    for path, said in cases.items():
        proc = run(db, "text", *Q, "--section", "VL", "--file", str(path))
        assert proc.returncode == 2 and said in proc.stderr and "Traceback" not in proc.stderr, (path, proc.stderr)
        assert str(path) in proc.stderr
    both = run(db, "text", *Q, "--section", "VL", "--file", str(latin), "--text", "x")
    assert both.returncode == 2 and "không dùng --text cùng với --file" in both.stderr
    assert state(db) == before


def test_legacy_encoded_text_is_stored_as_typed_with_a_warning(db):
    proc = run(db, "text", *Q, "--section", "VL", "--text", "Gi¶i quyÕt viÖc lµm míi", ok=True)
    assert "TCVN3" in proc.stderr and "Giải quyết việc làm mới" in proc.stderr


def test_title_and_summary_print_in_pdf_docx_and_xlsx_and_return_to_the_template_s(db, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    run(db, "title", *Q, "--title", "BÁO CÁO NHANH", "--summary", "Tình hình lao động, việc làm Quý I năm 2020",
        ok=True)
    text = pdf_of(db, tmp_path, "2020-Q1")
    assert "BÁO CÁO NHANH Tình hình lao động, việc làm Quý I năm 2020 I. KẾT QUẢ" in text
    run(db, "export", *Q, "--format", "docx", "--out", str(tmp_path / "r.docx"), ok=True)
    paragraphs = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert ["BÁO CÁO NHANH", "Tình hình lao động, việc làm Quý I năm 2020"] == paragraphs[
        paragraphs.index("BÁO CÁO NHANH"):paragraphs.index("BÁO CÁO NHANH") + 2]
    run(db, "export", *Q, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"), ok=True)
    sheet = load_workbook(io.BytesIO((tmp_path / "r.xlsx").read_bytes()))["Số liệu"]
    cells = [c.value for row in sheet.iter_rows(max_row=6) for c in row if c.value]
    assert "BÁO CÁO NHANH: Tình hình lao động, việc làm Quý I năm 2020" in cells
    shown = run(db, "title", *Q, "--title", "", "--summary", "", ok=True).stdout
    assert shown.splitlines() == ["Tiêu đề: BÁO CÁO", "Trích yếu: Kết quả thực hiện công tác lao động, người có công "
                                  "và xã hội Quý I và một số nhiệm vụ trọng tâm Quý II năm 2020"]
    assert "BÁO CÁO Kết quả thực hiện công tác lao động, người có công và xã hội Quý I" in pdf_of(db, tmp_path,
                                                                                                  "2020-Q1")


def test_bad_titles_are_refused_and_an_issued_report_keeps_its_own(db, tmp_path):
    before = state(db)
    for args, said in ((("--title", "A" * 501), "Tiêu đề dài 501 ký tự; tối đa 500 ký tự."),
                       ((), "Hãy ghi --title hoặc --summary")):
        proc = run(db, "title", "--office", "TTH", "--period", "2021-Q1", *args)
        assert proc.returncode == 2 and proc.stderr.startswith("Lỗi: " + said), proc.stderr
    assert state(db) == before  # no 2021-Q1 report was created
    run(db, "title", *Q, "--summary", "Báo cáo kết quả Quý I", ok=True)
    run(db, "complete", *Q, ok=True)
    run(db, "issue", *Q, "--number", "45", "--date", "2020-04-05", "--signer-title", "GIÁM ĐỐC",
        "--signer-name", "Nguyễn Văn A", ok=True)
    frozen = run(db, "title", *Q, "--summary", "Khác")
    assert frozen.returncode == 2 and "Hãy mở bản sửa đổi mới" in frozen.stderr
    run(db, "revise", *Q, "--reason", "sửa trích yếu", ok=True)
    assert "Trích yếu: Báo cáo kết quả Quý I" in run(db, "title", *Q, "--title", "BÁO CÁO", ok=True).stdout
    assert "Báo cáo kết quả Quý I" in pdf_of(db, tmp_path, "2020-Q1")  # revision 2 started from revision 1's


def test_template_use_makes_new_reports_take_the_imported_template(db, tmp_path):
    """Existing reports keep theirs; unknown codes and offices are refused listing what there is."""
    unknown = run(db, "template", "use", "--office", "TTH", "--template", "HUE_THANG")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("Lỗi: Không có mẫu báo cáo mã “HUE_THANG”. Các mẫu đã nạp: LDTBXH_QUY "
                                     "(phiên bản 1).")
    run(db, "template", "import", str(_percent_template(tmp_path)), ok=True)
    assert run(db, "template", "use", "--office", "XYZ", "--template", "HUE_THANG").returncode == 2
    used = run(db, "template", "use", "--office", "TTH", "--template", "hue_thang", ok=True)
    assert used.stdout.startswith("Báo cáo mới của TTH dùng mẫu HUE_THANG phiên bản 1")
    run(db, "set", "--office", "TTH", "--period", "2021-Q1", "--indicator", "TL_THAT_NGHIEP", "--value", "3,2%", ok=True)
    old = run(db, "set", *Q, "--indicator", "TL_THAT_NGHIEP", "--value", "3,2%")
    assert old.returncode == 2 and "Mẫu báo cáo LDTBXH_QUY@1 không có chỉ tiêu mã “TL_THAT_NGHIEP”" in old.stderr
    run(db, "text", "--office", "TTH", "--period", "2021-Q2", "--section", "VL", "--text", "{TL_THAT_NGHIEP}", ok=True)
    run(db, "template", "export", "--office", "TTH", "--out", str(tmp_path / "used.json"), ok=True)
    assert '"code": "HUE_THANG"' in (tmp_path / "used.json").read_text(encoding="utf-8")
    before = state(db)
    refused = run(db, "office", "add", "--code", "PHULOC", "--name", "PHÒNG LĐTBXH", "--parent", "TTH",
                  "--level", "district", "--template", "KHONG_CO")
    assert refused.returncode == 2 and "Các mẫu đã nạp: HUE_THANG (phiên bản 1), LDTBXH_QUY (phiên bản 1)." \
        in refused.stderr
    assert state(db) == before  # the office was not added
    run(db, "office", "add", "--code", "PHULOC", "--name", "PHÒNG LĐTBXH", "--parent", "TTH", "--level", "district",
        "--template", "HUE_THANG", ok=True)
    run(db, "set", "--office", "PHULOC", "--period", "2021-Q1", "--indicator", "TL_THAT_NGHIEP", "--value", "2,9%",
        ok=True)


def test_the_window_and_consolidation_take_the_office_s_template(sample, tmp_path):
    from app.domain.template import load_file
    from app.exchange import consolidate
    from app.reporting import desk

    sample.install_template(load_file(_percent_template(tmp_path)))
    assert desk.open_sheet(sample, "TTH", "2021-Q1").data.template.code == "LDTBXH_QUY"
    sample.choose_template("TTH", "HUE_THANG")
    assert desk.open_sheet(sample, "TTH", "2021-Q2").data.template.code == "HUE_THANG"
    assert desk.open_sheet(sample, "TTH", "2021-Q1").data.template.code == "LDTBXH_QUY"  # kept its own
    assert consolidate.consolidate(sample, "TTH", "2022-Q1").template.code == "HUE_THANG"


def test_a_schema_6_database_upgrades_to_7_keeping_its_data(tmp_path):
    """The stored schema-6 file: backed up, upgraded on the first writing command, every row kept."""
    db = tmp_path / "bc.sqlite3"
    shutil.copy(DATA / "schema-v6.sqlite3", db)
    before = state(db)
    run(db, "title", *Q, "--title", "BÁO CÁO NHANH", ok=True)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST  # through 7, to the latest
    conn.close()
    after = state(db)
    assert after[0] == [row + (None,) for row in before[0]]  # offices, with no template chosen
    assert after[2:4] == before[2:4]  # values and narrative untouched
    assert after[4][:len(before[4])] == before[4]  # the audit log kept, one entry added
    assert (tmp_path / "bc.truoc-nang-cap-v6.sqlite3").exists()
    assert run(db, "get", *Q, "--indicator", "VL_MOI", ok=True).stdout.strip() == "2607"
    text = pdf_of(db, tmp_path, "2020-Q1")
    assert "BÁO CÁO NHANH Kết quả thực hiện công tác lao động" in text
    assert "đã giải quyết việc làm mới cho 2.607 người" in text


def test_a_report_s_own_title_goes_through_dump_and_import(db, tmp_path):
    run(db, "title", *Q, "--title", "BÁO CÁO NHANH", ok=True)
    dump = tmp_path / "r.json"
    run(db, "dump", *Q, "--out", str(dump), ok=True)
    fresh = tmp_path / "fresh.sqlite3"
    run(fresh, "import", str(dump), ok=True)
    assert "BÁO CÁO NHANH" in pdf_of(fresh, tmp_path, "2020-Q1")
    again = tmp_path / "again.json"
    run(fresh, "dump", *Q, "--out", str(again), ok=True)
    assert again.read_bytes() == dump.read_bytes()


def test_office_add_takes_a_shipped_template_by_its_code(db, tmp_path):
    run(db, "office", "add", "--code", "PLOC", "--name", "Phòng Lao động – Thương binh và Xã hội huyện Phú Lộc",
        "--parent", "TTH", "--level", "district", "--authority", "UBND huyện Phú Lộc", "--symbol", "LĐTBXH",
        "--template", "LDTBXH_HUYEN", ok=True)
    run(db, "set", "--office", "PLOC", "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "1.200",
        ok=True)
    exported = run(db, "template", "export", "--office", "PLOC", "--out", str(tmp_path / "t.json"), ok=True)
    assert exported.returncode == 0
    assert '"code": "LDTBXH_HUYEN"' in (tmp_path / "t.json").read_text(encoding="utf-8")
    assert "Phú Lộc, ngày" in pdf_of(db, tmp_path, "2020-Q1", "--office", "PLOC")  # the place, from the authority
    assert run(db, "office", "add", "--code", "XA1", "--name", "UBND xã", "--level", "commune",
               "--template", "KHONG_CO").returncode == 2
