"""Typed JSON at every boundary: one canonical form, one bounded decoder.

Every file this product reads from outside (templates, report dumps, package
bodies, key files) is decoded here into typed ``msgspec`` structures with
limits on size, nesting, string and list lengths and number digits, so any
malformed input ends in an ``InputError`` naming the file and the field,
never a traceback, a hang or a memory blow-up.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, TypeVar

import msgspec

from app.errors import InputError

T = TypeVar("T")

MAX_DIGITS = 30
#: A number as the formats store it: text, at most 30 digits, never a float, never "NaN" or "1E+9".
NumberText = Annotated[str, msgspec.Meta(pattern=r"^-?[0-9]{1,30}(\.[0-9]{1,30})?$", max_length=62)]
Line = Annotated[str, msgspec.Meta(max_length=2_000)]  # a name, a title, a code
Paragraph = Annotated[str, msgspec.Meta(max_length=200_000)]
Day = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
Stamp = Annotated[str, msgspec.Meta(max_length=64)]

_encoder = msgspec.json.Encoder(order="sorted")

_SHAPES = {  # what a text of the wrong shape should have been, keyed as msgspec quotes the pattern
    repr(NumberText.__metadata__[0].pattern): "cần một số viết bằng chữ số (có thể có dấu “-” đầu và dấu “.” thập "
                                              f"phân), tối đa {MAX_DIGITS} chữ số",
    repr(Day.__metadata__[0].pattern): "cần ngày dạng YYYY-MM-DD",
}

_MESSAGES = (
    (r"Expected `([\w |]+)`, got `(\w+)`", "cần {0}, gặp {1}"),
    (r"Expected `(\w+)` of length <= (\d+)", "dài quá {1} phần tử/ký tự"),
    (r"Expected `(\w+)` of length >= (\d+)", "cần ít nhất {1} phần tử/ký tự"),
    (r"Expected `(\w+)` >= (\S+)", "phải ≥ {1}"),
    (r"Expected `(\w+)` <= (\S+)", "phải ≤ {1}"),
    (r"Expected `str` matching regex .*", "không đúng dạng"),
    (r"Object missing required field `(\w+)`", "thiếu trường “{0}”"),
    (r"Object contains unknown field `(\w+)`", "có trường lạ “{0}”"),
    (r"Invalid enum value (.*)", "giá trị {0} không có trong danh sách cho phép"),
    (r"(Integer value|Number) out of range", "số quá lớn"),
    (r"Invalid value (.*)", "giá trị {0} không hợp lệ"),
    (r"Input data was truncated", "dữ liệu bị cắt cụt, hoặc có ký tự \\u không ghép đôi"),
    (r"JSON is malformed: invalid utf-16 surrogate pair \(byte (\d+)\)", "ký tự \\u không ghép đôi ở vị trí {0}"),
    (r"JSON is malformed: invalid character \(byte (\d+)\)", "ký tự không hợp lệ ở vị trí {0}"),
    (r"JSON is malformed: trailing characters \(byte (\d+)\)", "còn dữ liệu thừa từ vị trí {0}"),
    (r"Invalid UTF-8 encoded string", "văn bản không phải UTF-8"),
    (r"JSON is malformed: .*\(byte (\d+)\)", "sai cú pháp ở vị trí {0}"),
    (r"Invalid UTF-8.*", "không phải văn bản UTF-8"),
)
_TYPES = {"int": "số nguyên", "str": "chuỗi", "object": "đối tượng", "array": "danh sách", "null": "null",
          "bool": "true/false", "float": "số thực", "dict": "đối tượng"}


def canonical(value: Any) -> bytes:
    """The one canonical JSON form (sorted keys, no spaces, UTF-8): what signatures and hashes cover.

    Text that is not valid Unicode (a lone surrogate) has no canonical form and
    is refused with InputError.
    """
    try:
        return _encoder.encode(value)
    except (UnicodeEncodeError, msgspec.EncodeError, TypeError, OverflowError) as exc:
        raise InputError(f"dữ liệu không mã hóa được thành JSON chuẩn ({exc})") from exc


def decode(raw: bytes, kind: type[T], *, source: str, limit: int | None = None) -> T:
    """Decode ``raw`` JSON into ``kind``; InputError naming ``source`` and the field when it does not fit."""
    if limit is not None and len(raw) > limit:
        raise InputError(f"{source}: quá lớn ({len(raw) // 1024} KB, tối đa {limit // 1024} KB).")
    try:
        return msgspec.json.decode(raw, type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise InputError(f"{source}: {_vietnamese(str(exc))}.") from None
    except msgspec.DecodeError as exc:
        raise InputError(f"{source}: không phải JSON hợp lệ ({_vietnamese(str(exc))}).") from None
    except RecursionError:
        raise InputError(f"{source}: JSON lồng nhau quá sâu.") from None


def convert(value: Any, kind: type[T], *, source: str) -> T:
    """Like ``decode`` for an already decoded value (a part of a larger document)."""
    try:
        return msgspec.convert(value, type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise InputError(f"{source}: {_vietnamese(str(exc))}.") from None
    except RecursionError:
        raise InputError(f"{source}: JSON lồng nhau quá sâu.") from None


def number(text: str | None) -> Decimal | None:
    """A stored number text (checked by ``NumberText``) as an exact Decimal."""
    if text is None:
        return None
    digits = sum(ch.isdigit() for ch in text)
    if digits > MAX_DIGITS or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text, re.ASCII):
        raise InputError(f"số “{text[:40]}” không hợp lệ (tối đa {MAX_DIGITS} chữ số)")
    return Decimal(text)


def _vietnamese(message: str) -> str:
    text, _, where = message.partition(" - at `")
    where = where.rstrip("`")
    shape = re.fullmatch(r"Expected `str` matching regex (.*)", text)
    if shape and shape[1] in _SHAPES:
        text = _SHAPES[shape[1]]
    else:
        for pattern, template in _MESSAGES:
            match = re.fullmatch(pattern, text)
            if match:
                text = template.format(*(" hoặc ".join(_TYPES.get(t, t) for t in g.split(" | "))
                                         for g in match.groups()))
                break
    field = where.removeprefix("$").lstrip(".") or ""
    return f"trường “{field}”: {text}" if field else text
