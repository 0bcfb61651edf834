"""The connection every repository shares: ``sqlite3`` with one transaction discipline.

A write outside a transaction is committed at once; ``atomic()`` opens a
transaction, or a savepoint when one is already open, and rolls it back whole
on any error. This is the small part of sqlite-utils' ``Database`` the store
used, kept here so that opening the file costs no more than ``sqlite3`` itself.
"""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["Database"]

#: Statements that manage the transaction themselves and are never committed behind their back.
_CONTROL = frozenset({"COMMIT", "ROLLBACK", "RELEASE", "SAVEPOINT", "END", "BEGIN"})
#: Whitespace, empty statements, a byte order mark and comments the driver skips before the first keyword.
_LEADING = re.compile(r"(?:[\s;\ufeff]+|--[^\n]*(?:\n|$)|/\*.*?(?:\*/|$))*", re.S)
_WORD = re.compile(r"[A-Za-z_]*")


def _first_keyword(sql: str) -> str:
    start = _LEADING.match(sql).end()
    return _WORD.match(sql, start).group().upper()


class Database:
    """One ``sqlite3`` connection in the driver's default transaction mode."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed before returning."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # never leave an implicit transaction open behind a failure
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and _first_keyword(sql) not in _CONTROL):
            conn.execute("COMMIT")
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction, or a savepoint inside an open one; everything in it or nothing."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"sp_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may already have ended it all
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def ensure_autocommit_on(self) -> Iterator[None]:
        """Driver-level autocommit for the block (``PRAGMA journal_mode`` cannot run in a transaction)."""
        if self.conn.in_transaction:
            raise sqlite3.OperationalError("cannot change the transaction mode inside a transaction")
        old = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = old

    @contextlib.contextmanager
    def page_cache(self, kib: int) -> Iterator[None]:
        """A page cache of at least ``kib`` KiB for the block (SQLite's default is 2 MiB), then the old size.

        Long write transactions (a sync of many packages) otherwise spill dirty pages to the journal midway.
        """
        old = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        if old < 0 and -old >= kib:
            yield
            return
        self.conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(old)}")

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()
