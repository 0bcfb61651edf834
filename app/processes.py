"""Starting a helper process the one way this program does: ``spawn`` (the only way on Windows, and never a
fork of a process that runs Qt's threads), without running the program's main script again in it.

``spawn`` imports the script that started the program in the new process, so a script without an
``if __name__ == "__main__":`` guard (a test's, a user's) would run a second time there. The process is
given an empty main module instead: it needs nothing of the script, only its target's own module.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
import types

_STARTING = threading.Lock()  # the main module is swapped for the start: one start at a time

context = multiprocessing.get_context("spawn")


def start(process: multiprocessing.process.BaseProcess) -> None:
    """``process.start()`` with an empty main module; raises what ``start`` raises (OSError: no process here)."""
    with _STARTING:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            process.start()
        finally:
            sys.modules["__main__"] = main
