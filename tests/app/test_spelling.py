"""Spell check of official Vietnamese: rule-built syllables, confusions in context, what is left alone."""
import unicodedata
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.checks import spelling, syllables, texts
from app.checks.words import CONFUSIONS
from app.domain.model import Block
from app.domain.validate import Severity, has_errors
from app.reporting.derived import report_findings

SEED = Path(__file__).resolve().parents[1] / "data" / "tth-2020-q1-report.txt"
VALID = syllables.all_syllables()


def _flagged(text: str) -> list[str]:
    return [m.word for m in spelling.check(text)]


def test_the_seed_as_published_has_its_three_typos_flagged_with_the_right_suggestions():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    known = spelling.vocabulary(lines)
    found = {m.word: (spelling.suggest(m.word, known) if m.kind == "syllable" else m.suggestions)
             for line in lines for m in spelling.check(line)}
    print(f"seed: {len(found)} words flagged: {sorted(found)}")
    assert found["ngtười"][0] == "người"
    assert found["gải quyết"] == ("giải quyết",)
    assert found["bắt buột"] == ("bắt buộc",)
    assert len(found) <= 8  # nothing else of its 30.000 characters but real typos ("sữa chữa", "đối tương")


def test_the_corrected_sample_report_has_at_most_five_words_flagged(sample_data):
    flagged = texts.misspellings(sample_data)
    checked = texts.report_texts(sample_data)
    print(f"sample: {len(flagged)} of {sum(len(t.text.split()) for t in checked)} words flagged "
          f"in {len(checked)} texts: {[f.word for f in flagged]}")
    assert len(flagged) <= 5


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(VALID), st.data())
def test_every_syllable_the_rules_generate_passes_with_any_allowed_tone_place(syllable, data):
    initial, rhyme, tone = syllable
    place = data.draw(st.sampled_from(sorted(syllables.tone_places(rhyme))))
    word = syllables.compose(initial, rhyme, tone, place)
    assert syllables.is_syllable(word), (initial, rhyme, tone, word)
    assert _flagged(f"các {word} đã") == []
    assert _flagged(f"{word[0].upper()}{word[1:]} đã") == []  # sentence start: checked, still right


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID))
def test_a_tone_mark_off_the_nucleus_is_flagged(syllable):
    initial, rhyme, tone = syllable
    vowels = [i for i, c in enumerate(rhyme) if c in syllables.VOWELS]
    wrong = [i for i in vowels if i not in syllables.tone_places(rhyme)]
    if not tone or not wrong:
        return
    word = syllables.compose(initial, rhyme, tone, wrong[0])
    assert not syllables.is_syllable(word), word


@pytest.mark.parametrize("rhyme", sorted(r for r in syllables.RHYMES["t"] if r.endswith(("c", "ch", "p", "t"))))
def test_stop_finals_take_only_the_sac_and_nang_tones(rhyme):
    allowed = [syllables.is_syllable(syllables.compose("t", rhyme, tone)) for tone in range(6)]
    assert allowed == [False, False, True, False, False, True]


@pytest.mark.parametrize("word", [
    "ngtười", "gía", "qúa", "mùôn", "bàt", "ci", "ká", "ghá", "nge", "ngỉ", "kuốc", "coa", "bat", "ngèo", "ghư",
    "ngiêng", "tănh", "ăn̉", "thưong", "đuợc", "xyên", "qa", "phoa", "caá", "trường\u0301",
])
def test_words_that_break_a_spelling_rule_are_flagged(word):
    assert not syllables.is_syllable(unicodedata.normalize("NFC", word))


@pytest.mark.parametrize("text", [
    "người lao động", "giải quyết", "hòa giải, hoà giải", "thủy lợi, thuỷ lợi", "quốc gia", "khuya", "xoong",
    "giếng", "gì", "nghĩa", "kỳ, kì, kỹ", "ý kiến", "yêu cầu", "khuyên", "thuở", "gửi", "quyết", "uỷ ban, ủy ban",
])
def test_ordinary_words_pass(text):
    assert _flagged(text) == []


@pytest.mark.parametrize("wrong, right", sorted(CONFUSIONS.items()))
def test_every_confusion_is_flagged_in_context_and_its_correction_is_not(wrong, right):
    found = spelling.check(f"Đơn vị đã {wrong} theo quy định.")
    assert [(m.word, m.kind, m.suggestions) for m in found] == [(wrong, "confusion", (right,))]
    assert spelling.check(f"Đơn vị đã {right} theo quy định.") == ()


