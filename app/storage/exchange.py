"""The shared folder's tables: packages sent (outbox) and received (inbox), what a scan has
seen (scan_state) and the deadlines a parent office published.

Every SQL statement about these tables lives here. Writers are inside their
caller's transaction (``db.atomic()``); readers take a ``Database``.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import msgspec

from app.storage.connection import Database

SETTLED = ("accepted", "unchanged")
#: The inbox kind of a package its office really signed that was refused here for its content: it keeps
#: its place in the office's chain (so the office's next package is taken), ``body`` holding the reason.
REFUSED = "refused"


class Sent(msgspec.Struct, frozen=True):
    """One package this installation wrote, as the outbox remembers it."""

    office_code: str
    seq: int
    hash: str
    kind: str
    period: str | None
    revision: int | None
    file: str  # relative to the shared folder: outbox/<OFFICE>/<name>
    created: str
    data: bytes | None


class Received(msgspec.Struct, frozen=True):
    """One package accepted from another office, or refused for its content (kind ``REFUSED``)."""

    office_code: str
    seq: int
    hash: str
    name: str
    kind: str
    period: str | None
    revision: int | None
    created: str
    received: str
    body: str  # why it was refused; empty for a package taken (what it brought is stored where it belongs)


class Seen(msgspec.Struct, frozen=True):
    """What the last scan concluded about one file of the shared folder."""

    size: int
    mtime_ns: int
    outcome: str
    reason: str
    key: str | None  # the trusted key's fingerprint a rejection was judged with (None: not read)


@contextlib.contextmanager
def batch(db: Database) -> Iterator[Callable[[], bool]]:
    """One transaction around many packages (each under its own savepoint inside it).

    Yields a function telling whether the transaction is still open: a full
    disk or an I/O error can make SQLite drop it. Commits at the end if it is.
    """
    db.conn.execute("BEGIN")
    try:
        yield lambda: db.conn.in_transaction
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    if db.conn.in_transaction:
        db.conn.execute("COMMIT")


# --- outbox ---------------------------------------------------------------
def last_sent(db: Database, office: str) -> Sent | None:
    """The office's latest package by sequence number, or None before the first."""
    row = db.execute("SELECT office_code, seq, hash, kind, period, revision, file, created, data FROM outbox"
                     " WHERE office_code = ? ORDER BY seq DESC LIMIT 1", (office,)).fetchone()
    return Sent(*row[:8], bytes(row[8]) if row[8] is not None else None) if row else None


def sent_files(db: Database, office: str) -> list[tuple[str, bytes]]:
    """(file, bytes) of every package of the office whose bytes are kept, in sequence order."""
    return [(r[0], bytes(r[1])) for r in db.execute(
        "SELECT file, data FROM outbox WHERE office_code = ? AND data IS NOT NULL ORDER BY seq", (office,))]


def has_sent(db: Database, office: str) -> bool:
    return db.execute("SELECT 1 FROM outbox WHERE office_code = ? LIMIT 1", (office,)).fetchone() is not None


def add_sent(db: Database, sent: Sent) -> None:
    """Remember a package written (inside the caller's transaction); its sequence number must be new."""
    db.conn.execute("INSERT INTO outbox (office_code, seq, hash, kind, period, revision, file, created, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (sent.office_code, sent.seq, sent.hash, sent.kind, sent.period, sent.revision, sent.file,
                     sent.created, sent.data))


# --- inbox ----------------------------------------------------------------
def received_at(db: Database, office: str, seq: int) -> Received | None:
    """What this database holds at ``seq`` of the office's chain (accepted or refused), or None."""
    row = db.execute("SELECT office_code, seq, hash, name, kind, period, revision, created, received, body"
                     " FROM inbox WHERE office_code = ? AND seq = ?", (office, seq)).fetchone()
    return Received(*row) if row else None


def last_received(db: Database, office: str) -> tuple[int, str] | None:
    """(seq, hash) of the office's latest accepted package."""
    row = db.execute("SELECT seq, hash FROM inbox WHERE office_code = ? ORDER BY seq DESC LIMIT 1",
                     (office,)).fetchone()
    return (row[0], row[1]) if row else None


def add_received(db: Database, item: Received) -> None:
    db.conn.execute(
        "INSERT INTO inbox (office_code, seq, hash, name, kind, period, revision, created, received, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.office_code, item.seq, item.hash, item.name, item.kind, item.period, item.revision, item.created,
         item.received, item.body))


def first_received(db: Database, office: str, period: str) -> str | None:
    """When the office's first report for ``period`` was signed (for "on time")."""
    row = db.execute("SELECT min(created) FROM inbox WHERE office_code = ? AND period = ? AND kind = 'report'",
                     (office, period)).fetchone()
    return row[0] if row else None


# --- scan state -----------------------------------------------------------
def seen_files(db: Database) -> dict[str, Seen]:
    return {r[0]: Seen(*r[1:]) for r in db.execute(
        "SELECT path, size, mtime_ns, outcome, reason, key FROM scan_state").fetchall()}


def settled_files(db: Database) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) by path of the files taken before (accepted or unchanged), for the scan to count."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT path, size, mtime_ns FROM scan_state WHERE outcome IN {SETTLED}").fetchall()}


def record_seen(db: Database, path: str, seen: Seen, when: str) -> None:
    db.conn.execute("INSERT OR REPLACE INTO scan_state (path, size, mtime_ns, outcome, reason, seen, key)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (path, seen.size, seen.mtime_ns, seen.outcome, seen.reason, when, seen.key))


def anything_accepted(db: Database) -> bool:
    return db.execute("SELECT 1 FROM scan_state WHERE outcome = 'accepted' LIMIT 1").fetchone() is not None


def left_aside(db: Database) -> list[tuple[str, str, str]]:
    """(path, outcome, reason) of every file not taken, for the window's list."""
    return [tuple(r) for r in db.execute(
        "SELECT path, outcome, reason FROM scan_state WHERE outcome IN ('rejected', 'fork', 'held', 'skipped')"
        " ORDER BY path").fetchall()]


def forget_seen(db: Database) -> None:
    """Make the next scan look at every file again."""
    db.conn.execute("DELETE FROM scan_state")


# --- deadlines ------------------------------------------------------------
def set_deadline(db: Database, office: str, period: str, due: str) -> None:
    db.conn.execute("INSERT OR REPLACE INTO deadline (office_code, period, due) VALUES (?, ?, ?)",
                    (office, period, due))


def deadline(db: Database, office: str, period: str) -> str | None:
    row = db.execute("SELECT due FROM deadline WHERE office_code = ? AND period = ?", (office, period)).fetchone()
    return row[0] if row else None


def deadlines(db: Database) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.execute("SELECT office_code, period, due FROM deadline ORDER BY 1, 2")]
