"""Written Vietnamese syllables, by rule: initial + rhyme (medial, nucleus, final) + tone.

The rules are the spelling rules of the national script, written for this application
and released with it under the MIT licence (no word list is bundled):

- an initial consonant from a closed set ("ngh", "gh" and "k" only before i, e, ê; "c",
  "g", "ng" never before them; "q" only as "qu");
- a rhyme from a closed set: nucleus and final together (final "ch"/"nh" only after a, ê,
  i; "ă" and "â" never without a final; the medial w written "o" before a, ă, e and "u"
  before â, ê, y, ơ); the labials b, m, p, ph, v and "gh", "ngh", "k" take no medial;
- "gi" before a rhyme starting with i is written with one i ("gì", "giếng");
- "y" as the whole rhyme only after h, k, l, m, s, t, qu or alone; "iê" written "yê" with
  no initial and after the medial ("yên", "khuyên");
- the stop finals c, ch, p, t carry only the sắc or nặng tone;
- the tone mark sits on the nucleus: on the vowel with a shape mark (ê, ơ, ô, â, ă, ư; the
  second of "ươ"), else on the last vowel before a final consonant, else on the first
  vowel, with both the old and the new placement accepted for oa, oe, uy ("hòa"/"hoà").
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # huyền sắc hỏi ngã nặng
SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}  # â ê ô, ă, ơ ư
SACK, HEAVY = 2, 5
VOWELS = "aăâeêioôơuưy"
SHAPED = "ăâêôơư"
LETTERS = set("abcdefghiklmnopqrstuvxyđ") | set(SHAPED)

INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
            "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")

_PLAIN = """
a ac ach ai am an ang anh ao ap at au ay   ăc ăm ăn ăng ăp ăt   âc âm ân âng âp ât âu ây
e ec em en eng eo ep et   ê êch êm ên ênh êp êt êu   i ich im in inh ip it iu ia
iêc iêm iên iêng iêp iêt iêu   o oc oi om on ong op ot oong ooc   ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt   u uc ui um un ung up ut ua   uôc uôi uôm uôn uông uôt
ư ưc ưi ưm ưn ưng ưt ưu ưa   ươc ươi ươm ươn ương ươp ươt ươu
""".split()
_MEDIAL = """
oa oac oach oai oam oan oang oanh oao oap oat oay   oăc oăm oăn oăng oăp oăt   oe oen oeo oet
uân uâng uât uây   uê uêch uên uênh uêt   uy uych uyn uynh uyp uyt uyu uya uyên uyêt   uơ
""".split()
#: after "qu" the medial is the u of the initial: "qua", "quyết", "quốc" (and the old "qui")
_AFTER_QU = sorted({r[1:].replace("i", "y") if r.startswith("uy") else r[1:] for r in _MEDIAL}
                   | {"ôc", "i", "au"})
_TAKES_MEDIAL = {"", "ch", "d", "đ", "g", "h", "kh", "l", "n", "ng", "nh", "r", "s", "t", "th", "tr", "x"}
_Y_ALONE = {"", "h", "k", "l", "m", "s", "t"}
_GI_MERGED = {"i", "im", "in", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu"}  # "g" + these: gi + rhyme
_STOPS = ("c", "ch", "p", "t")


def _front(rhyme: str) -> bool:
    return rhyme[:1] in ("i", "e", "ê", "y")


def _rhymes(initial: str) -> frozenset[str]:
    """Every rhyme the initial is written with."""
    if initial == "qu":
        return frozenset(_AFTER_QU)
    plain = set(_PLAIN)
    if initial == "":
        plain = {("y" + r[1:] if r.startswith("iê") else r) for r in plain}
    out = plain | (set(_MEDIAL) if initial in _TAKES_MEDIAL else set())
    if initial in _Y_ALONE:
        out.add("y")
    if initial in ("k", "gh", "ngh"):
        out = {r for r in out if _front(r)}
    elif initial in ("c", "ng"):
        out = {r for r in out if not _front(r)}
    elif initial == "g":
        out = {r for r in out if not _front(r)} | _GI_MERGED
    elif initial == "gi":
        out = {r for r in out if not r.startswith(("i", "y")) and r not in _MEDIAL}
    return frozenset(out)


RHYMES: dict[str, frozenset[str]] = {initial: _rhymes(initial) for initial in INITIALS}


def tone_places(rhyme: str) -> set[int]:
    """Where in ``rhyme`` the tone mark may sit (indices of its letters)."""
    n = 0
    while n < len(rhyme) and rhyme[n] in VOWELS:
        n += 1
    cluster = rhyme[:n]
    shaped = [i for i, c in enumerate(cluster) if c in SHAPED]
    if shaped:
        return {shaped[-1]}
    if n < len(rhyme) or n == 1:
        return {n - 1}
    if cluster in ("oa", "oe", "uy"):
        return {0, 1}
    return {1} if n == 3 else {0}


def split(word: str) -> tuple[str, int, int] | None:
    """(the word without its tone mark, tone 0–5, index of the letter carrying it, -1 when none).

    None when the word has a letter outside the national script or two tone marks.
    """
    letters: list[str] = []
    tone, at = 0, -1
    for char in unicodedata.normalize("NFD", word):
        if char in TONE_MARKS:
            if tone or not letters:
                return None
            tone, at = TONE_MARKS[char], len(letters) - 1
        elif char in SHAPE_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        else:
            letters.append(char)
    if not all(letter in LETTERS for letter in letters):
        return None
    return "".join(letters), tone, at


def is_syllable(word: str) -> bool:
    """True when ``word`` (lower case, NFC) is a well-formed Vietnamese syllable."""
    return len(word) <= LONGEST and _is_syllable(word)


LONGEST = 7  # "nghiêng"


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    parts = split(word)
    if parts is None:
        return False
    base, tone, at = parts
    for initial in INITIALS:
        if not base.startswith(initial):
            continue
        rhyme = base[len(initial):]
        if rhyme not in RHYMES[initial]:
            continue
        if rhyme.endswith(_STOPS) and tone not in (SACK, HEAVY):
            continue
        if tone and at - len(initial) not in tone_places(rhyme):
            continue
        return True
    return False


def compose(initial: str, rhyme: str, tone: int, place: int | None = None) -> str:
    """The written syllable: ``initial`` + ``rhyme`` with ``tone`` on ``place`` (default: the first allowed)."""
    letters = list(initial + rhyme)
    if tone:
        index = len(initial) + (place if place is not None else min(tone_places(rhyme)))
        mark = next(m for m, t in TONE_MARKS.items() if t == tone)
        letters[index] = unicodedata.normalize("NFC", letters[index] + mark)
    return unicodedata.normalize("NFC", "".join(letters))


def all_syllables() -> list[tuple[str, str, int]]:
    """Every (initial, rhyme, tone) the rules allow: the property tests walk these."""
    return [(initial, rhyme, tone) for initial in INITIALS for rhyme in sorted(RHYMES[initial])
            for tone in range(6) if tone in (SACK, HEAVY) or not rhyme.endswith(_STOPS)]
