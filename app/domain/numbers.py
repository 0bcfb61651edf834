"""Numbers the Vietnamese way: "2.607", "13,302 tỷ", "50,8%", "5/5", "khoảng 4.348".

Input is parsed strictly: "." groups thousands (always three digits per group),
"," marks decimals. Anything malformed or ambiguous is refused with a message
that says what to type instead; nothing is guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

from app.domain.text import clean_line
from app.errors import InputError

PREFIX_QUALIFIERS = ("khoảng", "gần", "hơn", "trên", "dưới", "ít nhất")
SUFFIX_QUALIFIERS = ("trở lên",)  # "4% trở lên": printed after the figure
QUALIFIERS = PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS
COUNT_SCALES = ("nghìn", "ngàn", "triệu")
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
LIMIT = Decimal(10) ** 18  # beyond any figure an office reports, inside 64 bits
MAX_DIGITS = 30  # significant digits; the same bound as the file formats
MAX_LENGTH = 200  # characters of one typed number, checked before any other work
#: Exact arithmetic for every figure that passes the bounds (30 digits times a scale of 10⁹).
_EXACT = Context(prec=MAX_DIGITS + 20)

_NUMBER = re.compile(r"^(?P<sign>[-+−]?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$", re.ASCII)


@dataclass(frozen=True)
class Parsed:
    """A parsed figure: ``number`` in base units; ``denominator`` for ratios."""

    number: Decimal
    denominator: Decimal | None = None
    qualifier: str | None = None
    estimate: bool = False


def parse_number(text: str) -> Decimal:
    """Parse one Vietnamese-formatted number ("2.607", "13,302", "-5").

    At most ``MAX_DIGITS`` significant digits are taken, checked on the text
    before any arithmetic, so a 100,000-digit entry is refused, never rounded.
    """
    raw = text.strip()
    if len(raw) > MAX_LENGTH:
        raise InputError(f"Số “{raw[:20]}…” quá dài ({len(raw)} ký tự); một số liệu có tối đa "
                         f"{MAX_DIGITS} chữ số.")
    match = _NUMBER.match(raw)
    if not match:
        raise InputError(_explain(raw))
    digits = match["int"].replace(".", "")
    frac = (match["frac"] or "").rstrip("0")
    if len(digits.lstrip("0")) + len(frac) > MAX_DIGITS:
        raise InputError(f"Số “{_short(raw)}” có quá nhiều chữ số (tối đa {MAX_DIGITS} chữ số có nghĩa).")
    number = Decimal(digits + ("." + frac if frac else ""))
    if match["sign"] in ("-", "−"):
        number = -number
    if abs(number) >= LIMIT:
        raise InputError(f"Số “{_short(raw)}” quá lớn.")
    return number


def _short(raw: str) -> str:
    return raw if len(raw) <= 40 else raw[:20] + "…" + raw[-8:]


def _explain(raw: str) -> str:
    if not raw:
        return "Chưa nhập số."
    if re.fullmatch(r"[-+]?\d+(\.\d+)+", raw):
        return (
            f"“{raw}” không rõ nghĩa: dấu chấm phân cách hàng nghìn (2.607), "
            "dấu phẩy ngăn phần thập phân (13,302)."
        )
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", raw):
        return f"“{raw}” viết theo kiểu tiếng Anh; hãy dùng dấu chấm cho hàng nghìn: 2.607."
    return f"“{raw}” không phải là số (ví dụ đúng: 2.607 hoặc 13,302)."


def parse_value(text: str, kind: str, unit: str = "") -> Parsed:
    """Parse an operator's entry for an indicator of value ``kind``, the way reports write it.

    Accepts "ước" for an estimate, a qualifier before the figure ("khoảng", "gần", "hơn",
    "trên", "dưới", "ít nhất") or "trở lên" after it, the unit, a scale word ("13,302 tỷ",
    "245.118 triệu đồng"; "37 nghìn", "hơn 41 nghìn" for counts), "%" for percents ("4% trở
    lên") and "a/b" for ratios. Raises InputError.
    """
    words = [w for w in clean_line(text).split(" ") if w]
    estimate, words = _take_prefix(words, ("ước tính", "ước"))
    qualifier, words = _take_prefix(words, PREFIX_QUALIFIERS)
    suffix, words = _take_suffix(words, SUFFIX_QUALIFIERS)
    if qualifier and suffix:
        raise InputError(f"“{clean_line(text)}”: chỉ dùng một từ chỉ mức (“{qualifier}” hoặc “{suffix}”).")
    words = _drop_unit(words, kind, unit)
    scale, words = _scale(words, kind)
    if not words:
        raise InputError("Chưa nhập số.")
    if len(words) != 1:
        raise InputError(f"“{_short(clean_line(text))}” không phải là một số.")
    token = words[0]
    if kind == "ratio":
        return _parse_ratio(token, qualifier or suffix, bool(estimate))
    if kind == "percent":
        token = token.removesuffix("%")
    elif token.endswith("%"):
        raise InputError("Chỉ tiêu này không nhập theo phần trăm.")
    number = _EXACT.multiply(parse_number(token), Decimal(scale))
    if abs(number) >= LIMIT:
        raise InputError(f"Số “{_short(clean_line(text))}” quá lớn.")
    _check_kind(number, kind, token, scale)
    return Parsed(_normal(number), None, qualifier or suffix, bool(estimate))


def _take_prefix(words: list[str], choices: tuple[str, ...]) -> tuple[str | None, list[str]]:
    lowered = [w.lower() for w in words]
    for choice in sorted(choices, key=len, reverse=True):
        parts = choice.split(" ")
        if lowered[:len(parts)] == parts:
            return choice, words[len(parts):]
    return None, words


def _take_suffix(words: list[str], choices: tuple[str, ...]) -> tuple[str | None, list[str]]:
    lowered = [w.lower() for w in words]
    for choice in choices:
        parts = choice.split(" ")
        if len(words) > len(parts) and lowered[-len(parts):] == parts:
            return choice, words[:-len(parts)]
    return None, words


def _drop_unit(words: list[str], kind: str, unit: str) -> list[str]:
    """"2.607 người" for an indicator counted in người; "186 triệu đồng" for money."""
    if words and words[-1].lower() == "đồng":
        return words[:-1]
    unit_words = unit.lower().split()
    if unit_words and kind != "money" and len(words) > len(unit_words) \
            and [w.lower() for w in words[-len(unit_words):]] == unit_words:
        return words[:-len(unit_words)]
    return words


def _scale(words: list[str], kind: str) -> tuple[int, list[str]]:
    if len(words) != 2 or words[1].lower() not in SCALES:
        return 1, words
    word = words[1].lower()
    if kind == "count" and word not in COUNT_SCALES:
        raise InputError(f"Chỉ số tiền mới dùng “{word}”; số lượng dùng “nghìn”, “triệu”.")
    if kind not in ("money", "count"):
        raise InputError("Chỉ số tiền và số lượng mới dùng được “nghìn”, “triệu”, “tỷ”.")
    return SCALES[word], words[:1]


def _parse_ratio(token: str, qualifier: str | None, estimate: bool) -> Parsed:
    parts = token.split("/")
    if len(parts) != 2:
        raise InputError(f"“{token}” phải viết dạng tử/mẫu, ví dụ 5/5.")
    top, bottom = (parse_number(p) for p in parts)
    for part in (top, bottom):
        if part != part.to_integral_value():
            raise InputError("Tử số và mẫu số phải là số nguyên.")
    if bottom <= 0:
        raise InputError("Mẫu số phải lớn hơn 0.")
    if top < 0 or top > bottom:
        raise InputError(f"“{token}”: tử số phải từ 0 đến mẫu số (ví dụ 5/5).")
    return Parsed(_normal(top), _normal(bottom), qualifier, estimate)


def _check_kind(number: Decimal, kind: str, token: str, scale: int) -> None:
    whole = number == number.to_integral_value()
    if kind in ("count", "money") and number < 0:
        raise InputError(f"“{token}”: số lượng và số tiền không được âm.")
    if kind == "count" and not whole:
        raise InputError(
            f"“{token}” không phải số nguyên: chỉ tiêu này đếm số lượng "
            "(dấu phẩy là phần thập phân; hàng nghìn viết 2.607)."
        )
    if kind == "money" and not whole:
        raise InputError("Số tiền tính đến đồng; hãy nhập theo đồng, triệu hoặc tỷ đồng.")


def _normal(number: Decimal) -> Decimal:
    """Canonical exact form: no exponent, no trailing zeros after the point."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize(_EXACT)


def to_storage(number: Decimal) -> str:
    """The stored text of a number: plain, exact, with "." as decimal point."""
    return format(_normal(number), "f")


def from_storage(text: str | None) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # a corrupt row must not pass unnoticed
        raise ValueError(f"stored number {text!r} is not a decimal") from exc
