"""Document citations in a report's words ("Công văn số 171/LĐTBXH-VP ngày 31/01/2020") as register entries."""
from __future__ import annotations

import datetime as dt
import re
import uuid

import msgspec

from app.domain.model import Document

TYPES = ("Kế hoạch hành động", "Công văn", "Quyết định", "Nghị quyết", "Nghị định", "Kế hoạch", "Báo cáo",
         "Thông báo", "Chỉ thị", "Thông tư", "Chương trình", "Hướng dẫn", "Tờ trình", "Luật")
CITATION = re.compile(
    r"(?P<type>" + "|".join(TYPES) + r")\s+(?:số\s+)?"
    r"(?P<ref>\d+(?:/\d{4})?[/-][A-ZĐ][\wĐ&]*(?:[/-][\wĐ&]+)*)"
    r"(?:\s+ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}))?", re.IGNORECASE)


class Citation(msgspec.Struct, frozen=True):
    start: int
    end: int
    document: Document


def find(text: str, section: str, symbol: str = "") -> list[Citation]:
    """Each citation in ``text`` with the document it names (cited in ``section``)."""
    found = []
    for match in CITATION.finditer(text):
        doc_type = match["type"][0].upper() + match["type"][1:].lower()
        ref = match["ref"].rstrip(".-/")
        own = bool(symbol) and (ref.endswith(f"/{symbol}") or f"/{symbol}-" in ref)
        found.append(Citation(match.start(), match.end(), Document(
            id=str(uuid.uuid4()), section=section, doc_type=doc_type, ref=ref, issued_on=_date(match), own=own)))
    return found


def replace(text: str, cited: list[Citation]) -> str:
    """``text`` with each citation as its ``{VB:ref}`` placeholder."""
    for citation in sorted(cited, key=lambda c: c.start, reverse=True):
        text = f"{text[:citation.start]}{{VB:{citation.document.ref}}}{text[citation.end:]}"
    return text


def _date(match: re.Match) -> dt.date | None:
    if not match["year"]:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
