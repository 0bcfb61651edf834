"""A report's documents, next-period tasks and task reviews (``document``, ``task``, ``task_review``).

The part of a report's content that is lists of records; ``Content`` adds the
figures and narrative. The same rules hold: one column list and mapping per
table, each write one audited transaction, nothing changes on a frozen report.
"""
from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from app.domain.model import Document, Report, Task, TaskReview, TaskStatus
from app.domain.text import clean, clean_line
from app.errors import InputError, NotFoundError
from app.storage import received
from app.storage.audit import AuditLog
from app.storage.connection import Database
from app.storage.reports import Reports
from app.storage.rows import date, day, transaction

_DOCUMENT = ("id", "section", "doc_type", "ref", "issued_on", "issuer", "summary", "own", "advised")


def clean_document(doc: Document) -> Document:
    """A document as stored: reference without spaces, one-line texts, a plausible date; else InputError."""
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
    return Document(id=doc.id or str(uuid.uuid4()), section=doc.section, doc_type=doc_type, ref=ref,
                    issued_on=doc.issued_on, issuer=clean_line(doc.issuer), summary=clean_line(doc.summary),
                    own=doc.own, advised=doc.advised)


def document_row(d: Document) -> tuple:
    """A document's stored columns, in ``_DOCUMENT`` order (as read back)."""
    return (d.id, d.section, d.doc_type, d.ref, day(d.issued_on), d.issuer, d.summary, int(d.own), int(d.advised))


def _document_row(report_id: str, position: int, d: Document) -> tuple:
    return (report_id, position, *document_row(d))


def task_rows(tasks: list[Task]) -> list[tuple]:
    """(id, section, text, position within its section) of each task, as stored and read back."""
    positions: dict[str, int] = {}
    rows = []
    for task in tasks:
        positions[task.section] = positions.get(task.section, -1) + 1
        rows.append((task.id, task.section, task.text, positions[task.section]))
    return rows


def review_rows(reviews: list[TaskReview]) -> list[tuple]:
    """(task id, status, comment) of each review in task id order, the last one of a task kept (as stored)."""
    latest = {r.task_id: (r.task_id, TaskStatus(r.status).value, r.comment) for r in reviews}
    return [latest[task_id] for task_id in sorted(latest)]


def _document_from(row: tuple) -> Document:
    r = dict(zip(_DOCUMENT, row, strict=True))
    return Document(**r | {"issued_on": date(r["issued_on"]), "own": bool(r["own"]), "advised": bool(r["advised"])})


