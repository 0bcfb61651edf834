"""Starting the window: Qt application, database (locked for this window), operations."""
from __future__ import annotations

import builtins
import contextlib
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.main_window import MainWindow


#: Milliseconds the window, built, waits for its first report before it shows: it usually appears once, with the
#: report in it (the report has been read meanwhile); a slow read shows it empty first, filled when read.
FIRST_REPORT_WAIT_MS = 400


@contextlib.contextmanager
def _plain_imports():
    """Python's own ``import`` for the window's modules.

    Once PySide6 is loaded, its import hook reads the source of every module imported afterwards, looking
    for ``from __feature__ import`` (its optional snake_case names, which this program never uses): about
    0.25 ms a module, 30–50 ms for the 150 the window starts with. Their import goes around the hook.
    """
    hooked = builtins.__import__
    builtins.__import__ = getattr(builtins, "__orig_import__", hooked)
    try:
        yield
    finally:
        builtins.__import__ = hooked


def create_window(db_path: Path | None) -> MainWindow:
    """Open the database (locked for this window), set the language, build the main window.

    Everything the start builds (modules, classes, widgets) lives as long as the window: the cycle
    collector would only walk it again and again, tens of milliseconds in all. It is off while the
    window is built; then what was built is frozen out of its walks (``gc.freeze``) and it runs as usual.
    """
    gc.disable()
    try:
        with _plain_imports():
            from ui import i18n
            from ui.operations import report as report_ops
            from ui.operations.startup import open_window_database

            started = open_window_database(db_path)
            start = report_ops.load_start(parent=None, ops=started.ops)
            start.run()  # the report opens on the database thread while the window is built
            i18n.install(started.language)
            from ui.main_window import MainWindow

            window = MainWindow(started.ops, started.label, started.warnings, start)
            start.wait(FIRST_REPORT_WAIT_MS)
            return window
    finally:
        gc.freeze()
        gc.enable()


def launch(db_path: Path | None) -> int:
    with _plain_imports():
        from app.errors import UserError
        from ui import i18n

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Báo cáo LĐTBXH")
    i18n.install_qt("vi")  # a refusal to open the database is told before the saved language is known
    try:
        window = create_window(db_path)
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        from ui.main_window import app_title

        QMessageBox.critical(None, app_title(), str(exc))
        return 2
    window.show()
    return app.exec()
