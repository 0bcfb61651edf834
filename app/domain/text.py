"""Text at the boundary: Unicode NFC, control characters, legacy Vietnamese encodings.

Everything an operator types, pastes or imports passes through :func:`clean`.
Text that looks like it was typed in a legacy 8-bit Vietnamese font (TCVN3/ABC,
VNI) is *detected* by :func:`detect_legacy` and a conversion is *offered*; it is
never converted silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
_VNI_EVIDENCE = re.compile(r"[aeouyAEOUYôÔöÖ][øùûïåäëüÕØÙÛÏÅÄËÜ]|[ñÑöÖæÆîÎ]")


@dataclass(frozen=True)
class LegacyText:
    """Text that looks typed in a legacy font, with the suggested Unicode text."""

    encoding: str  # "TCVN3" or "VNI"
    suggestion: str


def detect_legacy(text: str) -> LegacyText | None:
    """Detect TCVN3 or VNI mojibake; return the suggested conversion, or None."""
    tcvn3_hits = sum(1 for ch in text if ch in _TCVN3_EXCLUSIVE)
    vni_hits = len(_VNI_EVIDENCE.findall(text))
    if max(tcvn3_hits, vni_hits) < 2:
        return None
    if tcvn3_hits >= 2:
        converted = "".join(_TCVN3.get(ch, ch) for ch in text)
        return LegacyText("TCVN3", unicodedata.normalize("NFC", converted))
    converted = _VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text)
    return LegacyText("VNI", unicodedata.normalize("NFC", converted))
