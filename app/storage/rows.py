"""What every repository shares: one way to open a transaction and the stored forms of numbers and days."""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from decimal import Decimal

from app.domain import numbers
from app.errors import UserError
from app.storage.connection import Database
from app.storage.migrations import FROZEN


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[None]:
    """One transaction (a savepoint when nested); a frozen report's trigger becomes a UserError."""
    try:
        with db.atomic():
            yield
    except sqlite3.IntegrityError as exc:
        if FROZEN in str(exc):
            raise UserError(FROZEN) from None
        raise


def num(number: Decimal | None) -> str | None:
    """A number as stored: exact text, never a binary float."""
    return None if number is None else numbers.to_storage(number)


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
