"""Report templates (mẫu báo cáo): versioned data, not code.

A template is an ordered tree of sections (work areas); each section lists its
indicators. The file format is JSON (``resources/templates/*.json``), read
strictly: an unknown field, a duplicate code or a broken relation is refused
with a message naming it. ``Template.to_dict`` writes the same format back.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.domain.text import clean, clean_line
from app.errors import InputError

FORMAT = "baocao-template"
FORMAT_VERSION = 1
KINDS = ("count", "money", "decimal", "percent", "ratio")
PARTS = ("exhaustive", "partial", "subrate")
OPS = ("<=", "<", ">=", ">", "==")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
_SECTION_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")


@dataclass(frozen=True)
class Rule:
    """A declared inequality: this indicator ``op`` the ``other`` (e.g. resolved <= received)."""

    op: str
    other: str
    severity: str = "error"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    kind: str = "count"
    parent: str | None = None
    part: str | None = None  # how this row relates to its parent ("trong đó")
    time: str = "flow"  # flow: quarters sum; stock: the latest quarter
    offices: str = "sum"  # sum over offices, or "none"
    minimum: str | None = "0"
    maximum: str | None = None
    rules: tuple[Rule, ...] = ()
    appendix: bool = True
    section: str = ""


@dataclass
class Section:
    code: str
    title: str
    plan_title: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    number: str = ""
    parent: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Template:
    code: str
    version: int
    title: str
    summary: str
    results_heading: str
    plan_heading: str
    sections: list[Section]
    cutoff_day: int = 15
    pad_small_counts: bool = True

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
        }

    def canonical_json(self) -> str:
        if not hasattr(self, "_canonical"):  # templates never change once built
            self._canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return self._canonical

    @property
    def fingerprint(self) -> str:
        if not hasattr(self, "_fingerprint"):
            self._fingerprint = hashlib.sha256(self.canonical_json().encode()).hexdigest()
        return self._fingerprint


def _section_dict(section: Section) -> dict:
    out: dict = {"code": section.code, "title": section.title}
    if section.plan_title:
        out["plan_title"] = section.plan_title
    out["indicators"] = [_indicator_dict(i) for i in section.indicators]
    out["children"] = [_section_dict(c) for c in section.children]
    return out


def _indicator_dict(ind: Indicator) -> dict:
    out: dict = {"code": ind.code, "label": ind.label, "unit": ind.unit, "kind": ind.kind}
    if ind.parent:
        out["parent"], out["part"] = ind.parent, ind.part
    out["time"], out["offices"] = ind.time, ind.offices
    out["min"], out["max"] = ind.minimum, ind.maximum
    if ind.rules:
        out["rules"] = [{"op": r.op, "other": r.other, "severity": r.severity} for r in ind.rules]
    out["appendix"] = ind.appendix
    return out


# --- reading ---------------------------------------------------------------

_TEMPLATE_KEYS = {
    "format", "format_version", "code", "version", "title", "summary",
    "results_heading", "plan_heading", "cutoff_day", "pad_small_counts", "sections",
}
_SECTION_KEYS = {"code", "title", "plan_title", "indicators", "children"}
_INDICATOR_KEYS = {
    "code", "label", "unit", "kind", "parent", "part", "time", "offices",
    "min", "max", "rules", "appendix",
}


def load_file(path: Path) -> Template:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"Không đọc được tệp mẫu báo cáo {path} (không phải JSON hợp lệ).") from exc
    return from_dict(data)


_CACHE: dict[tuple, tuple[dict, Template]] = {}


def from_dict(data: dict) -> Template:
    """Build a Template from its file form; refuse anything unknown or inconsistent.

    Templates are immutable, so the same file form read again (one per received
    package) returns the template already built: an equal dict is a cache hit.
    """
    key = (data.get("code"), data.get("version")) if isinstance(data, dict) else None
    cached = _CACHE.get(key) if key else None
    if cached and cached[0] == data:
        return cached[1]
    template = _build(data)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (copy.deepcopy(data), template)
    return template


def _build(data: dict) -> Template:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("Tệp không phải là mẫu báo cáo (thiếu \"format\": \"baocao-template\").")
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(
            f"Mẫu báo cáo định dạng phiên bản {data.get('format_version')} chưa được hỗ trợ; "
            "hãy cập nhật phần mềm."
        )
    _no_unknown(data, _TEMPLATE_KEYS, "mẫu báo cáo")
    code = _text(data, "code", "mẫu báo cáo")
    if not _CODE.match(code):
        raise InputError(f"Mã mẫu báo cáo “{code}” chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới.")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise InputError("Mẫu báo cáo phải có \"version\" là số nguyên dương.")
    sections = [_read_section(s, None) for s in _list(data, "sections", "mẫu báo cáo")]
    _number(sections, "")
    template = Template(
        code=code,
        version=version,
        title=_text(data, "title", "mẫu báo cáo"),
        summary=_text(data, "summary", "mẫu báo cáo"),
        results_heading=_text(data, "results_heading", "mẫu báo cáo"),
        plan_heading=_text(data, "plan_heading", "mẫu báo cáo"),
        sections=sections,
        cutoff_day=_cutoff_day(data.get("cutoff_day", 15)),
        pad_small_counts=bool(data.get("pad_small_counts", True)),
    )
    _check_relations(template, sections)
    _check_patterns(template)
    return template


def _cutoff_day(value) -> int:
    if not isinstance(value, int) or not 1 <= value <= 28:
        raise InputError("Ngày chốt số liệu (\"cutoff_day\") phải từ 1 đến 28.")
    return value


def _check_patterns(template: Template) -> None:
    for name, text, allowed in (("summary", template.summary, {"ky", "ky_toi"}),
                                 ("results_heading", template.results_heading, {"KY", "KY_TOI"}),
                                 ("plan_heading", template.plan_heading, {"KY", "KY_TOI"})):
        used = set(re.findall(r"\{(\w*)\}", text))
        if used - allowed or text.count("{") != text.count("}"):
            raise InputError(f"“{name}” chỉ được dùng chỗ giữ {', '.join('{' + a + '}' for a in sorted(allowed))}.")


def _read_section(data: dict, parent: str | None) -> Section:
    where = f"mục {data.get('code', '?')}" if isinstance(data, dict) else "mục"
    if not isinstance(data, dict):
        raise InputError(f"{where}: phải là một đối tượng JSON.")
    _no_unknown(data, _SECTION_KEYS, where)
    code = _text(data, "code", where)
    if not _SECTION_CODE.match(code):
        raise InputError(f"Mã mục “{code}” chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới.")
    section = Section(
        code=code,
        title=_text(data, "title", where),
        plan_title=clean_line(data["plan_title"]) if data.get("plan_title") else None,
        parent=parent,
    )
    section.indicators = [_read_indicator(i, code) for i in _list(data, "indicators", where)]
    section.children = [_read_section(c, code) for c in _list(data, "children", where)]
    return section


def _read_indicator(data: dict, section: str) -> Indicator:
    where = f"chỉ tiêu {data.get('code', '?')}" if isinstance(data, dict) else "chỉ tiêu"
    if not isinstance(data, dict):
        raise InputError(f"{where}: phải là một đối tượng JSON.")
    _no_unknown(data, _INDICATOR_KEYS, where)
    code = _text(data, "code", where)
    if not _CODE.match(code):
        raise InputError(f"Mã chỉ tiêu “{code}” chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới.")
    kind = _choice(data, "kind", KINDS, where, "count")
    parent = data.get("parent")
    part = _choice(data, "part", PARTS, where, None) if parent else None
    if parent and part is None:
        raise InputError(f"{where}: chỉ tiêu “trong đó” phải nói rõ \"part\" ({', '.join(PARTS)}).")
    rules = tuple(_read_rule(r, where) for r in data.get("rules", []) or [])
    return Indicator(
        code=code,
        label=_text(data, "label", where),
        unit=clean_line(str(data.get("unit", ""))),
        kind=kind,
        parent=parent,
        part=part,
        time=_choice(data, "time", ("flow", "stock"), where, "flow"),
        offices=_choice(data, "offices", ("sum", "none"), where, "sum"),
        minimum=_bound(data, "min", "0"),
        maximum=_bound(data, "max", None),
        rules=rules,
        appendix=bool(data.get("appendix", True)),
        section=section,
    )


def _read_rule(data: dict, where: str) -> Rule:
    if not isinstance(data, dict) or set(data) - {"op", "other", "severity"}:
        raise InputError(f"{where}: quy tắc phải có dạng {{\"op\", \"other\", \"severity\"}}.")
    op = _choice(data, "op", OPS, where, None)
    severity = _choice(data, "severity", ("error", "warning"), where, "error")
    return Rule(op, _text(data, "other", where), severity)


def _bound(data: dict, key: str, default: str | None) -> str | None:
    value = data.get(key, default)
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InputError(f"Giới hạn \"{key}\" = “{value}” không phải là số.") from None
    if not number.is_finite():
        raise InputError(f"Giới hạn \"{key}\" phải là một số hữu hạn.")
    return str(value)


def _check_relations(template: Template, sections: list[Section]) -> None:
    seen_sections: set[str] = set()
    for top in sections:
        for section in top.walk():
            if section.code in seen_sections:
                raise InputError(f"Mã mục “{section.code}” bị trùng.")
            seen_sections.add(section.code)
    count = sum(len(s.indicators) for s in template.by_section.values())
    if count != len(template.indicators):
        raise InputError("Mẫu báo cáo có mã chỉ tiêu bị trùng.")
    for ind in template.indicators.values():
        if ind.minimum is not None and ind.maximum is not None and Decimal(ind.minimum) > Decimal(ind.maximum):
            raise InputError(f"Chỉ tiêu {ind.code}: giới hạn nhỏ nhất lớn hơn giới hạn lớn nhất.")
        if ind.parent:
            parent = template.indicators.get(ind.parent)
            if parent is None:
                raise InputError(f"Chỉ tiêu {ind.code}: chỉ tiêu cha “{ind.parent}” không có trong mẫu.")
            if ind.part != "subrate" and parent.kind != ind.kind:
                raise InputError(f"Chỉ tiêu {ind.code}: phải cùng loại giá trị với {parent.code}.")
            _no_cycle(template, ind)
        for rule in ind.rules:
            if rule.other not in template.indicators:
                raise InputError(f"Chỉ tiêu {ind.code}: quy tắc so với “{rule.other}” không có trong mẫu.")


def _no_cycle(template: Template, ind: Indicator) -> None:
    seen = {ind.code}
    current = ind
    while current.parent:
        if current.parent in seen:
            raise InputError(f"Chỉ tiêu {ind.code}: quan hệ “trong đó” bị vòng lặp.")
        seen.add(current.parent)
        current = template.indicators[current.parent]


def _number(sections: list[Section], prefix: str) -> None:
    for index, section in enumerate(sections, start=1):
        section.number = f"{prefix}{index}"
        _number(section.children, f"{section.number}.")


def _no_unknown(data: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise InputError(f"{where}: trường không được hỗ trợ: {', '.join(unknown)}.")


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: thiếu \"{key}\".")
    return clean(value).strip()


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"{where}: \"{key}\" phải là một danh sách.")
    return value


def _choice(data: dict, key: str, allowed: tuple, where: str, default):
    value = data.get(key, default)
    if value not in allowed:
        raise InputError(f"{where}: \"{key}\" phải là một trong {', '.join(map(str, allowed))}.")
    return value
