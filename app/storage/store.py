"""The local store: every read and write of offices, templates and reports.

Each public write is one transaction and records an audit entry for what it
changed (old → new). Text is normalised to NFC on the way in. ``ui/`` reaches
the database only through this class (via its operations layer).
"""
from __future__ import annotations

import datetime as dt
import json
import uuid

import sqlite_utils

from app import paths
from app.domain.model import Level, Office, OfficeProfile, Report, Status
from app.domain.period import Period
from app.domain.template import Template, from_dict, load_file
from app.domain.text import clean_line
from app.errors import InputError, NotFoundError, UserError


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Store:
    """Offices, templates and report headers; report content lives in ``content``."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._templates: dict[int, Template] = {}
        from app.storage.content import Content

        self.content = Content(self)

    # --- audit --------------------------------------------------------------
    def audit(self, office_code: str, entity: str, key: str, old, new,
              report_id: str | None = None, reason: str = "") -> None:
        """Record one change; callers are inside the change's transaction."""
        def encode(value):
            if value is None or isinstance(value, str):
                return value
            return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

        self.db.conn.execute(
            "INSERT INTO audit (at, office_code, report_id, entity, key, old, new, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (now(), office_code, report_id, entity, key, encode(old), encode(new), reason),
        )

    # --- offices ------------------------------------------------------------
    def add_office(self, code: str, level: str, profile: OfficeProfile,
                   office_id: str | None = None) -> Office:
        """Create an office with its first profile; the code must be new."""
        code = _office_code(code)
        if not clean_line(profile.name) or not clean_line(profile.place) or not clean_line(profile.symbol):
            raise InputError("Đơn vị phải có tên, địa danh và chữ viết tắt.")
        try:
            level = Level(level).value
        except ValueError:
            raise InputError(f"Cấp đơn vị “{level}” không hợp lệ (province, district, commune).") from None
        if self.find_office(code):
            raise InputError(f"Đã có đơn vị mã {code}.")
        if profile.parent_code:
            _office_code(profile.parent_code)  # the parent may live in another office's database
        office_id = office_id or str(uuid.uuid4())
        with self.db.atomic():
            self.db.conn.execute(
                "INSERT INTO office (id, code, level, created) VALUES (?, ?, ?, ?)",
                (office_id, code, level, now()),
            )
            self._write_profile(office_id, profile)
            self.audit(code, "office", code, None, {"level": level, "name": profile.name})
        return self.office(code)

    def set_profile(self, code: str, profile: OfficeProfile) -> Office:
        """Add or replace the profile valid from ``profile.valid_from``."""
        office = self.office(code)
        old = next((p for p in office.profiles if p.valid_from == profile.valid_from), None)
        with self.db.atomic():
            self._write_profile(office.id, profile)
            self.audit(code, "office_profile", profile.valid_from.isoformat(),
                       _profile_row(old) if old else None, _profile_row(profile))
        return self.office(code)

    def _write_profile(self, office_id: str, profile: OfficeProfile) -> None:
        row = _profile_row(profile)
        row["office_id"] = office_id
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.conn.execute(
            f"INSERT OR REPLACE INTO office_profile ({columns}) VALUES ({marks})", tuple(row.values())
        )

    def find_office(self, code: str) -> Office | None:
        row = self.db.execute("SELECT id, code, level, origin FROM office WHERE code = ?",
                              (code.strip().upper(),)).fetchone()
        return self._office_from(row) if row else None

    def office(self, code: str) -> Office:
        office = self.find_office(code)
        if office is None:
            raise NotFoundError(f"Không có đơn vị mã “{code}”. Chạy “demo” hoặc “office add” trước.")
        return office

    def office_by_id(self, office_id: str) -> Office:
        row = self.db.execute("SELECT id, code, level, origin FROM office WHERE id = ?", (office_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có đơn vị {office_id}.")
        return self._office_from(row)

    def local_offices(self) -> list[Office]:
        """The offices this installation reports for (not those known through the shared folder)."""
        return [o for o in self.offices() if o.is_local]

    def offices(self) -> list[Office]:
        """Every office with its dated profiles (two queries, however many offices)."""
        cursor = self.db.execute("SELECT * FROM office_profile ORDER BY office_id, valid_from")
        names = [c[0] for c in cursor.description]
        profiles: dict[str, list[OfficeProfile]] = {}
        for row in cursor.fetchall():
            record = dict(zip(names, row, strict=True))
            profiles.setdefault(record["office_id"], []).append(_profile_from(record))
        rows = self.db.execute("SELECT id, code, level, origin FROM office ORDER BY code").fetchall()
        return [Office(id=r[0], code=r[1], level=r[2], profiles=tuple(profiles.get(r[0], ())), origin=r[3])
                for r in rows]

    def _office_from(self, row) -> Office:
        cursor = self.db.execute(
            "SELECT * FROM office_profile WHERE office_id = ? ORDER BY valid_from", (row[0],)
        )
        names = [c[0] for c in cursor.description]
        profiles = tuple(_profile_from(dict(zip(names, r, strict=False))) for r in cursor.fetchall())
        return Office(id=row[0], code=row[1], level=row[2], profiles=profiles, origin=row[3])

    # --- templates ----------------------------------------------------------
    def install_template(self, template: Template) -> int:
        """Store a template version; the same one again changes nothing.

        A different template under an existing code and version is refused:
        versions are immutable once reports may use them.
        """
        row = self.db.execute(
            "SELECT id, fingerprint FROM template WHERE code = ? AND version = ?",
            (template.code, template.version),
        ).fetchone()
        if row:
            if row[1] != template.fingerprint:
                raise InputError(
                    f"Mẫu {template.code} phiên bản {template.version} đã có với nội dung khác; "
                    "hãy tăng số phiên bản khi sửa mẫu."
                )
            return row[0]
        with self.db.atomic():
            cursor = self.db.conn.execute(
                "INSERT INTO template (code, version, fingerprint, body, installed) VALUES (?, ?, ?, ?, ?)",
                (template.code, template.version, template.fingerprint,
                 template.canonical_json(), now()),
            )
            self.audit("", "template", template.key, None, template.fingerprint)
        return cursor.lastrowid

    def template_by_id(self, template_id: int) -> Template:
        if template_id not in self._templates:
            row = self.db.execute("SELECT body FROM template WHERE id = ?", (template_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"Không có mẫu báo cáo số {template_id}.")
            self._templates[template_id] = from_dict(json.loads(row[0]))
        return self._templates[template_id]

    def template_id(self, code: str, version: int | None = None) -> int:
        if version is None:
            row = self.db.execute(
                "SELECT id FROM template WHERE code = ? ORDER BY version DESC LIMIT 1", (code,)
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT id FROM template WHERE code = ? AND version = ?", (code, version)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"Không có mẫu báo cáo {code}" + (f" phiên bản {version}." if version else "."))
        return row[0]

    def default_template_id(self) -> int:
        """The newest installed version of the shipped template (installed on first use)."""
        template = load_file(paths.resource("templates", "ldtbxh-quy.json"))
        try:
            return self.template_id(template.code)
        except NotFoundError:
            return self.install_template(template)

    # --- reports ------------------------------------------------------------
    def find_report(self, office_code: str, period: Period | str) -> Report | None:
        """The latest revision of the office's report for the period, or None."""
        office = self.office(office_code)
        row = self._report_row(
            "WHERE r.office_id = ? AND r.period = ? ORDER BY r.revision DESC LIMIT 1",
            (office.id, str(_period(period))),
        )
        return row

    def report(self, office_code: str, period: Period | str) -> Report:
        found = self.find_report(office_code, period)
        if found is None:
            raise NotFoundError(f"Đơn vị {office_code.upper()} chưa có báo cáo kỳ {period}.")
        return found

    def issued_report(self, office_code: str, period: Period | str, revision: int | None = None) -> Report:
        """The latest issued (or submitted) revision, or the given one: the legally valid copy."""
        office = self.office(office_code)
        where = "WHERE r.office_id = ? AND r.period = ? AND r.status IN ('issued', 'submitted')"
        args: tuple = (office.id, str(_period(period)))
        if revision is not None:
            where += " AND r.revision = ?"
            args += (revision,)
        found = self._report_row(where + " ORDER BY r.revision DESC LIMIT 1", args)
        if found is None:
            raise NotFoundError(f"Báo cáo kỳ {period} của {office.code} chưa có bản nào đã ban hành"
                                + (f" ở bản {revision}." if revision else "."))
        return found

    def report_by_id(self, report_id: str) -> Report:
        found = self._report_row("WHERE r.id = ?", (report_id,))
        if found is None:
            raise NotFoundError(f"Không có báo cáo {report_id}.")
        return found

    def open_report(self, office_code: str, period: Period | str,
                    template_id: int | None = None) -> Report:
        """The office's report for the period, created as a draft if it does not exist."""
        period = _period(period)
        existing = self.find_report(office_code, period)
        if existing:
            return existing
        office = self.office(office_code)
        template_id = template_id or self.default_template_id()
        report_id = str(uuid.uuid4())
        stamp = now()
        with self.db.atomic():
            self.db.conn.execute(
                "INSERT INTO report (id, office_id, period, revision, template_id, status, created, updated)"
                " VALUES (?, ?, ?, 1, ?, 'draft', ?, ?)",
                (report_id, office.id, str(period), template_id, stamp, stamp),
            )
            self.audit(office.code, "report", str(period), None, "draft", report_id)
        return self.report_by_id(report_id)

    def reports(self, office_code: str | None = None) -> list[Report]:
        if office_code is None:
            return self._report_rows("ORDER BY o.code, r.period, r.revision", ())
        office = self.office(office_code)
        return self._report_rows("WHERE r.office_id = ? ORDER BY r.period, r.revision", (office.id,))

    def report_template_id(self, report: Report) -> int:
        row = self.db.execute("SELECT template_id FROM report WHERE id = ?", (report.id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có báo cáo {report.id}.")
        return row[0]

    def template_of(self, report: Report) -> Template:
        return self.template_by_id(self.report_template_id(report))

    def set_status(self, report: Report, status: Status, reason: str = "") -> Report:
        with self.db.atomic():
            self.db.conn.execute(
                "UPDATE report SET status = ?, updated = ? WHERE id = ?", (status.value, now(), report.id)
            )
            self.audit(report.office_code, "status", str(report.period), report.status.value,
                       status.value, report.id, reason)
        return self.report_by_id(report.id)

    def touch(self, report_id: str) -> None:
        """Mark a report changed (inside the caller's transaction)."""
        self.db.conn.execute("UPDATE report SET updated = ? WHERE id = ?", (now(), report_id))

    def require_own(self, report: Report) -> None:
        """Reports received from another office are read-only here: the sender corrects them."""
        if not self.office_by_id(report.office_id).is_local:
            raise UserError(f"Báo cáo của {report.office_code} do đơn vị đó gửi lên: chỉ xem, không sửa ở đây. "
                            "Đơn vị đó sửa rồi gửi lại.")

    def require_editable(self, report: Report) -> None:
        """Only an office's own drafts change; complete ones reopen first, issued ones get a revision."""
        current = self.report_by_id(report.id)
        self.require_own(current)
        if current.status is Status.COMPLETE:
            raise UserError(f"Báo cáo {current.period.label} đã đánh dấu hoàn thành; hãy mở lại để sửa.")
        if not current.editable:
            raise UserError(
                f"Báo cáo {current.period.label} của {current.office_code} ở trạng thái “{current.status.label}”: "
                "không sửa trực tiếp được. Hãy mở bản sửa đổi mới."
            )

    def audit_trail(self, report_id: str) -> list[dict]:
        cursor = self.db.execute(
            "SELECT at, office_code, entity, key, old, new, reason FROM audit"
            " WHERE report_id = ? ORDER BY id", (report_id,)
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]

    def _report_row(self, where: str, args: tuple) -> Report | None:
        rows = self._report_rows(where, args)
        return rows[0] if rows else None

    def _report_rows(self, where: str, args: tuple) -> list[Report]:
        cursor = self.db.execute(
            "SELECT r.*, o.code AS office_code, t.code AS tcode, t.version AS tversion FROM report r"
            " JOIN office o ON o.id = r.office_id JOIN template t ON t.id = r.template_id " + where,
            args,
        )
        names = [c[0] for c in cursor.description]
        return [_report_from(dict(zip(names, row, strict=False))) for row in cursor.fetchall()]


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)


WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _office_code(code: str) -> str:
    """Office codes name folders in the shared folder: ASCII letters, digits, "-" (no "_", which
    separates the parts of a package name), never a name Windows reserves."""
    code = clean_line(code).upper()
    if not code or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in code) or len(code) > 20 \
            or code.startswith("-"):
        raise InputError(f"Mã đơn vị “{code}” chỉ gồm chữ không dấu, số và dấu “-” (tối đa 20 ký tự).")
    if code in WINDOWS_RESERVED:
        raise InputError(f"Mã đơn vị “{code}” trùng tên Windows dành riêng; hãy chọn mã khác.")
    return code


def _profile_row(profile: OfficeProfile) -> dict:
    return {
        "valid_from": profile.valid_from.isoformat(),
        "parent_code": profile.parent_code,
        "name": clean_line(profile.name),
        "authority": clean_line(profile.authority),
        "place": clean_line(profile.place),
        "symbol": clean_line(profile.symbol),
        "signer_title": clean_line(profile.signer_title),
        "signer_name": clean_line(profile.signer_name),
        "deputy": int(profile.deputy),
        "deputy_title": clean_line(profile.deputy_title),
        "recipients": json.dumps([clean_line(r) for r in profile.recipients], ensure_ascii=False),
        "addressee": clean_line(profile.addressee),
    }


def _profile_from(row: dict) -> OfficeProfile:
    return OfficeProfile(
        valid_from=dt.date.fromisoformat(row["valid_from"]),
        name=row["name"],
        authority=row["authority"],
        place=row["place"],
        symbol=row["symbol"],
        parent_code=row["parent_code"],
        signer_title=row["signer_title"],
        signer_name=row["signer_name"],
        deputy=bool(row["deputy"]),
        deputy_title=row["deputy_title"],
        recipients=tuple(json.loads(row["recipients"])),
        addressee=row["addressee"],
    )


def _report_from(row: dict) -> Report:
    return Report(
        id=row["id"],
        office_id=row["office_id"],
        office_code=row["office_code"],
        period=Period.parse(row["period"]),
        revision=row["revision"],
        template_key=f"{row['tcode']}@{row['tversion']}",
        status=Status(row["status"]),
        number=row["number"],
        issued_on=_date(row["issued_on"]),
        signer_title=row["signer_title"],
        signer_name=row["signer_name"],
        summary=row["summary"],
        created=row["created"],
        updated=row["updated"],
        reason=row.get("reason", ""),
    )
