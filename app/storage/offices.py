"""Offices and their dated profiles (``office``, ``office_profile``).

The one place that checks an office before it is stored, whoever asks
(``office add``, a report dump, a package, a key file): the code through
``OfficeCode``, the level, and the profile's fields (present, one line,
bounded). One row ↔ struct mapping and one dict form for files.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, Any

import msgspec

from app.domain.codes import OfficeCode
from app.domain.model import Level, Office, OfficeProfile
from app.domain.text import clean_line
from app.errors import InputError, NotFoundError
from app.formats import Day, convert
from app.storage.audit import AuditLog, now
from app.storage.connection import Database
from app.storage.rows import transaction

_OFFICE = "id, code, level, origin"
_PROFILE = ("valid_from", "parent_code", "name", "authority", "place", "symbol", "signer_title",
            "signer_name", "deputy", "deputy_title", "recipients", "addressee")
MAX_FIELD = 300
_PROFILE_FIELDS = OfficeProfile.__struct_fields__
Field = Annotated[str, msgspec.Meta(max_length=MAX_FIELD)]


class ProfileData(msgspec.Struct, forbid_unknown_fields=True):
    """An office profile as files carry it (report dumps, packages, key files)."""

    valid_from: Day
    name: Field
    authority: Field
    place: Field
    symbol: Field
    parent_code: Field | None = None
    signer_title: Field = ""
    signer_name: Field = ""
    deputy: bool = False
    deputy_title: Field = ""
    recipients: Annotated[list[Field], msgspec.Meta(max_length=50)] = []
    addressee: Field = ""


def level(text: object) -> str:
    """A valid office level ("province", "district", "commune"); InputError otherwise."""
    try:
        return Level(text).value
    except ValueError:
        raise InputError(f"Cấp đơn vị “{str(text)[:40]}” không hợp lệ (province, district, commune).") from None


def checked_profile(profile: OfficeProfile) -> OfficeProfile:
    """The profile with every text on one clean line; refused without name, place or symbol."""
    texts = {name: clean_line(getattr(profile, name)) for name in
             ("name", "authority", "place", "symbol", "signer_title", "signer_name", "deputy_title", "addressee")}
    if not texts["name"] or not texts["place"] or not texts["symbol"]:
        raise InputError("Đơn vị phải có tên, địa danh và chữ viết tắt.")
    too_long = next((n for n, t in texts.items() if len(t) > MAX_FIELD), None)
    if too_long:
        raise InputError(f"Thông tin đơn vị “{too_long}” dài quá {MAX_FIELD} ký tự.")
    parent = OfficeCode.parse(profile.parent_code) if profile.parent_code else None
    recipients = tuple(clean_line(r)[:MAX_FIELD] for r in profile.recipients)
    return OfficeProfile(valid_from=profile.valid_from, parent_code=parent, deputy=bool(profile.deputy),
                         recipients=recipients, **texts)


def profile_from_dict(data: Any, *, source: str = "thông tin đơn vị") -> OfficeProfile:
    """Parse and check a profile as files carry it; InputError naming ``source`` and the field."""
    parsed = convert(data, ProfileData, source=source)
    try:
        valid_from = dt.date.fromisoformat(parsed.valid_from)
    except ValueError:
        raise InputError(f"{source}: trường “valid_from”: ngày “{parsed.valid_from}” không có thật.") from None
    fields = {f: getattr(parsed, f) for f in parsed.__struct_fields__ if f not in ("valid_from", "recipients")}
    try:
        return checked_profile(OfficeProfile(valid_from=valid_from, recipients=tuple(parsed.recipients), **fields))
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None


def profile_to_dict(profile: OfficeProfile) -> dict:
    """The file form of a profile (the inverse of ``profile_from_dict``)."""
    out = {name: getattr(profile, name) for name in _PROFILE_FIELDS}  # texts and flags as they are
    out["valid_from"] = profile.valid_from.isoformat()
    out["recipients"] = list(profile.recipients)
    return out


def _profile_row(profile: OfficeProfile) -> tuple:
    row = profile_to_dict(profile)
    row["deputy"] = int(profile.deputy)
    row["recipients"] = json.dumps(row["recipients"], ensure_ascii=False)
    return tuple(row[name] for name in _PROFILE)


def _profile_from(row: tuple) -> OfficeProfile:
    record = dict(zip(_PROFILE, row, strict=True))
    return OfficeProfile(**record | {"valid_from": dt.date.fromisoformat(record["valid_from"]),
                                     "deputy": bool(record["deputy"]),
                                     "recipients": tuple(json.loads(record["recipients"]))})


class Offices:
    """The ``office`` and ``office_profile`` tables."""

    def __init__(self, db: Database, log: AuditLog) -> None:
        self.db = db
        self.log = log

    def find(self, code: str) -> Office | None:
        row = self.db.execute(f"SELECT {_OFFICE} FROM office WHERE code = ?", (code.strip().upper(),)).fetchone()
        return self._office(row) if row else None

    def known(self, code: str) -> bool:
        """Whether an office has this code (one indexed lookup, nothing loaded)."""
        return self.db.execute("SELECT 1 FROM office WHERE code = ?", (code.strip().upper(),)).fetchone() is not None

    def get(self, code: str) -> Office:
        office = self.find(code)
        if office is None:
            raise NotFoundError(f"Không có đơn vị mã “{code}”. Chạy “demo” hoặc “office add” trước.")
        return office

    def by_id(self, office_id: str) -> Office:
        row = self.db.execute(f"SELECT {_OFFICE} FROM office WHERE id = ?", (office_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có đơn vị {office_id}.")
        return self._office(row)

    def origin(self, office_id: str) -> str:
        """"local" or "remote" (see ``Office.origin``), read alone: the rule checks of every save need only it."""
        row = self.db.execute("SELECT origin FROM office WHERE id = ?", (office_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có đơn vị {office_id}.")
        return row[0]

    def id_taken(self, office_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM office WHERE id = ?", (office_id,)).fetchone() is not None

    def all(self, origin: str | None = None) -> list[Office]:
        """Every office (or those of one ``origin``) with its dated profiles (two queries, however many offices)."""
        where, args = ("", ()) if origin is None else (" WHERE o.origin = ?", (origin,))
        profiles: dict[str, list[OfficeProfile]] = {}
        for row in self.db.execute(f"SELECT p.office_id, {', '.join('p.' + c for c in _PROFILE)} FROM office_profile p"
                                   f" JOIN office o ON o.id = p.office_id{where} ORDER BY p.office_id, p.valid_from",
                                   args).fetchall():
            profiles.setdefault(row[0], []).append(_profile_from(row[1:]))
        rows = self.db.execute(f"SELECT {_OFFICE} FROM office o{where} ORDER BY code", args).fetchall()
        return [Office(id=r[0], code=r[1], level=r[2], profiles=tuple(profiles.get(r[0], ())), origin=r[3])
                for r in rows]

    def _office(self, row: tuple) -> Office:
        profiles = tuple(_profile_from(r) for r in self.db.execute(
            f"SELECT {', '.join(_PROFILE)} FROM office_profile WHERE office_id = ? ORDER BY valid_from",
            (row[0],)).fetchall())
        return Office(id=row[0], code=row[1], level=row[2], profiles=profiles, origin=row[3])

    def add(self, code: str, level_name: str, profile: OfficeProfile, office_id: str | None = None,
            *, origin: str = "local") -> Office:
        """Create an office with its first profile; the code and the id must be new."""
        code, level_name, profile = OfficeCode.parse(code), level(level_name), checked_profile(profile)
        if self.db.execute("SELECT 1 FROM office WHERE code = ?", (code,)).fetchone():
            raise InputError(f"Đã có đơn vị mã {code}.")
        office_id = office_id or str(uuid.uuid4())
        if not isinstance(office_id, str) or not 0 < len(office_id) <= 64 or self.id_taken(office_id):
            raise InputError(f"Mã định danh đơn vị “{str(office_id)[:64]}” không hợp lệ hoặc đã thuộc đơn vị khác.")
        with transaction(self.db):
            self.db.conn.execute("INSERT INTO office (id, code, level, created, origin) VALUES (?, ?, ?, ?, ?)",
                                 (office_id, code, level_name, now(), origin))
            self._write(office_id, profile)
            self.log.record(code, "office", code, None, {"level": level_name, "name": profile.name,
                                                         "origin": origin})
        return Office(id=office_id, code=code, level=level_name, profiles=(profile,), origin=origin)

    def add_remote(self, office_id: str, code: str, level_name: str, profile: OfficeProfile) -> Office:
        """Record another office known here only through its key or its packages."""
        return self.add(code, level_name, profile, office_id, origin="remote")

    def add_sender(self, code: str, level_name: str, profiles: list[OfficeProfile], office_id: str) -> None:
        """Record an office first met in a package it signed, with every profile it sent (as ``add`` then
        ``merge_profiles`` would, without reading back what was just written)."""
        with transaction(self.db):
            self.add(code, level_name, profiles[0], office_id, origin="remote")
            self._add_profiles(code, office_id, profiles[1:], {profiles[0].valid_from.isoformat()})

    def mark_remote(self, code: str) -> None:
        """An office whose reports arrive through the shared folder (inside the caller's transaction)."""
        self.db.conn.execute("UPDATE office SET origin = 'remote' WHERE code = ? AND origin != 'remote'",
                             (OfficeCode.parse(code),))

    def set_profile(self, code: str, profile: OfficeProfile) -> Office:
        """Add or replace the profile valid from ``profile.valid_from``."""
        office, profile = self.get(code), checked_profile(profile)
        old = next((p for p in office.profiles if p.valid_from == profile.valid_from), None)
        with transaction(self.db):
            self._write(office.id, profile)
            self.log.record(office.code, "office_profile", profile.valid_from.isoformat(),
                            profile_to_dict(old) if old else None, profile_to_dict(profile))
        return self.get(code)

    def merge_profiles(self, office_id: str, profiles: list[OfficeProfile]) -> None:
        """Add the profiles this database lacks; those it has are never overwritten."""
        rows = self.db.execute("SELECT o.code, p.valid_from FROM office o LEFT JOIN office_profile p"
                               " ON p.office_id = o.id WHERE o.id = ?", (office_id,)).fetchall()
        if not rows:
            raise NotFoundError(f"Không có đơn vị {office_id}.")
        self._add_profiles(rows[0][0], office_id, profiles, {row[1] for row in rows})

    def _add_profiles(self, code: str, office_id: str, profiles: list[OfficeProfile], have: set[str]) -> None:
        with transaction(self.db):
            for profile in profiles:
                if profile.valid_from.isoformat() not in have:
                    self._write(office_id, checked_profile(profile))
                    self.log.record(code, "office_profile", profile.valid_from.isoformat(), None,
                                    profile_to_dict(profile))

    def replace_profiles(self, office_id: str, profiles: list[OfficeProfile]) -> bool:
        """Make the office's profiles exactly ``profiles`` (the sender is the authority on its own)."""
        office = self.by_id(office_id)
        if profiles and tuple(profiles) == office.profiles:
            return False  # exactly what is stored, so already checked
        profiles = [checked_profile(p) for p in profiles]
        if not profiles:
            raise InputError(f"Đơn vị {office.code} phải có ít nhất một thông tin đơn vị.")
        if tuple(profiles) == office.profiles:
            return False
        with transaction(self.db):
            self.db.conn.execute("DELETE FROM office_profile WHERE office_id = ?", (office_id,))
            for profile in profiles:
                self._write(office_id, profile)
            self.log.record(office.code, "office_profile", "*", [profile_to_dict(p) for p in office.profiles],
                            [profile_to_dict(p) for p in profiles])
        return True

    def chosen_template(self, code: str) -> str | None:
        """The template code the office's new reports use (``template use``), or None for the shipped one."""
        office = self.get(code)
        return self.db.execute("SELECT template FROM office WHERE id = ?", (office.id,)).fetchone()[0]

    def choose_template(self, code: str, template_code: str | None) -> None:
        """Record which template the office's new reports use (the caller checks it is installed)."""
        office, old = self.get(code), self.chosen_template(code)
        if old == template_code:
            return
        with transaction(self.db):
            self.db.conn.execute("UPDATE office SET template = ? WHERE id = ?", (template_code, office.id))
            self.log.record(office.code, "office_template", office.code, old, template_code)

    def _write(self, office_id: str, profile: OfficeProfile) -> None:
        self.db.conn.execute(
            f"INSERT OR REPLACE INTO office_profile (office_id, {', '.join(_PROFILE)})"
            f" VALUES (?, {', '.join('?' for _ in _PROFILE)})", (office_id, *_profile_row(profile)))
