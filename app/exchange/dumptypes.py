"""The report dump format's typed structures (``"format": "baocao-report"``, version 1).

Decoded by ``dumpformat`` before anything reads a dump; the checks these
structures cannot express live in ``dumpcheck``. Both read these types, neither
is read by them.
"""
from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from app.domain import template_format
from app.formats import Day, Line, NumberText, Stamp

MAX_FILE_BYTES = 48 * 1024 * 1024  # one attached PDF or scan, decoded (scans are at most 50 MB, the dump 64 MB)

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
    title: Line = ""  # the report's own title, written only when set
    #: the report's own headings (``app.domain.headings`` keys), written only when set
    headings: Annotated[dict[Annotated[str, msgspec.Meta(max_length=60)], Line], msgspec.Meta(max_length=500)] = {}


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
