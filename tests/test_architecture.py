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


def test_value_types_are_msgspec_structs_only():
    """One kind of value type, so ``msgspec.structs.replace`` fits every one: a dataclass beside them would
    be replaced with the other function on a path no test walks, and its class costs the window's start
    ~0.4 ms to build against a struct's ~0.01 ms."""
    offenders = sorted(p.relative_to(ROOT).as_posix() for folder in ("app", "ui") for p in (ROOT / folder).rglob("*.py")
                       if "dataclasses" in _imports(p))
    assert offenders == []


# Outside ui/operations the window may use the core's model types, pure formatting functions and the process starter only.
MODEL_MODULES = {
    "app.domain.model", "app.domain.period", "app.domain.template", "app.domain.validate", "app.domain.codes",
    "app.domain.formatting", "app.domain.narrative", "app.domain.numbers", "app.domain.text",
    "app.domain.kinds", "app.domain.indicator", "app.domain.views",
    "app.digest", "app.errors", "app.paths", "app.processes", "app.reporting.changes",
}


def _modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (``from a import b`` counts a.b when b is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names
                      if (ROOT / node.module.replace(".", "/") / f"{alias.name}.py").exists()}
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            found.add(str(node.args[0].value))
    return found


def _core_imports(path: Path) -> set[str]:
    """The ``app`` modules ``path`` reaches (a package named in ``from app.domain import model`` is not one)."""
    return {name for name in _modules(path) if (name == "app" or name.startswith("app."))
            and not (ROOT / name.replace(".", "/") / "__init__.py").exists()}


def test_ui_reaches_the_core_only_through_its_operations():
    outside = [p for p in (ROOT / "ui").rglob("*.py") if "operations" not in p.relative_to(ROOT / "ui").parts]
    assert len(outside) > 10
    offenders = {str(p.relative_to(ROOT)): sorted(_core_imports(p) - MODEL_MODULES) for p in outside}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_architecture_check_catches_a_window_module_reaching_past_the_operations(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from app.reporting import desk\nimport app.storage.store\nfrom app.domain import model\n"
                     "def f():\n    from app.exchange import sync\n    importlib.import_module('app.output.printed')\n",
                     encoding="utf-8")
    assert _core_imports(probe) - MODEL_MODULES == {"app.reporting.desk", "app.storage.store", "app.exchange.sync",
                                                    "app.output.printed"}


def _ui_graph() -> dict[str, set[str]]:
    graph = {}
    for path in (ROOT / "ui").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = {m for m in _modules(path) if m.startswith("ui.") and m != name}
    return graph


def test_window_modules_import_no_circle():
    graph = _ui_graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt in graph and not state.get(nxt):
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])
    assert circles == []


def test_window_modules_and_functions_stay_small():
    too_long = []
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 300:
            too_long.append(f"{path.name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 40:
                too_long.append(f"{path.name}:{node.lineno} {node.name}")
    assert too_long == []
