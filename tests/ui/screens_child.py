"""Child process for the screen-size test: the main screens on a real X display, photographed.

Run as ``python screens_child.py DB OUT_DIR`` with DISPLAY set (Xvfb). For each screen
it writes OUT_DIR/<name>.png (the window as drawn) and prints one JSON line: the
screen's free area and the frame of every visible top-level window.
"""
import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.screen_steps import Steps  # noqa: E402
from ui.launch import create_window  # noqa: E402


def _fits(shown) -> dict:
    """What would be cut in ``shown``: the grids' sideways scrolling, header titles wider than their columns."""
    from PySide6.QtWidgets import QTableView

    cut = {}
    for view in shown.findChildren(QTableView):
        if not view.isVisible() or not view.model() or not view.model().columnCount():
            continue
        header = view.horizontalHeader()
        name = view.accessibleName() or view.objectName() or type(view).__name__
        titles = [header.model().headerData(c, header.orientation()) or "" for c in range(header.count())]
        cut[name] = {"scroll": view.horizontalScrollBar().maximum(), "titles": [
            title for c, title in enumerate(titles) if not header.isSectionHidden(c)
            and header.sectionSize(c) < header.fontMetrics().horizontalAdvance(title) + 8]}
    return cut


def _report(name: str, out: Path, shown) -> None:
    app = QApplication.instance()
    area = app.primaryScreen().availableGeometry()
    windows = [{"title": w.windowTitle(), "frame": list(w.frameGeometry().getRect()),
                "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()]}
               for w in app.topLevelWidgets() if w.isVisible()]
    shown.grab().save(str(out / f"{name}.png"))
    print(json.dumps({"screen": name, "area": list(area.getRect()), "windows": windows, "cut": _fits(shown)}),
          flush=True)


def _dialog():
    """The dialog on top: the modal one, else the last shown."""
    app = QApplication.instance()
    modal = app.activeModalWidget()
    if modal is not None:
        return modal
    from PySide6.QtWidgets import QDialog

    shown = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return shown[-1] if shown else None


def main() -> None:
    app = QApplication([])
    out = Path(sys.argv[2])
    window = create_window(Path(sys.argv[1]))
    window.show()
    runner = Steps(app, window)
    later = runner.later

    def section(code: str, tab: int, name: str) -> None:
        later(lambda: (window.select_section(code), window.editor.tabs.setCurrentIndex(tab)), 500)
        later(lambda: _report(name, out, window), 100)

    section("VL", 0, "entry")

    def refuse() -> None:
        model = window.editor.figures_model
        model.setData(model.index(0, 2), "2,6")  # "Kỳ này" of the first row: refused, kept, explained

    later(refuse, 800)
    later(lambda: _report("refused", out, window), 100)
    section("THVB", 1, "documents")
    section("VL", 2, "tasks")
    later(window.report_menu.show_preview, 500)
    later(lambda: _report("preview", out, window.last_preview), 2500,
          ready=lambda: getattr(window, "last_preview", None) is not None)
    later(lambda: window.last_preview.close(), 100)

    def print_dialog() -> None:
        from ui.preview import print_dialog as make

        window.printer = QPrinter()  # the dialog only points at it: keep it alive
        window.print_dialog = make(window, window.printer, window.last_preview.data, "BC-TTH-2020-Q1")
        window.print_dialog.show()

    later(print_dialog, 600)
    later(lambda: _report("print", out, window.print_dialog), 100)
    later(lambda: window.print_dialog.reject(), 100)
    for name, opener in (("profile", window.office_menu.edit_profile), ("template", window.office_menu.edit_template),
                         ("document", lambda: window.content.edit_document(None)),
                         ("issue", window.report_menu.issue_report)):
        later(opener, 600)
        later(lambda name=name: _report(name, out, _dialog()), 100, ready=lambda: _dialog() is not None)
        later(lambda: _dialog().reject(), 300)
    runner.start()
    app.exec()


if __name__ == "__main__":
    main()
