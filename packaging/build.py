"""Build the one-folder bundle with PyInstaller and print its size.

    python packaging/build.py [--dist DIR] [--work DIR] [--max-mb 200]

The bundle lands in ``DIR/baocao/`` (default ``build/dist/baocao``); the same command builds it on
Linux and on Windows. Exit 1 when the bundle is larger than ``--max-mb``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "baocao.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def unbundled_needs(bundle: Path) -> list[str]:
    """Libraries a bundled binary loads that are neither in the bundle nor left to the system on purpose
    (PyInstaller's own list of system libraries: libc, libGL, kernel32…). The spec drops plugins and
    libraries by name; this catches a library dropped while something kept still needs it."""
    from PyInstaller.depend import bindepend, dylib

    files = [p for p in bundle.rglob("*") if p.is_file()]
    present = {p.name.lower() for p in bundle.rglob("*")}
    binaries = [p for p in files if p.suffix.lower() in {".so", ".dll", ".pyd"} or ".so." in p.name]
    missing = set()
    for binary in binaries:
        for name, resolved in bindepend.get_imports(str(binary), search_paths=[str(binary.parent)]):
            base = Path(name).name
            # Judged by full path: on Windows whatever sits in the Windows folder belongs to the system.
            # A library not found on this machine at all is PyInstaller's own warning already.
            if resolved and base.lower() not in present and dylib.include_library(resolved):
                missing.add(f"{binary.relative_to(bundle)} needs {base}")
    return sorted(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--max-mb", type=float, default=200.0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(args.dist), "--workpath", str(args.work), str(SPEC)], check=True, cwd=ROOT)
    bundle = args.dist / "baocao"
    size_mb = folder_size(bundle) / 1e6
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(f"Bundle {bundle}: {size_mb:.1f} MB in {files} files, built in {time.perf_counter() - started:.0f} s "
          f"(limit {args.max_mb:.0f} MB)")
    missing = unbundled_needs(bundle)
    for line in missing:
        print(f"Not bundled: {line}", file=sys.stderr)
    if missing:
        return 1
    if size_mb > args.max_mb:
        print(f"Bundle is larger than {args.max_mb:.0f} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
