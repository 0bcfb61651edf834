"""How a recorded change reads, in the command's log and in the window's: ``old → new``."""
from __future__ import annotations

import json


def change_text(old, new) -> str:
    """``old → new``; for recorded objects (a value's fields) only the fields that changed."""
    before, after = _fields(old), _fields(new)
    if before is None and after is None or (before is None and old) or (after is None and new):
        return f"{_shown(old)} → {_shown(new)}"
    before, after = before or {}, after or {}
    keys = [k for k in sorted({*before, *after}) if before.get(k) != after.get(k)]
    parts = [f"{k}: {_shown(before.get(k))} → {_shown(after.get(k))}" for k in keys]
    return "; ".join(parts) or "không đổi"


def _fields(value) -> dict | None:
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        decoded = json.loads(value)
    except ValueError:
        return None
    return decoded if isinstance(decoded, dict) else None


def _shown(value) -> str:
    return "∅" if value is None or value == "" else str(value)
