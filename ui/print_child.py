"""A print job's pages drawn as images, in a process of its own at low priority.

When the PDF cannot go to the system's print path as it is (printing to a file,
no ``lp``, a page range on Windows), each page is rendered at no more than
``RASTER_DPI`` and drawn into a ``QPrinter``. That work is all CPU: on a thread
of the window's process it shares the interpreter lock with the window, which
then stutters for tens to hundreds of milliseconds at a time on a busy 2-core
PC. In its own process, at a lower scheduling priority, it never holds up the
window: the parent only relays the messages this process sends.

Messages to the parent, over a ``multiprocessing`` pipe: ``("progress", done,
total)`` after each page, then ``("done", pages)``, ``("cancelled",)``,
``("refused",)`` (the printer did not take the job) or ``("error", text)``.
The parent sends ``"cancel"`` to stop between pages.
"""
from __future__ import annotations

import os
import sys

import msgspec

RASTER_DPI = 300  # the most a page is ever rendered at when it has to go as an image
BAND_ROWS = 64  # rows of a page rendered at a time: bounded memory per call


class PrinterSetup(msgspec.Struct, frozen=True):
    """What the print dialog chose beyond the request (enum values as ints, so it travels pickled)."""

    duplex: int = 0
    color: int = 1
    page_size: int = -1  # QPageSize.PageSizeId; -1: the printer's default
    orientation: int = 0


class PrintCancelledError(Exception):
    pass


class PrinterRefusedError(Exception):
    pass


def run(conn, request, setup: PrinterSetup | None) -> None:
    """The child process's body: draw the job, report each page, end with one final message."""
    _lower_priority()
    if request.output_file:  # a file needs no display
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["baocao-in"])
    try:
        pages = draw_job(request, setup, lambda done, total: conn.send(("progress", done, total)),
                         lambda: conn.poll() and conn.recv() == "cancel")
        conn.send(("done", pages))
    except PrintCancelledError:
        conn.send(("cancelled",))
    except PrinterRefusedError:
        conn.send(("refused",))
    except Exception as exc:  # reported by the parent to the operator
        conn.send(("error", str(exc) or type(exc).__name__))
    finally:
        conn.close()


def _lower_priority() -> None:
    """Below the window's priority: the operator's typing comes first."""
    if sys.platform == "win32":
        import ctypes

        below_normal = 0x4000
        ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    elif hasattr(os, "nice"):
        os.nice(10)


def draw_job(request, setup: PrinterSetup | None, progress, cancelled) -> int:
    """Draw the request's pages (× copies) into its printer; the number of pages sent."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    buffer = QBuffer()
    buffer.setData(QByteArray(request.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = page_numbers(request, document.pageCount())
    printer = make_printer(request, setup)
    copies = max(request.copies, 1)
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.supportsMultipleCopies():
        printer.setCopyCount(copies)
        copies = 1  # the driver makes the copies
    total, sent = len(pages) * copies, 0
    printer.setResolution(min(printer.resolution(), RASTER_DPI))
    progress(0, total)
    painter = QPainter()
    if not pages or not painter.begin(printer):
        raise PrinterRefusedError
    try:
        for page in [p for _copy in range(copies) for p in pages]:
            if cancelled():
                printer.abort()
                raise PrintCancelledError
            if sent:
                printer.newPage()
            draw_page(painter, printer, document, page)
            sent += 1
            progress(sent, total)
    finally:
        painter.end()
        document.close()
    return sent


def page_numbers(request, count: int) -> list[int]:
    """The 0-based pages of a ``count``-page document that the request's range asks for."""
    last = count if request.last <= 0 else min(request.last, count)
    return list(range(max(request.first, 1) - 1, last))


def make_printer(request, setup: PrinterSetup | None):
    """A QPrinter for the request: a PDF file, or the named printer with the dialog's choices."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(request.title)
    if request.output_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(request.output_file)
    elif request.printer_name:
        printer.setPrinterName(request.printer_name)
    if setup is not None:
        printer.setDuplex(QPrinter.DuplexMode(setup.duplex))
        printer.setColorMode(QPrinter.ColorMode(setup.color))
        if setup.page_size >= 0:
            printer.setPageSize(QPageSize(QPageSize.PageSizeId(setup.page_size)))
        printer.setPageOrientation(QPageLayout.Orientation(setup.orientation))
    return printer


def draw_page(painter, printer, document, page: int) -> None:
    """One page as images at the printer's resolution (≤ 300 dpi), fitted to the paper, in bands."""
    from PySide6.QtCore import QPointF, QRect, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocumentRenderOptions
    from PySide6.QtPrintSupport import QPrinter

    dpi = printer.resolution()
    size_pt = document.pagePointSize(page)
    target = printer.pageRect(QPrinter.Unit.DevicePixel).size()
    scale = min(target.width() / (size_pt.width() * dpi / 72), target.height() / (size_pt.height() * dpi / 72))
    full = QSize(round(size_pt.width() * dpi / 72 * scale), round(size_pt.height() * dpi / 72 * scale))
    for top in range(0, full.height(), BAND_ROWS):
        band = QRect(0, top, full.width(), min(BAND_ROWS, full.height() - top))
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(full)
        options.setScaledClipRect(band)
        paper = QImage(band.size(), QImage.Format.Format_RGB888)
        paper.fill(Qt.GlobalColor.white)  # pages render on a transparent ground
        onto = QPainter(paper)
        onto.drawImage(0, 0, document.render(page, band.size(), options))
        onto.end()
        painter.drawImage(QPointF(0, top), paper)
