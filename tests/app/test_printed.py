"""The printed report: PDF, DOCX and XLSX from one model, in the Nghị định 30/2020 format."""
import datetime as dt
import io
import re
import subprocess
from decimal import Decimal

import msgspec
import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from app.domain.model import OfficeProfile
from app.output import printed, render_docx, render_pdf, render_xlsx
from tests.app.test_seed import SEED_FIGURES, SEED_REFERENCES


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_text(pdf: bytes, tmp_path, *args) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def docx_text(data: bytes) -> str:
    doc = DocxDocument(io.BytesIO(data))
    parts = []
    body = doc.element.body
    for element in body.iter():
        if element.tag.endswith("}p"):
            parts.append("".join(t.text or "" if t.tag.endswith("}t") else " " for t in element.iter()
                                 if t.tag.endswith(("}t", "}br"))))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def sample_model():
    from app.commands.cli_actions import load_sample
    from app.storage import db as dbmod
    from app.storage.store import Store
    opened = dbmod.open_database(None)
    store = Store(opened.db)
    load_sample(store)
    yield printed.build(store, "TTH", "2020-Q1")
    opened.close()


@pytest.fixture(scope="module")
def sample_pdf(sample_model):
    return render_pdf.render(sample_model)


def test_pdf_holds_every_figure_heading_reference_and_task_of_the_seed(sample_pdf, tmp_path):
    text = norm(pdf_text(sample_pdf, tmp_path))
    assert [f for f in SEED_FIGURES if f not in text] == []
    assert [r for r in SEED_REFERENCES if r not in text] == []
    headings = [
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC LAO ĐỘNG, NGƯỜI CÓ CÔNG VÀ XÃ HỘI QUÝ I NĂM 2020",
        "1. Công tác chỉ đạo, điều hành", "2. Công tác tham mưu, ban hành văn bản",
        "3. Kết quả thực hiện nhiệm vụ chuyên môn", "3.1. Công tác giải quyết việc làm – an toàn lao động",
        "3.2. Công tác giáo dục nghề nghiệp", "3.3. Công tác Lao động - Tiền lương và Bảo hiểm xã hội",
        "3.4. Công tác người có công", "3.5. Công tác Giảm nghèo và Bảo trợ xã hội",
        "3.6. Công tác Bảo vệ, chăm sóc trẻ em và bình đẳng giới", "3.7. Công tác phòng chống tệ nạn xã hội",
        "3.8. Công tác Thanh tra, Kế toán và Hành chính Văn phòng",
        "4. Công tác phòng, chống dịch viêm đường hô hấp cấp do chủng mới của vi rút corona gây ra",
        "4.1. Về ban hành các văn bản chỉ đạo, hướng dẫn", "II. NHIỆM VỤ QUÝ II NĂM 2020",
        "1. Công tác tham mưu, ban hành văn bản", "2. Công tác chuyên môn",
        "2.1. Công tác giải quyết việc làm – an toàn lao động", "2.8. Công tác Thanh tra, Kế toán và Hành chính Văn phòng",
        "3.2. Tiếp tục tổ chức các đoàn đi kiểm tra", "3.3. Các hoạt động khác để phòng, chống dịch",
    ]
    assert [h for h in headings if h not in text] == []
    tasks = ["Tham mưu UBND tỉnh ban hành Kế hoạch tổ chức 73 năm ngày Thương binh - Liệt sĩ",
             "tại 03 Công ty Cổ phần có vốn góp chi phối của Nhà nước",
             "Phối hợp Hội LHPN tỉnh tổ chức Hội thảo/Ngày hội truyền thông"]
    assert [t for t in tasks if t not in text] == []
    assert "Kết quả thực hiện công tác lao động, người có công và xã hội Quý I và một số nhiệm vụ trọng tâm " \
           "Quý II năm 2020" in text


