"""A past Word report brought in: sections, narrative, cited documents and figures proposed for indicators."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from app.domain.narrative import expand
from app.domain.template import from_dict
from app.importing import docx_report, settle
from app.importing.reading import read_paragraphs
from app.output import printed, render_docx
from tests.app.docx_measure import measure, sample

SEED = Path(__file__).resolve().parents[1] / "data" / "tth-2020-q1-report.txt"  # the seed as published


@pytest.fixture(scope="module")
def template():
    return from_dict(sample()["template"])


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    """The seed's published text turned into Word by LibreOffice: manual numbering, no heading styles."""
    folder = tmp_path_factory.mktemp("seed")
    source = folder / "tth-2020-q1-report.txt"
    shutil.copy(SEED, source)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                    str(source)], capture_output=True, check=True, timeout=180)
    return folder / "tth-2020-q1-report.docx"


def test_seed_text_made_word_by_libreoffice_lands_in_its_sections(seed_docx, template):
    """At least 90% of paragraphs in the right section, all 25 documents, at least 30 of 34 figures."""
    draft = docx_report.read(seed_docx, template, "LĐTBXH")
    assert not any(p.style.startswith("Heading") for p in read_paragraphs(seed_docx))
    measured = measure(settle.settle(draft))
    print(measured.line("Bản LibreOffice của văn bản gốc"))
    assert measured.paragraphs_right >= 0.9 * measured.paragraphs
    assert measured.documents_right == measured.documents == 25
    assert measured.figures_right >= 30


def test_our_own_docx_export_comes_back_whole(sample_model, template, tmp_path):
    """Every paragraph, document and figure, and the narrative prints again as it did."""
    source = tmp_path / "bc.docx"
    source.write_bytes(render_docx.render(sample_model))
    settled = settle.settle(docx_report.read(source, template, "LĐTBXH"))
    measured = measure(settled)
    print(measured.line("Bản DOCX do phần mềm xuất"))
    assert (measured.paragraphs_right, measured.documents_right, measured.figures_right) == (measured.paragraphs, 25, 34)
    printed_text = "\n".join(b.text for b in sample_model.body)
    for blocks in settled.narrative.values():
        for block in blocks:
            again = expand(block.text, template.indicators, settled.values, settled.documents)
            assert again in printed_text


def _styled_report(path) -> None:
    document = docx.Document()
    document.add_heading("KẾT QUẢ THỰC HIỆN CÔNG TÁC QUÝ I NĂM 2020", level=1)
    document.add_heading("Công tác giải quyết việc làm - ATLĐ", level=2)
    document.add_paragraph("Đã giải quyết việc làm mới cho 2.607 người, trong đó có 176 người đi làm việc ở "
                           "nước ngoài theo hợp đồng.")
    document.add_paragraph("Giải quyết bảo hiểm thất nghiệp cho 864 người với tổng số tiền 13,302 tỷ đồng.",
                           style="List Bullet")
    document.add_heading("Công tác người có công", level=2)
    document.add_paragraph("Tổ chức tiếp nhận 549 hồ sơ và đã giải quyết 491 hồ sơ theo Quyết định số "
                           "408/QĐ-LĐTBXH.")
    document.add_heading("Về ban hành các văn bản chỉ đạo, hướng dẫn", level=3)
    document.add_paragraph("Công văn số 171/LĐTBXH-VP ngày 31/01/2020 về phòng, chống dịch.", style="List Bullet")
    document.add_heading("NHIỆM VỤ QUÝ II NĂM 2020", level=1)
    document.add_heading("Công tác người có công", level=2)
    document.add_paragraph("Giải quyết kịp thời các loại hồ sơ đề nghị xác nhận người có công.")
    document.save(path)


def test_word_heading_styles_name_sections_by_title_alone(template, tmp_path):
    """Heading styles without numbers; a title variant ("– ATLĐ") still finds its section."""
    source = tmp_path / "styled.docx"
    _styled_report(source)
    draft = docx_report.read(source, template, "LĐTBXH")
    assert [(p.section, p.part, p.style) for p in draft.pieces] == [
        ("VL", "results", "para"), ("VL", "results", "bullet"), ("NCC", "results", "para"),
        ("COVID_VB", "results", "bullet"), ("NCC", "plan", "para")]
    assert [(p.found.text, p.code) for p in draft.proposals] == [
        ("2.607 người", "VL_MOI"), ("176 người", "VL_NN"), ("864 người", "BHTN_NGUOI"),
        ("13,302 tỷ đồng", "BHTN_TIEN"), ("549 hồ sơ", "NCC_HS_NHAN"), ("491 hồ sơ", "NCC_HS_GQ")]
    settled = settle.settle(draft)
    assert settled.narrative[("VL", "results")][1].text == "Giải quyết bảo hiểm thất nghiệp cho {BHTN_NGUOI} " \
                                                          "với tổng số tiền {BHTN_TIEN}."
    assert str(settled.values["BHTN_TIEN"].number) == "13302000000"
    assert [d.ref for d in settled.documents] == ["408/QĐ-LĐTBXH", "171/LĐTBXH-VP"]
    assert [(t.section, t.text) for t in settled.tasks] == [
        ("NCC", "Giải quyết kịp thời các loại hồ sơ đề nghị xác nhận người có công.")]


def test_choices_change_or_skip_a_proposal(template, tmp_path):
    """A skipped figure stays as written; a changed one fills the chosen indicator."""
    source = tmp_path / "styled.docx"
    _styled_report(source)
    draft = docx_report.read(source, template)
    settled = settle.settle(draft, {0: None, 1: "VL_MOI"})
    assert settled.narrative[("VL", "results")][0].text == ("Đã giải quyết việc làm mới cho 2.607 người, trong đó "
                                                            "có {VL_MOI} đi làm việc ở nước ngoài theo hợp đồng.")
    assert str(settled.values["VL_MOI"].number) == "176" and "VL_NN" not in settled.values


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
