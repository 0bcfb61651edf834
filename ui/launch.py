"""Starting the window: Qt application, database (locked for this window), operations."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.reporting import settings as settings_mod
from app.storage import db as dbmod
from app.storage.store import Store
from ui import i18n
from ui.main_window import MainWindow, app_title
from ui.operations import Operations


def create_window(db_path: Path | None) -> MainWindow:
    """Open the database (locked for this window), set the language, build the main window."""
    path = db_path or dbmod.default_path()
    opened = dbmod.open_database(path, exclusive=True)
    store = Store(opened.db)
    i18n.install(settings_mod.load(store).language)
    ops = Operations(store, opened.close)
    return MainWindow(ops, str(opened.path), opened.warnings)


def launch(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Báo cáo LĐTBXH")
    try:
        window = create_window(db_path)
    except UserError as exc:
        QMessageBox.critical(None, app_title(), str(exc))
        return 2
    window.show()
    return app.exec()
