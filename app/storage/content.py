"""A report's content: figures, narrative, documents, next-period tasks and their reviews.

Each table has one column list and one row ↔ struct mapping here, used alike
by data entry, imports, revision copies and sync. Every write is one
transaction with an audit entry, refused on reports that are issued or
submitted (those change only through a new revision; the database's triggers
refuse it too).
"""
from __future__ import annotations

import uuid

import msgspec

from app.domain import kinds, numbers
from app.domain.model import Block, Document, Report, ReportData
from app.domain.period import Period
from app.domain.text import clean
from app.errors import InputError, NotFoundError
from app.storage import received
from app.storage.audit import AuditLog
from app.storage.connection import Database
from app.storage.offices import Offices
from app.storage.reports import Reports
from app.storage.rows import date, day, num, transaction
from app.storage.worklist import _DOCUMENT, Worklist, _document_from, document_row, review_rows, task_rows

PARTS = ("results", "plan")
STYLES = ("para", "bullet")
_VALUE = ("indicator", "number", "denominator", "qualifier", "estimate", "as_of", "note", "prior_year", "plan")


def value_row(value) -> dict:
    """A value's stored columns (also what the audit log records)."""
    return {"indicator": value.indicator, "number": num(value.number), "denominator": num(value.denominator),
            "qualifier": value.qualifier, "estimate": int(value.estimate), "as_of": day(value.as_of),
            "note": value.note, "prior_year": num(value.prior_year), "plan": num(value.plan)}


def _audit_value(value) -> dict | None:
    if value is None:
        return None
    row = value_row(value)
    row.pop("indicator")
    row["estimate"] = bool(row["estimate"])
    return row


def _value_from(row: tuple):
    """A stored value row (the columns of ``_VALUE``, in that order) as a Value."""
    from app.domain.model import Value

    indicator, number, denominator, qualifier, estimate, as_of, note, prior_year, plan = row
    decimal = numbers.from_storage
    return Value(indicator=indicator, number=decimal(number), denominator=decimal(denominator), qualifier=qualifier,
                 estimate=bool(estimate), as_of=date(as_of), note=note, prior_year=decimal(prior_year),
                 plan=decimal(plan))


def record_of(data: ReportData) -> received.Record:
    """A report's content laid out as the one record it is kept as when received (no database needed)."""
    return received.record({
        "value": [tuple(value_row(v).values()) for _, v in sorted(data.values.items())],
        "narrative": [(section, part, b.style, b.text) for (section, part), blocks
                      in sorted(data.narrative.items()) for b in blocks],
        "document": [document_row(d) for d in data.documents], "task": task_rows(data.tasks),
        "task_review": review_rows(data.reviews)})


