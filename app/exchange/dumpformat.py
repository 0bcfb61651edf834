"""The report dump format (``"format": "baocao-report"``, version 1) as typed structures.

A dump (``python main.py dump``, and the report inside a sync package) is
decoded into these ``msgspec`` structures before anything reads it, then
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

from typing import Annotated, Any, Literal

import msgspec

from app.domain import template_format
from app.errors import InputError
from app.exchange import dumpcheck
from app.exchange.dumpcheck import MAX_FILE_BYTES
from app.formats import Day, Line, NumberText, Stamp, canonical, convert, decode

FORMAT = "baocao-report"
FORMAT_VERSION = 1

#: Ids are UUIDs today; anything that could not name a row safely is refused.
Ident = Annotated[str, msgspec.Meta(pattern=r"^[0-9A-Za-z][0-9A-Za-z_.:-]{0,99}$")]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2_000)]
#: Prose an operator wrote (a paragraph, a task, a note): the window stores a pasted page of a million
#: characters, so its dump must import again; the whole file is still at most 64 MB.
Prose = Annotated[str, msgspec.Meta(max_length=2_000_000)]
Code = template_format.Code
Qualifier = Literal["khoảng", "gần", "hơn", "trên", "dưới"]
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
Base64 = Annotated[str, msgspec.Meta(max_length=(MAX_FILE_BYTES + 2) // 3 * 4)]


class Strict(msgspec.Struct, forbid_unknown_fields=True):
    """Every structure of the format refuses fields it does not know."""


class Profile(Strict):
    valid_from: Day
    name: Text
    authority: Line
    place: Text
    symbol: Text
    parent_code: Line | None = None
    signer_title: Line = ""
    signer_name: Line = ""
    deputy: bool = False
    deputy_title: Line = ""
    recipients: Annotated[list[Line], msgspec.Meta(max_length=200)] = []
    addressee: Line = ""


class Office(Strict):
    id: Ident
    code: Line
    level: Literal["province", "district", "commune"]
    profiles: Annotated[list[Profile], msgspec.Meta(min_length=1, max_length=200)]


class Report(Strict):
    id: Ident
    period: Annotated[str, msgspec.Meta(max_length=20)]
    revision: Annotated[int, msgspec.Meta(ge=1, le=9999)]
    status: Literal["draft", "complete", "issued", "submitted"]
    number: Line
    issued_on: Day | None
    signer_title: Line
    signer_name: Line
    summary: Line
    created: Stamp
    updated: Stamp
    reason: Prose = ""


class Value(Strict):
    indicator: Code
    number: NumberText | None = None
    denominator: NumberText | None = None
    qualifier: Qualifier | None = None
    estimate: bool = False
    as_of: Day | None = None
    note: Prose = ""
    prior_year: NumberText | None = None
    plan: NumberText | None = None


class Block(Strict):
    style: Literal["para", "bullet"]
    text: Prose


class Narrative(Strict):
    section: Code
    part: Literal["results", "plan"]
    blocks: Annotated[list[Block], msgspec.Meta(max_length=2_000)]


class Document(Strict):
    id: Ident
    section: Code
    doc_type: Line
    ref: Text
    issued_on: Day | None = None
    issuer: Line = ""
    summary: Prose = ""
    own: bool = True
    advised: bool = False


class Task(Strict):
    id: Ident
    section: Code
    text: Prose


class Review(Strict):
    task_id: Ident
    status: Literal["done", "in_progress", "not_done"]
    comment: Prose


class File(Strict):
    kind: Literal["issued_pdf", "scan"]
    name: Annotated[str, msgspec.Meta(pattern=r"^[^/\\\x00-\x1f]{1,255}$")]
    sha256: Sha256
    data: Base64


class Dump(Strict):
    """A whole dump; ``format`` and ``format_version`` are checked before the rest is decoded."""

    format: str
    format_version: int
    office: Office
    template: template_format.TemplateForm
    report: Report
    values: Annotated[list[Value], msgspec.Meta(max_length=20_000)]
    narrative: Annotated[list[Narrative], msgspec.Meta(max_length=2_000)]
    documents: Annotated[list[Document], msgspec.Meta(max_length=20_000)]
    tasks: Annotated[list[Task], msgspec.Meta(max_length=20_000)]
    reviews: Annotated[list[Review], msgspec.Meta(max_length=20_000)] = []
    files: Annotated[list[File], msgspec.Meta(max_length=100)] = []


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


def check(data: dict, *, source: str) -> None:
    """Check a dump already decoded (the report inside a sync package) as ``load`` checks a file."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: dữ liệu báo cáo phải là một đối tượng JSON.")
    _check_header(data.get("format"), data.get("format_version"), source)
    typed = convert(data, Dump, source=source)
    try:
        canonical(data)
    except InputError as exc:
        raise InputError(f"{source}: {exc}.") from None
    dumpcheck.check(typed, data["template"], source)


def _check_header(name: object, version: object, source: str) -> None:
    if name != FORMAT:
        raise InputError(f"{source}: không phải dữ liệu báo cáo (thiếu “format”: “{FORMAT}”).")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InputError(f"{source}: dữ liệu báo cáo định dạng phiên bản {repr(version)[:20]} chưa được hỗ trợ; "
                         "hãy cập nhật phần mềm.")
