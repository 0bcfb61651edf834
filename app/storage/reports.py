"""Report headers and their life (``report``): draft → complete → issued, then revisions.

An issued or submitted revision is frozen here and by the database's own
triggers: its header never changes and the row is never deleted. Only
``record_issue`` moves a complete report to issued, in the same transaction
that stores its PDF.
"""
from __future__ import annotations

import datetime as dt
import uuid

from app.domain.model import Report, Status
from app.domain.period import Period
from app.domain.template import Template
from app.domain.text import clean_line
from app.errors import InputError, NotFoundError, UserError
from app.storage.audit import AuditLog, now
from app.storage.connection import Database
from app.storage.offices import Offices
from app.storage.rows import date, headings_from, transaction
from app.storage.rows import headings as stored_headings
from app.storage.templates import Templates

FROZEN = (Status.ISSUED, Status.SUBMITTED)
MAX_HEADING = 500  # characters of a report's own title or summary line
_HEADING_NAMES = {"title": "Tiêu đề", "summary": "Trích yếu", "heading": "Tiêu đề mục"}
_COLUMNS = ("id", "office_id", "period", "revision", "template_id", "status", "number", "issued_on",
            "signer_title", "signer_name", "summary", "created", "updated", "reason", "title", "headings")
_SELECT = ("SELECT " + ", ".join(f"r.{c}" for c in _COLUMNS) + ", o.code, t.code, t.version FROM report r"
           " JOIN office o ON o.id = r.office_id JOIN template t ON t.id = r.template_id ")


def heading_text(name: str, text: str) -> str:
    """A report's own "title" or "summary" as stored: one clean line; InputError when too long."""
    text = clean_line(text)
    if len(text) > MAX_HEADING:
        raise InputError(f"{_HEADING_NAMES[name]} dài {len(text)} ký tự; tối đa {MAX_HEADING} ký tự.")
    return text


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)


def _report_from(row: tuple) -> Report:
    r = dict(zip(_COLUMNS, row, strict=False))
    office_code, tcode, tversion = row[len(_COLUMNS):]
    return Report(id=r["id"], office_id=r["office_id"], office_code=office_code, period=Period.parse(r["period"]),
                  revision=r["revision"], template_key=f"{tcode}@{tversion}", status=Status(r["status"]),
                  number=r["number"], issued_on=date(r["issued_on"]), signer_title=r["signer_title"],
                  signer_name=r["signer_name"], summary=r["summary"], created=r["created"],
                  updated=r["updated"], reason=r["reason"], title=r["title"], headings=headings_from(r["headings"]))


def _report_row(report: Report, template_id: int, status: Status) -> tuple:
    return (report.id, report.office_id, str(report.period), report.revision, template_id, status.value,
            report.number, report.issued_on.isoformat() if report.issued_on else None, report.signer_title,
            report.signer_name, report.summary, report.created, report.updated, report.reason, report.title,
            stored_headings(report.headings))


