"""Print jobs run off the window's thread: page ranges, copies, ≤ 300 dpi, progress, cancel, closing."""
import multiprocessing
import subprocess
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from ui.controllers import printing as printing_controller
from ui.printing import RASTER_DPI, PrintJob, PrintRequest, lp_command, system_path


@pytest.fixture(scope="module")
def report_pdf():
    """The sample report (13 pages and the appendix "Biểu đồ") as the window prints it."""
    from app.commands.cli_actions import load_sample
    from app.output import printed, render_pdf
    from app.storage.db import open_database
    from app.storage.store import Store

    opened = open_database(None)
    load_sample(Store(opened.db))
    pdf = render_pdf.render(printed.build(Store(opened.db), "TTH", "2020-Q1"))
    opened.close()
    return pdf


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _run(qtbot, job: PrintJob) -> tuple[int, str]:
    ended = []
    job.ended.connect(lambda pages, error: ended.append((pages, error)))
    job.start()
    qtbot.waitUntil(lambda: bool(ended), timeout=60000)
    job.wait()
    return ended[0]


def test_printing_honours_page_range_and_copies(qtbot, tmp_path, report_pdf):
    target = tmp_path / "printed.pdf"
    request = PrintRequest(report_pdf, "BC", output_file=str(target), first=2, last=3, copies=2)
    assert _run(qtbot, PrintJob(request)) == (4, "")
    assert _pages(target) == 4
    source = tmp_path / "source.pdf"
    source.write_bytes(report_pdf)
    printed = [_look(tmp_path, target, n) for n in (1, 2, 3, 4)]
    page2, page3 = _look(tmp_path, source, 2), _look(tmp_path, source, 3)
    for got, expected, other in zip(printed, [page2, page3, page2, page3], [page3, page2, page3, page2], strict=True):
        assert _difference(got, expected) < _difference(got, other) / 1.3


def _look(tmp_path, pdf, page: int) -> list[float]:
    """The page at 20 dpi in grey, as how dark each line of pixels is (blind to antialiasing)."""
    from PySide6.QtGui import QImage

    stem = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    rows = [sum(255 - image.pixelColor(x, y).lightness() for x in range(image.width())) / image.width()
            for y in range(image.height())]
    return [sum(rows[y:y + 5]) / 5 for y in range(len(rows) - 4)]  # over about a line of text


def _difference(a: list[float], b: list[float]) -> float:
    """How unlike two pages' line profiles are, at the best shift of up to two lines."""
    return min(sum(abs(x - y) for x, y in zip(a[max(shift, 0):], b[max(-shift, 0):], strict=False)) / len(a)
               for shift in range(-2, 3))


def test_pages_that_go_as_images_are_at_most_300_dpi(qtbot, tmp_path, report_pdf):
    target = tmp_path / "printed.pdf"
    assert _run(qtbot, PrintJob(PrintRequest(report_pdf, "BC", output_file=str(target), last=1)))[0] == 1
    listing = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows
    assert all(float(row[12]) <= RASTER_DPI + 1 and float(row[13]) <= RASTER_DPI + 1 for row in rows)  # x-ppi, y-ppi
    # …and what is printed is the page: rendered back, its text is dark on white
    png = tmp_path / "back"
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-png", str(target), str(png)], check=True)
    from PySide6.QtGui import QImage
    image = QImage(str(png) + "-1.png")
    lightness = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 3)
                 for y in range(0, image.height(), 3)]
    assert sum(lightness) / len(lightness) > 200 and min(lightness) < 150


