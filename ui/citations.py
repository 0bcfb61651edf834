"""Document codes in task text shown as the citations they print: "{VB:408/QĐ-LĐTBXH}" →
"Quyết định số 408/QĐ-LĐTBXH ngày 20/3/2020"."""
from __future__ import annotations

from app.domain import narrative
from app.domain.model import Document


def readable(text: str, documents: list[Document]) -> str:
    """``text`` with each ``{VB:…}`` replaced by its citation; an unknown one keeps its number, marked."""
    by_ref = {}
    for doc in documents:
        by_ref.setdefault(doc.ref, doc)

    def cite(match) -> str:
        if not match["ref"]:
            return match.group(0)
        doc = by_ref.get(match["ref"])
        return narrative.reference(doc) if doc else f"văn bản số {match['ref']} (chưa có trong danh mục)"

    return narrative.PLACEHOLDER.sub(cite, text)
