"""Numbers the Vietnamese way: "2.607", "13,302", "-5", and how they are stored.

How a figure of each value kind is typed ("13,302 tỷ", "50,8%", "5/5", "khoảng 4.348")
is read in ``app.domain.kinds`` from these pieces. Input is parsed strictly: "." groups
thousands (always three digits per group), "," marks decimals. Anything malformed or ambiguous is refused with a message
that says what to type instead; nothing is guessed.
"""
from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

import msgspec

from app.errors import InputError

PREFIX_QUALIFIERS = ("khoảng", "gần", "hơn", "trên", "dưới", "ít nhất")
SUFFIX_QUALIFIERS = ("trở lên",)  # "4% trở lên": printed after the figure
QUALIFIERS = PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
LIMIT = Decimal(10) ** 18  # beyond any figure an office reports, inside 64 bits
MAX_DIGITS = 30  # significant digits; the same bound as the file formats
MAX_LENGTH = 200  # characters of one typed number, checked before any other work
#: Exact arithmetic for every figure that passes the bounds (30 digits times a scale of 10⁹).
EXACT = Context(prec=MAX_DIGITS + 20)

_NUMBER = re.compile(r"^(?P<sign>[-+−]?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$", re.ASCII)


class Parsed(msgspec.Struct, frozen=True):
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
        raise InputError(f"Số “{short(raw)}” có quá nhiều chữ số (tối đa {MAX_DIGITS} chữ số có nghĩa).")
    number = Decimal(digits + ("." + frac if frac else ""))
    if match["sign"] in ("-", "−"):
        number = -number
    if abs(number) >= LIMIT:
        raise InputError(f"Số “{short(raw)}” quá lớn.")
    return number


def short(raw: str) -> str:
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


def take_prefix(words: list[str], choices: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """The longest of ``choices`` the words start with (any case), and the words after it."""
    lowered = [w.lower() for w in words]
    for choice in sorted(choices, key=len, reverse=True):
        parts = choice.split(" ")
        if lowered[:len(parts)] == parts:
            return choice, words[len(parts):]
    return None, words


def take_suffix(words: list[str], choices: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """The one of ``choices`` the words end with (leaving at least one word), and the words before it."""
    lowered = [w.lower() for w in words]
    for choice in choices:
        parts = choice.split(" ")
        if len(words) > len(parts) and lowered[-len(parts):] == parts:
            return choice, words[:-len(parts)]
    return None, words


def normal(number: Decimal) -> Decimal:
    """Canonical exact form: no exponent, no trailing zeros after the point."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize(EXACT)


def to_storage(number: Decimal) -> str:
    """The stored text of a number: plain, exact, with "." as decimal point."""
    return format(normal(number), "f")


def from_storage(text: str | None) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # a corrupt row must not pass unnoticed
        raise ValueError(f"stored number {text!r} is not a decimal") from exc
