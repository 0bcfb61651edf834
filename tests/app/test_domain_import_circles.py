"""No module of app/domain reaches itself through its imports (lazy imports inside functions count)."""
import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "app" / "domain"


def _imports() -> dict[str, set[str]]:
    names = {f"app.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__"}
    out = {}
    for name in names:
        found = set()
        for node in ast.walk(ast.parse((DOMAIN / f"{name.rsplit('.', 1)[1]}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        out[name] = (found & names) - {name}
    return out


def test_domain_modules_import_no_circle():
    graph = _imports()
    for start in graph:
        seen, stack = set(), list(graph[start])
        while stack:
            module = stack.pop()
            assert module != start, f"{start} imports itself through {sorted(seen)}"
            if module not in seen:
                seen.add(module)
                stack.extend(graph[module])
