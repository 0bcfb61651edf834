"""Print layout: header names break between words and never before a dash, headings are not
stretched, the appendix says which report it is attached to and shows each figure as it was typed
(qualifier, estimate, as-of date) in PDF, DOCX and XLSX, and the DOCX appendix columns fit."""
import io
import re
import subprocess

import pytest
from docx import Document as DocxDocument
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.units import mm

from app.output import fitting, render_pdf
from tests.app.test_cli import run

DISTRICT = "Phòng Lao động – Thương binh và Xã hội huyện Phú Lộc"
TYPED = {"VL_MOI": ("ước khoảng 1.200", "15/3/2020"), "VL_NN": ("hơn 41", None),
         "TTLD_DANG_KY": ("350 trở lên", None), "BHTN_TIEN": ("gần 6,3 tỷ", "2020-03-20"),
         "NCC_QUA": ("ít nhất 120", None), "DON_THU": ("dưới 5", None), "BTXH_QUA": ("trên 64", None)}
#: What the appendix's "Kỳ này" cell prints for each (money in the column's triệu đồng).
SHOWN = {"VL_MOI": "ước khoảng 1.200 (đến 15/3/2020)", "VL_NN": "hơn 41", "TTLD_DANG_KY": "350 trở lên",
         "BHTN_TIEN": "gần 6.300 (đến 20/3/2020)", "NCC_QUA": "ít nhất 120", "DON_THU": "dưới 5",
         "BTXH_QUA": "trên 64"}
