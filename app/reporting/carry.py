"""Starting a period from the one before: every section's narrative carried, with fresh figures.

The text is copied as typed, placeholders included, so ``{VL_MOI}`` now prints
the new period's figure; nothing already written in the new period is
overwritten. Last period's tasks are this period's checklist (read from the
earlier report, nothing copied), and its documents stay citable through the
office's register.
"""
from __future__ import annotations

import msgspec

from app.domain import narrative
from app.domain.period import Period
from app.errors import InputError, NotFoundError
from app.reporting.changes import Changes
from app.reporting.office_templates import template_for
from app.storage.rows import transaction
from app.storage.store import Store

PARTS = {"results": "kết quả", "plan": "nhiệm vụ kỳ tới (đoạn mở đầu)"}


class CarriedPart(msgspec.Struct, frozen=True):
    """One section part and what happened to it."""

    section: str
    title: str  # "3.1. Giải quyết việc làm…"
    part: str  # "results" or "plan"
    paragraphs: int
    placeholders: tuple[str, ...]  # the figures it now prints for the new period
    kept: bool = False  # the new period already had its own text: left as it was


class Carried(msgspec.Struct, frozen=True):
    """What ``carry`` did, for the operator to review."""

    source: str
    target: str
    report_id: str
    parts: tuple[CarriedPart, ...]
    dropped: tuple[str, ...]  # sections of the old report the new template does not have
    checklist: int  # last period's tasks, to review now
    documents: int  # documents of the office's earlier periods, citable now

    @property
    def copied(self) -> tuple[CarriedPart, ...]:
        return tuple(p for p in self.parts if not p.kept)

    def lines(self) -> list[str]:
        """The review, one line per section part, in Vietnamese."""
        out = []
        for p in self.parts:
            what = f"{p.title} – {PARTS[p.part]}"
            if p.kept:
                out.append(f"{what}: giữ nội dung đã viết cho kỳ mới, không chép.")
                continue
            figures = f", {len(p.placeholders)} số liệu lấy của kỳ mới" if p.placeholders else ""
            out.append(f"{what}: {p.paragraphs} đoạn{figures}.")
        out += [f"Mục {code}: mẫu báo cáo kỳ mới không có mục này, không chép." for code in self.dropped]
        return out


def source_for(target: Period) -> Period:
    """The period a new report starts from: the base period before it, or the same period last year."""
    return target.previous() if target.is_base else target.same_period_last_year()


def following(period: Period) -> Period:
    """The period a report starts next: the next quarter or month, or the same period next year."""
    return period.next() if period.is_base else Period(period.year + 1, period.kind)


def plan(store: Store, office: str, period: Period | str) -> tuple[Period, Period]:
    """(source, target) of "start the new period from the last one" asked from the open ``period``.

    Into the open report from the period before it when it has no text yet (NotFoundError
    when there is no such report either); otherwise from the open report into the period
    that follows it.
    """
    period = _period(period)
    report = store.find_report(office, period)
    if report is not None and any(store.content.narrative(report.id).values()):
        return period, following(period)
    source = source_for(period)
    if store.find_report(office, source) is None:
        raise NotFoundError(f"Đơn vị {office} chưa có báo cáo {source.label} để chép sang {period.label}.")
    return source, period


def carry(store: Store, office: str, source: Period | str, target: Period | str) -> tuple[Carried, Changes]:
    """Copy every section's narrative of ``source`` into ``target`` (created as a draft when new).

    One transaction: either every section is carried or nothing is. Raises
    NotFoundError when ``source`` has no report and InputError when the two are the same period.
    """
    source, target = _period(source), _period(target)
    if source == target:
        raise InputError(f"Kỳ nguồn và kỳ mới trùng nhau ({source.label}).")
    earlier = store.find_report(office, source)
    if earlier is None:
        raise NotFoundError(f"Đơn vị {office} chưa có báo cáo {source.label} để chép sang {target.label}.")
    report = store.find_report(office, target) or store.open_report(office, target, template_for(store, office))
    store.require_editable(report)
    template = store.template_of(report)
    old, new = store.content.narrative(earlier.id), store.content.narrative(report.id)
    parts, dropped = [], []
    with transaction(store.db):
        for (section, part), blocks in sorted(old.items(), key=lambda item: _order(template, item[0])):
            if section not in template.by_section:
                dropped.append(section)
                continue
            heading = template.by_section[section]
            kept = bool(new.get((section, part)))
            if not kept:
                store.content.set_narrative(report, section, part, blocks)
            codes = tuple(dict.fromkeys(p.text for b in blocks for p in narrative.placeholders(b.text) if p.code))
            parts.append(CarriedPart(section, f"{heading.number}. {heading.title}", part, len(blocks), codes, kept))
    loaded = store.content.load(report)
    carried = Carried(str(source), str(target), report.id, tuple(parts), tuple(dict.fromkeys(dropped)),
                      len(store.content.tasks(earlier.id)) if source == target.previous() else 0,
                      len(loaded.register))
    sections = frozenset(p.section for p in carried.copied)
    return carried, Changes(report.id, office=report.office_code, sections=sections)


def _order(template, key: tuple[str, str]) -> tuple[int, int]:
    order = list(template.by_section)
    section, part = key
    return (order.index(section) if section in order else len(order), 0 if part == "results" else 1)


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)
