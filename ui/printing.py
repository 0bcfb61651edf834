"""Sending a rendered report to a printer without holding up the window.

The job is followed by a thread of its own (``PrintJob``). Where the system can
print a PDF itself, the PDF goes there as it is, text and lines intact: ``lp``
(CUPS) on Linux and macOS, the shell's "printto" verb on Windows. Otherwise
(printing to a file, no ``lp``, a page range on Windows) each page is drawn at
no more than ``RASTER_DPI`` into a ``QPrinter`` by a process of its own at low
priority (``ui.print_child``): the thread only relays its progress, so the
window's thread never waits for the drawing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import msgspec
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThread, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app import processes
from ui import print_child
from ui.i18n import _
from ui.print_child import RASTER_DPI, PrintCancelledError, PrinterSetup

__all__ = ["RASTER_DPI", "PrintCancelledError", "PrintJob", "PrintRequest", "lp_command", "request_from",
           "system_path"]

CHILD_GRACE_SECONDS = 10  # how long the drawing process may take to stop once asked
LP_SECONDS = 60  # ``lp`` only hands the file to the spooler; longer than this means CUPS is not answering


class PrintRequest(msgspec.Struct, frozen=True):
    """What the print dialog chose: pages ``first``..``last`` (1-based, 0 = to the end), ``copies``."""

    pdf: bytes
    title: str
    printer_name: str = ""
    output_file: str = ""  # "print to file": the pages go into this PDF
    first: int = 1
    last: int = 0
    copies: int = 1


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
        self.request, self.setup = request, setup_from(printer)
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

    # --- pages drawn as images, in a process of their own ---------------------------------
    def _raster(self) -> int:
        ours, theirs = processes.context.Pipe()
        child = processes.context.Process(target=print_child.run, args=(theirs, self.request, self.setup),
                                          name="baocao-in", daemon=True)
        processes.start(child)
        theirs.close()
        try:
            return self._follow(child, ours)
        finally:
            ours.close()
            child.join(CHILD_GRACE_SECONDS)
            if child.is_alive():
                child.kill()
                child.join()

    def _follow(self, child, pipe) -> int:
        """Relay the drawing process's messages until its last one; ask it to stop on cancel."""
        asked_at = None
        while True:
            if self.cancelled and asked_at is None:
                pipe.send("cancel")
                asked_at = time.monotonic()
            if asked_at is not None and time.monotonic() - asked_at > CHILD_GRACE_SECONDS:
                raise PrintCancelledError  # it did not stop between pages: the finally kills it
            if not pipe.poll(0.05):
                if not child.is_alive() and not pipe.poll():
                    raise RuntimeError(_("quá trình vẽ trang dừng giữa chừng (mã {code})").format(code=child.exitcode))
                continue
            try:
                message = pipe.recv()
            except EOFError:
                raise RuntimeError(_("quá trình vẽ trang dừng giữa chừng")) from None
            if message[0] == "progress":
                self.sent = message[1]
                self.progress.emit(message[1], message[2])
            elif message[0] == "done":
                return message[1]
            elif message[0] == "cancelled":
                raise PrintCancelledError
            elif message[0] == "refused":
                raise RuntimeError(_("máy in không nhận lệnh in"))
            else:
                raise RuntimeError(message[1])


def _page_count(request: PrintRequest) -> int:
    buffer = QBuffer()
    buffer.setData(QByteArray(request.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = len(print_child.page_numbers(request, document.pageCount())) * max(request.copies, 1)
    document.close()
    return count


def setup_from(printer: QPrinter | None) -> PrinterSetup | None:
    """The dialog's choices that the drawing process applies to its own QPrinter."""
    if printer is None:
        return None
    return PrinterSetup(duplex=printer.duplex().value, color=printer.colorMode().value,
                        page_size=printer.pageLayout().pageSize().id().value,
                        orientation=printer.pageLayout().orientation().value)


def request_from(printer: QPrinter, pdf: bytes, title: str) -> PrintRequest:
    """What the print dialog left in ``printer`` (page range, copies, printer or file)."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
    return PrintRequest(pdf=pdf, title=title, printer_name=printer.printerName(),
                        output_file=printer.outputFileName() if to_file else "",
                        first=printer.fromPage() or 1, last=printer.toPage(), copies=max(printer.copyCount(), 1))
