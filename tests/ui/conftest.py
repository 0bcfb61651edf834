import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ui.launch import create_window

ROOT = Path(__file__).resolve().parents[2]


def demo_db(path: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo"], check=True,
                   capture_output=True)
    return path


def query(db: Path, sql: str, *args):
    """Read what is on disk through a second connection (the window keeps its own)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.fixture(autouse=True)
def _own_window_settings(tmp_path_factory):
    """Window geometry (QSettings) goes to a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(db: Path):
        win = create_window(db)
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:
        if win.ops._thread.isRunning():
            win.close()


@pytest.fixture
def sample_window(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    win = make_window(db)
    qtbot.waitUntil(lambda: opened(win), timeout=5000)
    win.db_path = db
    return win


def opened(win) -> bool:
    """A report is shown with its findings (the first one's are looked for just after it shows)."""
    return win.sheet is not None and win.sheet.checked


def type_text(widget, text: str) -> None:
    """Type any text (QTest's key clicks take ASCII only): one key press and release per character."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else (Qt.Key.Key_Space if ch == " " else 0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
