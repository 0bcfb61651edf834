"""Files kept with a report (``report_file``): the issued PDF and scans of the signed copy.

An issued PDF is stored once per revision and never replaced or deleted (the
database's triggers refuse it too); scans are only ever added. Every stored
file is audited with its SHA-256, and every read checks the bytes against it.
"""
from __future__ import annotations

import msgspec

from app.digest import sha256_hex
from app.domain.model import Report
from app.errors import NotFoundError, UserError
from app.storage.audit import AuditLog, now
from app.storage.connection import Database
from app.storage.rows import transaction

KINDS = ("issued_pdf", "scan")
PDF_MAGIC = b"%PDF-"
MAX_ISSUED_PDF = 20 * 1024 * 1024


def pdf_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be an issued PDF (not a PDF, or larger than any report prints), or None."""
    if len(data) > MAX_ISSUED_PDF:
        return f"bản PDF quá lớn ({len(data) / 1024 / 1024:.1f} MB, tối đa {MAX_ISSUED_PDF // 1024 // 1024} MB)"
    if not data.startswith(PDF_MAGIC):
        return "không phải tệp PDF (không bắt đầu bằng “%PDF-”)"
    return None


class StoredFile(msgspec.Struct, frozen=True):
    kind: str
    name: str
    sha256: str
    data: bytes


class Files:
    """The ``report_file`` table."""

    def __init__(self, db: Database, log: AuditLog) -> None:
        self.db = db
        self.log = log

    def all(self, report_id: str) -> list[StoredFile]:
        """Every file of a report in the order stored (for dumps)."""
        return [StoredFile(k, n, s, bytes(d)) for k, n, s, d in self.db.execute(
            "SELECT kind, name, sha256, data FROM report_file WHERE report_id = ? ORDER BY id", (report_id,))]

    def issued_pdf(self, report_id: str) -> StoredFile | None:
        """The issued PDF, checked against its hash; None when the report has none."""
        row = self.db.execute("SELECT kind, name, sha256, data FROM report_file WHERE report_id = ?"
                              " AND kind = 'issued_pdf' ORDER BY id LIMIT 1", (report_id,)).fetchone()
        if row is None:
            return None
        return _checked(StoredFile(row[0], row[1], row[2], bytes(row[3])), "Bản PDF lưu trữ")

    def scans(self, report_id: str) -> list[tuple[str, str, int]]:
        """(name, sha256, size) of each scan, in the order attached."""
        return [tuple(r) for r in self.db.execute(
            "SELECT name, sha256, size FROM report_file WHERE report_id = ? AND kind = 'scan' ORDER BY id",
            (report_id,)).fetchall()]

    def scan(self, report_id: str, index: int) -> StoredFile:
        """The ``index``-th scan, checked against its hash."""
        rows = self.db.execute("SELECT kind, name, sha256, data FROM report_file WHERE report_id = ?"
                               " AND kind = 'scan' ORDER BY id", (report_id,)).fetchall()
        if not 0 <= index < len(rows):
            raise NotFoundError("Không có bản chụp này.")
        kind, name, digest, data = rows[index]
        return _checked(StoredFile(kind, name, digest, bytes(data)), "Bản chụp lưu trữ")

    def add_issued_pdf(self, report: Report, name: str, data: bytes, *, source: str = "") -> bool:
        """Keep the revision's issued PDF; the same bytes again store nothing (False).

        Different bytes when the revision already has its PDF are refused: an
        issued PDF is never replaced. Bytes that are not a PDF are refused too.
        """
        prefix = f"{source}: " if source else ""
        problem = pdf_problem(data)
        if problem:
            raise UserError(f"{prefix}bản PDF ban hành “{name[:80]}” của báo cáo {report.period} bản "
                            f"{report.revision} của {report.office_code}: {problem}.")
        digest = sha256_hex(data)
        existing = self.issued_pdf(report.id)
        if existing is not None:
            if existing.sha256 == digest:
                return False
            raise UserError(prefix + f"báo cáo {report.period} bản {report.revision} của {report.office_code} đã có bản PDF "
                            f"ban hành (SHA-256 {existing.sha256[:16]}…); không thay bằng bản PDF khác.")
        self._insert(report, "issued_pdf", name, data, source)
        return True

    def add_scan(self, report: Report, name: str, data: bytes, *, source: str = "") -> bool:
        """Keep a scan of the signed copy; the same scan twice is kept once (False)."""
        digest = sha256_hex(data)
        if any(known[1] == digest for known in self.scans(report.id)):
            return False
        self._insert(report, "scan", name, data, source)
        return True

    def _insert(self, report: Report, kind: str, name: str, data: bytes, source: str) -> None:
        digest = sha256_hex(data)
        with transaction(self.db):
            self.db.conn.execute(
                "INSERT INTO report_file (report_id, kind, name, sha256, size, data, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", (report.id, kind, name, digest, len(data), data, now()))
            self.log.record(report.office_code, "file", name, None, {"kind": kind, "sha256": digest,
                                                                    "size": len(data)}, report.id, source)


def _checked(stored: StoredFile, what: str) -> StoredFile:
    if sha256_hex(stored.data) != stored.sha256:
        raise UserError(f"{what} không khớp mã băm SHA-256: dữ liệu đã bị thay đổi.")
    return stored
