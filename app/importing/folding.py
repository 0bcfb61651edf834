"""Vietnamese text compared without diacritics or case, keeping every character's position."""
from __future__ import annotations

import difflib
import re
import unicodedata

WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case, no diacritics, "đ" as "d"; the result is exactly as long as ``text``."""
    out = []
    for char in text.lower():
        base = unicodedata.normalize("NFD", char)[:1] or char
        out.append("d" if base == "đ" else base)
    return "".join(out)


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def similarity(a: str, b: str) -> float:
    """How alike two titles are, 0 to 1: the better of the whole-string ratio and the shared-word share."""
    left, right = " ".join(words(a)), " ".join(words(b))
    if not left or not right:
        return 0.0
    ratio = difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()
    shorter = min(len(set(left.split())), len(set(right.split())))
    shared = len(set(left.split()) & set(right.split())) / shorter
    prefix = 1.0 if right.startswith(left) or left.startswith(right) else 0.0
    return max(ratio, 0.9 * shared, 0.95 * prefix)
