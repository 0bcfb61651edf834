"""Text at the boundary: Unicode NFC, control characters, legacy Vietnamese encodings.

Everything an operator types, pastes or imports passes through :func:`clean`.
Text that looks like it was typed in a legacy 8-bit Vietnamese font (TCVN3/ABC,
VNI) is *detected* by :func:`detect_legacy` and a conversion is *offered*; it is
never converted silently.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import msgspec

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


def clean(text: str) -> str:
    """Return ``text`` in NFC with unified line ends and no control characters."""
    if "\r" not in text and _CONTROL.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text  # already clean: the common case, kept cheap
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, for single-line fields: whitespace runs become one space."""
    return " ".join(clean(text).split())


# --- TCVN3 (ABC): one byte per letter, read back as Latin-1 ------------------
_TCVN3_ROWS = [
    ("àáảãạ", "µ¸¶·¹"),
    ("ăằắẳẵặ", "¨»¾¼½Æ"),
    ("âầấẩẫậ", "©ÇÊÈÉË"),
    ("đ", "®"),
    ("èéẻẽẹ", "ÌÐÎÏÑ"),
    ("êềếểễệ", "ªÒÕÓÔÖ"),
    ("ìíỉĩị", "×ÝØÜÞ"),
    ("òóỏõọ", "ßãáâä"),
    ("ôồốổỗộ", "«åèæçé"),
    ("ơờớởỡợ", "¬êíëìî"),
    ("ùúủũụ", "ïóñòô"),
    ("ưừứửữự", "\xadõøö÷ù"),
    ("ỳýỷỹỵ", "úýûüþ"),
    ("ĂÂĐÊÔƠƯ", "¡¢§£¤¥¦"),
]
_TCVN3 = {src: dst for dst_row, src_row in _TCVN3_ROWS for src, dst in zip(src_row, dst_row, strict=False)}
# Bytes that never occur in Vietnamese written in Unicode: evidence of TCVN3.
_TCVN3_ONLY = set("µ¸¶·¹¨»¾¼½Æ©ÇËÎÏÐÑª×ØÜÞßä«åæç¬ëîïñö÷øûüþ¡¢§£¤¥¦\xad")

# --- VNI: a base letter followed by a tone/shape byte ------------------------
_VNI_TONES = "øùûõï"  # huyền, sắc, hỏi, ngã, nặng
_VNI_HAT = "àáåãä"  # the tones on â, ê, ô
_VNI_BREVE = "èéúüë"  # the tones on ă


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(base: str, marks: str, letters: str) -> None:
        for mark, letter in zip(marks, letters, strict=False):
            table[base + mark] = letter
            table[base.upper() + mark.upper()] = letter.upper()

    add("a", _VNI_TONES, "àáảãạ")
    add("a", "ê", "ă")
    add("a", _VNI_BREVE, "ằắẳẵặ")
    add("a", "â", "â")
    add("a", _VNI_HAT, "ầấẩẫậ")
    add("e", _VNI_TONES, "èéẻẽẹ")
    add("e", "â", "ê")
    add("e", _VNI_HAT, "ềếểễệ")
    add("o", _VNI_TONES, "òóỏõọ")
    add("o", "â", "ô")
    add("o", _VNI_HAT, "ồốổỗộ")
    add("ô", _VNI_TONES, "ờớởỡợ")
    add("u", _VNI_TONES, "ùúủũụ")
    add("ö", _VNI_TONES, "ừứửữự")
    add("y", _VNI_TONES[:4], "ỳýỷỹ")
    for src, dst in zip("ìíæóòôöîñ", "ìíỉĩịơưỵđ", strict=False):
        table[src] = dst
        table[src.upper()] = dst.upper()
    return table


_VNI = _vni_table()
_VNI_CHARS = {ch for key in _VNI for ch in key if not ch.isascii()}
# TCVN3 bytes VNI never produces: they tell the two legacy encodings apart.
_TCVN3_EXCLUSIVE = _TCVN3_ONLY - _VNI_CHARS
_VNI_EVIDENCE = re.compile(r"[aeouyAEOUYôÔöÖ][øùûïåäëüÕØÙÛÏÅÄËÜ]|[ñÑöÖæÆîÎ]")


