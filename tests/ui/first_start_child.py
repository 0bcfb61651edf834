"""Child process for the first-start screens: welcome, the office wizard's pages and "Để sau", on a real X display.

Run as ``python first_start_child.py DB OUT_DIR`` with DISPLAY set (Xvfb) and DB an empty
database; writes OUT_DIR/<name>.png and one JSON line per screen, as ``screens_child.py`` does.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.screen_steps import Steps  # noqa: E402
from tests.ui.screens_child import _report  # noqa: E402 - sets the xcb platform first
from ui.launch import create_window  # noqa: E402


def main() -> None:
    app = QApplication([])
    out = Path(sys.argv[2])
    window = create_window(Path(sys.argv[1]))
    window.show()
    runner = Steps(app, window, started=lambda: getattr(window, "first_run_dialog", None) is not None)
    later = runner.later
    wizard = lambda: window.office_wizard  # noqa: E731 - made when "Tạo đơn vị" is chosen

    later(lambda: _report("welcome", out, window.first_run_dialog), 300)
    later(lambda: window.first_run_dialog._choose(window.first_run_dialog.CREATE), 600)

    def level() -> None:
        page = wizard().level_page
        page.group.button(1).setChecked(True)
        page.code.setText("PHULOC")
        page.authority.setText("UBND HUYỆN PHÚ LỘC")
        page.place.setText("Phú Lộc")
        _report("wizard-level", out, wizard())

    later(level, 300, ready=lambda: getattr(window, "office_wizard", None) is not None)
    for name in ("wizard-signer", "wizard-template", "wizard-period"):
        later(lambda: wizard().next(), 400)
        later(lambda name=name: _report(name, out, wizard()), 100)
    later(lambda: wizard().reject(), 300)
    later(lambda: _report("later", out, window), 300,  # cancelling the wizard leaves the start screen
          ready=lambda: getattr(window, "start_screen", None) is not None and window.start_screen.isVisible())
    runner.start()
    app.exec()


if __name__ == "__main__":
    main()
