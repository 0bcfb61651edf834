"""Schema versions, kept in ``PRAGMA user_version``, upgraded one step at a time.

Each step runs in one transaction; before upgrading an existing file, a backup
is written beside it with the online backup API. A database written by a
newer version of the app is refused rather than guessed at.
"""
from __future__ import annotations

from pathlib import Path

from app.errors import DatabaseError
from app.storage.connection import Database
from app.storage.schema import FROZEN, STEPS

__all__ = ["FROZEN", "LATEST", "STEPS", "current_version", "upgrade"]

LATEST = len(STEPS)


def current_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def upgrade(db: Database, path: Path | None) -> None:
    """Bring the schema to LATEST; back the file up first if it holds data."""
    version = current_version(db)
    if version > LATEST:
        raise DatabaseError(
            f"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {version}, "
            f"phiên bản này hiểu đến {LATEST}). Hãy cập nhật phần mềm; dữ liệu không bị thay đổi."
        )
    if version == LATEST:
        return
    if path is not None and version > 0:
        from app.storage.backup import backup_database

        backup_database(db, path.with_name(f"{path.stem}.truoc-nang-cap-v{version}{path.suffix}"))
    for step in range(version, LATEST):
        with db.atomic():
            for statement in _statements(STEPS[step]):
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {step + 1}")


def _statements(script: str | list[str]) -> list[str]:
    if isinstance(script, list):
        return script
    return [s.strip() for s in script.split(";") if s.strip()]
