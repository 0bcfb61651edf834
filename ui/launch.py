"""Starting the window: Qt application, database (locked for this window), operations."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from ui import i18n
from ui.main_window import MainWindow, app_title
from ui.operations.startup import open_window_database


def create_window(db_path: Path | None) -> MainWindow:
    """Open the database (locked for this window), set the language, build the main window."""
    started = open_window_database(db_path)
    i18n.install(started.language)
    return MainWindow(started.ops, started.label, started.warnings)


def launch(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Báo cáo LĐTBXH")
    i18n.install_qt("vi")  # a refusal to open the database is told before the saved language is known
    try:
        window = create_window(db_path)
    except UserError as exc:
        QMessageBox.critical(None, app_title(), str(exc))
        return 2
    window.show()
    return app.exec()
