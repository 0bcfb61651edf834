"""The wheel that ``pip install .`` builds carries every module of app/ and ui/ and every resource file.

Run as ``python packaging/check_wheel.py WHEEL``; prints what is missing and exits 1, or prints a count.
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {"__pycache__"}


def expected() -> set[str]:
    files = {p for top in ("app", "ui") for p in (ROOT / top).rglob("*.py")}
    files |= {p for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix not in (".pyc",)}
    return {p.relative_to(ROOT).as_posix() for p in files if not SKIP & set(p.parts)}


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as archive:
        present = set(archive.namelist())
    missing = sorted(expected() - present)
    for name in missing:
        print(f"missing from the wheel: {name}", file=sys.stderr)
    if not missing:
        print(f"wheel carries all {len(expected())} files of app/, ui/ and resources/")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
