"""Actions shared by the headless commands and the window's menus."""
from __future__ import annotations

from pathlib import Path

from app import paths, transfer
from app.backup import backup_database
from app.store import Store

SAMPLE = ("sample", "tth-2020-q1.json")


def load_sample(store: Store) -> bool:
    """Load the sample report (office TTH, 2020-Q1); True if anything changed."""
    _, changed = transfer.import_data(store, transfer.read_file(paths.resource(*SAMPLE)))
    return changed


def backup(store: Store, target: Path | str) -> Path:
    return backup_database(store.db, target)
