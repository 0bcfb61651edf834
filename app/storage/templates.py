"""Installed template versions (``template``): immutable once installed."""
from __future__ import annotations

import json

from app import paths
from app.domain.template import Template, from_dict, load_file
from app.errors import InputError, NotFoundError
from app.storage.audit import AuditLog, now
from app.storage.connection import Database
from app.storage.rows import transaction


class Templates:
    """The ``template`` table, with a cache of parsed versions (they never change)."""

    def __init__(self, db: Database, log: AuditLog) -> None:
        self.db = db
        self.log = log
        self._cache: dict[int, Template] = {}

    def forget_cached(self) -> None:
        """Read templates afresh: the file under this connection was replaced (a restore)."""
        self._cache.clear()

    def install(self, template: Template) -> int:
        """Store a template version; the same one again changes nothing.

        A different template under an existing code and version is refused:
        versions are immutable once reports may use them.
        """
        known = self.fingerprint(template.code, template.version)
        if known is not None:
            if known[1] != template.fingerprint:
                raise InputError(f"Mẫu {template.code} phiên bản {template.version} đã có với nội dung khác; "
                                 "hãy tăng số phiên bản khi sửa mẫu.")
            return known[0]
        with transaction(self.db):
            cursor = self.db.conn.execute(
                "INSERT INTO template (code, version, fingerprint, body, installed) VALUES (?, ?, ?, ?, ?)",
                (template.code, template.version, template.fingerprint, template.canonical_json(), now()))
            self.log.record("", "template", template.key, None, template.fingerprint)
        return cursor.lastrowid

    def fingerprint(self, code: str, version: int) -> tuple[int, str] | None:
        """(id, fingerprint) of an installed version, or None."""
        row = self.db.execute("SELECT id, fingerprint FROM template WHERE code = ? AND version = ?",
                              (code, version)).fetchone()
        return (row[0], row[1]) if row else None

    def by_id(self, template_id: int) -> Template:
        if template_id not in self._cache:
            row = self.db.execute("SELECT body FROM template WHERE id = ?", (template_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"Không có mẫu báo cáo số {template_id}.")
            self._cache[template_id] = from_dict(json.loads(row[0]))
        return self._cache[template_id]

    def id_of(self, code: str, version: int | None = None) -> int:
        """The id of a version (the newest when ``version`` is None); NotFoundError otherwise."""
        if version is None:
            row = self.db.execute("SELECT id FROM template WHERE code = ? ORDER BY version DESC LIMIT 1",
                                  (code,)).fetchone()
        else:
            row = self.db.execute("SELECT id FROM template WHERE code = ? AND version = ?", (code, version)).fetchone()
        if row is None:
            raise NotFoundError(f"Không có mẫu báo cáo {code}" + (f" phiên bản {version}." if version else "."))
        return row[0]

    def installed(self) -> list[tuple[str, int]]:
        """(code, newest version) of every installed template, by code."""
        return [(code, version) for code, version in self.db.execute(
            "SELECT code, max(version) FROM template GROUP BY code ORDER BY code").fetchall()]

    def require_code(self, code: str) -> str:
        """The installed template code ``code`` names (in any case); NotFoundError listing the installed ones."""
        self.default_id()  # the shipped template is always among them
        known = self.installed()
        found = next((c for c, _ in known if c.upper() == code.strip().upper()), None)
        if found:
            return found
        listed = ", ".join(f"{c} (phiên bản {v})" for c, v in known) or "chưa có mẫu nào"
        raise NotFoundError(f"Không có mẫu báo cáo mã “{code[:40]}”. Các mẫu đã nạp: {listed}. "
                            "Nạp mẫu mới bằng “template import TỆP”.")

    def latest_version(self, code: str) -> int:
        """The highest installed version number of ``code`` (0 when none is installed)."""
        return self.db.execute("SELECT max(version) FROM template WHERE code = ?", (code,)).fetchone()[0] or 0

    def default_id(self) -> int:
        """The newest installed version of the shipped template (installed on first use)."""
        template = load_file(paths.resource("templates", "ldtbxh-quy.json"))
        try:
            return self.id_of(template.code)
        except NotFoundError:
            return self.install(template)
