"""A headless command collects garbage rarely (its objects live until it exits); the window as Python does."""
from __future__ import annotations

import gc
import sys
import types

import main
from app.commands import cli


def test_commands_collect_rarely_and_the_window_as_usual(monkeypatch, tmp_path):
    usual = gc.get_threshold()
    seen = {}
    monkeypatch.setattr(cli, "run", lambda args: seen.setdefault(args.command, gc.get_threshold()) and 0)
    window = types.ModuleType("ui.launch")
    window.launch = lambda db: seen.setdefault("window", gc.get_threshold()) and 0
    monkeypatch.setitem(sys.modules, "ui.launch", window)
    try:
        assert main.main(["--db", str(tmp_path / "x.sqlite3"), "get", "--office", "TTH", "--period", "2020-Q1",
                          "--indicator", "VL_MOI"]) == 0
        assert main.main(["--db", str(tmp_path / "x.sqlite3")]) == 0
    finally:
        gc.set_threshold(*usual)
    assert seen["get"] == (main.COMMAND_GC_THRESHOLD, *usual[1:])
    assert seen["window"] == usual
