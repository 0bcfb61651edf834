"""Child process for the history screens: change log, indicator history, restore and guide on a real X display.

Run as ``python history_screens_child.py DB BACKUP OUT_DIR`` with DISPLAY set (Xvfb); writes
OUT_DIR/<name>.png and one JSON line per screen, as ``screens_child.py`` does.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.screen_steps import Steps  # noqa: E402
from tests.ui.screens_child import _dialog, _report  # noqa: E402 - sets the xcb platform first
from ui.launch import create_window  # noqa: E402


def main() -> None:
    app = QApplication([])
    backup, out = sys.argv[2], Path(sys.argv[3])
    window = create_window(Path(sys.argv[1]))
    window.show()
    runner = Steps(app, window)
    later = runner.later

    later(window.history_menu.audit.trigger, 600)
    later(lambda: _report("audit", out, window.audit_dialog), 100,
          ready=lambda: getattr(window, "audit_dialog", None) is not None)
    later(lambda: window.audit_dialog.close(), 100)
    later(lambda: (window.select_section("VL"), window.editor.figures.focus_value("VL_MOI")), 400)
    later(window.history_menu.cell.trigger, 600)
    later(lambda: _report("history", out, window), 100,
          ready=lambda: getattr(window, "history_panel", None) is not None and window.history_panel.code != "")
    later(lambda: _report("history-panel", out, window.history_panel), 100)
    later(lambda: window.history_panel.close(), 100)
    later(lambda: window.history_menu.restore_from(backup), 800)
    later(lambda: _report("restore", out, _dialog()), 100, ready=lambda: _dialog() is not None)
    later(lambda: _dialog().reject(), 300)
    later(window.history_menu.guide.trigger, 600)
    later(lambda: _report("guide", out, window.guide_dialog), 100)
    later(lambda: window.guide_dialog.close(), 100)
    later(window.history_menu.keys.trigger, 600)
    later(lambda: _report("shortcuts", out, window.shortcuts_dialog), 100)
    later(lambda: window.shortcuts_dialog.close(), 100)
    runner.start()
    app.exec()


if __name__ == "__main__":
    main()
