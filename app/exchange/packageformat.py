"""The package file format: its name, its envelope and its typed body.

Version 2 (written today) is one JSON header line followed by the exact body
bytes that were signed::

    {"format":"baocao-package","format_version":2,"signature":"…","fingerprint":"…"}\\n
    <canonical JSON of the body>

so the name's hash and the signature are checked on those bytes before the
body is decoded at all. Version 1 (``{"package": body, "signature", …}`` with
the signature over the canonical JSON of ``body``) is still read: its envelope
is decoded with a typed schema first (junk fails at its first byte), the body
is bounded in size and element count, then made canonical and verified.
Only then is a body decoded into ``Body``; any field out of shape is refused
naming the file and the field.
"""
from __future__ import annotations

import base64
import functools
import re
from typing import Annotated, Any, Literal

import msgspec

from app.digest import sha256_hex
from app.domain.codes import OfficeCode
from app.errors import InputError
from app.formats import Day, Line, NumberText, Paragraph, Stamp, canonical, convert, decode
from app.storage.files import pdf_problem

FORMAT = "baocao-package"
FORMAT_VERSION = 2
MAX_BYTES = 32 * 1024 * 1024
#: A version 1 body is decoded before it can be verified: at most this many JSON elements.
MAX_V1_ELEMENTS = 200_000
HEADER_LIMIT = 1024
NAME = re.compile(r"^(?P<office>[A-Z0-9][A-Z0-9-]{0,19})_(?P<seq>\d{6,9})_(?P<hash>[0-9a-f]{16})$", re.ASCII)
KINDS = ("report", "template", "deadline")

Hex64 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
Code = Annotated[str, msgspec.Meta(pattern=r"^[A-Z0-9][A-Z0-9-]{0,19}$")]
Seq = Annotated[int, msgspec.Meta(ge=1, le=999_999_999)]
Revision = Annotated[int, msgspec.Meta(ge=1, le=999_999)]
PeriodText = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}-(Q[1-4]|H1|9M|Y|M[0-9]{1,2}|[0-9]{1,2}M)$")]
Base64 = Annotated[str, msgspec.Meta(max_length=MAX_BYTES)]


class Header(msgspec.Struct, forbid_unknown_fields=True):
    """The first line of a version 2 file."""

    format: Literal["baocao-package"]
    format_version: Literal[2]
    signature: Annotated[str, msgspec.Meta(max_length=128)]
    fingerprint: Annotated[str, msgspec.Meta(max_length=64)] = ""


class EnvelopeV1(msgspec.Struct, forbid_unknown_fields=True):
    """A version 1 file; the body stays raw bytes until it is bounded."""

    package: msgspec.Raw
    signature: Annotated[str, msgspec.Meta(max_length=128)]
    fingerprint: Annotated[str, msgspec.Meta(max_length=64)] = ""


class Body(msgspec.Struct, forbid_unknown_fields=True):
    """What a package says about itself; the content (report, template, deadlines) is checked by its reader."""

    format: Literal["baocao-package"]
    format_version: Literal[1, 2]
    kind: Literal["report", "template", "deadline"]
    office: Code
    office_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    seq: Seq
    prev: Hex64 | None
    created: Stamp
    period: PeriodText | None = None
    revision: Revision | None = None
    pdf: Base64 | None = None
    pdf_sha256: Hex64 | None = None
    report: dict[str, Any] | None = None
    template: dict[str, Any] | None = None
    deadlines: dict[PeriodText, Day] | None = None


class Place(msgspec.Struct):
    """Where a signed body says it stands in its office's chain, read even when the rest is malformed."""

    office: Code
    seq: Seq
    prev: Hex64 | None


class Figure(msgspec.Struct):
    """One figure of a report in a package: exact number texts only (never a float, "NaN" or "1E+9")."""

    indicator: Line
    number: NumberText | None = None
    denominator: NumberText | None = None
    prior_year: NumberText | None = None
    plan: NumberText | None = None
    qualifier: Line | None = None
    estimate: bool = False
    as_of: Day | None = None
    note: Paragraph = ""


class Sender(msgspec.Struct):
    id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    code: Code
    profiles: Annotated[list[dict[str, Any]], msgspec.Meta(min_length=1, max_length=1_000)]


class ReportHeader(msgspec.Struct):
    period: PeriodText
    revision: Revision
    number: Line = ""
    signer_title: Line = ""
    signer_name: Line = ""
    summary: Paragraph = ""
    title: Line = ""


class ReportShape(msgspec.Struct):
    """What a package's report must look like before anything of it reaches the database
    (the report dump's own reader checks the rest)."""

    office: Sender
    report: ReportHeader
    values: Annotated[list[Figure], msgspec.Meta(max_length=20_000)] = []


class Name(msgspec.Struct, frozen=True):
    """A package file name, checked: ``<OFFICE>_<seq>_<hash>``."""

    office: OfficeCode
    seq: int
    hash: str


def parse_name(name: str, folder: str) -> Name:
    """The parts of a package file name found in ``outbox/<folder>/``; InputError when it is not one."""
    match = NAME.match(name)
    if not match:
        raise InputError("tên tệp không đúng dạng <ĐƠN VỊ>_<số thứ tự>_<mã băm>")
    # a folder the scan has already checked as a code (an OfficeCode) is not checked again for each of its files
    office = folder if isinstance(folder, OfficeCode) and folder == match["office"] else OfficeCode.parse(match["office"])
    if folder != office:
        raise InputError(f"gói của {office} nằm trong thư mục của {folder}")
    return Name(office, int(match["seq"]), match["hash"])


