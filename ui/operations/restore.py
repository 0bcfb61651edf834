"""Tệp → Khôi phục từ bản sao lưu: what a backup holds, and putting it in place of the open database."""
from __future__ import annotations

from pathlib import Path

from app.reporting import settings as settings_mod
from app.storage import restore_open
from ui.operations.op import Op
from ui.operations.runner import Operations


def backup_folder(*, parent, ops: Operations, database: str) -> Op:
    """Where backups are looked for first: the shared folder's ``backup``, else ``backup`` beside the database."""
    def step(store) -> str:
        shared = settings_mod.load(store).shared_folder
        beside = Path(database).parent
        for folder in ((Path(shared) / "backup") if shared else None, beside / "backup", beside):
            if folder is not None and folder.is_dir():
                return str(folder)
        return str(beside)

    return Op(parent, ops).database(step)


def describe_backup(*, parent, ops: Operations, database: str, path: str) -> Op:
    """Check the backup at ``path`` (no change made) and say what it holds: a ``BackupInfo``."""
    return Op(parent, ops).pool(lambda: restore_open.describe_backup(database, path))


def restore_backup(*, parent, ops: Operations, database: str, path: str) -> Op:
    """Put the backup at ``path`` in place of the open database (the current content kept as a dated copy)."""
    def step(store):
        done = restore_open.restore_open(store.db, database, path)
        store.templates.forget_cached()  # template ids now name the backup's versions
        return done

    return Op(parent, ops).database(step)
