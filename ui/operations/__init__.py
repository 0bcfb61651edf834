"""The window's only door into the core: one function per user intent.

Each function is named for what the operator does (``save_figure``,
``issue_report``, ``sync_folder``…), takes keyword arguments only, starting
with ``parent`` (the widget asking) and ``ops`` (the runner), and returns an
``Op`` to finish with ``.success(…)`` / ``.failure(…)`` and ``.run()``.
Writes end in an ``Updated``: the ``Changes`` they made and the report as the
database now holds it, so views redraw from that and nothing else.
"""
from ui.operations.op import Op, Updated
from ui.operations.runner import Operations

__all__ = ["Op", "Operations", "Updated"]
