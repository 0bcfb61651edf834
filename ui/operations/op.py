"""One user intent as a chain of steps, each on the thread it belongs to.

An operation function returns an ``Op``; the caller adds what to do on the
main thread afterwards and starts it::

    save_figure(parent=self, ops=ops, sheet=sheet, code="VL_MOI", column="value", text="2.607") \\
        .success(self.apply).failure(self.refused).run()

Steps run one after another: ``database`` and ``exchange`` steps get the
store of their thread and the previous step's result, ``pool`` steps get the
previous result only. The first failure stops the chain and goes to
``failure`` (or to the runner's error handler when none was given).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from app.reporting.changes import Changes
from ui.i18n import _
from ui.operations.runner import Operations

DATABASE, EXCHANGE, POOL = "database", "exchange", "pool"


class Updated(msgspec.Struct, frozen=True):
    """A write's ``Changes`` and what it touched as the database now holds it."""

    changes: Changes
    sheet: Any = None  # desk.Sheet after the write; None when no report was open


class Op:
    """A chain of steps with one success and one failure callback, both on the main thread."""

    def __init__(self, parent: QWidget | None, ops: Operations) -> None:
        self.parent, self.ops = parent, ops
        self._steps: list[tuple[str, Callable]] = []
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[str], None] | None = None
        self.delivered = False  # its success was told, or its failure told or held for after ``wait``
        self._waiting: QEventLoop | None = None
        self._held: str | None = None  # a failure that came during ``wait``

    def database(self, fn: Callable[..., Any]) -> Op:
        """Add ``fn(store)`` (first step) or ``fn(store, previous)`` on the database thread."""
        self._steps.append((DATABASE, fn))
        return self

    def exchange(self, fn: Callable[..., Any]) -> Op:
        """Add a step on the shared-folder thread (its own connection), called like ``database``."""
        self._steps.append((EXCHANGE, fn))
        return self

    def pool(self, fn: Callable[..., Any]) -> Op:
        """Add ``fn()`` (first step) or ``fn(previous)`` in the pool: no database there."""
        self._steps.append((POOL, fn))
        return self

    def success(self, fn: Callable[[Any], None]) -> Op:
        self._success = fn
        return self

    def failure(self, fn: Callable[[str], None]) -> Op:
        self._failure = fn
        return self

    def run(self) -> None:
        """Start the chain; callbacks come later, on the main thread."""
        self._next(0, None)

    def wait(self, limit_ms: int) -> bool:
        """Run the main thread's events until the chain (already running) has delivered, ``limit_ms`` at most;
        True when it has. For a window not shown yet, that would rather appear once with what the chain
        brings than draw itself empty first: past the limit it shows as usual and the result follows.

        A failure meanwhile is not told inside the wait (its message box would stand over a window not on
        screen, the wait held until it closes): it is told at the next turn of the event loop after it."""
        if not self.delivered:
            self._waiting = QEventLoop()
            QTimer.singleShot(limit_ms, self._waiting, self._waiting.quit)
            self._waiting.exec()
            self._waiting = None
        if self._held is not None:
            message, self._held = self._held, None
            QTimer.singleShot(0, lambda: self._tell(message))
        return self.delivered

    def _delivered(self) -> None:
        self.delivered = True
        if self._waiting is not None:
            self._waiting.quit()

    def _gone(self) -> bool:
        """The widget that asked was closed and deleted meanwhile: nobody is left to tell."""
        return self.parent is not None and not isValid(self.parent)

    def _next(self, index: int, previous: Any) -> None:
        if index == len(self._steps):
            try:
                if self._success and not self._gone():
                    self._success(previous)
            finally:
                self._delivered()
            return
        where, fn = self._steps[index]
        first = index == 0
        then = lambda result: self._next(index + 1, result)  # noqa: E731 - the chain's glue
        if where == POOL:
            self.ops.run_pool(fn if first else lambda: fn(previous), then, self._failed)
        else:
            call = fn if first else lambda store: fn(store, previous)
            runner = self.ops.run if where == DATABASE else self.ops.run_exchange
            runner(call, then, self._failed)

    def _failed(self, message: str) -> None:
        if self._waiting is not None:
            self._held = message
        else:
            self._tell(message)
        self._delivered()

    def _tell(self, message: str) -> None:
        if self._gone():
            return
        if self._failure:
            self._failure(message)
        elif self.ops.error_handler:
            self.ops.error_handler(message)
        else:
            from PySide6.QtWidgets import QMessageBox  # the window's own handler tells it, as a rule

            QMessageBox.warning(self.parent, _("Báo cáo LĐTBXH"), message)
