"""Which template section a Word paragraph opens: by number and title, tolerant of variants."""
from __future__ import annotations

import re

import msgspec

from app.domain.template import Section, Template
from app.importing.folding import fold, similarity

NUMBERED = re.compile(r"^(?P<num>(?:\d+\.)*\d+)\.?\s+(?P<title>\S.*)$")
ROMAN = re.compile(r"^\s*[IVX]+\s*[.)]\s*")
BULLET = re.compile(r"^\s*[-–•+*]\s*")
HEADING_STYLES = ("heading", "title", "tieu de")
TITLE_LIMIT = 320  # a heading longer than this is a paragraph
ENOUGH = 0.72  # a title this alike names the section
NUMBER_BONUS = 0.2


class Opening(msgspec.Struct, frozen=True):
    """A paragraph that opens a section: the section, the part it belongs to, and how alike the titles are."""

    section: Section
    score: float


def part_heading(text: str, style: str) -> str | None:
    """"results" or "plan" for the report's two big headings ("KẾT QUẢ …", "NHIỆM VỤ …"), else None."""
    text = ROMAN.sub("", text, count=1)
    folded = fold(text).strip()
    shouting = text.upper() == text or _is_heading_style(style)
    if not shouting or len(text) > TITLE_LIMIT or NUMBERED.match(text):
        return None
    if folded.startswith(("nhiem vu", "phuong huong")):
        return "plan"
    if folded.startswith(("ket qua", "tinh hinh")):
        return "results"
    return None


def closing(text: str) -> bool:
    """Whether the report's body ends here: its appendix ("PHỤ LỤC") or the recipients ("Nơi nhận:")."""
    folded = " ".join(fold(text).split())
    return folded == "phu luc" or (text.upper() == text and folded.startswith("phu luc ")) \
        or folded.startswith("noi nhan")


def opening(text: str, style: str, template: Template, part: str) -> Opening | None:
    """The section this paragraph heads, or None when it is an ordinary paragraph."""
    numbered = NUMBERED.match(text)
    styled = _is_heading_style(style)
    if len(text) > TITLE_LIMIT or not (numbered or styled):
        return None
    number, title = (numbered["num"], numbered["title"]) if numbered else ("", text)
    best: Opening | None = None
    for section in template.section_list():
        score = _score(section, title.rstrip(" .:"), number, part)
        if best is None or score > best.score:
            best = Opening(section, score)
    needed = ENOUGH - (0.1 if styled else 0.0)
    return best if best is not None and best.score >= needed else None


def _score(section: Section, title: str, number: str, part: str) -> float:
    names = [section.title]
    if part == "plan" and section.plan_title:
        names.append(section.plan_title)
    score = max(similarity(title, name) for name in names)
    if number and part != "plan" and number == section.number:
        score += NUMBER_BONUS
    return score


def _is_heading_style(style: str) -> bool:
    return fold(style).startswith(HEADING_STYLES)


def bullet(text: str, listed: bool, style: str) -> tuple[str, str]:
    """The paragraph's text without its bullet mark, and its block style ("para" or "bullet")."""
    if BULLET.match(text) and not re.match(r"^\s*[-–]\s*\d", text):
        return BULLET.sub("", text, count=1), "bullet"
    if listed or fold(style).startswith("list"):
        return text, "bullet"
    return text, "para"
