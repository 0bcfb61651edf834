"""Printing from the window: the print dialog, then the job on its own thread with progress and cancel.

The window stays usable while a job runs; closing it meanwhile asks whether to
wait for the job, cancel it, or stay open.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from ui.controllers.context import WindowContext
from ui.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from ui.printing import PrintJob, PrintRequest

WAIT, CANCEL, STAY = "wait", "cancel", "stay"


def ask_close(parent) -> str:
    """While printing, closing asks: wait for the job, cancel it, or keep the window open."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, _("Báo cáo LĐTBXH"),
                      _("Báo cáo đang được gửi tới máy in. Đóng cửa sổ thế nào?"), parent=parent)
    wait = box.addButton(_("Đợi in xong rồi đóng"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Hủy in và đóng"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Không đóng"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(wait)
    box.exec()
    return WAIT if box.clickedButton() is wait else CANCEL if box.clickedButton() is cancel else STAY


class PrintController(QObject):
    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.job: PrintJob | None = None
        self.progress: QProgressDialog | None = None
        self.close_when_done = False
        self.last_result: tuple[int, str] | None = None  # pages sent, message ("" when it went well)

    @property
    def running(self) -> bool:
        return self.job is not None

    def ask_and_print(self, pdf: bytes, title: str) -> None:
        """The print dialog, then the job (one at a time)."""
        from ui.preview import ask_printer

        if self.running:
            self.ctx.status(_("Lệnh in trước còn đang chạy."), 6000)
            return
        chosen = ask_printer(self.ctx.parent, pdf, title)
        if chosen:
            self.start(*chosen)

    def start(self, request: PrintRequest, printer=None) -> PrintJob:
        """Send ``request`` on its own thread (``printer`` is drawn into when the system cannot print the PDF)."""
        from PySide6.QtWidgets import QProgressDialog

        from ui.printing import PrintJob, system_path

        job = PrintJob(request, printer if system_path(request) == "raster" else None, self)
        progress = QProgressDialog(_("Đang gửi {title} tới máy in…").format(title=request.title), _("Hủy in"),
                                   0, 0, self.ctx.parent)
        progress.setWindowTitle(_("In báo cáo"))
        progress.setWindowModality(Qt.WindowModality.NonModal)  # the window keeps working meanwhile
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progress.connect(self._advanced)
        job.ended.connect(lambda pages, error, job=job: self._ended(job, pages, error))
        self.job, self.progress, self.last_result = job, progress, None
        self.ctx.status(_("Đang in…"))
        job.start()
        return job

    def _advanced(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(_("Đã gửi {done}/{total} trang tới máy in…").format(done=done, total=total))

    def _ended(self, job: PrintJob, pages: int, error: str) -> None:
        if job is not self.job:  # already ended (cancelled on closing)
            return
        progress = self.progress
        self.job = self.progress = None
        job.wait()
        if progress is not None:
            progress.close()
            progress.deleteLater()
        self.last_result = (pages, error)
        if error:
            self.ctx.status(error, 10000)
            if not job.cancelled:
                self.ctx.show_error(error)
        else:
            self.ctx.status(_("Đã gửi {pages} trang tới máy in.").format(pages=pages), 6000)
        if self.close_when_done:
            self.ctx.parent.close()

    def may_close(self) -> bool:
        """Whether the window may close now; asks when a job is running."""
        if not self.running:
            return True
        choice = ask_close(self.ctx.parent)
        if choice == WAIT:
            self.close_when_done = True
            return False
        if choice == CANCEL:
            self.stop()
            return True
        return False

    def stop(self) -> None:
        """Cancel the running job and wait for its thread to end."""
        job = self.job
        if job is None:
            return
        job.cancel()
        job.wait()
        self._ended(job, job.sent, _("Đã hủy lệnh in."))