def test_a_confusion_keeps_the_capital_and_does_not_run_across_punctuation():
    assert spelling.check("Sử lý nghiêm các vi phạm.")[0].suggestions == ("Xử lý",)
    assert _flagged("cai nghiện bắt, buột") == []
    assert _flagged("cai nghiện bắt {VL_MOI} buột") == []
    assert _flagged("cai nghiện bắt\nbuột") == []  # two paragraphs
    assert _flagged("cai nghiện bắt  buột") == ["bắt  buột"]


@pytest.mark.parametrize("text", [
    "đề nghị tỉnh Thừa Thiên Huế và huyện A Lưới, xã Hồng Kim", "Sở LĐTBXH, Công ty TNHH Hương Giang",
    "thực hiện {VB:01/NQ-CP} và NQ-CP, {VL_MOI:so} người", "mục 3.1, số 171/LĐTBXH-VP ngày 31/01/2020",
    "dịch COVID-19, website www.molisa.gov.vn, email ldtbxh@thuathienhue.gov.vn", "đăng ký qua website, facebook",
    "theo điểm b khoản 2", "Trung tâm Dịch vụ việc làm (Zalo, Facebook)",
])
def test_names_abbreviations_numbers_codes_references_and_placeholders_are_left_alone(text):
    assert _flagged(text) == []


def test_a_typo_at_the_start_of_a_sentence_or_a_bullet_is_still_checked():
    assert _flagged("Ngtười dân. Ngtười dân") == ["Ngtười", "Ngtười"]
    assert _flagged("- Ngtười dân\n  - Ngtười") == ["Ngtười", "Ngtười"]
    assert _flagged("các Ngtười dân") == []  # a capital mid-sentence is a name


def test_suggestions_prefer_the_words_the_report_itself_uses():
    assert "người" in spelling.suggest("ngtười")
    assert spelling.suggest("tđạt", spelling.vocabulary(["đã đạt kế hoạch", "đạt 100%"]))[0] == "đạt"
    assert spelling.suggest("Ngtười")[0][0] == "N"
    assert spelling.suggest("nghiênga") == ("nghiêng",) and spelling.suggest("x" * 100_000) == ()


def test_misspellings_are_warnings_in_the_findings_and_nothing_is_corrected(sample):
    report = sample.report("TTH", "2020-Q1")
    blocks = sample.content.narrative(report.id)[("VL", "results")]
    typo = "Tiếp nhận hồ sơ cai nghiện bắt buột và ngtười lang thang."
    sample.content.set_narrative(report, "VL", "results", [*blocks, Block(typo)])
    findings = [f for f in report_findings(sample, report) if f.rule == "spelling"]
    assert [f.severity for f in findings] == [Severity.WARNING] * 2 and not has_errors(findings)
    assert all(f.section == "VL" and f.message.startswith("Mục 3.1, nội dung: chính tả") for f in findings)
    assert "“bắt buột” có lẽ viết nhầm; đề nghị: “bắt buộc”" in findings[0].message
    assert "“ngtười” không phải là một âm tiết tiếng Việt; đề nghị: “người”" in findings[1].message
    assert sample.content.narrative(report.id)[("VL", "results")][-1].text == typo


def test_tasks_and_document_summaries_are_checked_and_legacy_encoded_text_is_left_to_its_own_warning(sample_data):
    task = msgspec.structs.replace(sample_data.tasks[0], text="Tiếp tục gải quyết chế độ.")
    doc = msgspec.structs.replace(sample_data.documents[0], summary="Về sát nhập các đơn vị")
    legacy = Block("Keát quaû thöïc hieän coâng taùc")
    data = msgspec.structs.replace(sample_data, tasks=[task, *sample_data.tasks[1:]],
                                   documents=[doc, *sample_data.documents[1:]],
                                   narrative={**sample_data.narrative, ("VL", "results"): [legacy]})
    found = [(f.where, f.word) for f in texts.misspellings(data)]
    assert sorted(found) == [("nhiệm vụ kỳ tới", "gải quyết"), (f"trích yếu văn bản {doc.ref}", "sát nhập")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.text(alphabet="ngtườiáàbắtbuộc {}-/.,:;\n", max_size=80))
def test_any_text_is_checked_without_error_and_marks_stay_inside_it(text):
    from app.checks.period_words import wrong_mentions
    from app.domain.period import Period

    normal = unicodedata.normalize("NFC", text)
    for m in spelling.check(text):
        assert 0 <= m.start < m.end <= len(normal) and normal[m.start:m.end] == m.word
    assert isinstance(wrong_mentions(text, Period.parse("2020-Q2")), list)
