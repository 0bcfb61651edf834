"""The window's way to the core: one thread owns the database; results come back as signals.

``Operations.run(fn, on_done, on_error)`` queues ``fn(store)`` on the database
thread and calls ``on_done(result)`` or ``on_error(message)`` on the main
thread, so widgets are only ever touched where Qt allows it.
"""
from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from app.errors import UserError, describe


class _Worker(QObject):
    finished = Signal(int, object, object)  # job id, result, error message

    def __init__(self, store: Any, closer: Callable[[], None]) -> None:
        super().__init__()
        self._store = store
        self._closer = closer

    @Slot(int, object)
    def run_job(self, job_id: int, fn: Callable) -> None:
        try:
            if self._store is None:
                raise UserError("Cơ sở dữ liệu đã đóng.")
            result, error = fn(self._store), None
        except UserError as exc:
            result, error = None, str(exc)
        except Exception as exc:  # shown to the operator; the app keeps running
            traceback.print_exc()
            result, error = None, describe(exc)
        self.finished.emit(job_id, result, error)

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store = None
            self._closer()


class _PoolSignals(QObject):
    finished = Signal(object, object)  # result, error message


class _PoolJob(QRunnable):
    def __init__(self, fn: Callable, signals: _PoolSignals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except UserError as exc:
            result, error = None, str(exc)
        except Exception as exc:
            traceback.print_exc()
            result, error = None, describe(exc)
        self.signals.finished.emit(result, error)


class Operations(QObject):
    """Runs core calls on the database thread; one instance per window."""

    _submit = Signal(int, object)
    _close = Signal()
    busy_changed = Signal(bool)

    def __init__(self, store: Any, closer: Callable[[], None], parent: QObject | None = None) -> None:
        """``store`` is used only on the database thread from now on; ``closer`` closes it there."""
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("database")
        self._worker = _Worker(store, closer)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run_job)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._finished)
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals: set[_PoolSignals] = set()
        self._thread.start()

    def run(self, fn: Callable, on_done: Callable | None = None,
            on_error: Callable[[str], None] | None = None) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job_id, fn)
        return job_id

    def run_pool(self, fn: Callable, on_done: Callable | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        """Run ``fn()`` (no database) in the render pool: PDF rendering never waits behind saves."""
        signals = _PoolSignals(self)
        self._signals.add(signals)

        def finished(result, error) -> None:
            self._signals.discard(signals)
            signals.deleteLater()
            if error is not None:
                if on_error:
                    on_error(error)
            elif on_done:
                on_done(result)

        signals.finished.connect(finished)
        self._pool.start(_PoolJob(fn, signals))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object, object)
    def _finished(self, job_id: int, result, error) -> None:
        on_done, on_error = self._pending.pop(job_id, (None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        if error is not None:
            if on_error:
                on_error(error)
        elif on_done:
            on_done(result)

    def shutdown(self) -> None:
        """Finish queued work, close the database and stop the thread."""
        self._pool.waitForDone()
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