LABELS = {"VL_MOI": "Giải quyết việc làm mới", "TTLD_DANG_KY": "Người liên hệ, đăng ký xin việc làm",
          "BHTN_TIEN": "Tổng số tiền bảo hiểm thất nghiệp", "NCC_QUA": "Suất quà tặng người có công"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "bc.sqlite3"
    run(path, "demo", ok=True)
    run(path, "office", "add", "--code", "PLOC", "--name", DISTRICT, "--level", "district", "--parent", "TTH",
        "--authority", "UBND HUYỆN PHÚ LỘC", "--symbol", "LĐTBXH", "--place", "Phú Lộc", ok=True)
    for code, (value, as_of) in TYPED.items():
        extra = ("--as-of", as_of) if as_of else ()
        run(path, "set", "--office", "PLOC", "--period", "2020-Q1", "--indicator", code, "--value", value,
            *extra, ok=True)
    return path


def export(db, tmp_path, office, fmt) -> bytes:
    out = tmp_path / f"{office}.{fmt}"
    run(db, "export", "--office", office, "--period", "2020-Q1", "--format", fmt, "--out", str(out), ok=True)
    return out.read_bytes()


def pdf_text(pdf: bytes, tmp_path, *args) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def header_block(text: str) -> list[str]:
    """The top-left block's lines: everything above the "Số:" line, left half of the page."""
    lines = text.split("\n")
    block = lines[:next(i for i, line in enumerate(lines) if "Số:" in line)]
    out = []
    for line in block:
        found = re.match(r"( *)(\S+(?: {1,2}\S+)*)", line)  # the first run of words (3+ spaces end it)
        if found and len(found[1]) < 25:  # starts in the left half
            out.append(found[2])
    return out


@pytest.mark.parametrize("office", ["PLOC", "TTH"])
def test_no_header_line_starts_with_a_dash(db, tmp_path, office):
    block = header_block(pdf_text(export(db, tmp_path, office, "pdf"), tmp_path, "-layout"))
    assert block and not [line for line in block if line.startswith(("–", "-"))], block


def test_the_district_office_breaks_after_its_dash(db, tmp_path):
    block = header_block(pdf_text(export(db, tmp_path, "PLOC", "pdf"), tmp_path, "-layout"))
    assert block == ["UBND HUYỆN PHÚ LỘC", "PHÒNG LAO ĐỘNG –", "THƯƠNG BINH VÀ XÃ HỘI", "HUYỆN PHÚ LỘC"]


@pytest.mark.parametrize("name", [
    "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI HUYỆN PHÚ LỘC",
    "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "PHÒNG LAO ĐỘNG — THƯƠNG BINH VÀ XÃ HỘI THỊ XÃ HƯƠNG THỦY",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "A – B – C – D – E – F – G – H – I – K – L – M – N – O – P – Q",
])
@pytest.mark.parametrize("bold", [False, True])
def test_header_names_break_between_words_never_before_a_dash(name, bold):
    render_pdf._register_fonts()
    font = render_pdf.FONT + ("-Bold" if bold else "")
    width = render_pdf.FRAME_WIDTH * 0.44 - 2
    lines = fitting.header_lines(name, font, 13, width)
    assert " ".join(lines) == name  # every word kept, broken only between words
    assert not [line for line in lines if line.split()[0] in fitting.DASHES], lines
    assert all(render_pdf._width(line, font, 13) <= width for line in lines), lines


def test_a_name_that_fits_and_the_province_keep_their_lines():
    render_pdf._register_fonts()
    font = render_pdf.FONT + "-Bold"
    assert fitting.header_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", font, 13, 72 * mm) == \
        ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    assert fitting.header_lines("UBND HUYỆN PHÚ LỘC", font, 13, 72 * mm) == ["UBND HUYỆN PHÚ LỘC"]


def test_docx_header_holds_the_dash_to_the_word_before(db, tmp_path):
    doc = DocxDocument(io.BytesIO(export(db, tmp_path, "PLOC", "docx")))
    office = doc.tables[0].cell(0, 0).paragraphs[1]
    lines = "".join(t.text or "\n" for t in office._p.iter() if t.tag.endswith(("}t", "}br"))).split("\n")
    assert [line.replace("\u00a0", " ") for line in lines] == \
        ["PHÒNG LAO ĐỘNG –", "THƯƠNG BINH VÀ XÃ HỘI", "HUYỆN PHÚ LỘC"]
    assert "\u00a0–" in lines[0]  # Word cannot move the dash to the next line either


def test_headings_are_left_aligned_not_justified(db, tmp_path):
    from app.output import printed
    from app.output.model import Heading
    from app.storage import db as dbmod
    from app.storage.store import Store
    opened = dbmod.open_database(str(db))
    try:
        model = printed.build(Store(opened.db), "TTH", "2020-Q1")
    finally:
        opened.close()
    headings = [f for f, block in zip(render_pdf._body(model), model.body, strict=True) if isinstance(block, Heading)]
    assert headings and {h.style.alignment for h in headings} == {TA_LEFT}
    bodies = [f for f, block in zip(render_pdf._body(model), model.body, strict=True) if not isinstance(block, Heading)]
    assert {p.style.alignment for p in bodies} == {TA_JUSTIFY}
    doc = DocxDocument(io.BytesIO(export(db, tmp_path, "TTH", "docx")))
    texts = {h.text for h in model.body if isinstance(h, Heading)}
    aligned = {p.alignment for p in doc.paragraphs if p.text in texts}
    assert aligned == {WD_ALIGN_PARAGRAPH.LEFT}


def test_a_draft_appendix_says_which_report_with_placeholders(db, tmp_path):
    text = norm(pdf_text(export(db, tmp_path, "PLOC", "pdf"), tmp_path))
    assert f"(Kèm theo Báo cáo số …/BC-LĐTBXH ngày … của {DISTRICT})" in text


def test_an_issued_appendix_gives_number_date_and_office(tmp_path):
    path = tmp_path / "bc.sqlite3"
    run(path, "demo", ok=True)
    run(path, "issue", "--office", "TTH", "--period", "2020-Q1", "--number", "45", "--date", "2020-04-05",
        "--signer-title", "GIÁM ĐỐC", "--signer-name", "Nguyễn Văn A", ok=True)
    wanted = "(Kèm theo Báo cáo số 45/BC-LĐTBXH ngày 05/04/2020 của SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI)"
    assert wanted in norm(pdf_text(export(path, tmp_path, "TTH", "pdf"), tmp_path))
    doc = DocxDocument(io.BytesIO(export(path, tmp_path, "TTH", "docx")))
    assert wanted in [norm(p.text) for p in doc.paragraphs]
    issued = tmp_path / "issued.pdf"
    run(path, "issued-pdf", "--office", "TTH", "--period", "2020-Q1", "--out", str(issued), ok=True)
    assert wanted in norm(pdf_text(issued.read_bytes(), tmp_path))  # the signed copy says it too


def test_the_appendix_prints_figures_as_typed_in_pdf_docx_and_xlsx(db, tmp_path):
    pdf = norm(pdf_text(export(db, tmp_path, "PLOC", "pdf"), tmp_path))
    appendix = pdf[pdf.index("PHỤ LỤC"):]
    assert [s for s in SHOWN.values() if s not in appendix] == []
    doc = DocxDocument(io.BytesIO(export(db, tmp_path, "PLOC", "docx")))
    cells = {norm(row.cells[1].text): norm(row.cells[3].text) for row in doc.tables[-1].rows}
    assert {code: cells[label] for code, label in LABELS.items()} == {c: SHOWN[c] for c in LABELS}
    sheet = load_workbook(io.BytesIO(export(db, tmp_path, "PLOC", "xlsx")))["Số liệu"]
    rows = {row[1].value: row[3] for row in sheet.iter_rows() if row[1].value}
    assert (rows[LABELS["VL_MOI"]].value, rows[LABELS["VL_MOI"]].number_format) == \
        (1200, '"ước khoảng "#,##0" (đến 15/3/2020)"')  # still a number, shown as printed
    assert (rows[LABELS["TTLD_DANG_KY"]].value, rows[LABELS["TTLD_DANG_KY"]].number_format) == \
        (350, '#,##0" trở lên"')
    assert (rows[LABELS["BHTN_TIEN"]].value, rows[LABELS["BHTN_TIEN"]].number_format) == \
        (6300, '"gần "#,##0" (đến 20/3/2020)"')


def test_a_figure_typed_plain_prints_plain_and_the_seed_as_of_date_prints(db, tmp_path):
    pdf = norm(pdf_text(export(db, tmp_path, "TTH", "pdf"), tmp_path))
    appendix = pdf[pdf.index("PHỤ LỤC"):]
    assert "2.607" in appendix
    assert re.findall(r"\(đến [^)]*\)", appendix) == ["(đến 31/3/2020)"]  # the seed's one as-of date
    assert not re.search(r"(?<!\w)(ước|khoảng|gần|hơn|trên|dưới|trở lên|ít nhất) \d", appendix)


@pytest.mark.parametrize("office", ["TTH", "PLOC"])
def test_docx_appendix_columns_fit_tt_and_units_and_cells_centre_vertically(db, tmp_path, office):
    render_pdf._register_fonts()
    doc = DocxDocument(io.BytesIO(export(db, tmp_path, office, "docx")))
    table = doc.tables[-1] if office == "PLOC" else next(t for t in doc.tables if t.cell(0, 0).text == "TT"
                                                         and len(t.columns) == 9)
    widths = [c.width.pt for c in table.columns]
    assert abs(sum(widths) - 165 * 72 / 25.4) < 1  # the text width of the page
    mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
    margins = sum(int(mar.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right")) / 20
    head = [c.text for c in table.rows[0].cells]
    for column in ("TT", "Đơn vị tính", "Kỳ này"):
        c = head.index(column)
        texts = [row.cells[c].text for row in table.rows[1:]]
        if column == "Kỳ này":  # a figure holds together; its as-of date has its own line
            texts = [line for t in texts for line in t.split("\n")]
        font = render_pdf.FONT + ("-Bold" if column == "TT" else "")
        needed = max(render_pdf._width(t, font, 10) for t in [*texts, "TT" if column == "TT" else ""])
        assert needed + margins < widths[c], (column, needed, widths[c])
    assert "lượt người" in [row.cells[head.index("Đơn vị tính")].text for row in table.rows]
    assert {cell.vertical_alignment for row in table.rows for cell in row.cells} == {WD_ALIGN_VERTICAL.CENTER}


def test_every_appendix_title_line_prints_in_pdf_and_docx(db, tmp_path):
    """A consolidated report adds a line naming its sources: PDF and DOCX print it like the rest."""
    import msgspec

    from app.output import printed, render_docx
    from app.storage import db as dbmod
    from app.storage.store import Store
    opened = dbmod.open_database(str(db))
    try:
        model = printed.build(Store(opened.db), "PLOC", "2020-Q1")
    finally:
        opened.close()
    sources = "(Tổng hợp từ số liệu của PLOC, HUE; trễ hạn: HUE)"
    model = msgspec.structs.replace(model, appendix_title=(*model.appendix_title, sources))
    pdf = norm(pdf_text(render_pdf.render(model), tmp_path))
    docx = [norm(p.text) for p in DocxDocument(io.BytesIO(render_docx.render(model))).paragraphs]
    for line in model.appendix_title:
        assert norm(line) in pdf and norm(line) in docx, line