class Worklist:
    """Documents, tasks and reviews of reports."""

    def __init__(self, db: Database, log: AuditLog, reports: Reports) -> None:
        self.db = db
        self.log = log
        self.reports = reports

    def _rows(self, report_id: str, table: str, sql: str) -> list:
        """The report's rows of ``table`` as ``sql`` selects them (the report id its one parameter), or as a
        received report keeps them (``received``)."""
        kept = received.rows(self.db, report_id, table)
        return kept if kept is not None else self.db.execute(sql, (report_id,)).fetchall()

    def section(self, report: Report, code: str) -> None:
        """Refuse a section code the report's template does not have."""
        if code not in self.reports.template_of(report).by_section:
            raise NotFoundError(f"Mẫu báo cáo không có mục mã “{code}”.")

    def section_order(self, report_id: str) -> list[str]:
        return list(self.reports.template_of(self.reports.by_id(report_id)).by_section)

    # --- documents ----------------------------------------------------------
    def save_document(self, report: Report, doc: Document) -> Document:
        """Add a document, or update the one with the same id."""
        self.section(report, doc.section)
        self.reports.require_editable(report)
        doc = clean_document(doc)
        existing = {d.id: d for d in self.documents(report.id)}
        if any(d.ref == doc.ref and d.id != doc.id for d in existing.values()):
            raise InputError(f"Văn bản số {doc.ref} đã có trong báo cáo.")
        old = existing.get(doc.id)
        if old == doc:
            return doc
        with transaction(self.db):
            if old is None:
                self.put_documents(report.id, [doc], start=self._next_position(report.id))
            else:
                self.db.conn.execute(
                    "UPDATE document SET section = ?, doc_type = ?, ref = ?, issued_on = ?, issuer = ?, summary = ?,"
                    " own = ?, advised = ? WHERE id = ? AND report_id = ?",
                    (doc.section, doc.doc_type, doc.ref, day(doc.issued_on), doc.issuer, doc.summary,
                     int(doc.own), int(doc.advised), doc.id, report.id))
            self.reports.touch(report.id)
            self.log.record(report.office_code, "document", doc.ref, msgspec.structs.asdict(old) if old else None,
                            msgspec.structs.asdict(doc), report.id)
        return doc

    def delete_document(self, report: Report, doc_id: str) -> None:
        self.reports.require_editable(report)
        old = next((d for d in self.documents(report.id) if d.id == doc_id), None)
        if old is None:
            raise NotFoundError("Văn bản không còn trong báo cáo.")
        with transaction(self.db):
            self.db.conn.execute("DELETE FROM document WHERE id = ? AND report_id = ?", (doc_id, report.id))
            self.reports.touch(report.id)
            self.log.record(report.office_code, "document", old.ref, msgspec.structs.asdict(old), None, report.id)

    def put_documents(self, report_id: str, docs: list[Document], start: int = 0) -> None:
        """The one document insert, in order from position ``start`` (inside the caller's transaction)."""
        self.reports.require_unfrozen(report_id)
        self._insert_documents(report_id, docs, start)

    def _insert_documents(self, report_id: str, docs: list[Document], start: int = 0) -> None:
        self.db.conn.executemany(
            "INSERT INTO document (report_id, position, id, section, doc_type, ref, issued_on, issuer, summary,"
            " own, advised) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_document_row(report_id, start + i, d) for i, d in enumerate(docs)])

    def documents(self, report_id: str) -> list[Document]:
        return [_document_from(r) for r in self._rows(
            report_id, "document", f"SELECT {', '.join(_DOCUMENT)} FROM document WHERE report_id = ? ORDER BY position")]

    def taken_document_ids(self, ids: list[str], except_report: str | None = None) -> list[str]:
        """Which of ``ids`` already name a document of another report (document ids are global)."""
        holders: dict[str, str] = {}
        for start in range(0, len(ids), 500):  # one query per 500 ids, within SQLite's parameter limit
            chunk = ids[start:start + 500]
            holders.update(self.db.execute(
                f"SELECT id, report_id FROM document WHERE id IN ({', '.join('?' for _ in chunk)})", chunk).fetchall())
        return [doc_id for doc_id in ids if doc_id in holders and holders[doc_id] != except_report]

    def _next_position(self, report_id: str) -> int:
        return self.db.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM document WHERE report_id = ?",
                               (report_id,)).fetchone()[0]

    # --- tasks --------------------------------------------------------------
    def set_tasks(self, report: Report, section: str, texts: list[str]) -> list[Task]:
        """Replace the next-period tasks of a section; unchanged texts keep their ids."""
        self.section(report, section)
        self.reports.require_editable(report)
        texts = [clean(t).strip() for t in texts if clean(t).strip()]
        old = [t for t in self.tasks(report.id) if t.section == section]
        if [t.text for t in old] == texts:
            return old
        reuse = {t.text: t.id for t in old}
        tasks = [Task(reuse.pop(text, None) or str(uuid.uuid4()), section, text) for text in texts]
        with transaction(self.db):
            self.db.conn.execute("DELETE FROM task WHERE report_id = ? AND section = ?", (report.id, section))
            self.put_tasks(report.id, tasks)
            self.reports.touch(report.id)
            self.log.record(report.office_code, "tasks", section, [t.text for t in old] or None, texts or None,
                            report.id)
        return tasks

    def put_tasks(self, report_id: str, tasks: list[Task]) -> None:
        """The one task insert; positions count within each section (inside the caller's transaction)."""
        self.reports.require_unfrozen(report_id)
        self._insert_tasks(report_id, tasks)

    def _insert_tasks(self, report_id: str, tasks: list[Task]) -> None:
        self.db.conn.executemany("INSERT INTO task (report_id, id, section, text, position) VALUES (?, ?, ?, ?, ?)",
                                 [(report_id, *row) for row in task_rows(tasks)])

    def set_task_text(self, report: Report, task_id: str, text: str) -> None:
        """Rewrite one task's text (inside the caller's transaction; template moves)."""
        self.reports.require_editable(report)
        self.db.conn.execute("UPDATE task SET text = ? WHERE report_id = ? AND id = ?", (text, report.id, task_id))

    def tasks(self, report_id: str) -> list[Task]:
        """Next-period tasks in the order of the template's sections."""
        rows = self._rows(report_id, "task", "SELECT id, section, text, position FROM task WHERE report_id = ?")
        if not rows:
            return []
        order = {s: i for i, s in enumerate(self.section_order(report_id))}
        rows.sort(key=lambda r: (order.get(r[1], len(order)), r[1], r[3]))
        return [Task(r[0], r[1], r[2]) for r in rows]

    # --- reviews ------------------------------------------------------------
    def review_task(self, report: Report, review: TaskReview) -> None:
        """Record this period's verdict on a task planned in the previous period."""
        self.reports.require_editable(report)
        review = TaskReview(review.task_id, TaskStatus(review.status), clean(review.comment).strip())
        old = {r.task_id: r for r in self.reviews(report.id)}.get(review.task_id)
        with transaction(self.db):
            self.put_reviews(report.id, [review])
            self.reports.touch(report.id)
            self.log.record(report.office_code, "task_review", review.task_id,
                            [old.status.value, old.comment] if old else None,
                            [review.status.value, review.comment], report.id)

    def put_reviews(self, report_id: str, reviews: list[TaskReview]) -> None:
        """The one review write (inside the caller's transaction)."""
        self.reports.require_unfrozen(report_id)
        self._insert_reviews(report_id, reviews)

    def _insert_reviews(self, report_id: str, reviews: list[TaskReview]) -> None:
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO task_review (report_id, task_id, status, comment) VALUES (?, ?, ?, ?)",
            [(report_id, *row) for row in review_rows(reviews)])

    def reviews(self, report_id: str) -> list[TaskReview]:
        rows = self._rows(report_id, "task_review",
                          "SELECT task_id, status, comment FROM task_review WHERE report_id = ? ORDER BY task_id")
        return [TaskReview(r[0], TaskStatus(r[1]), r[2]) for r in rows]
