"""Sending a rendered report to a printer without holding up the window.

The job runs on a thread of its own (``PrintJob``). Where the system can print
a PDF itself, the PDF goes there as it is, text and lines intact: ``lp`` (CUPS)
on Linux and macOS, the shell's "printto" verb on Windows. Otherwise (printing
to a file, no ``lp``) each page is drawn at no more than ``RASTER_DPI`` into the
chosen ``QPrinter`` on that same thread: Qt allows a QPainter on a QPrinter
outside the GUI thread, and the document is loaded there too, so nothing of
the job ever touches the window's thread.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from ui.i18n import _

RASTER_DPI = 300  # the most a page is ever rendered at when it has to go as an image
BAND_ROWS = 64  # rows of a page drawn at a time: each call holds the interpreter a few ms only
LP_SECONDS = 60  # ``lp`` only hands the file to the spooler; longer than this means CUPS is not answering


@dataclass(frozen=True)
class PrintRequest:
    """What the print dialog chose: pages ``first``..``last`` (1-based, 0 = to the end), ``copies``."""

    pdf: bytes
    title: str
    printer_name: str = ""
    output_file: str = ""  # "print to file": the pages go into this PDF
    first: int = 1
    last: int = 0
    copies: int = 1


class PrintCancelledError(Exception):
    pass


def system_path(request: PrintRequest) -> str:
    """Which way the job goes: "lp", "verb" (Windows) or "raster" (QPrinter at ≤ 300 dpi)."""
    if request.output_file or not request.printer_name:
        return "raster"
    if os.name == "nt":
        whole = request.first <= 1 and request.last <= 0 and request.copies <= 1
        return "verb" if whole and hasattr(os, "startfile") else "raster"
    return "lp" if shutil.which("lp") else "raster"


def lp_command(request: PrintRequest, path: str) -> list[str]:
    """The CUPS command that prints ``path`` as the request says."""
    command = ["lp", "-d", request.printer_name, "-t", request.title, "-n", str(max(request.copies, 1))]
    if request.first > 1 or request.last > 0:
        command += ["-P", f"{max(request.first, 1)}-{request.last if request.last > 0 else ''}"]
    return [*command, "--", path]


def _pdf_file(request: PrintRequest) -> Path:
    folder = Path(tempfile.gettempdir()) / "baocao-in"
    folder.mkdir(exist_ok=True)
    name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in request.title) or "baocao"
    path = folder / f"{name}.pdf"
    path.write_bytes(request.pdf)
    return path


class PrintJob(QThread):
    """One print job; ``progress(done, total)`` as it goes, then ``ended(pages, error)`` ("" when it went well).

    ``pages`` is what was sent: pages × copies. ``cancel()`` stops it between pages
    (or kills ``lp`` before the spooler took the file); ``ended`` then says so.
    """

    progress = Signal(int, int)
    ended = Signal(int, str)

    def __init__(self, request: PrintRequest, printer: QPrinter | None = None, parent=None) -> None:
        super().__init__(parent)
        self.request, self.printer = request, printer
        self.path = system_path(request)
        self._cancel = threading.Event()
        self.sent = 0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            pages = {"lp": self._lp, "verb": self._verb}.get(self.path, self._raster)()
            self.ended.emit(pages, "")
        except PrintCancelledError:
            self.ended.emit(self.sent, _("Đã hủy lệnh in."))
        except Exception as exc:  # shown to the operator; the window keeps running
            self.ended.emit(self.sent, _("Không in được: {reason}").format(reason=exc))

    # --- the system prints the PDF itself ------------------------------------------------
    def _lp(self) -> int:
        total = _page_count(self.request)
        self.progress.emit(0, total)
        path = _pdf_file(self.request)
        try:
            process = subprocess.Popen(lp_command(self.request, str(path)), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + LP_SECONDS
            while process.poll() is None:
                if self.cancelled or time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    if self.cancelled:
                        raise PrintCancelledError
                    raise RuntimeError(_("máy in {name} không trả lời").format(name=self.request.printer_name))
                time.sleep(0.02)
            out, err = process.communicate()
        finally:
            path.unlink(missing_ok=True)
        if process.returncode != 0:
            raise RuntimeError((err or out).strip() or f"lp {process.returncode}")
        self.sent = total
        self.progress.emit(total, total)
        return total

    def _verb(self) -> int:
        total = _page_count(self.request)
        self.progress.emit(0, total)
        path = _pdf_file(self.request)  # kept: the PDF reader opens it after this returns
        os.startfile(str(path), "printto", f'"{self.request.printer_name}"')  # noqa: S606 - Windows' print verb
        self.sent = total
        self.progress.emit(total, total)
        return total

    # --- pages drawn into a QPrinter, on this thread ---------------------------------------
    def _raster(self) -> int:
        buffer = QBuffer()
        buffer.setData(QByteArray(self.request.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        pages = _pages(self.request, document.pageCount())
        printer = self.printer or _file_printer(self.request)
        copies = max(self.request.copies, 1)
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.supportsMultipleCopies():
            copies = 1  # the driver makes the copies
        total = len(pages) * copies
        printer.setResolution(min(printer.resolution(), RASTER_DPI))
        self.progress.emit(0, total)
        painter = QPainter()
        if not pages or not painter.begin(printer):
            raise RuntimeError(_("máy in không nhận lệnh in"))
        try:
            for page in [p for _copy in range(copies) for p in pages]:
                if self.cancelled:
                    printer.abort()
                    raise PrintCancelledError
                if self.sent:
                    printer.newPage()
                _draw(painter, printer, document, page)
                self.sent += 1
                self.progress.emit(self.sent, total)
        finally:
            painter.end()
            document.close()
        return self.sent


def _page_count(request: PrintRequest) -> int:
    buffer = QBuffer()
    buffer.setData(QByteArray(request.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = len(_pages(request, document.pageCount())) * max(request.copies, 1)
    document.close()
    return count


def _pages(request: PrintRequest, count: int) -> list[int]:
    last = count if request.last <= 0 else min(request.last, count)
    return list(range(max(request.first, 1) - 1, last))


def _file_printer(request: PrintRequest) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(request.title)
    if request.output_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(request.output_file)
    elif request.printer_name:
        printer.setPrinterName(request.printer_name)
    return printer


def _draw(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """One page as images at the printer's resolution (≤ 300 dpi), fitted to the paper.

    The page goes in bands of ``BAND_ROWS`` rows: each render and draw is a short
    call, so the window's thread is never kept waiting for long.
    """
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


def request_from(printer: QPrinter, pdf: bytes, title: str) -> PrintRequest:
    """What the print dialog left in ``printer`` (page range, copies, printer or file)."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
    return PrintRequest(pdf=pdf, title=title, printer_name=printer.printerName(),
                        output_file=printer.outputFileName() if to_file else "",
                        first=printer.fromPage() or 1, last=printer.toPage(), copies=max(printer.copyCount(), 1))
