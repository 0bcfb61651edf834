"""The template file format as typed structures (``resources/templates/*.json``).

Decoding a template goes through these ``msgspec`` structures first, so every
field has its type, its allowed values and a length limit before anything is
built from it; ``app.domain.template`` then checks what needs the whole tree
(duplicate codes, "trong đó" relations, rules). Unknown fields are refused.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from app.domain import kinds
from app.domain.indicator import Indicator
from app.errors import InputError
from app.formats import decode

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_SECTIONS = 200  # in the whole tree
MAX_INDICATORS = 2_000  # in the whole tree
MAX_DEPTH = 6  # "3.1.2.…": a report outline is never deeper
MAX_RULES = 50

#: Template, section and indicator codes: ASCII capitals, digits, "_", starting with a letter.
CODE = re.compile(r"[A-Z][A-Z0-9_]{0,39}", re.ASCII)
#: A code (its shape is checked with CODE, so the message can name it and say what a code is).
Code = Annotated[str, msgspec.Meta(max_length=80)]
CodeRef = Code
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2_000)]
Label = Annotated[str, msgspec.Meta(max_length=2_000)]
Bound = Annotated[str, msgspec.Meta(max_length=64)] | Annotated[int, msgspec.Meta(ge=-10**18, le=10**18)]

Kind = Literal["count", "money", "decimal", "percent", "ratio"]
Part = Literal["exhaustive", "partial", "subrate"]
Op = Literal["<=", "<", ">=", ">", "=="]


class RuleForm(msgspec.Struct, forbid_unknown_fields=True):
    """A declared inequality between two indicators."""

    op: Op
    other: CodeRef
    severity: Literal["error", "warning"] = "error"


class IndicatorForm(msgspec.Struct, forbid_unknown_fields=True, rename={"minimum": "min", "maximum": "max"}):
    """One indicator as the file writes it (``min``/``max`` are number texts)."""

    code: Code
    label: Text
    unit: Label = ""
    kind: Kind = "count"
    parent: CodeRef | None = None
    part: Part | None = None
    time: Literal["flow", "stock"] = "flow"
    offices: Literal["sum", "none"] = "sum"
    minimum: Bound | None = "0"
    maximum: Bound | None = None
    rules: Annotated[list[RuleForm], msgspec.Meta(max_length=MAX_RULES)] | None = None
    appendix: bool = True
    #: Display (optional; files without these keys print as before): scale, decimals, zero padding.
    scale: Literal["dong", "nghin", "trieu", "ty"] | None = None
    decimals: Annotated[int, msgspec.Meta(ge=0, le=kinds.MAX_DECIMALS)] | None = None
    pad: bool | None = None
    #: How the annual plan is reached: "at_most" for a ceiling ("tỷ lệ hộ nghèo dưới 5%"); absent: at or above it.
    target: Literal["at_most"] | None = None


class SectionForm(msgspec.Struct, forbid_unknown_fields=True):
    """One section (work area) with its indicators and subsections."""

    code: Code
    title: Text
    plan_title: Label | None = None
    indicators: Annotated[list[IndicatorForm], msgspec.Meta(max_length=MAX_INDICATORS)] = []
    children: Annotated[list[SectionForm], msgspec.Meta(max_length=MAX_SECTIONS)] = []


class TemplateForm(msgspec.Struct, forbid_unknown_fields=True):
    """A whole template file (``format``/``format_version`` are checked before this is decoded)."""

    format: str
    format_version: int
    code: Code
    version: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)]
    title: Text
    summary: Text
    results_heading: Text
    plan_heading: Text
    cutoff_day: int = 15
    pad_small_counts: bool = True
    outlier_factor: Annotated[str, msgspec.Meta(max_length=16)] | Annotated[int, msgspec.Meta(ge=0, le=10)] | None = None
    sections: Annotated[list[SectionForm], msgspec.Meta(max_length=MAX_SECTIONS)] = []
    charts: Annotated[list[Code], msgspec.Meta(max_length=12)] | None = None  # appendix "Biểu đồ"


def walk(sections: list[SectionForm], path: str = "sections", depth: int = 1):
    """Every section with its field path (``sections[2].children[0]``) and depth, in document order."""
    for index, section in enumerate(sections):
        where = f"{path}[{index}]"
        yield where, depth, section
        yield from walk(section.children, f"{where}.children", depth + 1)


def read_object(raw: bytes, *, source: str) -> dict[str, Any]:
    """A JSON object from a file's bytes, bounded (nesting, numbers, valid UTF-8) and with no key given twice.

    A leading UTF-8 byte-order mark (Notepad writes one) is ignored.
    InputError naming ``source`` when the bytes are not such an object.
    """
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    decode(raw, dict, source=source)  # bounded first: depth, numbers, encoding, lone surrogates
    return unique_keys(raw, source=source)


def unique_keys(raw: bytes, *, source: str) -> Any:
    """Parse JSON already checked by ``msgspec`` again, refusing an object that repeats a key.

    ``msgspec`` keeps the last of two equal keys silently; a signed or dumped
    file that says two things for one field is refused instead.
    """
    try:
        return json.loads(raw.removeprefix(b"\xef\xbb\xbf"), object_pairs_hook=_no_repeat)
    except _RepeatedKeyError as exc:
        raise InputError(f"{source}: khóa “{str(exc)[:80]}” xuất hiện hai lần trong cùng một đối tượng.") from None
    except (ValueError, RecursionError):
        raise InputError(f"{source}: không phải JSON hợp lệ.") from None


class _RepeatedKeyError(Exception):
    pass


def _no_repeat(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        raise _RepeatedKeyError(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return out


# --- checks on the whole tree ---------------------------------------------------

def check_outline(typed: TemplateForm, source: str) -> None:
    """Depth and size of the whole tree, before anything recursive walks it."""
    stack = [(f"sections[{i}]", 1, s) for i, s in reversed(list(enumerate(typed.sections)))]
    sections = indicators = 0
    seen_sections: set[str] = set()
    while stack:
        path, depth, section = stack.pop()
        if depth > MAX_DEPTH:
            raise fail(source, path, f"mục lồng nhau quá {MAX_DEPTH} cấp.")
        if section.code in seen_sections:
            raise fail(source, f"{path}.code", f"mã mục “{section.code}” bị trùng.")
        seen_sections.add(section.code)
        sections, indicators = sections + 1, indicators + len(section.indicators)
        if sections > MAX_SECTIONS or indicators > MAX_INDICATORS:
            raise InputError(f"{source}: mẫu báo cáo quá lớn (tối đa {MAX_SECTIONS} mục, "
                             f"{MAX_INDICATORS} chỉ tiêu).")
        stack.extend((f"{path}.children[{i}]", depth + 1, c) for i, c in reversed(list(enumerate(section.children))))


def indicator_paths(typed: TemplateForm) -> dict[str, str]:
    """Where each indicator code is written first (``sections[1].indicators[0]``)."""
    return {ind.code: f"{path}.indicators[{i}]"
            for path, _, section in reversed(list(walk(typed.sections)))
            for i, ind in reversed(list(enumerate(section.indicators)))}


def display_keys(typed: IndicatorForm, path: str, source: str) -> dict[str, Any]:
    """The display keys of one indicator, refused where its kind cannot print that way."""
    kind = kinds.of(typed.kind)
    if typed.scale is not None and typed.scale not in kind.scales:
        allowed = ", ".join(f"“{s}”" for s in kind.scales) or "không có"
        raise fail(source, f"{path}.scale", f"loại giá trị “{kind.label}” không hiển thị theo "
                                             f"“{typed.scale}” (được dùng: {allowed}).")
    if typed.decimals is not None and not kind.has_fraction(typed.scale):
        raise fail(source, f"{path}.decimals", f"loại giá trị “{kind.label}” chỉ có phần thập phân khi "
                                                "hiển thị theo nghìn, triệu hoặc tỷ.")
    if typed.pad is not None and not kind.paddable:
        raise fail(source, f"{path}.pad", f"chỉ số lượng và tỉ lệ a/b mới thêm số 0 đằng trước; "
                                           f"loại giá trị “{kind.label}” thì không.")
    return {"scale": typed.scale, "decimals": typed.decimals, "pad": typed.pad, "target": typed.target}


def check_relations(indicators: dict[str, Indicator], listed: list[str], paths: dict[str, str],
                    source: str) -> None:
    """Duplicate indicator codes (``listed`` holds every code as written), limits, "trong đó"
    parents (same kind, no cycle) and rules."""
    if len(listed) != len(indicators):
        code = _first_repeated(listed)
        raise fail(source, f"{paths[code]}.code", f"mã chỉ tiêu “{code}” bị trùng.")
    for ind in indicators.values():
        path = paths[ind.code]
        if ind.minimum is not None and ind.maximum is not None and Decimal(ind.minimum) > Decimal(ind.maximum):
            raise fail(source, path, f"chỉ tiêu {ind.code}: giới hạn nhỏ nhất lớn hơn giới hạn lớn nhất.")
        if ind.parent:
            parent = indicators.get(ind.parent)
            if parent is None:
                raise fail(source, f"{path}.parent", f"chỉ tiêu cha “{ind.parent[:40]}” không có trong mẫu.")
            if ind.part != "subrate" and parent.kind != ind.kind:
                raise fail(source, path, f"chỉ tiêu {ind.code} phải cùng loại giá trị với {parent.code}.")
            _no_cycle(indicators, ind, path, source)
        for rule in ind.rules:
            if rule.other not in indicators:
                raise fail(source, f"{path}.rules", f"quy tắc so với “{rule.other[:40]}” không có trong mẫu.")


def _first_repeated(codes: list[str]) -> str:
    seen: set[str] = set()
    return next(code for code in codes if code in seen or seen.add(code))


def _no_cycle(indicators: dict[str, Indicator], ind: Indicator, path: str, source: str) -> None:
    seen = {ind.code}
    current = ind
    while current.parent:
        if current.parent in seen:
            raise fail(source, f"{path}.parent", f"quan hệ “trong đó” của {ind.code} bị vòng lặp.")
        seen.add(current.parent)
        current = indicators[current.parent]


def check_patterns(summary: str, results_heading: str, plan_heading: str, source: str) -> None:
    """Headings use only the placeholders a period can fill."""
    for name, text, allowed in (("summary", summary, {"ky", "ky_toi"}),
                                 ("results_heading", results_heading, {"KY", "KY_TOI"}),
                                 ("plan_heading", plan_heading, {"KY", "KY_TOI"})):
        used = set(re.findall(r"\{(\w*)\}", text))
        if used - allowed or text.count("{") != text.count("}"):
            raise fail(source, name, f"chỉ được dùng chỗ giữ {', '.join('{' + a + '}' for a in sorted(allowed))}.")


def check_charts(charts: tuple[str, ...], indicators: dict[str, Indicator], source: str) -> None:
    """Every indicator the appendix "Biểu đồ" draws is one of the template's."""
    for i, code in enumerate(charts):
        if code not in indicators:
            raise fail(source, f"charts[{i}]", f"không có chỉ tiêu “{code}” trong mẫu.")


def fail(source: str, path: str, message: str) -> InputError:
    """The refusal for one field, worded as ``app.formats`` words its own."""
    return InputError(f"{source}: trường “{path}”: {message}")
