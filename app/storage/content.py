"""A report's content: figures, narrative, documents, next-period tasks and their reviews.

Every write is one transaction with an audit entry, refused on reports that
are issued or submitted (those change only through a new revision).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import TYPE_CHECKING

from app.domain import numbers
from app.domain.model import Block, Document, Report, ReportData, Task, TaskReview, TaskStatus, Value
from app.domain.text import clean, clean_line
from app.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from app.storage.store import Store

PARTS = ("results", "plan")


class Content:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    # --- figures ------------------------------------------------------------
    def enter(self, report: Report, code: str, text: str) -> Value:
        """Parse an operator's entry ("2.607", "khoảng 4.348", "13,302 tỷ") and store it.

        Other fields of the value (note, plan, prior-year figure) are kept.
        Raises InputError, leaving the stored value unchanged.
        """
        indicator = self._indicator(report, code)
        parsed = numbers.parse_value(text, indicator.kind, indicator.unit)
        old = self.values(report.id).get(code) or Value(code, None)
        new = dataclasses.replace(
            old, number=parsed.number, denominator=parsed.denominator,
            qualifier=parsed.qualifier, estimate=parsed.estimate,
        )
        return self.set_value(report, new)

    def set_value(self, report: Report, value: Value) -> Value:
        """Store ``value`` whole (replacing what was there) in one transaction."""
        self._indicator(report, value.indicator)
        self.store.require_editable(report)
        value = dataclasses.replace(value, note=clean(value.note).strip(),
                                    qualifier=value.qualifier or None)
        old = self.values(report.id).get(value.indicator)
        if old == value:
            return value
        with self.db.atomic():
            self.db.conn.execute(
                "INSERT OR REPLACE INTO value (report_id, indicator, number, denominator, qualifier,"
                " estimate, as_of, note, prior_year, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (report.id, value.indicator, _num(value.number), _num(value.denominator),
                 value.qualifier, int(value.estimate), _day(value.as_of), value.note,
                 _num(value.prior_year), _num(value.plan)),
            )
            self.store.touch(report.id)
            self.store.audit(report.office_code, "value", value.indicator, _value_row(old),
                             _value_row(value), report.id)
        return value

    def clear_value(self, report: Report, code: str) -> None:
        self._indicator(report, code)
        self.store.require_editable(report)
        old = self.values(report.id).get(code)
        if old is None:
            return
        with self.db.atomic():
            self.db.conn.execute("DELETE FROM value WHERE report_id = ? AND indicator = ?", (report.id, code))
            self.store.touch(report.id)
            self.store.audit(report.office_code, "value", code, _value_row(old), None, report.id)

    def values(self, report_id: str) -> dict[str, Value]:
        rows = self.db.execute(
            "SELECT indicator, number, denominator, qualifier, estimate, as_of, note, prior_year, plan"
            " FROM value WHERE report_id = ?", (report_id,)
        ).fetchall()
        return {
            row[0]: Value(
                indicator=row[0], number=numbers.from_storage(row[1]),
                denominator=numbers.from_storage(row[2]), qualifier=row[3], estimate=bool(row[4]),
                as_of=dt.date.fromisoformat(row[5]) if row[5] else None, note=row[6],
                prior_year=numbers.from_storage(row[7]), plan=numbers.from_storage(row[8]),
            )
            for row in rows
        }

    def _indicator(self, report: Report, code: str):
        template = self.store.template_of(report)
        indicator = template.indicators.get(code)
        if indicator is None:
            raise NotFoundError(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{code}”.")
        return indicator

    # --- narrative ----------------------------------------------------------
    def set_narrative(self, report: Report, section: str, part: str, blocks: list[Block]) -> None:
        """Replace the narrative of one section (part "results" or "plan")."""
        self._section(report, section)
        if part not in PARTS:
            raise InputError(f"Phần “{part}” không hợp lệ.")
        self.store.require_editable(report)
        blocks = [Block(clean(b.text).strip(), b.style) for b in blocks if clean(b.text).strip()]
        for block in blocks:
            if block.style not in ("para", "bullet"):
                raise InputError(f"Kiểu đoạn “{block.style}” không hợp lệ.")
        old = self.narrative(report.id).get((section, part), [])
        if old == blocks:
            return
        with self.db.atomic():
            self.db.conn.execute(
                "DELETE FROM narrative WHERE report_id = ? AND section = ? AND part = ?",
                (report.id, section, part),
            )
            self.db.conn.executemany(
                "INSERT INTO narrative (report_id, section, part, position, style, text)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(report.id, section, part, i, b.style, b.text) for i, b in enumerate(blocks)],
            )
            self.store.touch(report.id)
            self.store.audit(report.office_code, "narrative", f"{section}/{part}",
                             [dataclasses.asdict(b) for b in old] or None,
                             [dataclasses.asdict(b) for b in blocks] or None, report.id)

    def narrative(self, report_id: str) -> dict[tuple[str, str], list[Block]]:
        out: dict[tuple[str, str], list[Block]] = {}
        for section, part, style, text in self.db.execute(
            "SELECT section, part, style, text FROM narrative WHERE report_id = ?"
            " ORDER BY section, part, position", (report_id,)
        ).fetchall():
            out.setdefault((section, part), []).append(Block(text, style))
        return out

    def _section(self, report: Report, code: str) -> None:
        if code not in self.store.template_of(report).by_section:
            raise NotFoundError(f"Mẫu báo cáo không có mục mã “{code}”.")

    # --- documents ----------------------------------------------------------
    def save_document(self, report: Report, doc: Document) -> Document:
        """Add a document, or update the one with the same id."""
        self._section(report, doc.section)
        self.store.require_editable(report)
        doc = _clean_document(doc)
        existing = {d.id: d for d in self.documents(report.id)}
        clash = next((d for d in existing.values() if d.ref == doc.ref and d.id != doc.id), None)
        if clash:
            raise InputError(f"Văn bản số {doc.ref} đã có trong báo cáo.")
        old = existing.get(doc.id)
        if old == doc:
            return doc
        position = self._position("document", report.id) if old is None else None
        with self.db.atomic():
            if old is None:
                self.db.conn.execute(
                    "INSERT INTO document (id, report_id, section, position, doc_type, ref, issued_on,"
                    " issuer, summary, own, advised) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, report.id, doc.section, position, doc.doc_type, doc.ref,
                     _day(doc.issued_on), doc.issuer, doc.summary, int(doc.own), int(doc.advised)),
                )
            else:
                self.db.conn.execute(
                    "UPDATE document SET section = ?, doc_type = ?, ref = ?, issued_on = ?, issuer = ?,"
                    " summary = ?, own = ?, advised = ? WHERE id = ?",
                    (doc.section, doc.doc_type, doc.ref, _day(doc.issued_on), doc.issuer,
                     doc.summary, int(doc.own), int(doc.advised), doc.id),
                )
            self.store.touch(report.id)
            self.store.audit(report.office_code, "document", doc.ref,
                             dataclasses.asdict(old) if old else None, dataclasses.asdict(doc), report.id)
        return doc

    def delete_document(self, report: Report, doc_id: str) -> None:
        self.store.require_editable(report)
        old = next((d for d in self.documents(report.id) if d.id == doc_id), None)
        if old is None:
            raise NotFoundError("Văn bản không còn trong báo cáo.")
        with self.db.atomic():
            self.db.conn.execute("DELETE FROM document WHERE id = ?", (doc_id,))
            self.store.touch(report.id)
            self.store.audit(report.office_code, "document", old.ref, dataclasses.asdict(old), None, report.id)

    def documents(self, report_id: str) -> list[Document]:
        rows = self.db.execute(
            "SELECT id, section, doc_type, ref, issued_on, issuer, summary, own, advised"
            " FROM document WHERE report_id = ? ORDER BY position", (report_id,)
        ).fetchall()
        return [
            Document(id=r[0], section=r[1], doc_type=r[2], ref=r[3],
                     issued_on=dt.date.fromisoformat(r[4]) if r[4] else None, issuer=r[5],
                     summary=r[6], own=bool(r[7]), advised=bool(r[8]))
            for r in rows
        ]

    # --- tasks --------------------------------------------------------------
    def set_tasks(self, report: Report, section: str, texts: list[str]) -> list[Task]:
        """Replace the next-period tasks of a section; unchanged texts keep their ids."""
        self._section(report, section)
        self.store.require_editable(report)
        texts = [clean(t).strip() for t in texts if clean(t).strip()]
        old = [t for t in self.tasks(report.id) if t.section == section]
        if [t.text for t in old] == texts:
            return old
        reuse = {t.text: t.id for t in old}
        tasks = [Task(reuse.pop(text, None) or str(uuid.uuid4()), section, text) for text in texts]
        with self.db.atomic():
            self.db.conn.execute("DELETE FROM task WHERE report_id = ? AND section = ?", (report.id, section))
            self.db.conn.executemany(
                "INSERT INTO task (id, report_id, section, position, text) VALUES (?, ?, ?, ?, ?)",
                [(t.id, report.id, section, i, t.text) for i, t in enumerate(tasks)],
            )
            self.store.touch(report.id)
            self.store.audit(report.office_code, "tasks", section, [t.text for t in old] or None,
                             texts or None, report.id)
        return tasks

    def tasks(self, report_id: str) -> list[Task]:
        """Next-period tasks in the order of the template's sections."""
        rows = self.db.execute(
            "SELECT id, section, text, position FROM task WHERE report_id = ?", (report_id,)
        ).fetchall()
        order = {s: i for i, s in enumerate(self._section_order(report_id))}
        rows.sort(key=lambda r: (order.get(r[1], len(order)), r[1], r[3]))
        return [Task(r[0], r[1], r[2]) for r in rows]

    def _section_order(self, report_id: str) -> list[str]:
        report = self.store.report_by_id(report_id)
        return list(self.store.template_of(report).by_section)

    def review_task(self, report: Report, review: TaskReview) -> None:
        """Record this period's verdict on a task planned in the previous period."""
        self.store.require_editable(report)
        review = TaskReview(review.task_id, TaskStatus(review.status), clean(review.comment).strip())
        old = {r.task_id: r for r in self.reviews(report.id)}.get(review.task_id)
        with self.db.atomic():
            self.db.conn.execute(
                "INSERT OR REPLACE INTO task_review (report_id, task_id, status, comment) VALUES (?, ?, ?, ?)",
                (report.id, review.task_id, review.status.value, review.comment),
            )
            self.store.touch(report.id)
            self.store.audit(report.office_code, "task_review", review.task_id,
                             [old.status.value, old.comment] if old else None,
                             [review.status.value, review.comment], report.id)

    def reviews(self, report_id: str) -> list[TaskReview]:
        rows = self.db.execute(
            "SELECT task_id, status, comment FROM task_review WHERE report_id = ? ORDER BY task_id",
            (report_id,),
        ).fetchall()
        return [TaskReview(r[0], TaskStatus(r[1]), r[2]) for r in rows]

    # --- whole report -------------------------------------------------------
    def load(self, report: Report) -> ReportData:
        """Everything the report holds, ready for validation, dumps and rendering."""
        return ReportData(
            report=report,
            office=self.store.office_by_id(report.office_id),
            template=self.store.template_of(report),
            values=self.values(report.id),
            narrative=self.narrative(report.id),
            documents=self.documents(report.id),
            tasks=self.tasks(report.id),
            reviews=self.reviews(report.id),
        )

    def _position(self, table: str, report_id: str) -> int:
        row = self.db.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE report_id = ?", (report_id,)
        ).fetchone()
        return row[0]


