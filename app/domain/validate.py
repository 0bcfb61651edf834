"""Checking a report: per value, per relation between values, and across the narrative.

Findings are errors or warnings with a Vietnamese message naming the indicator.
Errors block marking a report complete; nothing here ever blocks saving a draft.
"""
from __future__ import annotations

import enum
from decimal import Decimal

import msgspec

from app.domain import formatting, narrative
from app.domain.legacy_fields import legacy_fields
from app.domain.model import ReportData, Value
from app.domain.template import Indicator, Template
from app.domain.text import detect_legacy


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "Lỗi" if self is Severity.ERROR else "Cảnh báo"


class Finding(msgspec.Struct, frozen=True):
    severity: Severity
    section: str  # section code, for jumping to the field
    indicator: str | None
    message: str
    rule: str = ""  # "missing" for figures not yet entered
    text: str = ""  # the text flagged, where a fix works on it ("legacy_text"); not compared (see ``_key``)

    def _key(self) -> tuple:
        return self.severity, self.section, self.indicator, self.message, self.rule

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if type(other) is Finding else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return f"{self.severity.label}: {self.message}"


def validate(data: ReportData) -> list[Finding]:
    """All findings for one report, errors first, in the template's order."""
    template, values = data.template, data.values
    findings: list[Finding] = []
    for code, value in values.items():
        indicator = template.indicators.get(code)
        if indicator is None:
            findings.append(Finding(Severity.ERROR, "", code, f"Chỉ tiêu “{code}” không có trong mẫu báo cáo."))
            continue
        findings += _check_value(indicator, value)
    for indicator in template.indicators.values():
        findings += _check_parts(template, indicator, values)
        findings += _check_rules(template, indicator, values)
    findings += _check_text(data)
    findings += _check_completeness(data)
    order = {code: i for i, code in enumerate(template.indicators)}
    findings.sort(key=lambda f: (f.severity is not Severity.ERROR, order.get(f.indicator or "", -1)))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def _name(indicator: Indicator) -> str:
    return f"“{indicator.label}” ({indicator.code})"


def _show(indicator: Indicator, number: Decimal) -> str:
    """The figure in a message: "2.607", "13,302 tỷ đồng", "50,8%"."""
    return indicator.value_kind.with_unit(indicator.value_kind.format(number), "")


def _finding(severity: Severity, indicator: Indicator, message: str) -> Finding:
    return Finding(severity, indicator.section, indicator.code, message)


def _check_value(indicator: Indicator, value: Value) -> list[Finding]:
    number = value.number
    if number is None:
        return []
    out = [_finding(Severity.ERROR, indicator, _name(indicator) + problem)
           for problem in indicator.value_kind.check(number, value.denominator)]
    if indicator.minimum is not None and number < Decimal(indicator.minimum):
        out.append(_finding(Severity.ERROR, indicator,
                            f"{_name(indicator)} = {_show(indicator, number)} nhỏ hơn mức tối thiểu "
                            f"{formatting.number(Decimal(indicator.minimum))}."))
    if indicator.maximum is not None and number > Decimal(indicator.maximum):
        out.append(_finding(Severity.ERROR, indicator,
                            f"{_name(indicator)} = {_show(indicator, number)} vượt mức tối đa "
                            f"{formatting.number(Decimal(indicator.maximum))}."))
    return out


def _check_parts(template: Template, parent: Indicator, values: dict[str, Value]) -> list[Finding]:
    """"Trong đó": exhaustive parts add up to the total; partial parts stay within it."""
    children = [c for c in template.children_of(parent.code) if c.part != "subrate"]
    entered = {c.code: values[c.code].number for c in children
               if c.code in values and values[c.code].number is not None}
    if not entered:
        return []
    total = values.get(parent.code)
    if total is None or total.number is None:
        first = template.indicators[next(iter(entered))]
        return [_finding(Severity.WARNING, first, f"Đã nhập phần “trong đó” nhưng chưa nhập tổng {_name(parent)}.")]
    out = []
    for code, number in entered.items():
        child = template.indicators[code]
        if number > total.number:
            out.append(_finding(Severity.ERROR, child,
                                f"{_name(child)} = {_show(child, number)} lớn hơn tổng {_name(parent)} = "
                                f"{_show(parent, total.number)}."))
    exhaustive = [c for c in children if c.part == "exhaustive"]
    if exhaustive:
        missing = [c for c in exhaustive if c.code not in entered]
        parts_sum = sum((entered[c.code] for c in exhaustive if c.code in entered), Decimal(0))
        if missing:
            out.append(_finding(Severity.WARNING, missing[0],
                                f"Chưa nhập đủ các phần của {_name(parent)}: thiếu "
                                + ", ".join(c.code for c in missing) + "."))
        elif parts_sum != total.number:
            # a total written as "khoảng 4.348" is approximate: a mismatch is worth a look, not a block
            severity = Severity.WARNING if total.qualifier else Severity.ERROR
            out.append(_finding(severity, parent,
                                f"Các phần cộng lại {_show(parent, parts_sum)} khác tổng {_name(parent)} = "
                                f"{_show(parent, total.number)}."))
    partial_sum = sum((n for c, n in entered.items()
                       if template.indicators[c].part == "partial"), Decimal(0))
    if partial_sum > total.number and len(entered) > 1:
        out.append(_finding(Severity.ERROR, parent,
                            f"Tổng các phần “trong đó” {_show(parent, partial_sum)} lớn hơn {_name(parent)} = "
                            f"{_show(parent, total.number)}."))
    return out


