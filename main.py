"""Entry point: ``python main.py`` opens the window; ``python main.py COMMAND`` runs headless.

This is the composition root: it reads the arguments, opens the database and
hands it to either the command runner or the window. Nothing else wires parts.
"""
from __future__ import annotations

import gc
import sys

#: How many new objects start a garbage collection while a headless command runs (Python's default: 700).
#: What a command creates (modules, the report being printed) lives until it exits, so collecting every
#: 700 objects only walks it again and again: about 10 ms of a PDF export; garbage is still collected.
COMMAND_GC_THRESHOLD = 100_000


def main(argv: list[str] | None = None) -> int:
    usual = gc.get_threshold()
    gc.set_threshold(COMMAND_GC_THRESHOLD, usual[1], usual[2])
    try:
        from app.commands.cli import build_parser, run

        argv = sys.argv[1:] if argv is None else argv
        args = build_parser(argv).parse_args(argv)  # only the group of the command asked for is declared
        if args.command:
            return run(args)
    finally:
        gc.set_threshold(*usual)  # the window runs for hours: the usual collections
    from ui.launch import launch  # Qt is loaded only when the window is wanted

    return launch(args.db)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the bundle: a print job's drawing process starts through here
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