def _clean_document(doc: Document) -> Document:
    ref = clean_line(doc.ref).replace(" ", "")
    if not ref:
        raise InputError("Văn bản phải có số, ký hiệu (ví dụ 171/LĐTBXH-VP).")
    if not any(ch.isdigit() for ch in ref.split("/")[0]) or "/" not in ref:
        raise InputError(f"Số, ký hiệu “{ref}” không đúng dạng (ví dụ 171/LĐTBXH-VP, 12-NQ/TU).")
    doc_type = clean_line(doc.doc_type)
    if not doc_type:
        raise InputError("Văn bản phải có loại (Công văn, Quyết định, Kế hoạch…).")
    if doc.issued_on and not dt.date(1945, 9, 2) <= doc.issued_on <= dt.date.today() + dt.timedelta(days=366):
        raise InputError(f"Ngày ban hành {doc.issued_on:%d/%m/%Y} không hợp lý.")
    return dataclasses.replace(
        doc, ref=ref, doc_type=doc_type, issuer=clean_line(doc.issuer),
        summary=clean_line(doc.summary), id=doc.id or str(uuid.uuid4()),
    )


def _num(number) -> str | None:
    return None if number is None else numbers.to_storage(number)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _value_row(value: Value | None) -> dict | None:
    if value is None:
        return None
    return {
        "number": _num(value.number), "denominator": _num(value.denominator),
        "qualifier": value.qualifier, "estimate": value.estimate, "as_of": _day(value.as_of),
        "note": value.note, "prior_year": _num(value.prior_year), "plan": _num(value.plan),
    }
