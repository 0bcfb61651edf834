"""Stale copies: a Quý II report that is Quý I's with only the date changed is pointed out, word by word."""
from decimal import Decimal

import pytest

from app.checks.period_words import wrong_mentions
from app.domain.model import Block, Value
from app.domain.period import Period
from app.domain.validate import Severity
from app.reporting.derived import report_findings

SMALL_OR_LEVELS = {"TTLD_GQVL_NN", "CN_BAT_BUOC", "CN_KHONG_CU_TRU", "DON_THU", "COVID_DOAN_KT", "QTL_THAM_TRA",
                   "CN_DANG_CAI"}  # counts under 10 (3, 2, 1, 6, 3, 5/5) and the one stock (16 people in care)


@pytest.fixture
def copied(sample):
    """Quý II 2020 made by copying Quý I's report, with one Quý I sentence added to it first."""
    q1 = sample.report("TTH", "2020-Q1")
    blocks = sample.content.narrative(q1.id)[("CDDH", "results")]
    sample.content.set_narrative(q1, "CDDH", "results",
                                 [*blocks, Block("Trong Quý I năm 2020, Sở đã tổ chức hội nghị triển khai nhiệm vụ.")])
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.copy(q1, q2.id)
    return sample, q1, q2


def _by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_the_sample_report_itself_has_none_of_these_warnings(sample):
    rules = {f.rule for f in report_findings(sample, sample.report("TTH", "2020-Q1"))}
    assert rules.isdisjoint({"stale_text", "stale_figure", "period_word", "outlier", "spelling"})


def test_a_copied_quarter_shows_its_copied_paragraphs_flows_and_period_words(copied):
    store, q1, q2 = copied
    findings = report_findings(store, q2)
    assert all(f.severity is Severity.WARNING for f in findings if f.rule.startswith(("stale", "period")))
    figures = {f.indicator for f in _by_rule(findings, "stale_figure")}
    values = store.content.values(q2.id)
    assert figures == set(values) - SMALL_OR_LEVELS and len(figures) == 27
    vl = next(f for f in _by_rule(findings, "stale_figure") if f.indicator == "VL_MOI")
    assert vl.message.startswith("“Giải quyết việc làm mới” (VL_MOI) = 2.607 người, đúng bằng số của Quý I năm 2020")
    text = {f.section: f.message for f in _by_rule(findings, "stale_text")}
    assert "Mục 3.1, nội dung: 6 đoạn văn giống hệt báo cáo Quý I năm 2020" in text["VL"]
    assert len(text) == len({s for (s, part), blocks in store.content.narrative(q2.id).items()
                             if part == "results" and any(len(b.text.split()) >= 8 for b in blocks)})
    words = [f.message for f in _by_rule(findings, "period_word")]
    assert any(m.startswith("Mục 1, nội dung: “Quý I năm 2020” không phải kỳ của báo cáo này (Quý II năm 2020)")
               for m in words)
    assert any("“tháng 3/2020”" in m for m in words)  # "Đến cuối tháng 3/2020 …" carried into Quý II


def test_text_carried_over_with_fresh_figures_is_not_stale(copied):
    store, _, q2 = copied
    store.content.set_value(q2, Value("VL_MOI", Decimal(3000)))
    findings = report_findings(store, q2)
    text = {f.section: f.message for f in _by_rule(findings, "stale_text")}
    assert "Mục 3.1, nội dung: 5 đoạn văn giống hệt" in text["VL"]  # the paragraph with {VL_MOI} now reads 3.000
    assert "VL_MOI" not in {f.indicator for f in _by_rule(findings, "stale_figure")}


def test_rewritten_paragraphs_and_a_first_quarter_without_a_previous_report_are_quiet(copied):
    store, q1, q2 = copied
    for (section, part), blocks in store.content.narrative(q2.id).items():
        store.content.set_narrative(q2, section, part, [Block(b.text + " Đã cập nhật.", b.style) for b in blocks])
    assert _by_rule(report_findings(store, q2), "stale_text") == []
    assert _by_rule(report_findings(store, q1), "stale_figure") == []  # 2019-Q4 is not in the database


@pytest.mark.parametrize("text, period, wrong", [
    ("Trong Quý I năm 2020, Sở đã", "2020-Q2", ["Quý I năm 2020"]),
    ("kết quả Quý I/2020 cho thấy", "2020-Q2", ["Quý I/2020"]),
    ("Trong quý 1, Sở đã", "2020-Q2", ["quý 1"]),
    ("tăng so với Quý I năm 2020", "2020-Q2", []),
    ("cao hơn Quý IV năm 2019", "2020-Q1", []),
    ("Quý I và Quý II năm 2020", "2020-Q2", []),
    ("nhiệm vụ Quý III năm 2020", "2020-Q2", []),
    ("trong Quý II", "2020-Q2", []),
    ("nhiệm vụ Quý I", "2020-Q4", []),  # next period: Quý I năm 2021
    ("Quý IV năm 2019", "2020-Q1", ["Quý IV năm 2019"]),
    ("6 tháng đầu năm 2020", "2020-Q2", []),
    ("6 tháng đầu năm 2020", "2020-Q3", ["6 tháng đầu năm 2020"]),
    ("9 tháng đầu năm 2020", "2020-Q3", []),
    ("Đến cuối tháng 3/2020 có", "2020-Q2", ["tháng 3/2020"]),
    ("từ tháng 1/2020 đến nay", "2020-Q2", []),
    ("Trong năm 2019, Sở đã ban hành", "2020-Q1", ["năm 2019"]),
    ("Chương trình công tác năm 2019", "2020-Y", ["năm 2019"]),
    ("giảm so với cùng kỳ năm 2019 khoảng 25%", "2020-Q1", []),
    ("tỷ lệ hộ nghèo năm 2019 là 3,5%", "2020-Q1", []),
    ("quỹ tiền lương thực hiện năm 2019", "2020-Q1", []),
    ("báo cáo quyết toán năm 2019", "2020-Q1", []),
    ("năm 2019 - 2020", "2020-Q1", []),
    ("Cách mạng tháng Tám năm 1945", "2020-Q1", []),
    ("đến năm 2025", "2020-Q1", []),
    ("theo {VB:22/2019/NQ-HĐND} của HĐND tỉnh", "2020-Q1", []),
])
def test_period_words_are_judged_against_this_period_the_next_one_and_their_context(text, period, wrong):
    assert wrong_mentions(text, Period.parse(period)) == wrong