class Reports:
    """The ``report`` table."""

    def __init__(self, db: Database, log: AuditLog, offices: Offices, templates: Templates) -> None:
        self.db = db
        self.log = log
        self.offices = offices
        self.templates = templates

    # --- reading ------------------------------------------------------------
    def _one(self, where: str, args: tuple) -> Report | None:
        rows = self._many(where, args)
        return rows[0] if rows else None

    def _many(self, where: str, args: tuple) -> list[Report]:
        return [_report_from(row) for row in self.db.execute(_SELECT + where, args).fetchall()]

    def find(self, office_code: str, period: Period | str) -> Report | None:
        """The latest revision of the office's report for the period, or None (NotFoundError: no such office)."""
        found = self._one("WHERE o.code = ? AND r.period = ? ORDER BY r.revision DESC LIMIT 1",
                          (office_code.strip().upper(), str(_period(period))))
        if found is None and not self.offices.known(office_code):
            self.offices.get(office_code)  # an unknown office is an error, not a missing report
        return found

    def at_revision(self, office_id: str, period: Period | str, revision: int) -> Report | None:
        """One revision of an office's report, or None."""
        return self._one("WHERE r.office_id = ? AND r.period = ? AND r.revision = ?",
                         (office_id, str(_period(period)), revision))

    def get(self, office_code: str, period: Period | str) -> Report:
        found = self.find(office_code, period)
        if found is None:
            raise NotFoundError(f"Đơn vị {office_code.upper()} chưa có báo cáo kỳ {period}.")
        return found

    def issued(self, office_code: str, period: Period | str, revision: int | None = None) -> Report:
        """The latest issued (or submitted) revision, or the given one: the legally valid copy."""
        office = self.offices.get(office_code)
        where = "WHERE r.office_id = ? AND r.period = ? AND r.status IN ('issued', 'submitted')"
        args: tuple = (office.id, str(_period(period)))
        if revision is not None:
            where, args = where + " AND r.revision = ?", (*args, revision)
        found = self._one(where + " ORDER BY r.revision DESC LIMIT 1", args)
        if found is None:
            raise NotFoundError(f"Báo cáo kỳ {period} của {office.code} chưa có bản nào đã ban hành"
                                + (f" ở bản {revision}." if revision else "."))
        return found

    def find_by_id(self, report_id: str) -> Report | None:
        return self._one("WHERE r.id = ?", (report_id,))

    def by_id(self, report_id: str) -> Report:
        found = self.find_by_id(report_id)
        if found is None:
            raise NotFoundError(f"Không có báo cáo {report_id}.")
        return found

    def all(self, office_code: str | None = None) -> list[Report]:
        if office_code is None:
            return self._many("ORDER BY o.code, r.period, r.revision", ())
        office = self.offices.get(office_code)
        return self._many("WHERE r.office_id = ? ORDER BY r.period, r.revision", (office.id,))

    def template_id(self, report: Report) -> int:
        row = self.db.execute("SELECT template_id FROM report WHERE id = ?", (report.id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có báo cáo {report.id}.")
        return row[0]

    def template_for_new(self, office_code: str) -> int:
        """The template version a new report of the office is created with.

        The newest installed version of the template the office chose (``template use``,
        ``office add --template``), else the newest version of the shipped template.
        """
        chosen = self.offices.chosen_template(office_code)
        return self.templates.id_of(chosen) if chosen else self.templates.default_id()

    def template_of(self, report: Report) -> Template:
        return self.templates.by_id(self.template_id(report))

    def number_used(self, report: Report, number: str, year: int) -> str | None:
        """The period of another issued report of the office with this number in ``year``, or None."""
        row = self.db.execute(
            "SELECT period FROM report WHERE office_id = ? AND number = ? AND substr(issued_on, 1, 4) = ?"
            " AND status IN ('issued', 'submitted') AND id != ?",
            (report.office_id, number, str(year), report.id)).fetchone()
        return row[0] if row else None

    def replaced_issue(self, report: Report) -> tuple[str, dt.date | None] | None:
        """(number, date) of the latest earlier issued revision of the same report, or None."""
        row = self.db.execute(
            "SELECT number, issued_on FROM report WHERE office_id = ? AND period = ? AND revision < ?"
            " AND status IN ('issued', 'submitted') AND number != '' ORDER BY revision DESC LIMIT 1",
            (report.office_id, str(report.period), report.revision)).fetchone()
        return (row[0], date(row[1])) if row else None

    # --- rules --------------------------------------------------------------
    def require_own(self, report: Report) -> None:
        """Reports received from another office are read-only here: the sender corrects them."""
        if self.offices.origin(report.office_id) != "local":
            raise UserError(f"Báo cáo của {report.office_code} do đơn vị đó gửi lên: chỉ xem, không sửa ở đây. "
                            "Đơn vị đó sửa rồi gửi lại.")

    def require_editable(self, report: Report) -> Report:
        """Only an office's own drafts change; complete ones reopen first, issued ones get a revision."""
        current = self.by_id(report.id)
        self.require_own(current)
        if current.status is Status.COMPLETE:
            raise UserError(f"Báo cáo {current.period.label} đã đánh dấu hoàn thành; hãy mở lại để sửa.")
        if not current.editable:
            raise UserError(
                f"Báo cáo {current.period.label} của {current.office_code} ở trạng thái “{current.status.label}”: "
                "không sửa trực tiếp được. Hãy mở bản sửa đổi mới.")
        return current

    def require_unfrozen(self, report_id: str) -> None:
        """Refuse any change to an issued or submitted revision, whoever asks."""
        row = self.db.execute("SELECT status FROM report WHERE id = ?", (report_id,)).fetchone()
        if row is None or Status(row[0]) not in FROZEN:  # the usual case, told by one column
            return
        current = self.find_by_id(report_id)
        if current is not None and current.status in FROZEN:
            raise UserError(f"Báo cáo {current.period.label} bản {current.revision} của {current.office_code} "
                            "đã ban hành hoặc đã gửi: không sửa, không xóa được; chỉ mở được bản sửa đổi mới.")

    # --- writing ------------------------------------------------------------
    def open(self, office_code: str, period: Period | str, template_id: int | None = None) -> Report:
        """The office's report for the period, created as a draft if it does not exist."""
        period = _period(period)
        existing = self.find(office_code, period)
        if existing:
            return existing
        office = self.offices.get(office_code)
        stamp = now()
        report = Report(id=str(uuid.uuid4()), office_id=office.id, office_code=office.code, period=period,
                        revision=1, template_key="", status=Status.DRAFT, created=stamp, updated=stamp)
        with transaction(self.db):
            self.insert(report, template_id or self.template_for_new(office.code))
            self.log.record(office.code, "report", str(period), None, "draft", report.id)
        return self.by_id(report.id)

    def insert(self, report: Report, template_id: int, status: Status = Status.DRAFT) -> None:
        """Insert a header (inside the caller's transaction); content follows, then ``set_status``."""
        self.db.conn.execute(f"INSERT INTO report ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})",
                             _report_row(report, template_id, status))

    def delete(self, report: Report) -> None:
        """Remove a draft or complete header with its content (inside the caller's transaction)."""
        self.require_unfrozen(report.id)
        self.db.conn.execute("DELETE FROM report WHERE id = ?", (report.id,))

    def new_revision(self, report: Report, reason: str) -> Report:
        """Header of revision n+1 of ``report`` as a draft (inside the caller's transaction)."""
        stamp = now()
        fresh = Report(id=str(uuid.uuid4()), office_id=report.office_id, office_code=report.office_code,
                       period=report.period, revision=report.revision + 1, template_key=report.template_key,
                       status=Status.DRAFT, summary=report.summary, title=report.title, created=stamp, updated=stamp,
                       reason=reason, headings=report.headings)
        self.insert(fresh, self.template_id(report))
        return fresh

    def set_status(self, report: Report, status: Status, reason: str = "") -> Report:
        """Draft ↔ complete (and the status an import carries); never away from issued or submitted."""
        current = self.by_id(report.id)
        self.require_unfrozen(report.id)
        with transaction(self.db):
            self.db.conn.execute("UPDATE report SET status = ?, updated = ? WHERE id = ?",
                                 (status.value, now(), report.id))
            self.log.record(current.office_code, "status", str(current.period), current.status.value,
                            status.value, report.id, reason)
        return self.by_id(report.id)

    def settle(self, report_id: str, status: Status) -> None:
        """Give an imported header its status once its content is in (inside the caller's transaction)."""
        self.require_unfrozen(report_id)
        self.db.conn.execute("UPDATE report SET status = ? WHERE id = ?", (status.value, report_id))

    def record_issue(self, report: Report, *, number: str, issued_on: dt.date, signer_title: str,
                     signer_name: str) -> None:
        """Complete → issued with its number, date and signer (inside the transaction storing the PDF)."""
        self.db.conn.execute(
            "UPDATE report SET number = ?, issued_on = ?, signer_title = ?, signer_name = ?, status = 'issued',"
            " updated = ? WHERE id = ? AND status = 'complete'",
            (number, issued_on.isoformat(), signer_title, signer_name, now(), report.id))

    def set_heading(self, report: Report, *, title: str | None = None, summary: str | None = None,
                    headings: dict[str, str] | None = None) -> Report:
        """The report's own title ("BÁO CÁO" by default), summary line and section headings (key →
        text, merged into those it has); "" returns to the template's.

        One line each, at most ``MAX_HEADING`` characters; one transaction, each change audited.
        """
        current = self.require_editable(report)
        changes = {}
        for name, text in (("title", title), ("summary", summary)):
            if text is not None and heading_text(name, text) != getattr(current, name):
                changes[name] = heading_text(name, text)
        if headings:
            merged = dict(current.headings) | {k: heading_text("heading", v) for k, v in headings.items()}
            own = stored_headings(tuple((k, v) for k, v in merged.items() if v))
            if own != stored_headings(current.headings):
                changes["headings"] = own
        before = {"title": current.title, "summary": current.summary, "headings": stored_headings(current.headings)}
        if changes:
            with transaction(self.db):
                for name, text in changes.items():  # the name is one of three known columns
                    self.db.conn.execute(f"UPDATE report SET {name} = ?, updated = ? WHERE id = ?",
                                         (text, now(), report.id))
                    self.log.record(current.office_code, name, str(current.period), before[name] or None,
                                    text or None, report.id)
        return self.by_id(report.id)

    def set_template(self, report: Report, template_id: int) -> None:
        """Move a draft to another template version (inside the caller's transaction)."""
        self.require_unfrozen(report.id)
        self.db.conn.execute("UPDATE report SET template_id = ? WHERE id = ?", (template_id, report.id))

    def touch(self, report_id: str) -> None:
        """Mark a report changed (inside the caller's transaction)."""
        self.db.conn.execute("UPDATE report SET updated = ? WHERE id = ?", (now(), report_id))