class Content(Worklist):
    """Figures and narrative here; documents, tasks and reviews in ``Worklist``."""

    def __init__(self, db: Database, log: AuditLog, reports: Reports, offices: Offices) -> None:
        super().__init__(db, log, reports)
        self.offices = offices

    # --- figures ------------------------------------------------------------
    def enter(self, report: Report, code: str, text: str):
        """Parse an operator's entry ("2.607", "khoảng 4.348", "13,302 tỷ") and store it.

        Other fields of the value (note, plan, prior-year figure) are kept.
        Raises InputError, leaving the stored value unchanged.
        """
        from app.domain.model import Value

        indicator = self.indicator(report, code)
        parsed = kinds.parse_value(text, indicator.kind, indicator.unit)
        old = self.value(report.id, code)
        new = msgspec.structs.replace(old or Value(code, None), number=parsed.number, denominator=parsed.denominator,
                                      qualifier=parsed.qualifier, estimate=parsed.estimate)
        return self._store_value(report, new, old)

    def set_value(self, report: Report, value):
        """Store ``value`` whole (replacing what was there) in one transaction."""
        self.indicator(report, value.indicator)
        return self._store_value(report, value, self.value(report.id, value.indicator))

    def _store_value(self, report: Report, value, old):
        """Write ``value`` over ``old`` (the stored one, or None) with its audit entry, unless they are alike."""
        self.reports.require_editable(report)
        value = msgspec.structs.replace(value, note=clean(value.note).strip(), qualifier=value.qualifier or None)
        if old == value:
            return value
        with transaction(self.db):
            self.put_values(report.id, [value])
            self.reports.touch(report.id)
            self.log.record(report.office_code, "value", value.indicator, _audit_value(old), _audit_value(value),
                            report.id)
        return value

    def clear_value(self, report: Report, code: str, reason: str = "") -> None:
        """Remove one figure (audited with its old value and ``reason``)."""
        self.indicator(report, code)
        self.reports.require_editable(report)
        old = self.values(report.id).get(code)
        if old is None:
            return
        with transaction(self.db):
            self.db.conn.execute("DELETE FROM value WHERE report_id = ? AND indicator = ?", (report.id, code))
            self.reports.touch(report.id)
            self.log.record(report.office_code, "value", code, _audit_value(old), None, report.id, reason)

    def rename_value(self, report: Report, source: str, target: str) -> None:
        """Move a figure to another indicator code (inside the caller's transaction)."""
        self.reports.require_editable(report)
        self.db.conn.execute("UPDATE value SET indicator = ? WHERE report_id = ? AND indicator = ?",
                             (target, report.id, source))

    def put_values(self, report_id: str, values) -> None:
        """The one value write (inside the caller's transaction), for entry, import and copies."""
        self.reports.require_unfrozen(report_id)
        self._insert_values(report_id, values)

    def _insert_values(self, report_id: str, values) -> None:
        self.db.conn.executemany(
            f"INSERT OR REPLACE INTO value (report_id, {', '.join(_VALUE)}) VALUES (?, {', '.join('?' for _ in _VALUE)})",
            [(report_id, *value_row(v).values()) for v in values])

    def value(self, report_id: str, code: str):
        """One stored figure of the report, or None."""
        kept = received.rows(self.db, report_id, "value")
        row = next((r for r in kept if r[0] == code), None) if kept is not None else self.db.execute(
            f"SELECT {', '.join(_VALUE)} FROM value WHERE report_id = ? AND indicator = ?", (report_id, code)).fetchone()
        return _value_from(row) if row else None

    def values(self, report_id: str) -> dict:
        rows = self._rows(report_id, "value", f"SELECT {', '.join(_VALUE)} FROM value WHERE report_id = ?"
                          " ORDER BY indicator")
        return {row[0]: _value_from(row) for row in rows}

    def indicator(self, report: Report, code: str):
        """The report's template indicator ``code``; NotFoundError naming the template otherwise."""
        template = self.reports.template_of(report)
        found = template.indicators.get(code)
        if found is None:
            raise NotFoundError(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{code}”.")
        return found

    _indicator = indicator  # the name older callers use

    # --- narrative ----------------------------------------------------------
    def set_narrative(self, report: Report, section: str, part: str, blocks: list[Block]) -> None:
        """Replace the narrative of one section (part "results" or "plan")."""
        self.section(report, section)
        if part not in PARTS:
            raise InputError(f"Phần “{part}” không hợp lệ.")
        self.reports.require_editable(report)
        blocks = [Block(clean(b.text).strip(), b.style) for b in blocks if clean(b.text).strip()]
        for block in blocks:
            if block.style not in STYLES:
                raise InputError(f"Kiểu đoạn “{block.style}” không hợp lệ.")
        old = self.narrative(report.id).get((section, part), [])
        if old == blocks:
            return
        with transaction(self.db):
            self.put_narrative(report.id, section, part, blocks)
            self.reports.touch(report.id)
            self.log.record(report.office_code, "narrative", f"{section}/{part}",
                            [msgspec.structs.asdict(b) for b in old] or None,
                            [msgspec.structs.asdict(b) for b in blocks] or None, report.id)

    def put_narrative(self, report_id: str, section: str, part: str, blocks: list[Block]) -> None:
        """The one narrative write: a section part's blocks in order (inside the caller's transaction)."""
        self.reports.require_unfrozen(report_id)
        self.db.conn.execute("DELETE FROM narrative WHERE report_id = ? AND section = ? AND part = ?",
                             (report_id, section, part))
        self._insert_narrative(report_id, [(report_id, section, part, i, b.style, b.text)
                                           for i, b in enumerate(blocks)])

    def _insert_narrative(self, report_id: str, rows: list[tuple]) -> None:
        self.db.conn.executemany(
            "INSERT INTO narrative (report_id, section, part, position, style, text) VALUES (?, ?, ?, ?, ?, ?)", rows)

    def narrative(self, report_id: str) -> dict[tuple[str, str], list[Block]]:
        out: dict[tuple[str, str], list[Block]] = {}
        for section, part, style, text in self._rows(
                report_id, "narrative",
                "SELECT section, part, style, text FROM narrative WHERE report_id = ? ORDER BY section, part, position"):
            out.setdefault((section, part), []).append(Block(text, style))
        return out

    # --- whole report -------------------------------------------------------
    def load(self, report: Report) -> ReportData:
        """Everything the report holds, ready for validation, dumps and rendering."""
        return ReportData(
            report=report, office=self.offices.by_id(report.office_id), template=self.reports.template_of(report),
            values=self.values(report.id), narrative=self.narrative(report.id),
            documents=self.documents(report.id), tasks=self.tasks(report.id), reviews=self.reviews(report.id),
            register=self.register(report))

    def register(self, report: Report) -> list[Document]:
        """The office's register: documents of its other periods ending no later than this one.

        One entry per reference, from the latest revision of each period, the
        newest period first; a later period's document is not citable earlier.
        """
        rows = self.db.execute(
            f"SELECT r.period, r.revision, d.position, {', '.join('d.' + c for c in _DOCUMENT)} FROM document d"
            " JOIN report r ON r.id = d.report_id WHERE r.office_id = ? AND r.period != ? ORDER BY d.position",
            (report.office_id, str(report.period))).fetchall()
        rows = [(p, r, n, tuple(doc)) for p, r, n, *doc in rows]
        rows += received.office_documents(self.db, report.office_id, str(report.period))
        rows.sort(key=lambda row: row[2])
        latest: dict[str, int] = {}
        for period, revision, _, _ in rows:
            latest[period] = max(latest.get(period, 0), revision)
        found: dict[str, tuple[tuple, Document]] = {}
        for period, revision, _, doc in rows:
            when = Period.parse(period)
            if revision != latest[period] or when.end > report.period.end:
                continue
            document = _document_from(tuple(doc))
            if document.ref not in found or found[document.ref][0] < when.sort_key:
                found[document.ref] = (when.sort_key, document)
        return [d for _, d in sorted(found.values(), key=lambda item: item[0], reverse=True)]

    def put_all(self, report_id: str, data: ReportData, *, whole: bool = False) -> None:
        """Write a whole report's content into an empty report (imports, sync, revision copies).

        Checked once that the report is not frozen, then one statement per table (the database's triggers
        still guard every row); ``whole``: a report received in a signed package, kept as one record
        (``received``)."""
        if whole:
            self.put_record(report_id, record_of(data))
            return
        self.reports.require_unfrozen(report_id)
        self._insert_values(report_id, data.values.values())
        self._insert_narrative(report_id, [(report_id, section, part, i, b.style, b.text)
                                           for (section, part), blocks in data.narrative.items()
                                           for i, b in enumerate(blocks)])
        self._insert_documents(report_id, data.documents)
        self._insert_tasks(report_id, data.tasks)
        self._insert_reviews(report_id, data.reviews)

    def put_record(self, report_id: str, content: received.Record) -> None:
        """Keep a received report's content whole (``record_of`` laid it out) in an empty, unfrozen report."""
        self.reports.require_unfrozen(report_id)
        received.put(self.db, report_id, content)

    def copy(self, source: Report, target_id: str) -> None:
        """Give a new revision the content of ``source`` (documents get ids of their own)."""
        data = self.load(source)
        data.documents = [msgspec.structs.replace(d, id=str(uuid.uuid4())) for d in data.documents]
        self.put_all(target_id, data)

    def snapshot(self, report: Report) -> tuple:
        """What a report holds, comparable before and after a step (issuing checks nothing moved)."""
        current = self.reports.by_id(report.id)
        return (msgspec.structs.replace(current, updated=""), self.values(report.id), self.narrative(report.id),
                self.documents(report.id), self.tasks(report.id), self.reviews(report.id))
