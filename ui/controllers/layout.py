"""The window's size and layout: fitted to the screen at first, then as the operator left it.

Geometry, the maximised state, docks and splitters are kept in ``QSettings``
(the only thing kept there). A remembered size that no longer fits the screen
(a laptop after a large monitor) is fitted again; the window is never larger
than the screen's free area.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from ui.i18n import _
from ui.office_box import OfficeBox
from ui.period_box import PeriodBox

WANTED = QSize(1280, 800)  # on a large screen
FRAME = QSize(16, 40)  # room for the title bar and borders the window manager adds


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BaoCaoLDTBXH", "window")


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, WANTED.width(), WANTED.height())


def small_screen(widget: QWidget) -> bool:
    """A laptop's 1366×768 or 1280×720: every pixel counts."""
    area = available(widget)
    return area.width() < WANTED.width() + 200 or area.height() < WANTED.height() + 40


def fit(window: QWidget, wanted: QSize = WANTED) -> None:
    """Size ``window`` to ``wanted`` or the screen's free area less the frame, whichever is smaller, centred;
    on a small screen, the whole free area."""
    area = available(window)
    size = (area.size() if small_screen(window) else wanted).boundedTo(area.size() - FRAME)
    window.resize(size)
    window.move(area.x() + (area.width() - size.width() - FRAME.width()) // 2,
                area.y() + (area.height() - size.height() - FRAME.height()) // 2)


class WindowLayout:
    """Restores and keeps the main window's geometry, state and ``splitters`` (by name)."""

    def __init__(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        self.window, self.splitters = window, splitters

    def restore(self) -> None:
        stored = settings()
        geometry = stored.value("geometry")
        if not (isinstance(geometry, QByteArray) and self.window.restoreGeometry(geometry)):
            fit(self.window)
            if small_screen(self.window):
                self.window.setWindowState(Qt.WindowState.WindowMaximized)
            self._default_sizes()
        elif not available(self.window).contains(self.window.geometry()):
            fit(self.window, self.window.size())
        state = stored.value("state")
        if isinstance(state, QByteArray):
            self.window.restoreState(state)
        for name, splitter in self.splitters.items():
            sizes = stored.value(f"splitter/{name}")
            if isinstance(sizes, QByteArray):
                splitter.restoreState(sizes)

    def _default_sizes(self) -> None:
        """Outline and "Cần xem" narrow enough on a laptop that the figures grid shows every column."""
        small = small_screen(self.window)
        outline, findings = (220, 180) if small else (280, 240)
        main = self.splitters.get("main")
        if main is not None:
            main.setSizes([outline, max(self.window.width() - outline - findings, 400)])
        dock = self.window.findChild(QDockWidget, "findings")  # by name, in Qt: no wrapper for every child
        if dock is not None:
            self.window.resizeDocks([dock], [findings], Qt.Orientation.Horizontal)

    def save(self) -> None:
        stored = settings()
        stored.setValue("geometry", self.window.saveGeometry())
        stored.setValue("state", self.window.saveState())
        for name, splitter in self.splitters.items():
            stored.setValue(f"splitter/{name}", splitter.saveState())
        stored.sync()


def build_pickers(window: QMainWindow) -> QToolBar:
    """The toolbar's office and period boxes (kept on ``window`` as ``office_picker`` and ``period_picker``)."""
    window.office_picker = OfficeBox(window)
    window.office_picker.setToolTip(_("Đơn vị"))
    window.office_picker.setMinimumWidth(120)
    window.period_picker = PeriodBox(window)
    window.period_picker.setMinimumWidth(230)
    bar = QToolBar(_("Báo cáo"), window)
    bar.setObjectName("report-toolbar")
    bar.setMovable(False)
    for widget in (QLabel(_("Đơn vị: "), window), window.office_picker, QLabel(_("  Kỳ: "), window),
                   window.period_picker):
        bar.addWidget(widget)
    bar.addSeparator()
    window.addToolBar(bar)
    return bar
