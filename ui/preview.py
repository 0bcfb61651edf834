"""Preview (QtPdf) of a rendered report and the print dialog; the job itself is ``ui.printing``'s."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.i18n import _
from ui.printing import PrintRequest, request_from


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over bytes; keep the returned buffer alive as long as the document."""
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def ask_printer(parent: QWidget, data: bytes, title: str) -> tuple[PrintRequest, QPrinter] | None:
    """The print dialog (printer, page range, copies); what was chosen, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = print_dialog(parent, printer, data, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return request_from(printer, data, title), printer


def print_dialog(parent: QWidget, printer: QPrinter, data: bytes, title: str) -> QPrintDialog:
    """The print dialog for ``data`` (its pages as the range), fitted to the screen."""
    printer.setDocName(title)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("In báo cáo"))
    document, _buffer = load_pdf(data)
    dialog.setMinMax(1, document.pageCount())
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    fit_dialog(dialog, parent)
    return dialog


def fit_dialog(dialog: QWidget, parent: QWidget | None) -> None:
    """Never larger than the screen's free area."""
    screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.setMaximumSize(area.width(), area.height() - 40)


class PreviewDialog(QDialog):
    """The report as it will print, page by page."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None,
                 on_print=None, on_export=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Xem trước – {title}").format(title=title))
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        self.resize(min(900, available.width() - 40) if available else 900,
                    min(1000, available.height() - 80) if available else 1000)
        self.data = data
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(self)
        if on_print:
            buttons.addButton(_("&In…"), QDialogButtonBox.ButtonRole.ActionRole).clicked.connect(on_print)
        if on_export:
            buttons.addButton(_("&Xuất PDF…"), QDialogButtonBox.ButtonRole.ActionRole).clicked.connect(on_export)
        buttons.addButton(_("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()
