"""The bundle's spec names every Qt module the window imports and leaves out only modules it never uses."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "baocao.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in packaging/baocao.spec")


def _qt_imports() -> dict[str, str]:
    """Every PySide6 module imported under ui/ and app/ or by main.py, with one file importing it."""
    found = {}
    for path in [ROOT / "main.py", *(ROOT / "ui").rglob("*.py"), *(ROOT / "app").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                names = [f"PySide6.{a.name}" for a in node.names]
            for name in names:
                match = re.match(r"PySide6\.(Qt\w+)", name)
                if match:
                    found.setdefault(match.group(1), str(path.relative_to(ROOT)))
    return found


def test_every_qt_module_the_window_imports_is_bundled():
    used, unused = set(_spec_list("QT_USED")), set(_spec_list("QT_UNUSED"))
    imported = _qt_imports()
    assert imported, "no PySide6 import found: the scan is broken"
    missing = {module: path for module, path in imported.items() if module not in used}
    assert not missing, f"imported but not in the spec's QT_USED (the bundle would lack them): {missing}"
    assert not used & unused, f"both used and excluded: {used & unused}"
    assert "QtWebEngineCore" in unused and "QtQml" in unused
