"""Report templates (mẫu báo cáo): versioned data, not code.

A template is an ordered tree of sections (work areas); each section lists its
indicators. The file format is JSON (``resources/templates/*.json``), read
strictly: an unknown field, a duplicate code or a broken relation is refused
with a message naming it. ``Template.to_dict`` writes the same format back.
"""
from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import msgspec

from app.digest import sha256_hex
from app.domain import kinds
from app.domain import template_format as form
from app.domain.indicator import Indicator, Rule
from app.domain.text import clean, clean_line
from app.errors import InputError
from app.formats import canonical, convert
from app.fsutil import read_limited

FORMAT = "baocao-template"
FORMAT_VERSION = 1
KINDS = tuple(kinds.KINDS)
PARTS = ("exhaustive", "partial", "subrate")
OPS = ("<=", "<", ">=", ">", "==")


class Section(msgspec.Struct):
    code: str
    title: str
    plan_title: str | None = None
    indicators: list[Indicator] = msgspec.field(default_factory=list)
    children: list[Section] = msgspec.field(default_factory=list)
    number: str = ""
    parent: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class Template(msgspec.Struct, dict=True):  # by_section and indicators, indexes built once, beside the fields
    code: str
    version: int
    title: str
    summary: str
    results_heading: str
    plan_heading: str
    sections: list[Section]
    cutoff_day: int = 15
    pad_small_counts: bool = True
    outlier_factor: str | None = None  # k in "mean ± k standard deviations" (default 2)
    charts: tuple[str, ...] = ()  # indicators the appendix "Biểu đồ" draws

    def __post_init__(self) -> None:
        self.by_section = {s.code: s for top in self.sections for s in top.walk()}
        self.indicators = {
            i.code: i for s in self.by_section.values() for i in s.indicators
        }

    @property
    def key(self) -> str:
        return f"{self.code}@{self.version}"

    def section_list(self) -> list[Section]:
        return list(self.by_section.values())

    def children_of(self, code: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.parent == code]

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "code": self.code,
            "version": self.version,
            "title": self.title,
            "summary": self.summary,
            "results_heading": self.results_heading,
            "plan_heading": self.plan_heading,
            "cutoff_day": self.cutoff_day,
            "pad_small_counts": self.pad_small_counts,
            "sections": [_section_dict(s) for s in self.sections],
        } | ({"outlier_factor": self.outlier_factor} if self.outlier_factor is not None else {}) \
          | ({"charts": list(self.charts)} if self.charts else {})

    def canonical_json(self) -> str:
        if not hasattr(self, "_canonical"):  # templates never change once built
            self._canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return self._canonical

    @property
    def fingerprint(self) -> str:
        if not hasattr(self, "_fingerprint"):
            self._fingerprint = sha256_hex(self.canonical_json().encode())
        return self._fingerprint


def _section_dict(section: Section) -> dict:
    out: dict = {"code": section.code, "title": section.title}
    if section.plan_title:
        out["plan_title"] = section.plan_title
    out["indicators"] = [i.to_dict() for i in section.indicators]
    out["children"] = [_section_dict(c) for c in section.children]
    return out


# --- reading ---------------------------------------------------------------

def load_file(path: Path | str) -> Template:
    """Read a template file (a regular file of at most 4 MB); InputError naming the file and the field."""
    path = Path(path)
    raw = read_limited(path, form.MAX_FILE_BYTES, what="tệp mẫu báo cáo")
    source = f"Tệp {path.name}"
    return from_dict(form.read_object(raw, source=source), source=source)


_CACHE: dict[tuple, tuple[bytes, Template]] = {}


def from_dict(data: dict, *, source: str = "Mẫu báo cáo") -> Template:
    """Build a Template from its file form; refuse anything unknown or inconsistent.

    The form is decoded into the typed structures of ``template_format`` (types,
    allowed values, lengths), then checked as a whole (codes, duplicates,
    "trong đó" relations, rules). Refusals are InputError naming ``source`` and
    the field path. Templates are immutable, so the same file form read again
    (one per received package) returns the template already built; "the same"
    means the same canonical JSON, so ``true`` never stands in for ``1``.
    """
    key = (data.get("code"), data.get("version")) if isinstance(data, dict) else None
    cached = _CACHE.get(key) if key and all(type(part) in (str, int) for part in key) else None
    if cached and cached[0] == _exact(data, source):
        return cached[1]
    template = _build(data, source)
    exact = _exact(data, source)  # also refuses text that is not Unicode (a lone surrogate)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[(template.code, template.version)] = (exact, template)
    return template


def _exact(data: dict, source: str) -> bytes:
    try:
        return canonical(data)
    except InputError as exc:
        raise InputError(f"{source}: {exc}.") from None
    except RecursionError:
        raise InputError(f"{source}: JSON lồng nhau quá sâu.") from None


