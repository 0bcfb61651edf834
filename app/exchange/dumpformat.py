"""Reading the report dump format (``"format": "baocao-report"``, version 1).

A dump (``python main.py dump``, and the report inside a sync package) is
decoded into the ``msgspec`` structures of ``dumptypes`` before anything reads it, then
checked as a whole: the office code, the period, dates, numbers of at most 30
digits, no indicator, document, task or review given twice, every indicator
and section present in the template the dump carries, attached files whose
SHA-256 matches. Whatever does not fit is an ``InputError`` naming the file
and the field path (“Tệp rev1.json: trường “values[3].note”: cần chuỗi, gặp
danh sách.”).

Text fields that today's dumps always write as text (``signer_name``,
``note``, ``comment``…) must be text: ``null`` there is refused, not read as
"", so what is stored is exactly what the file says. Fields that may be empty
(``issued_on``, ``qualifier``, numbers, ``parent_code``) take ``null``.
"""
from __future__ import annotations

from typing import Any

import msgspec

from app.domain import template_format
from app.errors import InputError
from app.exchange import dumpcheck
from app.exchange.dumptypes import Dump
from app.formats import canonical, convert, decode

FORMAT = "baocao-report"
FORMAT_VERSION = 1


class _Header(msgspec.Struct):
    format: Any = None
    format_version: Any = None


# --- reading and checking -----------------------------------------------------------

def load(raw: bytes, *, source: str) -> dict:
    """Decode and check a dump's bytes; the plain dict as the file holds it (for the importer).

    InputError naming ``source`` and the field path for anything malformed:
    not JSON, a key given twice, a wrong type, a missing or unknown field, a
    value out of its bounds, or content that does not fit its own template.
    """
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    header = decode(raw, _Header, source=source)
    _check_header(header.format, header.format_version, source)
    typed = decode(raw, Dump, source=source)
    data = template_format.unique_keys(raw, source=source)
    dumpcheck.check(typed, data["template"], source)
    return data


def check(data: dict, *, source: str) -> Dump:
    """Check a dump already decoded (the report inside a sync package) as ``load`` checks a file.

    Returns the typed form, which the importer reads instead of converting each part again.
    """
    if not isinstance(data, dict):
        raise InputError(f"{source}: dữ liệu báo cáo phải là một đối tượng JSON.")
    _check_header(data.get("format"), data.get("format_version"), source)
    typed = convert(data, Dump, source=source)
    try:
        canonical(data)
    except InputError as exc:
        raise InputError(f"{source}: {exc}.") from None
    dumpcheck.check(typed, data["template"], source)
    return typed


def _check_header(name: object, version: object, source: str) -> None:
    if name != FORMAT:
        raise InputError(f"{source}: không phải dữ liệu báo cáo (thiếu “format”: “{FORMAT}”).")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InputError(f"{source}: dữ liệu báo cáo định dạng phiên bản {repr(version)[:20]} chưa được hỗ trợ; "
                         "hãy cập nhật phần mềm.")
