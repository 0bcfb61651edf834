"""English for the core's messages (errors, findings) the window shows: resources/locale/en/LC_MESSAGES/core.po.

The core writes its messages in Vietnamese with f-strings. ``extract()`` lists each message
passed to ``InputError``, ``UserError``, ``NotFoundError``, ``DatabaseError``, ``Finding`` and
``_finding`` under app/ (the command-line modules and the database-file checks, which speak to
the command line before any window exists, aside) with its fields numbered: ``Mục {0}: chưa nhập
{1} chỉ tiêu ({2}).``. The window, in English, matches a message against these and fills the
English with the same fields (``ui.i18n.core``). Run ``python tools/english_core.py`` after
changing a message: it rewrites the catalog and lists messages with no English yet.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES"
CALLS = {"InputError", "UserError", "NotFoundError", "DatabaseError", "Finding", "_finding"}
ASIDE = ("app/commands/", "app/storage/db.py", "app/storage/restore.py", "app/storage/migrations.py")


def _msgid(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if not isinstance(node, ast.JoinedStr):
        return None
    out, field = [], 0
    for part in node.values:
        if isinstance(part, ast.Constant):
            out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
        else:
            out.append(f"{{{field}}}")
            field += 1
    return "".join(out)


WORDS = ("app/domain/model.py", "app/domain/validate.py")  # status and severity words: their ``label``


def _words(tree: ast.AST, relative: str, found: dict[str, str]) -> None:
    """The constant strings a ``label`` property returns ("Nháp", "Đã ban hành", "Cảnh báo"…)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "label":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str) \
                        and any(ord(ch) > 127 for ch in inner.value):
                    found.setdefault(inner.value, relative)


def extract(root: Path = ROOT) -> dict[str, str]:
    """Every Vietnamese message of the core the window may show: msgid → the file it is in."""
    found: dict[str, str] = {}
    for path in sorted((root / "app").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(ASIDE):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if relative in WORDS:
            _words(tree, relative, found)
        helpers = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in CALLS:
                for arg in node.args:
                    for text in _messages(arg, helpers):
                        found.setdefault(text, relative)
    return found


def _messages(arg: ast.AST, helpers: dict[str, ast.FunctionDef]) -> list[str]:
    """The message ``arg`` is, or, for a call to a function of the same module, each message that function returns."""
    if isinstance(arg, ast.Call) and getattr(arg.func, "id", "") in helpers:
        returns = [n.value for n in ast.walk(helpers[arg.func.id]) if isinstance(n, ast.Return) and n.value]
    else:
        returns = [arg]
    texts = [_msgid(node) for node in returns]
    return [t for t in texts if t and any(ord(ch) > 127 for ch in t)]


def build() -> list[str]:
    """Write core.po and core.mo from ``ENGLISH``; return the messages that have none."""
    from tools.english_core_text import ENGLISH

    catalog = Catalog(locale="en", domain="core")
    for msgid in sorted(ENGLISH):  # a message no longer written matches nothing: harmless
        catalog.add(msgid, ENGLISH[msgid])
    missing = sorted(set(extract()) - set(ENGLISH))
    TARGET.mkdir(parents=True, exist_ok=True)
    with open(TARGET / "core.po", "wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_output=True, no_location=True, width=0)
    with open(TARGET / "core.mo", "wb") as handle:
        write_mo(handle, catalog)
    return missing


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    missing = build()
    for msgid in missing:
        print(f"no English for: {msgid!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
