"""Spell check of official Vietnamese: syllables against the spelling rules, phrases against confusions.

Only warnings: nothing here corrects a word. Proper names (a capital letter mid-sentence),
abbreviations and anything with a capital after its first letter (LĐTBXH, NQ-CP, TNHH),
lone letters (the "điểm b" of a legal citation),
numbers, codes and references (anything holding a digit, "/", "@", "_" or a dot),
placeholders ``{…}`` and the foreign words official texts use are left alone.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import msgspec

from app.checks import syllables
from app.checks.words import CONFUSIONS, FOREIGN

MAX_TEXT = 20_000
_BRACES = re.compile(r"\{[^{}]*\}")
_CHUNK = re.compile(r"[^\s;,()\[\]“”\"!?…]+")
_PLAIN = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)[.:'’]*")  # a word, maybe ending a sentence: the usual chunk
_CODE_MARKS = set("/@_.\\:=+&%#*<>|~^$")
_SENTENCE_END = ".!?…:"
_BULLETS = ("-", "–", "•", "+", "*")
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _wrong, _right in CONFUSIONS.items():
    _words = tuple(_wrong.split())
    _PHRASES.setdefault(_words[0], []).append((_words, _right))


class Misspelling(msgspec.Struct, frozen=True):
    """A word or phrase worth a look: where it is in the text, as written, and what it may be."""

    start: int
    end: int
    word: str
    kind: str  # "syllable" (not a Vietnamese syllable) or "confusion" (a known wrong phrase)
    suggestions: tuple[str, ...] = ()


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    checked: bool  # spelled as an ordinary word (not a name, an abbreviation or a foreign word)
    after_gap: bool  # something other than spaces (punctuation, a code) sits before it


def check(text: str) -> tuple[Misspelling, ...]:
    """The misspellings of ``text`` (positions in its NFC form), in order.

    Only the first ``MAX_TEXT`` characters are read (a paragraph of a report is a few
    thousand at most). A confusion comes with its correction; a syllable's suggestions are left to ``suggest``
    (they cost more than the check, and rank better with the report's own words).
    """
    return _check(unicodedata.normalize("NFC", text[:MAX_TEXT])) if text else ()


@lru_cache(maxsize=1024)  # a report's texts and the editor's lines; at most 20.000 characters each
def _check(text: str) -> tuple[Misspelling, ...]:
    tokens = _tokens(text)
    found = _confusions(text, tokens)
    covered = {i for m, span in found for i in span}
    for index, token in enumerate(tokens):
        if index in covered or not token.checked or syllables.is_syllable(token.text.lower()):
            continue
        found.append((Misspelling(token.start, token.end, token.text, "syllable"), ()))
    return tuple(sorted((m for m, _ in found), key=lambda m: m.start))


def vocabulary(texts) -> Counter:
    """How often each well-spelled word (lower case) occurs in ``texts``: ranks suggestions."""
    counts: Counter = Counter()
    for text in texts:
        for token in _tokens(unicodedata.normalize("NFC", text)):
            word = token.text.lower()
            if token.checked and syllables.is_syllable(word):
                counts[word] += 1
    return counts


def _tokens(text: str) -> list[_Token]:
    masked = _BRACES.sub(lambda m: "\x00" * len(m.group(0)), text) if "{" in text else text
    tokens: list[_Token] = []
    last, barrier = 0, True
    for chunk in _CHUNK.finditer(masked):
        plain = _PLAIN.fullmatch(chunk.group(0))
        if plain:
            core_start, core_end = 0, plain.end(1)
        else:
            core_start, core_end = _core(chunk.group(0))
            if core_start >= core_end or _is_code(chunk.group(0)[core_start:core_end]):
                barrier = True
                continue
        start, end = chunk.start() + core_start, chunk.start() + core_end
        between = masked[last:start]
        gap, barrier = barrier or core_start > 0 or (start > last and (not between.isspace() or "\n" in between)), False
        last = chunk.end()
        core = text[start:end]
        if "-" not in core or core.lower() in FOREIGN:
            tokens.append(_token(text, start, end, gap))
            continue
        for part in re.finditer(r"[^-]+", core):
            tokens.append(_token(text, start + part.start(), start + part.end(), gap or part.start() > 0))
    return tokens


def _token(text: str, start: int, end: int, gap: bool) -> _Token:
    word = text[start:end]
    rest = word[1:]
    if not rest or rest != rest.lower() or word.lower() in FOREIGN:
        checked = False
    else:
        checked = not word[0].isupper() or _sentence_start(text, start)
    return _Token(start, end, word, checked, gap)


def _core(chunk: str) -> tuple[int, int]:
    """The word inside a chunk: from its first to its last letter or digit."""
    start = next((i for i, c in enumerate(chunk) if c.isalnum()), len(chunk))
    end = next((i + 1 for i in range(len(chunk) - 1, -1, -1) if chunk[i].isalnum()), start)
    return start, end


def _is_code(core: str) -> bool:
    return "\x00" in core or any(c.isdigit() or c in _CODE_MARKS for c in core) or not any(c.isalpha() for c in core)


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but spaces, a bullet or an opening quote since the start of the line or the last sentence."""
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0“\"'‘(":
        index -= 1
    if index >= 0 and text[index] in _BULLETS:
        bullet = index
        while index > 0 and text[index - 1] in " \t\u00a0":
            index -= 1
        if index == 0 or text[index - 1] == "\n":
            return True
        index = bullet
    return index < 0 or text[index] == "\n" or text[index] in _SENTENCE_END


def _confusions(text: str, tokens: list[_Token]) -> list[tuple[Misspelling, tuple[int, ...]]]:
    found: list[tuple[Misspelling, tuple[int, ...]]] = []
    index = 0
    while index < len(tokens):
        hit = _phrase_at(tokens, index)
        if hit is None:
            index += 1
            continue
        words, right = hit
        last = tokens[index + len(words) - 1]
        first = tokens[index]
        written = text[first.start:last.end]
        if first.text[:1].isupper():
            right = right[:1].upper() + right[1:]
        found.append((Misspelling(first.start, last.end, written, "confusion", (right,)),
                      tuple(range(index, index + len(words)))))
        index += len(words)
    return found


def _phrase_at(tokens: list[_Token], index: int) -> tuple[tuple[str, ...], str] | None:
    for words, right in _PHRASES.get(tokens[index].text.lower(), ()):
        span = tokens[index:index + len(words)]
        if len(span) == len(words) and all(t.text.lower() == w for t, w in zip(span, words, strict=True)) \
                and not any(t.after_gap for t in span[1:]):
            return words, right
    return None


# --- suggestions ---------------------------------------------------------------

_TONED = [syllables.compose("", v, tone) for v in syllables.VOWELS for tone in range(1, 6)]
_ALPHABET = sorted(syllables.LETTERS) + _TONED


def suggest(word: str, known: Counter | None = None, limit: int = 3) -> tuple[str, ...]:
    """Well-formed syllables one edit away from ``word``, the likeliest first.

    Likeliest: a word the same report uses more often, then a moved tone mark, a letter
    removed, two letters swapped, a letter replaced, a letter added. The case of the first
    letter is kept.
    """
    lower = word.lower()
    if len(lower) > syllables.LONGEST + 1:
        return ()  # one edit never makes a syllable of it
    known = known or Counter()
    ranked: dict[str, tuple[int, int]] = {}
    for order, candidates in enumerate(_edits(lower)):
        for candidate in candidates:
            if candidate != lower and candidate not in ranked and syllables.is_syllable(candidate):
                ranked[candidate] = (-known[candidate], order)
    best = sorted(ranked, key=lambda c: (ranked[c], c))[:limit]
    if word[:1].isupper():
        best = [c[:1].upper() + c[1:] for c in best]
    return tuple(best)


def _edits(word: str):
    parts = syllables.split(word)
    if parts:
        base, tone, _ = parts
        yield [syllables.compose("", base, tone, place) for place in range(len(base)) if base[place] in syllables.VOWELS] \
            if tone else []
    yield [word[:i] + word[i + 1:] for i in range(len(word))]
    yield [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)]
    yield [word[:i] + c + word[i + 1:] for i in range(len(word)) for c in _ALPHABET]
    yield [word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _ALPHABET]
