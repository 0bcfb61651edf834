import unicodedata

import pytest

from app.domain.text import _TCVN3, _VNI, apply_runs, clean, clean_line, detect_legacy, legacy_runs

SAMPLE = "Kết quả thực hiện công tác lao động, người có công và xã hội Quý I năm 2020"


def _to_tcvn3(text: str) -> str:
    reverse = {dst: src for src, dst in _TCVN3.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


def _to_vni(text: str) -> str:
    reverse = {dst: src for src, dst in _VNI.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


def test_decomposed_text_is_stored_composed():
    """NFD input (combining marks) becomes NFC."""
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    assert clean(nfd) == SAMPLE


def test_control_characters_and_line_ends_are_cleaned():
    assert clean("a\x00b\x07c\r\nd\re\u200b") == "abc\nd\ne"
    assert clean_line("  Sở   Lao\tđộng \n") == "Sở Lao động"


def test_unicode_vietnamese_is_not_flagged_as_legacy():
    assert detect_legacy(SAMPLE) is None
    assert detect_legacy("Đoàn kiểm tra: ưu đãi người có công, Ỹ ỹ ỵ ự ữ ử") is None


def test_tcvn3_text_is_detected_and_a_conversion_offered():
    """Text typed with a .VnTime font arrives as Latin-1 look-alikes."""
    legacy = _to_tcvn3(SAMPLE.lower())
    found = detect_legacy(legacy)
    assert found is not None and found.encoding == "TCVN3"
    assert found.suggestion == SAMPLE.lower()


def test_vni_text_is_detected_and_a_conversion_offered():
    legacy = _to_vni(SAMPLE)
    assert legacy != SAMPLE
    found = detect_legacy(legacy)
    assert found is not None and found.encoding == "VNI"
    assert found.suggestion == SAMPLE


@pytest.mark.parametrize("word", ["Việt Nam", "người", "thương binh", "Quảng Điền", "ĐƯỜNG"])
def test_vni_round_trip_of_single_words(word):
    found = detect_legacy(_to_vni(word) + " " + _to_vni(word))
    assert found is not None and found.suggestion == f"{word} {word}"


MIXED_PARTS = [
    ("Thông qua các kênh truyền thông, ", "các đơn vị đã tổ chức tuyên truyền", " tới người dân."),
    ("", "kết quả thực hiện công tác lao động", " Quý I năm 2020 được tổng hợp."),
    ("Sở Lao động – Thương binh và Xã hội: ", "cộng hoà xã hội chủ nghĩa việt nam", ""),
    ("Ngày 05/7, ", "đoàn kiểm tra", " đã làm việc với huyện Phú Vang."),
]


@pytest.mark.parametrize("encode", [_to_tcvn3, _to_vni], ids=["TCVN3", "VNI"])
@pytest.mark.parametrize(("before", "legacy", "after"), MIXED_PARTS)
def test_only_the_legacy_run_of_mixed_text_is_converted(encode, before, legacy, after):
    """Correct Unicode around the legacy stretch is left exactly as typed ("Thông" never becomes "Thụng")."""
    typed = before + encode(legacy) + after
    runs = legacy_runs(typed)
    assert len(runs) == 1 and len(before) <= runs[0].start < runs[0].end <= len(before) + len(encode(legacy))
    assert apply_runs(typed, runs) == before + legacy + after
    assert detect_legacy(typed).suggestion == before + legacy + after


def test_two_legacy_runs_around_unicode_are_converted_apart():
    typed = _to_tcvn3("các đơn vị") + " đã hoàn thành, " + _to_tcvn3("tổ chức tuyên truyền")
    runs = legacy_runs(typed)
    assert [r.converted for r in runs] == ["các đơn vị", "tổ chức tuyên truyền"]
    assert apply_runs(typed, runs) == "các đơn vị đã hoàn thành, tổ chức tuyên truyền"


@pytest.mark.parametrize("text", [SAMPLE, "Thông qua các kênh, là và có", "Giá 5 § 3", ""])
def test_unicode_text_has_no_legacy_runs(text):
    assert legacy_runs(text) == []
