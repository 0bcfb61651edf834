"""Small pieces: no module of the core or the window over 300 lines, no function over 40."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for folder in ("app", "ui") for p in (ROOT / folder).rglob("*.py")]


def test_modules_stay_under_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in SOURCES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


def test_functions_stay_under_40_lines():
    long = [f"{p.relative_to(ROOT)}:{node.name} ({node.end_lineno - node.lineno + 1})"
            for p in SOURCES for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 40]
    assert long == []