def test_header_follows_decree_30(sample_pdf, tmp_path):
    text = norm(pdf_text(sample_pdf, tmp_path))
    for part in ("UBND TỈNH THỪA THIÊN HUẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "BÁO CÁO", "Số: /BC-LĐTBXH", "Thừa Thiên Huế, ngày tháng năm", "Nơi nhận:", "GIÁM ĐỐC"):
        assert part in text, part
    assert "SỞ NỘI VỤ" not in text and "THÀNH PHỐ HUẾ" not in text  # 2020 names after the 2025 reform


def test_number_and_date_when_issued(sample_model, tmp_path):
    header = msgspec.structs.replace(sample_model.header, number_line="Số: 45/BC-LĐTBXH")
    model = msgspec.structs.replace(sample_model, header=header)
    assert "Số: 45/BC-LĐTBXH" in norm(pdf_text(render_pdf.render(model), tmp_path))
    from app.domain import formatting
    assert formatting.date_line("Thừa Thiên Huế", dt.date(2020, 4, 5)) == "Thừa Thiên Huế, ngày 05 tháng 4 năm 2020"
    assert formatting.date_line("Huế", dt.date(2021, 2, 1)) == "Huế, ngày 01 tháng 02 năm 2021"


def test_layout_a4_margins_fonts_and_page_numbers(sample_pdf, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(sample_pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), fonts
    assert all("LiberationSerif" in row for row in rows)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", html, re.S)
    mm = 72 / 25.4
    for number, (_, _, body) in enumerate(pages, start=1):
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', body)]
        top_words = [w for w in words if w[1] < 20 * mm]
        if number == 1:
            assert top_words == []
        else:
            assert [w[4] for w in top_words] == [str(number)]
            x_centre = (top_words[0][0] + top_words[0][2]) / 2
            assert abs(x_centre - (30 * mm + (210 - 45) * mm / 2)) < 3
        text_words = [w for w in words if w[1] >= 20 * mm]
        assert min(w[0] for w in text_words) >= 30 * mm - 0.5
        assert min(w[0] for w in text_words) <= 35 * mm
        assert max(w[2] for w in text_words) <= (210 - 15) * mm + 0.5
        assert max(w[3] for w in text_words) <= (297 - 20) * mm + 0.5


def test_same_text_in_pdf_and_docx(sample_model, sample_pdf, tmp_path):
    """Every string of the model, in both files; the running page numbers are left out."""
    below_numbers = ["-x", "0", "-y", "57", "-W", "595", "-H", "785"]
    # pdftotext joins a line ending in " -" to the next as if hyphenated: drop lone dashes on both sides.
    pdf = norm(pdf_text(sample_pdf, tmp_path, *below_numbers)).replace(" - ", " ")
    docx = norm(docx_text(render_docx.render(sample_model)))
    for text in sample_model.texts():
        assert norm(text) in docx, text
    for text in sample_model.flowing_texts():
        assert (" " + norm(text)).replace(" - ", " ").strip() in pdf, text
    # Table cells wrap across lines, so the PDF's reading order interleaves them: compare words.
    from collections import Counter
    cell_words = Counter(w for t in sample_model.table_texts() for w in norm(t).split())
    assert cell_words - Counter(pdf.split()) == Counter()


def test_docx_opens_in_libreoffice(sample_model, tmp_path):
    source = tmp_path / "bc.docx"
    source.write_bytes(render_docx.render(sample_model))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, check=True, timeout=180)
    converted = (tmp_path / "bc.pdf").read_bytes()
    text = norm(pdf_text(converted, tmp_path))
    assert "đã giải quyết việc làm mới cho 2.607 người" in text
    assert "Công văn số 171/LĐTBXH-VP ngày 31/01/2020" in text


def test_xlsx_figures_are_numbers(sample_model):
    wb = load_workbook(io.BytesIO(render_xlsx.render(sample_model)))
    ws = wb["Số liệu"]
    rows = {row[1].value: row for row in ws.iter_rows() if row[1].value}
    new_jobs = rows["Giải quyết việc làm mới"]
    assert new_jobs[3].value == 2607 and new_jobs[3].data_type == "n"
    money = rows["Tổng số tiền bảo hiểm thất nghiệp"]
    assert money[2].value == "triệu đồng" and money[3].value == 13302
    assert rows["Công ty TNHH NN1TV được thẩm tra quỹ tiền lương"][3].value == "5/5"


def _store_with_quarters():
    from app.commands.cli_actions import load_sample
    from app.storage import db as dbmod
    from app.storage.store import Store
    store = Store(dbmod.open_database(None).db)
    load_sample(store)
    return store


def test_six_months_are_computed_from_quarters_never_retyped():
    store = _store_with_quarters()
    q2 = store.open_report("TTH", "2020-Q2")
    store.content.enter(q2, "VL_MOI", "3.000")
    store.content.enter(q2, "CN_DANG_CAI", "20")  # a stock: the latest quarter counts
    store.content.enter(q2, "QTL_THAM_TRA", "2/3")
    model = printed.build(store, "TTH", "2020-H1")
    rows = {r[1].text: r for r in model.appendix.rows}
    assert rows["Giải quyết việc làm mới"][3].text == "5.607"
    assert rows["Người nghiện đang cai nghiện tại Trung tâm Bảo trợ xã hội"][3].text == "20"
    assert rows["Công ty TNHH NN1TV được thẩm tra quỹ tiền lương"][3].text == "7/8"
    assert rows["Suất quà tặng người có công"][3].text == "42.744"
    assert model.header.summary.startswith("Kết quả thực hiện công tác lao động") and "6 tháng" in model.header.summary


def test_appendix_compares_with_last_year_and_the_plan():
    store = _store_with_quarters()
    last_year = store.open_report("TTH", "2019-Q1")
    store.content.enter(last_year, "VL_MOI", "2.500")
    q1 = store.report("TTH", "2020-Q1")
    value = store.content.values(q1.id)["VL_MOI"]
    store.content.set_value(q1, msgspec.structs.replace(value, plan=Decimal(10000)))
    rows = {r[1].text: r for r in printed.build(store, "TTH", "2020-Q1").appendix.rows}
    row = rows["Giải quyết việc làm mới"]
    assert [c.text for c in row[3:]] == ["2.607", "2.500", "4,28", "2.607", "10.000", "26,1"]


def test_an_office_renamed_later_prints_its_old_name_on_old_reports():
    store = _store_with_quarters()
    store.set_profile("TTH", OfficeProfile(dt.date(2030, 1, 1), "SỞ MỚI", "UBND MỚI", "Nơi mới", "SM"))
    model = printed.build(store, "TTH", "2020-Q1")
    assert model.header.authority == "UBND TỈNH THỪA THIÊN HUẾ" and model.header.office.startswith("SỞ LAO ĐỘNG")


def test_change_placeholder_uses_last_years_report_from_the_database():
    """{CODE:ck} needs no figure typed twice: last year's report is in the database."""
    from app.domain.model import Block
    store = _store_with_quarters()
    last_year = store.open_report("TTH", "2019-Q1")
    store.content.enter(last_year, "VL_MOI", "2.500")
    q1 = store.report("TTH", "2020-Q1")
    store.content.set_narrative(q1, "TE", "results", [Block("Việc làm mới {VL_MOI:ck} so với cùng kỳ.")])
    body = " ".join(b.text for b in printed.build(store, "TTH", "2020-Q1").body)
    assert "Việc làm mới tăng 4,28% so với cùng kỳ." in body
