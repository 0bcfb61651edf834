"""Printing to a real CUPS queue: the PDF goes to ``lp`` as it is and comes out with its text.

``.ci/run`` installs CUPS with the cups-pdf virtual printer, starts cupsd, adds the
queue ``baocao-pdf`` and sets ``BAOCAO_CUPS_QUEUE``; with that variable set the test
must run. Elsewhere it runs when such a queue exists and says why when it cannot.
"""
import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog

QUEUE = os.environ.get("BAOCAO_CUPS_QUEUE", "baocao-pdf")
EXPECTED = bool(os.environ.get("BAOCAO_CUPS_QUEUE"))


def _queue_ready() -> str:
    """"" when the queue takes jobs, else why not."""
    if not shutil.which("lp") or not shutil.which("lpstat"):
        return "lp/lpstat (cups-bsd, cups-client) không có"
    state = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True)
    if state.returncode != 0 or "enabled" not in state.stdout:
        return f"hàng in {QUEUE} không sẵn sàng: {(state.stderr or state.stdout).strip()}"
    return ""


def _outputs() -> list[Path]:
    """Where cups-pdf writes: ~/PDF of the job's user, or its spool for anonymous jobs."""
    folders = [Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF", Path("/var/spool/cups-pdf")]
    return [p for folder in folders if folder.is_dir() for p in folder.rglob("*.pdf")]


def _sample_pdf() -> bytes:
    from app.commands.cli_actions import load_sample
    from app.output import printed, render_pdf
    from app.storage.db import open_database
    from app.storage.store import Store

    opened = open_database(None)
    load_sample(Store(opened.db))
    pdf = render_pdf.render(printed.build(Store(opened.db), "TTH", "2020-Q1"))
    opened.close()
    return pdf


def test_the_report_prints_through_cups_with_its_text(sample_window, qtbot, monkeypatch):
    reason = _queue_ready()
    if reason:
        if EXPECTED:
            pytest.fail(f"CUPS phải chạy ở đây (BAOCAO_CUPS_QUEUE={QUEUE}) nhưng {reason}")
        pytest.skip(f"không in thử qua CUPS: {reason}")
    win = sample_window
    before = {p: p.stat().st_mtime for p in _outputs()}

    def choose_queue(dialog):
        dialog.printer().setPrinterName(QUEUE)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_queue)
    win.report_menu.print_report()
    controller = win.report_menu.printing
    qtbot.waitUntil(lambda: controller.last_result is not None, timeout=60000)
    assert controller.last_result == (14, "")
    assert "Đã gửi 14 trang tới máy in." in win.statusBar().currentMessage()

    def written() -> list[Path]:
        return [p for p in _outputs() if before.get(p) != p.stat().st_mtime and "BC-TTH-2020-Q1" in p.name]

    def done() -> bool:  # the queue has let go of the job and the file is whole
        jobs = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
        return bool(written()) and not jobs.strip() and b"%%EOF" in written()[0].read_bytes()[-1024:]

    deadline = time.monotonic() + 90
    while not done() and time.monotonic() < deadline:
        qtbot.wait(250)
    assert done(), f"cups-pdf không ghi xong tệp nào ({subprocess.run(['lpstat', '-o'], capture_output=True, text=True).stdout})"
    out = written()[0]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           14" in info
    # The text is still text (vector). cups-pdf's Ghostscript keeps the glyphs but drops the
    # Unicode names of Vietnamese letters, so the words compared are those without them.
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    source = subprocess.run(["pdftotext", "-", "-"], input=_sample_pdf(),
                            capture_output=True).stdout.decode()
    words = {w.strip(".,;:()") for w in source.split() if w.isascii() and len(w.strip(".,;:()")) >= 5}
    assert {"2.607", "13,302", "facebook"} <= words
    found = [w for w in words if w in text]
    print(f"\n{len(found)}/{len(words)} từ không dấu của báo cáo có trong bản cups-pdf ghi ra")
    assert len(found) >= 0.95 * len(words)
