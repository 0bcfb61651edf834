"""The local store: one facade over the repositories of offices, templates, reports and their content.

Each repository owns its table's SQL, its column list, its row ↔ struct
mapping and its invariants; ``Store`` composes them over one connection and
keeps the short names the rest of the program calls. Each public write is one
transaction with an audit entry saying who (the office and the operating-system
user) and through which door (``channel``: "window", "command", "sync",
"import"). ``ui/`` reaches the database only through this class (via its
operations layer).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from app.domain.model import Office, OfficeProfile, Report, Status
from app.domain.period import Period
from app.domain.template import Template
from app.storage.audit import CHANNELS, AuditLog, now
from app.storage.connection import Database
from app.storage.content import Content
from app.storage.files import Files
from app.storage.offices import Offices
from app.storage.reports import Reports
from app.storage.settings import SettingRows
from app.storage.submissions import Submissions
from app.storage.templates import Templates

__all__ = ["Store", "now"]


class Store:
    """Offices, templates, report headers (here) and report content (``content``)."""

    def __init__(self, db: Database, channel: str = "command") -> None:
        self.db = db
        self.audit_log = AuditLog(db, channel)
        self.offices_repo = Offices(db, self.audit_log)
        self.templates = Templates(db, self.audit_log)
        self.reports_repo = Reports(db, self.audit_log, self.offices_repo, self.templates)
        self.content = Content(db, self.audit_log, self.reports_repo, self.offices_repo)
        self.files = Files(db, self.audit_log)
        self.setting_rows = SettingRows(db, self.audit_log)
        self.submissions = Submissions(db)

    @property
    def channel(self) -> str:
        """Through which door this store's writes come: "window", "command", "sync" or "import"."""
        return self.audit_log.channel

    @channel.setter
    def channel(self, value: str) -> None:
        if value not in CHANNELS:
            raise ValueError(f"unknown channel {value!r}")
        self.audit_log.channel = value

    @contextlib.contextmanager
    def via(self, channel: str) -> Iterator[None]:
        """Audit the writes inside the block as coming through ``channel``.

        A sync stays a sync: an import that a received package makes is audited
        as "sync", not "import".
        """
        previous = self.channel
        if previous != "sync":
            self.channel = channel
        try:
            yield
        finally:
            self.audit_log.channel = previous

    # --- audit --------------------------------------------------------------
    def audit(self, office_code: str, entity: str, key: str, old, new,
              report_id: str | None = None, reason: str = "") -> None:
        """Record one change; callers are inside the change's transaction."""
        self.audit_log.record(office_code, entity, key, old, new, report_id, reason)

    def audit_trail(self, report_id: str) -> list[dict]:
        return self.audit_log.trail(report_id)

    # --- offices ------------------------------------------------------------
    def add_office(self, code: str, level: str, profile: OfficeProfile, office_id: str | None = None) -> Office:
        """Create an office with its first profile; the code must be new."""
        return self.offices_repo.add(code, level, profile, office_id)

    def set_profile(self, code: str, profile: OfficeProfile) -> Office:
        """Add or replace the profile valid from ``profile.valid_from``."""
        return self.offices_repo.set_profile(code, profile)

    def find_office(self, code: str) -> Office | None:
        return self.offices_repo.find(code)

    def office(self, code: str) -> Office:
        return self.offices_repo.get(code)

    def office_by_id(self, office_id: str) -> Office:
        return self.offices_repo.by_id(office_id)

    def local_offices(self) -> list[Office]:
        """The offices this installation reports for (not those known through the shared folder)."""
        return self.offices_repo.all("local")

    def offices(self) -> list[Office]:
        return self.offices_repo.all()

    # --- templates ----------------------------------------------------------
    def install_template(self, template: Template) -> int:
        """Store a template version; the same again changes nothing, a different one is refused."""
        return self.templates.install(template)

    def template_by_id(self, template_id: int) -> Template:
        return self.templates.by_id(template_id)

    def template_id(self, code: str, version: int | None = None) -> int:
        return self.templates.id_of(code, version)

    def default_template_id(self) -> int:
        return self.templates.default_id()

    def template_for_new(self, office_code: str) -> int:
        """The template version a new report of the office is created with (its chosen one, or the shipped one)."""
        return self.reports_repo.template_for_new(office_code)

    def choose_template(self, office_code: str, template_code: str) -> None:
        """New reports of the office use the newest version of ``template_code``; unknown codes are refused."""
        office = self.offices_repo.get(office_code)
        self.offices_repo.choose_template(office.code, self.templates.require_code(template_code))

    # --- reports ------------------------------------------------------------
    def find_report(self, office_code: str, period: Period | str) -> Report | None:
        """The latest revision of the office's report for the period, or None."""
        return self.reports_repo.find(office_code, period)

    def report(self, office_code: str, period: Period | str) -> Report:
        return self.reports_repo.get(office_code, period)

    def issued_report(self, office_code: str, period: Period | str, revision: int | None = None) -> Report:
        """The latest issued (or submitted) revision, or the given one: the legally valid copy."""
        return self.reports_repo.issued(office_code, period, revision)

    def report_by_id(self, report_id: str) -> Report:
        return self.reports_repo.by_id(report_id)

    def open_report(self, office_code: str, period: Period | str, template_id: int | None = None) -> Report:
        """The office's report for the period, created as a draft if it does not exist."""
        return self.reports_repo.open(office_code, period, template_id)

    def reports(self, office_code: str | None = None) -> list[Report]:
        return self.reports_repo.all(office_code)

    def report_template_id(self, report: Report) -> int:
        return self.reports_repo.template_id(report)

    def template_of(self, report: Report) -> Template:
        return self.reports_repo.template_of(report)

    def set_heading(self, report: Report, *, title: str | None = None, summary: str | None = None,
                    headings: dict[str, str] | None = None) -> Report:
        """The report's own title, summary line and section headings ("" returns to the template's)."""
        return self.reports_repo.set_heading(report, title=title, summary=summary, headings=headings)

    def set_status(self, report: Report, status: Status, reason: str = "") -> Report:
        return self.reports_repo.set_status(report, status, reason)

    def require_own(self, report: Report) -> None:
        """Reports received from another office are read-only here: the sender corrects them."""
        self.reports_repo.require_own(report)

    def require_editable(self, report: Report) -> None:
        """Only an office's own drafts change; complete ones reopen first, issued ones get a revision."""
        self.reports_repo.require_editable(report)

    def _write_profile(self, office_id: str, profile: OfficeProfile) -> None:
        """Kept until ``app.exchange.keys`` calls ``offices_repo.add_remote`` (adds a missing profile)."""
        self.offices_repo.merge_profiles(office_id, [profile])
