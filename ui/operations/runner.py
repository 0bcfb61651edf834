"""Where the window's work runs: one thread owns the database, one the shared folder, a pool the rest.

``Operations.run(fn, on_done, on_error)`` queues ``fn(store)`` on the database
thread and calls ``on_done(result)`` or ``on_error(message)`` on the main
thread, so widgets are only ever touched where Qt allows it. Shared-folder
work (``run_exchange``) runs on a thread of its own with its own connection to
the same file, so a slow share never holds up a save; ``run_pool`` runs work
that needs no database (rendering, writing files).
"""
from __future__ import annotations

import itertools
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from app.errors import UserError, describe
from ui import i18n

BUSY_RETRY_SECONDS = 30.0  # a save waits at most this long for the shared-folder import to commit


def _busy(exc: BaseException) -> bool:
    """SQLite's "database is locked": another connection of this window is writing right now."""
    return not isinstance(exc, UserError) and "database is locked" in str(exc)


def _call(fn: Callable, *args) -> tuple[Any, str | None]:
    """Run ``fn``; a busy database is waited for (each write is one transaction, so repeating it is safe)."""
    deadline = time.monotonic() + BUSY_RETRY_SECONDS
    delay = 0.02
    while True:
        try:
            return fn(*args), None
        except UserError as exc:
            return None, i18n.core(str(exc))
        except Exception as exc:  # shown to the operator; the app keeps running
            if _busy(exc) and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
                continue
            traceback.print_exc()
            return None, i18n.core(describe(exc))


class _Worker(QObject):
    """Owns one connection, on its own thread; ``opener`` makes it there on first use."""

    finished = Signal(int, object, object)  # job id, result, error message

    def __init__(self, opener: Callable[[], tuple[Any, Callable[[], None]]], eager: bool = False) -> None:
        super().__init__()
        self._opener = opener
        self._store: Any = None
        self._closer: Callable[[], None] | None = None
        self._closed = False
        if eager:  # already open: the store only has to be handed over
            self._store, self._closer = opener()

    @Slot(int, object)
    def run_job(self, job_id: int, fn: Callable) -> None:
        if self._closed:
            self.finished.emit(job_id, None, "Cơ sở dữ liệu đã đóng.")
            return
        if self._store is None:
            opened, error = _call(self._opener)
            if error is not None:
                self.finished.emit(job_id, None, error)
                return
            self._store, self._closer = opened
        result, error = _call(fn, self._store)
        self.finished.emit(job_id, result, error)

    @Slot()
    def close(self) -> None:
        """Close the connection, then end the thread: queued after every job, so every queued save ran first."""
        self._closed = True
        try:
            if self._closer is not None:
                self._store, closer, self._closer = None, self._closer, None
                closer()
        finally:
            QThread.currentThread().quit()


class _Lane(QObject):
    """One thread with one worker: jobs run one after another, results come back in order."""

    _submit = Signal(int, object)
    _close = Signal()

    def __init__(self, name: str, opener: Callable, done: Callable, parent: QObject, eager: bool = False) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.worker = _Worker(opener, eager)
        self.worker.moveToThread(self.thread)
        self._submit.connect(self.worker.run_job)
        self._close.connect(self.worker.close)
        self.worker.finished.connect(done)
        self.thread.start()

    def submit(self, job_id: int, fn: Callable) -> None:
        self._submit.emit(job_id, fn)

    def stop(self) -> None:
        """Run what is queued, close, and end the thread. Quitting from here instead could leave jobs posted
        while one ran (the last typed text, sent on closing) unprocessed."""
        self._close.emit()
        self.thread.wait()


class _PoolSignals(QObject):
    finished = Signal(object, object)  # result, error message


class _PoolJob(QRunnable):
    def __init__(self, fn: Callable, signals: _PoolSignals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        result, error = _call(self.fn)
        self.signals.finished.emit(result, error)


class Operations(QObject):
    """Runs core calls off the main thread; one instance per window.

    ``error_handler`` (set by the window) shows a failure nobody else handles.
    """

    busy_changed = Signal(bool)

    def __init__(self, store: Any, closer: Callable[[], None], parent: QObject | None = None,
                 exchange_opener: Callable[[], tuple[Any, Callable[[], None]]] | None = None) -> None:
        """``store`` is used only on the database thread from now on; ``closer`` closes it there.

        ``exchange_opener`` opens a second connection to the same file, on the
        shared-folder thread, when that thread first gets work; without it,
        shared-folder work runs on the database thread.
        """
        super().__init__(parent)
        self.error_handler: Callable[[str], None] | None = None
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)
        self._lane = _Lane("database", lambda: (store, closer), self._finished, self, eager=True)
        self._thread = self._lane.thread
        self._exchange = _Lane("exchange", exchange_opener, self._finished, self) if exchange_opener else None
        self._exchange_jobs: set[int] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals: set[_PoolSignals] = set()

    def run(self, fn: Callable, on_done: Callable | None = None,
            on_error: Callable[[str], None] | None = None) -> int:
        """Queue ``fn(store)`` on the database thread."""
        job_id = self._register(on_done, on_error)
        self._lane.submit(job_id, fn)
        return job_id

    def run_exchange(self, fn: Callable, on_done: Callable | None = None,
                     on_error: Callable[[str], None] | None = None) -> int:
        """Queue ``fn(store)`` on the shared-folder thread, with that thread's own connection."""
        if self._exchange is None:
            return self.run(fn, on_done, on_error)
        job_id = self._register(on_done, on_error)
        self._exchange_jobs.add(job_id)
        self._exchange.submit(job_id, fn)
        return job_id

    def run_pool(self, fn: Callable, on_done: Callable | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        """Run ``fn()`` (no database) in the pool: rendering never waits behind saves."""
        signals = _PoolSignals(self)
        self._signals.add(signals)

        def finished(result, error) -> None:
            self._signals.discard(signals)
            signals.deleteLater()
            self._deliver(result, error, on_done, on_error)

        signals.finished.connect(finished)
        self._pool.start(_PoolJob(fn, signals))

    @property
    def busy(self) -> bool:
        """True while database work is queued (shared-folder work is not counted: it never blocks saving)."""
        return any(job not in self._exchange_jobs for job in self._pending)

    def _register(self, on_done, on_error) -> int:
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = (on_done, on_error)
        if not was_busy and self.busy:
            self.busy_changed.emit(True)
        return job_id

    @Slot(int, object, object)
    def _finished(self, job_id: int, result, error) -> None:
        on_done, on_error = self._pending.pop(job_id, (None, None))
        self._exchange_jobs.discard(job_id)
        if not self.busy:
            self.busy_changed.emit(False)
        self._deliver(result, error, on_done, on_error)

    def _deliver(self, result, error, on_done, on_error) -> None:
        if error is None:
            if on_done:
                on_done(result)
        elif on_error:
            on_error(error)
        elif self.error_handler:
            self.error_handler(error)

    def shutdown(self) -> None:
        """Finish queued work, close both connections and stop the threads."""
        self._pool.waitForDone()
        if self._exchange is not None:
            self._exchange.stop()
        self._lane.stop()
