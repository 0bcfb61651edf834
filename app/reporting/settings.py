"""Durable settings, typed, with declared defaults; stored in the database's ``setting`` table."""
from __future__ import annotations

import json

import msgspec

from app.errors import InputError
from app.storage.store import Store

LANGUAGES = ("vi", "en")


class Settings(msgspec.Struct, frozen=True):
    language: str = "vi"
    shared_folder: str = ""  # network share, USB stick or synced folder for submissions
    office: str = ""  # the office this installation reports for
    period: str = ""  # the period last worked on
    backup_to_folder: bool = False  # a backup into <shared folder>/backup/<OFFICE>/ at each close


_DEFAULTS = dict(zip(Settings.__struct_fields__, Settings.__struct_defaults__, strict=True))  # every field has one


def load(store: Store) -> Settings:
    rows = store.setting_rows.all()
    values = {}
    for name, default in _DEFAULTS.items():
        if name in rows:
            try:
                values[name] = json.loads(rows[name])
            except json.JSONDecodeError:
                values[name] = default
    return Settings(**values)


def save(store: Store, settings: Settings) -> Settings:
    if settings.language not in LANGUAGES:
        raise InputError(f"Ngôn ngữ “{settings.language}” không hỗ trợ.")
    old = load(store)
    changes = {}
    for name in _DEFAULTS:
        new_value, old_value = getattr(settings, name), getattr(old, name)
        if new_value != old_value:
            changes[name] = (json.dumps(new_value, ensure_ascii=False), old_value, new_value)
    store.setting_rows.put(changes, settings.office)
    return settings


def update(store: Store, **changes) -> Settings:
    return save(store, msgspec.structs.replace(load(store), **changes))
