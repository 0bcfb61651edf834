"""The sample report holds the seed's content: every figure, document reference and task."""
import re
from pathlib import Path

from app import paths
from app.domain import narrative

SEED_FIGURES = [
    "2.607 người", "176 người", "1.211 lượt người", "1.121 lượt người", "8.597 lượt người", "282 người",
    "03 người", "864 người", "13,302 tỷ đồng", "49 người", "186 triệu đồng", "15 giấy phép lao động",
    "35 giấy xác nhận", "172 học viên", "125 hồ sơ", "5/5 Công ty", "đạt 100%", "42.744 suất quà",
    "9,717 tỷ đồng", "549 hồ sơ", "491 hồ sơ", "154.470 suất quà", "45,820 tỷ đồng", "3 tỷ đồng",
    "45 lượt cơ sở", "02 đối tượng", "01 đối tượng", "16 người", "06 đơn thư", "03 đoàn", "7.800 poster",
    "12 kế hoạch", "1.080 văn bản", "31 văn bản",
]

SEED_REFERENCES = [
    "Nghị quyết số 12-NQ/TU ngày 06/12/2019", "Nghị quyết số 22/2019/NQ-HĐND ngày 10/12/2019",
    "Quyết định số 01/QĐ-LĐTBXH ngày 02/01/2020", "Nghị quyết số 01/NQ-CP ngày 01/01/2020",
    "Quyết định số 66/QĐ-LĐTBXH ngày 14/01/2020", "Kế hoạch hành động số 270/KH-LĐTBXH ngày 11/02/2020",
    "Nghị định số 90/NĐ-CP ngày 15/11/2019", "Quyết định số 408/QĐ-LĐTBXH",
    "Quyết định số 2422/QĐ-CTN ngày 31/12/2019", "Quyết định số 3379/QĐ-UBND ngày 31/12/2019",
    "Kế hoạch số 224/KH-UBND ngày 16/10/2019", "Nghị quyết số 76/2014/QH13 ngày 24/06/2014",
    "Nghị quyết số 80/NQ-CP ngày 19/05/2011", "Kế hoạch số 16/KH-UBND",
    "Công văn số 171/LĐTBXH-VP ngày 31/01/2020", "Công văn số 189/LĐTBXH-DN ngày 05/02/2020",
    "Công văn số 202/LĐTBXH-BTXH ngày 06/02/2020", "Công văn số 357/LĐTBXH-BTXH ngày 21/02/2020",
    "Công văn số 430/LĐTBXH-DN ngày 28/02/2020", "Công văn số 541/LĐTBXH-NCC ngày 10/03/2020",
    "Công văn số 671/LĐTBXH-BTXH ngày 21/02/2020", "Công văn số 191/LĐTBXH-VLATLĐ ngày 05/02/2020",
    "Công văn số 336/LĐTBXH-LĐTL ngày 19/02/2020", "Công văn số 409/LĐTBXH-VLATLĐ ngày 27/02/2020",
    "Quyết định số 02/QĐ-UBND ngày 01/01/2020",
]


def _full_text(data):
    t = data.template
    parts = [b.text for blocks in data.narrative.values() for b in blocks] + [x.text for x in data.tasks]
    return "\n".join(narrative.expand(p, t.indicators, data.values, data.documents) for p in parts)


def test_every_seed_figure_appears_formatted(sample_data):
    text = _full_text(sample_data)
    missing = [f for f in SEED_FIGURES if f not in text]
    assert missing == []


def test_every_seed_document_reference_appears(sample_data):
    text = _full_text(sample_data)
    assert [r for r in SEED_REFERENCES if r not in text] == []


def test_every_number_in_the_seed_body_is_in_the_sample():
    """Each grouped figure written in the seed's body ("2.607", "42.744") reaches the sample."""
    seed_text = (Path(__file__).parent.parent / "data" / "tth-2020-q1-report.txt").read_text(encoding="utf-8")
    sample = paths.resource("sample", "tth-2020-q1.json").read_text(encoding="utf-8")
    body = seed_text[seed_text.index("KẾT QUẢ THỰC HIỆN"):seed_text.index("NHIỆM VỤ QUÝ II")]
    figures = set(re.findall(r"\b\d{1,3}(?:\.\d{3})+\b", body)) | set(re.findall(r"\b\d+,\d{3}\b", body))
    assert len(figures) >= 10
    for figure in figures:
        base = figure.replace(".", "").replace(",", "")
        assert f'"{base}' in sample, figure


def test_quarter_two_tasks_for_every_work_area(sample_data):
    sections = {t.section for t in sample_data.tasks}
    assert {"THVB", "VL", "GDNN", "LDTL", "NCC", "GNBT", "TE", "TNXH", "TTVP", "COVID_VB", "COVID_KHAC"} <= sections
    assert len(sample_data.tasks) == 42
