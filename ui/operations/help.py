"""The user guide shipped with the program."""
from __future__ import annotations

from app.errors import UserError
from app.paths import resource


def guide_html() -> str:
    """The Vietnamese user guide (``resources/help/huong-dan.html``) as HTML text."""
    path = resource("help", "huong-dan.html")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Không đọc được hướng dẫn sử dụng {path}: {exc.strerror or exc}.") from exc
