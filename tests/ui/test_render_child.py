"""The PDF drawn by the warm rendering process is the one the window's process draws, and a gone process
changes nothing for the operator: the report is drawn anyway."""
from pathlib import Path

from app.commands import cli_actions
from app.storage import db as dbmod
from app.storage.store import Store
from tests.ui.conftest import demo_db
from ui.operations.render_child import Renderer


def _model(tmp_path: Path):
    opened = dbmod.open_database(demo_db(tmp_path / "bc.sqlite3"))
    try:
        return cli_actions.build_model(Store(opened.db), "TTH", "2020-Q1")
    finally:
        opened.close()


def test_the_process_draws_the_same_bytes_and_a_killed_one_is_replaced(tmp_path):
    model = _model(tmp_path)
    here = cli_actions.renderer("pdf")(model)
    renderer = Renderer()
    renderer.start()
    first = renderer._process
    assert first is not None and first.is_alive()
    assert renderer.render(model) == here  # drawn here or there, the same
    assert renderer._conn.poll(60)  # loaded and warm
    assert renderer.render(model) == here and renderer._ready
    first.kill()
    first.join(10)
    assert renderer.render(model) == here  # drawn here meanwhile
    assert renderer._process is not first and renderer._process.is_alive()  # started again for the next one
    renderer._stop()


def test_where_no_process_can_start_the_report_is_drawn_here(tmp_path, monkeypatch):
    from multiprocessing.context import SpawnProcess

    def refused(_process):
        raise OSError("no more processes")

    model = _model(tmp_path)
    monkeypatch.setattr(SpawnProcess, "start", refused)
    renderer = Renderer()
    assert renderer.render(model) == cli_actions.renderer("pdf")(model)
    assert renderer._process is None


def test_a_script_without_a_main_guard_is_not_run_again_by_the_process(tmp_path):
    import subprocess
    import sys

    from tests.ui.conftest import ROOT

    runs = tmp_path / "runs.txt"
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"open({str(runs)!r}, 'a').write('run\\n')\n"
        "from app.commands.cli_actions import renderer\n"
        "from ui.operations.render_child import Renderer, warm_up\n"
        "r = Renderer()\n"
        "r.start()\n"
        "assert r._process.is_alive()\n"
        "r._process.join(3)\n"  # long enough for a re-run of this script to have written its line
        "r._stop()\n", encoding="utf-8")
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=60)
    assert runs.read_text(encoding="utf-8") == "run\n"
