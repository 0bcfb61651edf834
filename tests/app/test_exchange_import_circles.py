"""The shared-folder and storage packages import one another without a circle (module level)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("exchange", "storage", "commands")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    paths = {_module(p): p for p in (ROOT / "app").rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            nodes = node.body if isinstance(node, ast.If) else [node]  # ``if TYPE_CHECKING:`` counts too
            for item in nodes:
                if isinstance(item, ast.Import):
                    deps |= {a.name for a in item.names if a.name in paths}
                elif isinstance(item, ast.ImportFrom) and item.module:
                    deps |= {item.module} & paths.keys()
                    deps |= {f"{item.module}.{a.name}" for a in item.names} & paths.keys()
        graph[name] = deps - {name}
    return graph


def _circles(graph: dict[str, set[str]], inside) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if not inside(nxt):
                continue
            if state.get(nxt) == 1:
                found.append(trail[trail.index(nxt):] + [nxt])
            elif not state.get(nxt):
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(n for n in graph if inside(n)):
        if not state.get(node):
            visit(node, [node])
    return found


def test_no_module_level_import_circle_in_exchange_storage_and_commands():
    assert _circles(_graph(), lambda m: m.split(".")[1:2] and m.split(".")[1] in PACKAGES) == []


def test_the_check_finds_a_circle():
    graph = {"app.exchange.a": {"app.exchange.b"}, "app.exchange.b": {"app.exchange.a"}}
    assert _circles(graph, lambda m: True) == [["app.exchange.a", "app.exchange.b", "app.exchange.a"]]
