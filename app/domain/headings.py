"""A report's own headings, printed instead of its template's (``title --heading KEY=TEXT``).

Keys: ``ketqua`` and ``nhiemvu`` for the two parts ("I. KẾT QUẢ …", "II. NHIỆM VỤ …"), a section's
code (or its number, "3.1") for its heading among the results, and ``CODE:nhiemvu`` for its heading
among next period's tasks. The text is printed as typed, after the number the outline gives it.
"""
from __future__ import annotations

from app.domain.model import Report
from app.domain.template import Template
from app.errors import InputError

PARTS = {"ketqua": "Phần I: kết quả", "nhiemvu": "Phần II: nhiệm vụ kỳ tới"}
PLAN = ":nhiemvu"


def key_of(template: Template, wanted: str) -> str:
    """The stored key for what the operator wrote ("3.1", "vl:nhiemvu", "ketqua"); InputError listing them."""
    key = wanted.strip()
    if key.lower() in PARTS:
        return key.lower()
    section, plan = (key[:-len(PLAN)], PLAN) if key.lower().endswith(PLAN) else (key, "")
    section = section.strip().rstrip(".")
    for s in template.section_list():
        if section.upper() == s.code.upper() or section == s.number:
            return s.code + plan
    listed = ", ".join(f"{s.number} {s.code}" for s in template.section_list())
    raise InputError(f"Tiêu đề “{wanted[:40]}” không có trong mẫu {template.key}: viết ketqua, nhiemvu, "
                     f"mã hoặc số của mục (thêm “:nhiemvu” cho tiêu đề mục ở phần nhiệm vụ kỳ tới). Các mục: {listed}.")


def part_default(template: Template, report: Report, key: str) -> str:
    """The template's heading of a part for this report's period ("KẾT QUẢ … QUÝ I NĂM 2020")."""
    if key == "ketqua":
        return template.results_heading.format(KY=report.period.label.upper())
    return template.plan_heading.format(KY_TOI=report.period.next().label.upper())


def defaults(template: Template, report: Report) -> list[tuple[str, str, str]]:
    """(key, where, the template's text) of every heading a report may set, in outline order."""
    out = [(key, where, part_default(template, report, key)) for key, where in PARTS.items()]
    sections = template.section_list()
    out += [(s.code, f"Mục {s.number} (kết quả)", s.title) for s in sections]
    out += [(s.code + PLAN, f"Mục {s.number} (nhiệm vụ kỳ tới)", s.plan_title or s.title) for s in sections]
    return out


def check(template: Template, headings: dict[str, str], source: str) -> None:
    """Refuse a heading key the template cannot print (a dump's headings)."""
    known = set(PARTS) | {s.code + plan for plan in ("", PLAN) for s in template.section_list()}
    for key in headings:
        if key not in known:
            raise InputError(f"{source}: tiêu đề “{key[:40]}” không có trong mẫu kèm theo.")

