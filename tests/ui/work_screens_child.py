"""Child process for the quarter's other screens on a real X display: review, chart, sync, consolidation,
publishing, Word import and the next period.

Run as ``python work_screens_child.py DB WORD_FILE LEGACY_TEXT OUT_DIR`` with DISPLAY set (Xvfb); DB is the
sample database with a shared folder holding one trusted and one untrusted district package.
Writes OUT_DIR/<name>.png and one JSON line per screen, as ``screens_child.py`` does.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.screen_steps import Steps  # noqa: E402
from tests.ui.screens_child import _dialog, _report  # noqa: E402 - sets the xcb platform first
from ui.launch import create_window  # noqa: E402


def _legacy_finding(window) -> int:
    """The row of the first legacy-text finding in "Cần xem" (-1 while there is none)."""
    items = window.findings_dock.list
    return next((r for r in range(items.count()) if "bảng mã" in items.item(r).text()), -1)


def review_steps(later, window, out: Path, legacy: str) -> None:
    def type_legacy() -> None:
        window.select_section("TNXH")
        editor = window.editor.narrative.editor
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.insertPlainText("\n" + legacy)

    def refuse() -> None:
        window.select_section("VL")
        model = window.editor.figures_model
        model.setData(model.index(0, 2), "2,6")

    later(type_legacy, 400)
    later(refuse, 800)
    later(lambda: window.findings_dock.list.setCurrentRow(_legacy_finding(window)), 300,
          ready=lambda: _legacy_finding(window) >= 0)
    later(lambda: _report("review", out, window), 100)
    later(lambda: _report("review-panel", out, window.findings_dock), 100)


def chart_steps(later, window, out: Path) -> None:
    def pick() -> None:
        window.select_section("VL")
        model = window.editor.figures_model
        window.editor.figures.setCurrentIndex(model.index(model.row_of("VL_MOI"), 2))
        window.chart_dock.raise_()

    later(pick, 300)
    later(lambda: _report("chart", out, window), 200, ready=lambda: window.chart_dock.code == "VL_MOI")
    later(lambda: window.findings_dock.raise_(), 100)


def exchange_steps(later, window, out: Path) -> None:
    later(window.exchange_menu.run_sync, 600)
    later(lambda: _report("sync", out, window.sync_dialog), 200,
          ready=lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.finished_run)
    later(lambda: window.sync_dialog.accept(), 200)
    later(window.exchange_menu.show_consolidation, 600)
    names = ("consolidation", "consolidation-figures", "consolidation-quotes")
    for tab, name in enumerate(names):
        later(lambda tab=tab: window.consolidation_dialog.tabs.setCurrentIndex(tab), 300,
              ready=lambda: getattr(window, "consolidation_dialog", None) is not None)
        later(lambda name=name: _report(name, out, window.consolidation_dialog), 100)
    later(lambda: window.consolidation_dialog.reject(), 200)
    later(window.exchange_menu.publish_for_offices, 600)
    later(lambda: _report("publish", out, _dialog()), 100, ready=lambda: _dialog() is not None)
    later(lambda: _dialog().reject(), 300)


def word_steps(later, window, out: Path, word: str) -> None:
    later(lambda: window.open_report("TTH", "2020-Q2"), 300)  # an import fills an empty report only
    later(lambda: window.report_menu.word.read(word), 600, ready=lambda: str(window.sheet.report.period) == "2020-Q2")
    later(lambda: _report("word-import", out, window.word_review), 300,
          ready=lambda: getattr(window, "word_review", None) is not None and window.word_review.isVisible())
    later(lambda: window.word_review.reject(), 300)


def carry_steps(later, window, out: Path) -> None:
    def start() -> None:
        action = next(a for a in window.findChildren(QAction)
                      if a.text().replace("&", "") == "Bắt đầu kỳ mới từ kỳ trước")
        action.trigger()

    later(start, 600)
    later(lambda: _report("carry", out, window.carry_review), 300,
          ready=lambda: getattr(window, "carry_review", None) is not None and window.carry_review.isVisible())
    later(lambda: window.carry_review.accept(), 300)

    def checklist() -> None:
        window.select_section("VL")
        tabs = window.editor.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if "kỳ trước" in tabs.tabText(i)))

    later(checklist, 600)
    later(lambda: _report("carry-checklist", out, window), 100)


def main() -> None:
    app = QApplication([])
    db, word, legacy, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    window = create_window(db)
    window.show()
    window.setWindowState(window.windowState() | Qt.WindowState.WindowActive)
    runner = Steps(app, window)
    review_steps(runner.later, window, out, legacy)
    chart_steps(runner.later, window, out)
    exchange_steps(runner.later, window, out)
    word_steps(runner.later, window, out, word)
    carry_steps(runner.later, window, out)
    runner.start()
    app.exec()


if __name__ == "__main__":
    main()