def test_the_path_a_job_takes(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/lp" if name == "lp" else None)
    assert system_path(PrintRequest(b"", "BC", printer_name="HP")) == "lp"
    assert system_path(PrintRequest(b"", "BC", printer_name="HP", output_file="/tmp/x.pdf")) == "raster"
    assert system_path(PrintRequest(b"", "BC")) == "raster"
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert system_path(PrintRequest(b"", "BC", printer_name="HP")) == "raster"
    assert lp_command(PrintRequest(b"", "BC", printer_name="HP", first=2, last=3, copies=2), "/t/a.pdf") == [
        "lp", "-d", "HP", "-t", "BC", "-n", "2", "-P", "2-3", "--", "/t/a.pdf"]
    assert lp_command(PrintRequest(b"", "BC", printer_name="HP", first=4), "/t/a.pdf")[-3:] == ["4-", "--", "/t/a.pdf"]
    assert "-P" not in lp_command(PrintRequest(b"", "BC", printer_name="HP"), "/t/a.pdf")


def test_the_window_stays_responsive_while_14_pages_print(sample_window, qtbot, tmp_path, report_pdf):
    """The event loop's gaps, measured by a 10 ms timer, while a 14-page job draws its pages."""
    win = sample_window
    target = tmp_path / "printed.pdf"
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(win)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    controller = win.report_menu.printing
    job = controller.start(PrintRequest(report_pdf, "BC-TTH-2020-Q1", output_file=str(target)))
    timer.start()
    last[0] = time.perf_counter()
    qtbot.waitUntil(lambda: not controller.running, timeout=120000)
    timer.stop()
    assert job.isFinished() and controller.last_result == (14, "")
    assert _pages(target) == 14
    worst = max(gaps) * 1000
    print(f"\n14 trang: {len(gaps)} nhịp 10 ms, khoảng cách lớn nhất {worst:.1f} ms, "
          f"trung vị {sorted(gaps)[len(gaps) // 2] * 1000:.1f} ms")
    assert len(gaps) > 20  # the event loop kept turning while the pages were drawn
    # the pages are drawn by a process of their own at low priority, so the window's thread never waits for them
    assert worst <= 100
    assert not _drawing_processes()  # and that process is gone


def test_a_job_the_drawing_process_cannot_do_ends_in_a_message(qtbot, tmp_path):
    job = PrintJob(PrintRequest(b"not a pdf", "BC", output_file=str(tmp_path / "p.pdf")))
    assert _run(qtbot, job) == (0, "Không in được: máy in không nhận lệnh in")
    assert not (tmp_path / "p.pdf").exists() or (tmp_path / "p.pdf").stat().st_size == 0
    assert not _drawing_processes()


def test_cancel_stops_the_job_between_pages(sample_window, qtbot, tmp_path, report_pdf):
    win = sample_window
    controller = win.report_menu.printing
    job = controller.start(PrintRequest(report_pdf, "BC", output_file=str(tmp_path / "p.pdf")))
    qtbot.waitUntil(lambda: job.sent >= 1, timeout=30000)
    controller.progress.findChild(QPushButton).click()  # "Hủy in"
    qtbot.waitUntil(lambda: not controller.running, timeout=30000)
    pages, message = controller.last_result
    assert pages < 14 and message == "Đã hủy lệnh in."
    assert "Đã hủy lệnh in." in win.statusBar().currentMessage()


@pytest.mark.parametrize("choice", [printing_controller.WAIT, printing_controller.CANCEL,
                                    printing_controller.STAY])
def test_closing_while_printing_waits_cancels_or_stays(sample_window, qtbot, tmp_path, report_pdf, monkeypatch,
                                                      choice):
    win = sample_window
    monkeypatch.setattr(printing_controller, "ask_close", lambda parent: choice)
    controller = win.report_menu.printing
    target = tmp_path / "p.pdf"
    job = controller.start(PrintRequest(report_pdf, "BC", output_file=str(target)))
    qtbot.waitUntil(lambda: job.sent >= 1, timeout=30000)
    win.close()
    if choice == printing_controller.CANCEL:
        assert not win.isVisible() and job.isFinished() and job.sent < 14
        return
    assert win.isVisible()  # still open while the job runs
    qtbot.waitUntil(lambda: not controller.running, timeout=60000)
    assert controller.last_result == (14, "")
    assert win.isVisible() == (choice == printing_controller.STAY)
    assert _pages(target) == 14


def _drawing_processes() -> list:
    """Child processes other than the window's warm PDF renderer (which stays for the next preview)."""
    from ui.operations.render_child import NAME

    return [p for p in multiprocessing.active_children() if p.name != NAME]
