"""Public keys in the database: those trusted for other offices (trusted_key) and each local
office's own (own_key), so a database opened without its key file is noticed.

Private keys never enter the database. Every SQL statement about these tables
lives here; writers are inside their caller's transaction.
"""
from __future__ import annotations

import msgspec

from app.storage.connection import Database


class KeyRecord(msgspec.Struct, frozen=True):
    office_code: str
    public_key: str  # base64 of the raw Ed25519 public key
    fingerprint: str
    at: str


def trusted(db: Database, office: str) -> KeyRecord | None:
    row = db.execute("SELECT office_code, public_key, fingerprint, trusted FROM trusted_key WHERE office_code = ?",
                     (office,)).fetchone()
    return KeyRecord(*row) if row else None


def all_trusted(db: Database) -> list[KeyRecord]:
    return [KeyRecord(*r) for r in db.execute(
        "SELECT office_code, public_key, fingerprint, trusted FROM trusted_key ORDER BY office_code").fetchall()]


def offices_trusting(db: Database, public_key: str) -> list[str]:
    """Every office code the key is trusted for (one, in a database kept by today's rules)."""
    return [r[0] for r in db.execute("SELECT office_code FROM trusted_key WHERE public_key = ? ORDER BY 1",
                                     (public_key,)).fetchall()]


def set_trusted(db: Database, record: KeyRecord) -> None:
    db.conn.execute(
        "INSERT OR REPLACE INTO trusted_key (office_code, public_key, fingerprint, trusted) VALUES (?, ?, ?, ?)",
        (record.office_code, record.public_key, record.fingerprint, record.at))


def forget_trusted(db: Database, office: str) -> None:
    db.conn.execute("DELETE FROM trusted_key WHERE office_code = ?", (office,))


def own(db: Database, office: str) -> KeyRecord | None:
    """The public key this database's office signs with, as recorded when it was made or first used."""
    row = db.execute("SELECT office_code, public_key, fingerprint, created FROM own_key WHERE office_code = ?",
                     (office,)).fetchone()
    return KeyRecord(*row) if row else None


def own_offices_of(db: Database, public_key: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT office_code FROM own_key WHERE public_key = ?", (public_key,))]


def set_own(db: Database, record: KeyRecord) -> None:
    db.conn.execute("INSERT OR REPLACE INTO own_key (office_code, public_key, fingerprint, created)"
                    " VALUES (?, ?, ?, ?)", (record.office_code, record.public_key, record.fingerprint, record.at))


def office_id_taken(db: Database, office_id: str) -> bool:
    return db.execute("SELECT 1 FROM office WHERE id = ?", (office_id,)).fetchone() is not None


def mark_remote(db: Database, office: str) -> None:
    """An office registered from its key file is another installation's, not this one's."""
    db.conn.execute("UPDATE office SET origin = 'remote' WHERE code = ?", (office,))


def database_file(db: Database) -> str | None:
    """The main database's file path, or None for a database in memory."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else None
