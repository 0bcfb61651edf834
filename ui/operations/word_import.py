"""Bringing a past Word report into the open report: read it for review, then save what was accepted."""
from __future__ import annotations

import msgspec

from app.importing import docx_report, saving, settle
from app.reporting import desk
from app.reporting.changes import Changes
from app.reporting.desk import Sheet
from ui.operations.op import Op, Updated
from ui.operations.runner import Operations


class ReviewRow(msgspec.Struct, frozen=True):
    """One figure to review: where it is, what it says, the indicators offered and the one proposed."""

    section: str
    figure: str
    sentence: str
    options: tuple[tuple[str, str], ...]  # (code, label), best fit first
    proposed: str | None


class Review(msgspec.Struct, frozen=True):
    draft: object  # the reading, handed back unchanged to ``save_word_report``
    rows: tuple[ReviewRow, ...]
    summary: str


def read_word_report(*, parent, ops: Operations, sheet: Sheet, path: str) -> Op:
    """Read the Word file against the open report's template; nothing is written."""
    office, period = sheet.report.office_code, str(sheet.report.period)

    def step(store) -> Review:
        saving.target(store, office, period)
        draft = docx_report.read(path, sheet.data.template, sheet.data.profile.symbol)
        return Review(draft, tuple(_row(draft, p) for p in draft.proposals), _summary(draft))

    return Op(parent, ops).database(step)


def save_word_report(*, parent, ops: Operations, sheet: Sheet, review: Review, choices: dict[int, str | None],
                     source: str) -> Op:
    """Save the accepted reading into the open report, in one transaction."""
    office, period = sheet.report.office_code, str(sheet.report.period)

    def step(store) -> Updated:
        report = saving.save(store, office, period, settle.settle(review.draft, choices), source)
        changes = Changes(report_id=report.id, office=office, status=True)
        return Updated(changes, desk.refreshed(store, sheet, changes))

    return Op(parent, ops).database(step)


def _row(draft, proposal) -> ReviewRow:
    template = draft.template
    section = template.by_section[draft.pieces[proposal.piece].section]
    options = tuple((code, template.indicators[code].label) for code, _ in proposal.found.candidates)
    return ReviewRow(f"{section.number} {section.title}", proposal.found.text, proposal.sentence, options,
                     proposal.code)


def _summary(draft) -> str:
    sections = {p.section for p in draft.pieces}
    return (f"{len(draft.pieces)} đoạn vào {len(sections)} mục, {len(draft.documents)} văn bản được dẫn, "
            f"{len(draft.proposals)} số liệu để duyệt.")
