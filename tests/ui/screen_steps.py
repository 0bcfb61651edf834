"""The screenshot children's step runner: each step runs once the report is shown, one after another."""
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer


class Steps:
    """``later(fn, wait, ready)`` queues ``fn``; ``start()`` runs them, then closes the window and quits."""

    def __init__(self, app, window, started: Callable[[], bool] | None = None) -> None:
        """``started()`` says when the steps may begin (default: once a report is shown)."""
        self.app, self.window = app, window
        self.started = started or (lambda: window.sheet is not None)
        self.steps: list[tuple[Callable, int, Callable[[], bool]]] = []

    def later(self, fn: Callable, wait: int = 400, ready: Callable[[], bool] = lambda: True) -> None:
        self.steps.append((fn, wait, ready))

    def start(self) -> None:
        QTimer.singleShot(200, self._next)

    def _next(self) -> None:
        if not self.started():
            QTimer.singleShot(100, self._next)
            return
        if not self.steps:
            self.window.close()
            self.app.quit()
            return
        fn, wait, ready = self.steps[0]
        if not ready():
            QTimer.singleShot(200, self._next)
            return
        self.steps.pop(0)
        print(f"step {getattr(fn, '__qualname__', fn)}", file=sys.stderr, flush=True)
        QTimer.singleShot(wait, self._next)  # first: ``fn`` may open a dialog and wait in it
        fn()