_OPS = {  # test, wording of an error, wording of a warning (a fact to double-check)
    "<=": (lambda a, b: a <= b, "không được lớn hơn", "đang lớn hơn"),
    "<": (lambda a, b: a < b, "phải nhỏ hơn", "không nhỏ hơn"),
    ">=": (lambda a, b: a >= b, "không được nhỏ hơn", "đang nhỏ hơn"),
    ">": (lambda a, b: a > b, "phải lớn hơn", "không lớn hơn"),
    "==": (lambda a, b: a == b, "phải bằng", "khác"),
}


def _check_rules(template: Template, indicator: Indicator, values: dict[str, Value]) -> list[Finding]:
    out = []
    mine = values.get(indicator.code)
    for rule in indicator.rules:
        other = values.get(rule.other)
        if mine is None or other is None or mine.number is None or other.number is None:
            continue
        test, error_words, warning_words = _OPS[rule.op]
        if not test(mine.number, other.number):
            target = template.indicators[rule.other]
            severity = Severity(rule.severity)
            words = error_words if severity is Severity.ERROR else warning_words
            tail = "." if severity is Severity.ERROR else "; hãy kiểm tra lại."
            out.append(_finding(severity, indicator,
                                f"{_name(indicator)} = {_show(indicator, mine.number)} {words} "
                                f"{_name(target)} = {_show(target, other.number)}{tail}"))
    return out


def _check_completeness(data: ReportData) -> list[Finding]:
    """An empty report is an error; a section with figures not yet entered is a warning."""
    entered = {c for c, v in data.values.items() if v.number is not None}
    has_text = any(blocks for (_, part), blocks in data.narrative.items() if part == "results")
    if not entered and not has_text:
        return [Finding(Severity.ERROR, "", None, "Báo cáo chưa có số liệu hay nội dung nào.")]
    out = []
    for section in data.template.section_list():
        missing = [i for i in section.indicators if i.code not in entered]
        if missing:
            names = ", ".join(i.label for i in missing[:3]) + ("…" if len(missing) > 3 else "")
            out.append(Finding(Severity.WARNING, section.code, missing[0].code,
                               f"Mục {section.number}: chưa nhập {len(missing)} chỉ tiêu ({names}).", "missing"))
    return out


def _check_text(data: ReportData) -> list[Finding]:
    out = []
    refs = {d.ref for d in data.citable}
    for (section, _part), blocks in data.narrative.items():
        for block in blocks:
            out += _check_block(data, section, block.text, refs)
    for task in data.tasks:
        out += _check_block(data, task.section, task.text, refs)
    for doc in data.documents:
        legacy = detect_legacy(doc.summary)
        if legacy:
            out.append(Finding(Severity.WARNING, doc.section, None,
                               f"Trích yếu văn bản {doc.ref} có vẻ gõ bằng bảng mã {legacy.encoding}; "
                               f"đề nghị chuyển thành: “{legacy.suggestion[:80]}”.", "legacy_text", doc.summary))
    for item in legacy_fields(data):
        out.append(Finding(Severity.WARNING, item.section, item.indicator,
                           f"{item.field} có vẻ gõ bằng bảng mã {item.legacy.encoding}; "
                           f"đề nghị chuyển thành: “{item.legacy.suggestion[:80]}”.", "legacy"))
    return out


def _check_block(data: ReportData, section: str, text: str, refs: set[str]) -> list[Finding]:
    out = []
    for ph in narrative.placeholders(text):
        if ph.ref is not None:
            if ph.ref not in refs:
                out.append(Finding(Severity.ERROR, section, None,
                                   f"Đoạn văn dẫn văn bản {ph.ref} nhưng văn bản này chưa có trong danh mục."))
            continue
        if ph.code in narrative.SPECIAL or (ph.modifier == "muctieu" and ph.code in data.template.indicators):
            continue  # plans beyond this report's figures: ``app.checks.plans``
        indicator = data.template.indicators.get(ph.code or "")
        if indicator is None:
            out.append(Finding(Severity.ERROR, section, None,
                               f"Đoạn văn dùng {ph.text} nhưng mẫu không có chỉ tiêu {ph.code}."))
        elif ph.modifier and ph.modifier not in narrative.MODIFIERS:
            out.append(_finding(Severity.ERROR, indicator, f"Cách hiển thị “{ph.modifier}” trong {ph.text} không có."))
        elif indicator.code not in data.values or data.values[indicator.code].number is None:
            out.append(_finding(Severity.WARNING, indicator,
                                f"Đoạn văn dùng {ph.text} nhưng chưa nhập {_name(indicator)}."))
        elif _view_lacks(data.values[indicator.code], ph.modifier):
            out.append(_finding(Severity.WARNING, indicator,
                                f"Đoạn văn dùng {ph.text} nhưng {_name(indicator)} {_view_lacks(data.values[indicator.code], ph.modifier)}; "
                                "bản in sẽ hiện “…”."))
    legacy = detect_legacy(text)
    if legacy:
        out.append(Finding(Severity.WARNING, section, None,
                           f"Đoạn văn có vẻ gõ bằng bảng mã {legacy.encoding}; "
                           f"đề nghị chuyển thành: “{legacy.suggestion[:80]}”.", "legacy_text", text))
    return out


def _view_lacks(value, view: str | None) -> str:
    """What a placeholder view needs that the value does not have ("" when it can print)."""
    if view in ("kh", "kehoach") and not value.plan:
        return "chưa có kế hoạch năm"
    if view == "ngay" and value.as_of is None:
        return "chưa có ngày số liệu (tính đến ngày)"
    if view == "tyle" and not value.denominator:
        return "không có mẫu số của tỷ lệ"
    return ""