def _build(data: dict, source: str) -> Template:
    _check_header(data, source)
    typed = convert(data, form.TemplateForm, source=source)
    _check_code(typed.code, "code", "mẫu báo cáo", source)
    if not 1 <= typed.cutoff_day <= 28:
        raise form.fail(source, "cutoff_day", "ngày chốt số liệu phải từ 1 đến 28.")
    form.check_outline(typed, source)
    sections = [_section(s, f"sections[{i}]", None, source) for i, s in enumerate(typed.sections)]
    _number(sections, "")
    template = Template(
        code=typed.code, version=typed.version, title=_text(typed.title, "title", source),
        summary=_text(typed.summary, "summary", source),
        results_heading=_text(typed.results_heading, "results_heading", source),
        plan_heading=_text(typed.plan_heading, "plan_heading", source),
        sections=sections, cutoff_day=typed.cutoff_day, pad_small_counts=typed.pad_small_counts,
        outlier_factor=_factor(typed.outlier_factor, source), charts=tuple(typed.charts or ()),
    )
    listed = [i.code for s in template.by_section.values() for i in s.indicators]
    form.check_relations(template.indicators, listed, form.indicator_paths(typed), source)
    form.check_patterns(template.summary, template.results_heading, template.plan_heading, source)
    form.check_charts(template.charts, template.indicators, source)
    return template


def _check_header(data: object, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{source}: không phải là mẫu báo cáo (thiếu “format”: “{FORMAT}”).")
    version = data.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InputError(f"{source}: mẫu báo cáo định dạng phiên bản {repr(version)[:20]} chưa được hỗ trợ; "
                         "hãy cập nhật phần mềm.")


def _section(typed: form.SectionForm, path: str, parent: str | None, source: str) -> Section:
    _check_code(typed.code, f"{path}.code", "mục", source)
    section = Section(
        code=typed.code, title=_text(typed.title, f"{path}.title", source),
        plan_title=clean_line(typed.plan_title) if typed.plan_title else None, parent=parent,
    )
    section.indicators = [_indicator(ind, f"{path}.indicators[{i}]", typed.code, source)
                          for i, ind in enumerate(typed.indicators)]
    section.children = [_section(child, f"{path}.children[{i}]", typed.code, source)
                        for i, child in enumerate(typed.children)]
    return section


def _indicator(typed: form.IndicatorForm, path: str, section: str, source: str) -> Indicator:
    _check_code(typed.code, f"{path}.code", "chỉ tiêu", source)
    parent = typed.parent or None
    if parent and typed.part is None:
        raise form.fail(source, f"{path}.part", f"chỉ tiêu “trong đó” phải nói rõ “part” ({', '.join(PARTS)}).")
    rules = tuple(Rule(r.op, _text(r.other, f"{path}.rules[{i}].other", source), r.severity)
                  for i, r in enumerate(typed.rules or ()))
    return Indicator(
        code=typed.code, label=_text(typed.label, f"{path}.label", source), unit=clean_line(typed.unit),
        kind=typed.kind, parent=parent, part=typed.part if parent else None, time=typed.time,
        offices=typed.offices, minimum=_bound(typed.minimum, f"{path}.min", source),
        maximum=_bound(typed.maximum, f"{path}.max", source), rules=rules, appendix=typed.appendix,
        section=section, **form.display_keys(typed, path, source),
    )


def _bound(value: str | int | None, path: str, source: str) -> str | None:
    """A limit as written (kept as text, so fingerprints do not move); finite, at most 30 digits."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise form.fail(source, path, f"giới hạn “{str(value)[:40]}” không phải là số.") from None
    exponent = number.as_tuple().exponent
    if not number.is_finite() or len(number.as_tuple().digits) > 30 or not -30 <= exponent <= 30:
        raise form.fail(source, path, "giới hạn phải là một số hữu hạn, tối đa 30 chữ số.")
    return str(value)


def _factor(value: str | int | None, source: str) -> str | None:
    """The outlier factor as written: a number above 0 and at most 10."""
    text = _bound(value, "outlier_factor", source)
    if text is not None and not Decimal(0) < Decimal(text) <= 10:
        raise form.fail(source, "outlier_factor", "hệ số phải lớn hơn 0 và không quá 10.")
    return text


def _number(sections: list[Section], prefix: str) -> None:
    for index, section in enumerate(sections, start=1):
        section.number = f"{prefix}{index}"
        _number(section.children, f"{section.number}.")


def _check_code(code: str, path: str, what: str, source: str) -> None:
    if not form.CODE.fullmatch(code):
        raise form.fail(source, path, f"mã {what} “{code[:40]}” chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới, "
                                  "bắt đầu bằng chữ, tối đa 40 ký tự.")


def _text(value: str, path: str, where: str) -> str:
    text = clean(value).strip()
    if not text:
        raise form.fail(where, path, "không được để trống.")
    return text
