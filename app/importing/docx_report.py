"""A past Word report read into a draft: sections, narrative, cited documents and proposed figures.

Nothing here writes: ``read`` gives a ``Draft`` to review, ``settle`` turns the operator's
choices into the report's content, and ``app.importing.saving`` stores it in one transaction.
"""
from __future__ import annotations

from pathlib import Path

import msgspec

from app.domain.model import Document
from app.domain.template import Template
from app.importing import citations, figures
from app.importing.reading import Paragraph, read_paragraphs
from app.importing.sections import bullet, closing, opening, part_heading

NEXT_BONUS = 0.15


class Piece(msgspec.Struct):
    """One paragraph of the draft: its section, part ("results"/"plan"), style and text ({VB:…} already in)."""

    section: str
    part: str
    style: str
    text: str


class Proposal(msgspec.Struct):
    """A figure found in a piece, with the indicator proposed for it (None: nothing fits)."""

    piece: int
    found: figures.Found
    code: str | None
    sentence: str


class Draft(msgspec.Struct):
    template: Template
    pieces: list[Piece] = msgspec.field(default_factory=list)
    documents: list[Document] = msgspec.field(default_factory=list)
    proposals: list[Proposal] = msgspec.field(default_factory=list)
    left_out: list[str] = msgspec.field(default_factory=list)  # paragraphs before the first section


def read(path: Path | str, template: Template, symbol: str = "") -> Draft:
    """Read the Word file at ``path`` against ``template``; InputError naming the file when it cannot be read."""
    return build(read_paragraphs(path), template, symbol)


def build(paragraphs: list[Paragraph], template: Template, symbol: str = "") -> Draft:
    """The draft for a list of paragraphs (the reading, without the file)."""
    draft = Draft(template)
    section, part = None, "results"
    for paragraph in paragraphs:
        if section is not None and closing(paragraph.text):
            break
        switched = part_heading(paragraph.text, paragraph.style)
        if switched:
            part = switched
            continue
        opened = opening(paragraph.text, paragraph.style, template, part)
        if opened is not None:
            section = opened.section.code
            continue
        if section is None:
            draft.left_out.append(paragraph.text)
            continue
        text, style = bullet(paragraph.text, paragraph.listed, paragraph.style)
        _add(draft, Piece(section, part, style, text), symbol)
    return draft


def _add(draft: Draft, piece: Piece, symbol: str) -> None:
    cited = citations.find(piece.text, piece.section, symbol)
    known = {d.ref for d in draft.documents}
    for citation in cited:
        if citation.document.ref not in known:
            draft.documents.append(citation.document)
            known.add(citation.document.ref)
    piece.text = citations.replace(piece.text, cited)
    draft.pieces.append(piece)
    if piece.part == "results":
        _propose(draft, len(draft.pieces) - 1)


def _propose(draft: Draft, index: int) -> None:
    """Propose an indicator for each figure of a piece: the best fit not yet taken in its section, the
    template's next indicator after the last one taken counting a little more (reports follow its order)."""
    piece = draft.pieces[index]
    indicators = figures.section_indicators(draft.template, piece.section)
    order = [i.code for i in indicators]
    taken = [p.code for p in draft.proposals if p.code and draft.pieces[p.piece].section == piece.section]
    for found in figures.find(piece.text, indicators):
        following = order[order.index(taken[-1]) + 1] if taken and taken[-1] != order[-1] else order[0]
        ranked = sorted(((score + (NEXT_BONUS if code == following else 0.0), code)
                         for code, score in found.candidates if code not in taken), key=lambda c: -c[0])
        code = ranked[0][1] if ranked and ranked[0][0] >= figures.ENOUGH else None
        if code:
            taken.append(code)
        draft.proposals.append(Proposal(index, found, code, _sentence(piece.text, found.start, found.end)))


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or clause between semicolons) around a figure."""
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("; ", end)) if i >= 0), default=len(text))
    return text[left + 2 if left >= 0 else 0:right + 1].strip()
