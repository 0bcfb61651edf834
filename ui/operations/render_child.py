"""The report's PDF rendered in a process of its own, started after the first one and kept warm.

Rendering is all CPU (reportlab): on a thread of the window's process it shares the interpreter lock with
the window, and its library takes a tenth of a second to load the first time. The first PDF is drawn in
the window's process (a process still loading would only compete with it); the process is started then,
loads the library, draws a small report once on the other core and says ``("ready",)``; from then on it
renders each printed model it is sent, and later previews wait only for the drawing itself. Should the
process be gone or fail, the report is drawn here as before, so the result, or the error the operator
sees, is the same either way (the same renderer draws the same bytes).

Messages over a ``multiprocessing`` pipe: the parent sends a printed model, the child answers
``("pdf", bytes)`` or ``("error", text)``; the child ends when the pipe closes (the window's process ended).
"""
from __future__ import annotations

import pickle
import threading

from app import processes

NAME = "baocao-pdf"  # the process's name, told apart from a print job's drawing process
ANSWER_SECONDS = 300  # longer than any report takes to draw: the process is stuck, the window draws it


def serve(conn) -> None:
    """The child's body: load the renderer, then render every model sent until the pipe closes."""
    from app.commands import cli_actions

    render = cli_actions.renderer("pdf")
    try:
        warm_up(render)  # drawn once: the first real report draws faster
    except Exception:  # noqa: S110 - only the first real render is slower then
        pass
    if not _tell(conn, ("ready",)):
        return
    while True:
        try:
            model = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = ("pdf", render(model))
        except Exception as exc:  # told by rendering again in the window's process
            answer = ("error", str(exc) or type(exc).__name__)
        if not _tell(conn, answer):
            return


def _tell(conn, message) -> bool:
    """Send ``message``; False when the window's process is gone (the child then just ends)."""
    try:
        conn.send(message)
    except OSError:
        return False
    return True


def warm_up(render) -> bytes:
    """Render a small report once: fonts, styles and the library's caches are ready for the first real one."""
    from decimal import Decimal

    from app.domain.period import Period
    from app.output.model import Cell, Header, Heading, Para, PrintedReport, Signature, Table
    from app.reporting.trends import Point, Trend

    text = "Kết quả thực hiện nhiệm vụ công tác lao động, người có công và xã hội"
    table = Table((text, "Số"), ((Cell(text), Cell("1.234", Decimal(1234))),), (3.0, 1.0), (False, True))
    points = tuple(Point(Period.parse(f"2020-Q{q}"), Decimal(q)) for q in range(1, 5))
    return render(PrintedReport("", "", 1, Header(text, text, text, text, text, text, (text,)),
                                (Heading(text, 0), Heading(text, 1), Para(text), Para(text, bullet=True)),
                                Signature((text,), (text,), text), appendix_title=(text,), appendix=table,
                                documents=table, charts=(Trend("X", text, "người", points, points),)))


class Renderer:
    """One rendering process for the program (every window of it), started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one model at a time through the pipe
        self._process = None
        self._conn = None
        self._ready = False  # loaded and warm: until then a report is drawn here rather than waited for

    def start(self) -> None:
        """Start the process (it loads the renderer meanwhile) unless it runs already."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        ours, theirs = processes.context.Pipe()
        process = processes.context.Process(target=serve, args=(theirs,), name=NAME, daemon=True)
        try:
            processes.start(process)
        except (OSError, RuntimeError):  # no new process here: render in the window's process
            self._process = self._conn = None
            return
        theirs.close()
        self._process, self._conn, self._ready = process, ours, False

    def render(self, model) -> bytes:
        """The PDF of ``model``: from the process when it is warm, else drawn here (and the process started,
        so that the next report is drawn there: a process still loading would only compete with this one)."""
        with self._lock:
            answer = self._ask(model) if self._warm() else None
        if answer is not None and answer[0] == "pdf":
            return answer[1]
        from app.commands import cli_actions

        pdf = cli_actions.renderer("pdf")(model)
        self.start()
        return pdf

    def _warm(self) -> bool:
        """Whether the process has said it is ready (it says so once, when loaded and warm)."""
        try:
            if not self._ready and self._conn is not None and self._conn.poll():
                self._ready = self._conn.recv() == ("ready",)
        except (EOFError, OSError):
            self._stop()
        return self._ready

    def _ask(self, model):
        try:
            self._conn.send(model)
            if self._conn.poll(ANSWER_SECONDS):
                return self._conn.recv()
        except pickle.PicklingError:  # a model that cannot travel is rendered here
            return None
        except (EOFError, OSError, ValueError):  # the process ended: the next render starts another
            pass
        self._stop()
        return None

    def _stop(self) -> None:
        process, self._process, self._conn, self._ready = self._process, None, None, False
        if process is not None and process.is_alive():
            process.terminate()


_shared = Renderer()


def shared() -> Renderer:
    return _shared