@functools.cache
def _vni_pattern() -> re.Pattern:
    """Every VNI sequence, longest first (compiled when legacy text is first converted)."""
    return re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))


def _vni_sub(text: str) -> str:
    """``text`` with every VNI sequence replaced by its Unicode letter."""
    return _vni_pattern().sub(lambda m: _VNI[m.group(0)], text)


class LegacyText(msgspec.Struct, frozen=True):
    """Text that looks typed in a legacy font, with the suggested Unicode text."""

    encoding: str  # "TCVN3" or "VNI"
    suggestion: str


class LegacyRun(msgspec.Struct, frozen=True):
    """One stretch ``text[start:end]`` typed in a legacy font, and its Unicode text."""

    start: int
    end: int
    converted: str
    encoding: str


_WORD = re.compile(r"\S+")


def _hits(text: str) -> tuple[int, int]:
    return sum(1 for ch in text if ch in _TCVN3_EXCLUSIVE), len(_VNI_EVIDENCE.findall(text))


_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’…–—"


def _kind(word: str) -> str:
    """"unicode" (a letter only Unicode has), "legacy" (a legacy byte), "plain" (ASCII) or "ambiguous"."""
    if any(ord(ch) > 0xFF for ch in word):
        return "unicode"
    if any(_hits(word)):
        return "legacy"
    if word.isascii():
        return "plain"
    from app.checks.syllables import is_syllable  # a word either could write: which reading is Vietnamese?

    core = word.strip(_PUNCTUATION)
    readings = [is_syllable(unicodedata.normalize("NFC", text).lower()) for text in (core, *_convert_both(core))]
    if readings[0] and not any(readings[1:]):
        return "unicode"
    return "legacy" if any(readings[1:]) and not readings[0] else "ambiguous"


def _convert_both(text: str) -> tuple[str, str]:
    return "".join(_TCVN3.get(ch, ch) for ch in text), _vni_sub(text)


def _stretches(text: str) -> tuple[list[tuple[int, int]], int]:
    """Spans from a legacy word to the last legacy word before a word only Unicode can write; legacy words."""
    spans: list[tuple[int, int]] = []
    start = end = None
    count = 0
    for match in _WORD.finditer(text):
        kind = _kind(match.group(0))
        if kind == "unicode":
            if start is not None:
                spans.append((start, end))
            start = end = None
        elif kind == "legacy":
            start = match.start() if start is None else start
            end, count = match.end(), count + 1
    if start is not None:
        spans.append((start, end))
    return spans, count


def _convert(text: str) -> tuple[str, str]:
    tcvn3, vni = _hits(text)
    if tcvn3 >= 2 or (tcvn3 and tcvn3 >= vni):
        return "TCVN3", unicodedata.normalize("NFC", "".join(_TCVN3.get(ch, ch) for ch in text))
    return "VNI", unicodedata.normalize("NFC", _vni_sub(text))


def legacy_runs(text: str) -> list[LegacyRun]:
    """The exact stretches of ``text`` typed in TCVN3/VNI, each with its conversion.

    Words that only Unicode can write (ế, ư, đ…) end a stretch, so correct Unicode text around or
    between legacy text is never converted; words that either could be ("các", "là") are converted
    only when legacy words stand on both sides (or only their legacy reading is Vietnamese).
    Fewer than two legacy words in all: no runs.
    """
    if not any(_hits(text)):
        return []  # no byte a legacy font leaves: the common case, kept cheap
    spans, count = _stretches(text)
    if count < 2:
        return []
    runs = []
    for start, end in spans:
        encoding, converted = _convert(text[start:end])
        runs.append(LegacyRun(start, end, converted, encoding))
    return runs


def apply_runs(text: str, runs: list[LegacyRun]) -> str:
    """``text`` with every run replaced by its conversion."""
    for run in sorted(runs, key=lambda r: r.start, reverse=True):
        text = text[: run.start] + run.converted + text[run.end :]
    return text


def detect_legacy(text: str) -> LegacyText | None:
    """Detect TCVN3 or VNI mojibake; return the suggested conversion of its legacy runs, or None."""
    runs = legacy_runs(text)
    if not runs:
        return None
    return LegacyText(runs[0].encoding, apply_runs(text, runs))
