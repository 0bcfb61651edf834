"""Preview (QtPdf) and printing of a rendered report.

Printing renders each PDF page at the printer's resolution, so what comes out
of the printer is what the preview and the exported PDF show.
"""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.i18n import _


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over bytes; keep the returned buffer alive as long as the document."""
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def print_pdf(data: bytes, printer: QPrinter, first: int = 1, last: int = 0, copies: int = 1) -> int:
    """Print pages ``first``..``last`` (1-based, 0 = to the end) ``copies`` times; return pages printed."""
    document, _buffer = load_pdf(data)
    count = document.pageCount()
    last = count if last <= 0 else min(last, count)
    pages = list(range(max(first, 1) - 1, last))
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return 0
    dpi = printer.resolution()
    printed = 0
    try:
        for _copy in range(max(copies, 1)):
            for page in pages:
                if printed:
                    printer.newPage()
                size_pt = document.pagePointSize(page)
                pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
                image = document.render(page, pixels)
                target = printer.pageRect(QPrinter.Unit.DevicePixel)
                scaled = image.scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(QPointF(0, 0), scaled)
                printed += 1
    finally:
        painter.end()
    return printed


def ask_and_print(parent: QWidget, data: bytes, title: str) -> int:
    """The system print dialog (page range, copies), then print. Returns pages printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("In báo cáo"))
    document, _buffer = load_pdf(data)
    dialog.setMinMax(1, document.pageCount())
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    first, last = printer.fromPage(), printer.toPage()
    copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
    return print_pdf(data, printer, first or 1, last, copies)


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
