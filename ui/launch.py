"""Starting the window: Qt application, database (locked for this window), operations."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app import db as dbmod
from app.errors import UserError
from app.store import Store
from ui.main_window import APP_TITLE, MainWindow
from ui.operations import Operations


def create_window(db_path: Path | None) -> MainWindow:
    """Open the database and build the main window (the app must already exist)."""
    path = db_path or dbmod.default_path()
    opened = dbmod.open_database(path, exclusive=True)
    ops = Operations(Store(opened.db), opened.close)
    return MainWindow(ops, str(opened.path), opened.warnings)


def launch(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    try:
        window = create_window(db_path)
    except UserError as exc:
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 2
    window.show()
    return app.exec()
