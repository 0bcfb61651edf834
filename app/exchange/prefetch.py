"""Packages read ahead in a second process while this one imports (a sync of many files).

Reading a package — its name hash and signature checked, its body decoded, a
report's content checked whole and parsed against its own template — needs no
database and is most of a sync's work. With enough files and more than one
processor, a worker process reads the files in the import's order, from the
``START``-th on (the importer reads the first ones itself while the worker
starts, and every ``HERE_EVERY``-th after them, so both cores stay busy), and
the importer takes each result as it comes. The importer uses a
result only when it was read with the very key it would use, and reads a file
itself otherwise, so the verdicts, their wording and their order are those of a
sync without it; anything going wrong with the worker (it cannot start, it
dies, it falls silent for ``PATIENCE`` seconds) only leaves the sync reading
the files itself. The worker never writes; only this process touches the
database.
"""
from __future__ import annotations

import collections
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

from app import processes
from app.errors import InputError, UserError
from app.exchange import package, receive
from app.exchange.keys import PublicKey
from app.exchange.scan import Found

#: The files the importer reads itself while the worker starts (about 0.2 s).
START = 32
#: Fewer files than this are read here: starting the worker (about 0.2 s) would cost more than it saves.
MIN_FILES = 2 * START
#: Of the files after the first ``START``, the importer reads every ``HERE_EVERY``-th itself (0: none). Reading a
#: report (its checks and parsing) costs about twice what importing it does, so with the worker and the importer
#: each on a core of its own, the importer taking a third of the reading keeps either from waiting on the other.
HERE_EVERY = 3
#: How much of the worker's results may wait in the pipe (where the system lets it be widened).
PIPE_BYTES = 1024 * 1024
#: Seconds without a result after which the worker is given up on.
PATIENCE = 30.0


class Read(msgspec.Struct, frozen=True):
    """One file as the worker read it: a package (a report's only by its head, with what ``receive.prepare``
    made of it when it could) or the refusal of its bytes."""

    pkg: package.Package | None
    refusal: InputError | None = None
    ready: receive.Prepared | None = None


def read(where: bytes, office: str, key: bytes) -> Read | None:
    """In the worker: one file read and, for a report, made ready. None: let the importer read it."""
    try:
        pkg = package.read(Path(os.fsdecode(where)), PublicKey(office, key))
    except InputError as exc:
        return Read(None, exc)
    except (OSError, UserError):
        return None  # held files, retries and odd files stay with the importer
    if pkg.kind != "report":
        return Read(pkg)
    try:
        ready = receive.prepare(pkg)
    except Exception:  # noqa: BLE001 - the importer checks it again and words the refusal
        return Read(pkg)
    return Read(pkg.head(), None, ready)


def serve(conn, requests: list[tuple[bytes, str, bytes]]) -> None:
    """The worker: read each (where, office, key) in order and send its ``Read`` back pickled.

    A full pipe stops it until the importer takes a result, which bounds what waits in memory.
    """
    for request in requests:
        try:
            data = pickle.dumps(read(*request), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - whatever a file holds (too deep to pickle): the importer reads it
            data = pickle.dumps(None)
        try:
            conn.send_bytes(data)
        except OSError:  # the importer is gone or stopped listening
            return


def _widen(conn) -> None:
    """A pipe of 1 MiB where the system allows it (Linux; 64 KiB by default): the worker can then be several
    results ahead of the importer instead of waiting for each to be read."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


class Ahead:
    """Results of ``read`` for ``items`` (in the order the importer takes them), computed by a worker.

    The worker is given the whole list when it starts and answers through a one-way pipe; no thread
    here: a result is unpickled only when the importer takes it, on its own thread, and the importer
    never writes to the worker, so neither waits on the other.
    """

    def __init__(self, items: Sequence[Found], key_of: Callable[[str], PublicKey | None]) -> None:
        items = [item for item in items if not item.status]
        self._conn = self._worker = None
        self.served = 0  # files the worker read for the importer
        self._asked: collections.deque[tuple[str, bytes]] = collections.deque()  # (rel, key) of the results due
        self._order: dict[str, int] = {}
        if len(items) < MIN_FILES or (os.cpu_count() or 1) < 2:
            return
        requests = []
        for place, item in enumerate(items[START:], 1):
            if HERE_EVERY and place % HERE_EVERY == 0:
                continue  # read by the importer
            key = key_of(item.office)
            if key is not None:
                self._order[item.rel] = len(requests)
                self._asked.append((item.rel, key.raw))
                requests.append((item.where, item.office, key.raw))
        self._start(requests)

    def _start(self, requests: list) -> None:
        ours, theirs = processes.context.Pipe(duplex=False)
        _widen(ours)
        worker = processes.context.Process(target=serve, args=(theirs, requests), daemon=True,
                                           name="baocao-sync-reader")
        try:
            processes.start(worker)
        except (OSError, RuntimeError, ValueError):
            self._asked.clear()
            return
        theirs.close()
        self._conn, self._worker = ours, worker

    def take(self, item: Found, key: PublicKey) -> Read | None:
        """The worker's reading of ``item`` under ``key`` when it is ready; None when this process must read it."""
        try:
            return self._take(item, key)
        except Exception:  # noqa: BLE001 - the worker died or sent what cannot be read: read here from now on
            self.close()
            return None

    def _take(self, item: Found, key: PublicKey) -> Read | None:
        here = self._order.get(item.rel)
        while self._conn is not None and here is not None and self._asked \
                and self._order[self._asked[0][0]] <= here:
            if not self._conn.poll(PATIENCE):
                self.close()
                return None
            rel, asked_key = self._asked.popleft()
            data = self._conn.recv_bytes()
            if rel == item.rel and asked_key == key.raw:
                self.served += 1
                return pickle.loads(data)
        return None

    def close(self) -> None:
        """Stop the worker (it only ever reads files, so stopping it midway loses nothing)."""
        conn, worker, self._conn, self._worker = self._conn, self._worker, None, None
        self._asked.clear()
        if conn is not None:
            conn.close()
        if worker is not None:
            worker.kill()
            worker.join()

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