class Signed(msgspec.Struct, frozen=True, dict=True):  # a __dict__ for the digest kept once
    """A file's signed bytes and signature, before anything of the body is trusted."""

    data: bytes  # exactly what the signature covers
    signature: bytes
    version: int
    body: dict | None = None  # a version 1 body, already decoded to make it canonical

    @functools.cached_property
    def digest(self) -> str:  # computed once: a package is hashed once, however often its digest is asked
        return sha256_hex(self.data)


def split(raw: bytes, *, source: str) -> Signed:
    """The signed bytes of a package file (either version), decoding no more than needed."""
    end = raw.find(b"\n", 0, HEADER_LIMIT)
    if end > 0 and raw.startswith(b'{"format"'):
        header = decode(raw[:end], Header, source=f"{source} (dòng đầu)")
        return Signed(raw[end + 1:], _signature(header.signature, source), 2)
    envelope = decode(raw, EnvelopeV1, source=source)
    signature = _signature(envelope.signature, source)
    if not memoryview(envelope.package)[:1] == b"{":
        raise InputError(f"{source}: trường “package”: cần đối tượng.")
    # counted on the whole file (the envelope adds a handful): the body stays a view, never a copy
    elements = raw.count(b",") + raw.count(b"{") + raw.count(b"[")
    if elements > MAX_V1_ELEMENTS:
        raise InputError(f"{source}: trường “package”: quá nhiều phần tử ({elements:,} > {MAX_V1_ELEMENTS:,}).")
    body = decode(envelope.package, dict, source=f"{source} (trường “package”)")
    del envelope
    return Signed(canonical(body), signature, 1, body)


def _signature(text: str, source: str) -> bytes:
    try:
        signature = base64.b64decode(text, validate=True)
    except ValueError:
        signature = b""
    if len(signature) != 64:
        raise InputError(f"{source}: trường “signature”: chữ ký không đúng dạng (gói chưa được ký?).")
    return signature


def body(signed: Signed, *, source: str) -> tuple[Body, dict]:
    """The verified bytes as a typed ``Body`` and as plain data for the content's reader."""
    data = signed.body if signed.body is not None else decode(signed.data, dict, source=source)
    typed = convert(data, Body, source=source)
    if typed.format_version != signed.version:
        raise InputError(f"{source}: trường “format_version”: {typed.format_version} trong tệp dạng "
                         f"phiên bản {signed.version}.")
    missing = {"report": ("period", "revision", "report"), "template": ("template",),
               "deadline": ("deadlines",)}[typed.kind]
    for field in missing:
        if getattr(typed, field) is None:
            raise InputError(f"{source}: thiếu trường “{field}” của gói loại {typed.kind}.")
    if typed.kind == "report":
        _check_report(typed, source)
    if (typed.pdf is None) != (typed.pdf_sha256 is None):
        raise InputError(f"{source}: trường “pdf_sha256”: phải có cùng bản PDF kèm theo.")
    if typed.pdf is not None:
        try:
            pdf = base64.b64decode(typed.pdf, validate=True)
        except ValueError:
            raise InputError(f"{source}: trường “pdf”: bản PDF kèm theo hỏng.") from None
        if sha256_hex(pdf) != typed.pdf_sha256:
            raise InputError(f"{source}: trường “pdf_sha256”: mã băm bản PDF kèm theo không khớp.")
        problem = pdf_problem(pdf)
        if problem:
            raise InputError(f"{source}: trường “pdf”: {problem}.")
    return typed, data


def place(signed: Signed) -> Place | None:
    """The chain place a verified body gives itself, or None when not even that can be read."""
    try:
        if signed.body is not None:
            return msgspec.convert(signed.body, Place, strict=True)
        return msgspec.json.decode(signed.data, type=Place, strict=True)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        return None


def _check_report(typed: Body, source: str) -> None:
    shape = convert(typed.report, ReportShape, source=f"{source} (trường “report”)")
    if (shape.office.code, shape.office.id) != (typed.office, typed.office_id):
        raise InputError(f"{source}: báo cáo trong gói thuộc đơn vị khác người gửi.")
    if (shape.report.period, shape.report.revision) != (typed.period, typed.revision):
        raise InputError(f"{source}: kỳ hoặc bản trong báo cáo ({shape.report.period} bản {shape.report.revision}) "
                         f"khác với gói ({typed.period} bản {typed.revision}).")
    codes = [figure.indicator for figure in shape.values]
    if len(set(codes)) != len(codes):
        twice = next(code for code in codes if codes.count(code) > 1)
        raise InputError(f"{source} (trường “report”): chỉ tiêu {twice} có hai lần trong “values”.")


def write(body_data: bytes, signature: bytes, fingerprint: str) -> bytes:
    """A version 2 file: the header line, then ``body_data`` exactly as signed."""
    header = msgspec.json.encode(Header(FORMAT, FORMAT_VERSION, base64.b64encode(signature).decode(), fingerprint))
    return header + b"\n" + body_data
