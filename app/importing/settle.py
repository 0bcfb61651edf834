"""The reviewed draft as a report's content: placeholders for accepted figures, their values, tasks."""
from __future__ import annotations

import uuid

import msgspec

from app.domain.model import Block, Document, Task, Value
from app.domain.text import clean
from app.errors import InputError
from app.importing import figures
from app.importing.docx_report import Draft


class Settled(msgspec.Struct):
    """What the import writes: narrative by (section, part), tasks, documents and values."""

    narrative: dict[tuple[str, str], list[Block]] = msgspec.field(default_factory=dict)
    tasks: list[Task] = msgspec.field(default_factory=list)
    documents: list[Document] = msgspec.field(default_factory=list)
    values: dict[str, Value] = msgspec.field(default_factory=dict)


def settle(draft: Draft, choices: dict[int, str | None] | None = None) -> Settled:
    """Apply the operator's choice per proposal index (an indicator code, or None to skip);
    proposals not in ``choices`` keep the proposed indicator."""
    choices = choices or {}
    chosen = {i: choices.get(i, p.code) for i, p in enumerate(draft.proposals)}
    settled = Settled(documents=list(draft.documents))
    texts = [clean(p.text).strip() for p in draft.pieces]
    for index in sorted(chosen, key=lambda i: -draft.proposals[i].found.start):
        proposal, code = draft.proposals[index], chosen[index]
        if code and _take(draft, settled, proposal.found, code):
            found, text = proposal.found, texts[proposal.piece]
            texts[proposal.piece] = text[:found.start] + figures.placeholder(found, code) + text[found.end:]
    children = {s.code for s in draft.template.section_list() if s.children}
    for piece, text in zip(draft.pieces, texts, strict=True):
        if piece.part == "plan" and piece.section not in children:
            settled.tasks.append(Task(str(uuid.uuid4()), piece.section, text))
        else:
            settled.narrative.setdefault((piece.section, piece.part), []).append(Block(text, piece.style))
    return settled


def _take(draft: Draft, settled: Settled, found: figures.Found, code: str) -> bool:
    """Record the figure as the indicator's value; False (text left as written) when it does not fit."""
    indicator = draft.template.indicators.get(code)
    if indicator is None:
        raise InputError(f"Mẫu báo cáo {draft.template.key} không có chỉ tiêu mã “{code}”.")
    try:
        parsed = figures.value_of(found, indicator)
    except InputError:
        return False
    held = settled.values.get(code)
    if held is not None and held.number != parsed.number:
        return False
    settled.values[code] = Value(code, parsed.number, denominator=parsed.denominator,
                                 qualifier=parsed.qualifier, estimate=parsed.estimate)
    return True
