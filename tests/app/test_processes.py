"""Helper processes start without running the program's main script again."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_script_without_a_main_guard_runs_once_when_it_starts_a_process(tmp_path):
    runs = tmp_path / "runs.txt"
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"open({str(runs)!r}, 'a').write('run\\n')\n"
        "from app import processes\n"
        "child = processes.context.Process(target=os.getpid)\n"
        "processes.start(child)\n"
        "child.join(30)\n"
        "assert child.exitcode == 0, child.exitcode\n"
        "assert sys.modules['__main__'].__file__ == __file__\n", encoding="utf-8")
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=60)
    assert runs.read_text(encoding="utf-8") == "run\n"
