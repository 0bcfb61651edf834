"""What every repository shares: one way to open a transaction and the stored forms of numbers and days."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
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


def headings(pairs: tuple[tuple[str, str], ...]) -> str:
    """A report's own headings as stored: a JSON object in key order, '' for none."""
    return json.dumps(dict(sorted(pairs)), ensure_ascii=False, sort_keys=True) if pairs else ""


def headings_from(text: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(json.loads(text).items())) if text else ()
