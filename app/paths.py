"""Finding the bundled resources from a checkout, an installed package or a frozen build."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources/`` folder: beside ``app/`` in a checkout and in site-packages
    (it is installed as a package of its own), or in the bundle of a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing bundled resource: {path}")
    return path
