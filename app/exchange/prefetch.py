"""Packages read ahead in a second process while this one imports (a sync of many files).

Reading a package — its name hash and signature checked, its body decoded, a
report's content checked whole and parsed against its own template — needs no
database and is most of a sync's work. With enough files and more than one
processor, a worker process reads the files ahead of the import, in the
import's order; the import takes a result only when it is ready and was read
with the very key it would use, and otherwise reads the file itself. So the
verdicts, their wording and their order are those of a sync without it, and
anything going wrong with the worker (it cannot start, it dies) only leaves the
sync reading files itself. The worker never writes; only this process touches
the database.

The worker is started with ``spawn`` (the one way on Windows), so a script
that syncs keeps its top level under ``if __name__ == "__main__":``.
"""
from __future__ import annotations

import collections
import dataclasses
import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

from app.errors import InputError, UserError
from app.exchange import incoming, package, receive
from app.exchange.keys import PublicKey
from app.exchange.scan import Found

#: Fewer files than this are read here: starting the worker (about 0.2 s) would cost more than it saves.
MIN_FILES = 64
#: Files read ahead of the import at most, which bounds the memory results take while they wait.
AHEAD = 16
#: Wait for the worker's result rather than reading a file here when it is not ready (tests make the
#: worker's part certain with it; a sync never waits).
WAIT = False


@dataclasses.dataclass(frozen=True)
class Read:
    """One file as the worker read it: a package (with a report's parsed content when it could be
    parsed) or the refusal of its bytes; ``content``'s template is left out (the importer's own is used)."""

    pkg: package.Package | None
    refusal: InputError | None = None
    content: incoming.Incoming | None = None


def read(where: bytes, office: str, key: bytes) -> Read | None:
    """In the worker: one file read and, for a report, checked and parsed. None: let the importer read it."""
    try:
        pkg = package.read(Path(os.fsdecode(where)), PublicKey(office, key))
    except InputError as exc:
        return Read(None, exc)
    except (OSError, UserError):
        return None  # held files, retries and odd files stay with the importer
    if pkg.kind != "report":
        return Read(pkg)
    try:
        parsed = receive.parse_report(pkg)
    except Exception:  # noqa: BLE001 - the importer checks it again and words the refusal
        return Read(pkg)
    return Read(pkg, None, dataclasses.replace(parsed, content=dataclasses.replace(parsed.content, template=None)))


def serve(conn) -> None:
    """The worker: read each (where, office, key) sent, in order, and send its ``Read`` back pickled."""
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            data = pickle.dumps(read(*request), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - whatever a file holds (too deep to pickle): the importer reads it
            data = pickle.dumps(None)
        try:
            conn.send_bytes(data)
        except OSError:  # the importer is gone or stopped listening
            return


class Ahead:
    """Results of ``read`` for ``items`` (in the order the importer takes them), computed by a worker.

    One pipe each way and no thread here: a result is unpickled only when the importer takes it, on its
    own thread, so the worker never competes for this process's interpreter lock.
    """

    def __init__(self, items: Sequence[Found], key_of: Callable[[str], PublicKey | None]) -> None:
        self._items = [item for item in items if not item.status]
        self._order = {item.rel: i for i, item in enumerate(self._items)}
        self._key_of = key_of
        self._next = 0  # the next of ``_items`` to ask the worker for
        self._asked: collections.deque[tuple[int, bytes]] = collections.deque()  # (index, key) awaiting a result
        self._conn = self._worker = None
        self.served = 0  # files the worker read for the importer
        if len(self._items) >= MIN_FILES and (os.cpu_count() or 1) > 1:
            self._start()
        self._ask()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        worker = context.Process(target=serve, args=(theirs,), daemon=True, name="baocao-sync-reader")
        try:
            worker.start()
        except (OSError, RuntimeError, ValueError):
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
        while self._conn is not None and here is not None and self._asked and self._asked[0][0] <= here:
            if not self._conn.poll(None if WAIT else 0):
                return None  # not ready (results come in order): read here; its result is dropped when it comes
            index, asked_key = self._asked.popleft()
            data = self._conn.recv_bytes()
            self._ask()
            if index == here and asked_key == key.raw:
                self.served += 1
                return pickle.loads(data)
        self._ask()
        return None

    def _ask(self) -> None:
        while self._conn is not None and len(self._asked) < AHEAD and self._next < len(self._items):
            item = self._items[self._next]
            self._next += 1
            key = self._key_of(item.office)
            if key is not None:
                self._conn.send((item.where, item.office, key.raw))
                self._asked.append((self._next - 1, key.raw))

    def close(self) -> None:
        """Stop the worker (it ends after the file it is reading)."""
        conn, worker, self._conn, self._worker = self._conn, self._worker, None, None
        self._asked.clear()
        if conn is not None:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        if worker is not None:
            worker.join(5)
            if worker.is_alive():
                worker.kill()
                worker.join()

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
