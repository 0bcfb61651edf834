"""Child process for the crash test: opens the window, types a sentence, then waits to be killed."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.conftest import type_text  # noqa: E402
from ui.launch import create_window  # noqa: E402


def main() -> None:
    app = QApplication([])
    window = create_window(Path(sys.argv[1]))
    window.show()

    def start() -> None:
        if window.sheet is None:
            QTimer.singleShot(50, start)
            return
        window.select_section("TE")
        editor = window.editor.narrative.editor
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_text(editor, sys.argv[2])
        print("TYPED", flush=True)

    QTimer.singleShot(50, start)
    app.exec()


main()
