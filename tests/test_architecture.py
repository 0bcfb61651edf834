"""The core never imports Qt; the window never talks SQL."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_app_imports_no_qt():
    offenders = {p.name: _imports(p) & {"PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy"}
                 for p in (ROOT / "app").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_imports_no_sql():
    offenders = {p.name: _imports(p) & {"sqlite3", "sqlite_utils", "apsw"} for p in (ROOT / "ui").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in (".db.", ".execute(", "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM"):
            assert marker not in text, f"{path.name}: {marker}"
