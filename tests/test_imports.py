"""Each headless command imports only what it needs (the module budget in README, "Hiệu năng").

``python -X importtime`` lists every module a process imports. Reading one
figure (``get``) needs the storage layer and the domain, nothing that prints,
signs or reads office files; exporting a PDF needs the printing stack too but
still nothing of the shared-folder exchange, the keys or Word/Excel files.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Top-level packages (and app subpackages) no command that only reads or prints one report may import.
NEVER = {"sqlite_utils", "click", "pluggy", "dateutil", "cryptography", "docx", "openpyxl", "PySide6",
         "app.exchange.sync", "app.exchange.receive", "app.exchange.package", "app.exchange.keys", "ui"}
#: Nor anything of the network, XML, babel's locale data, the wording checks or the shared-folder exchange.
NEVER |= {"babel", "xml.sax", "urllib.request", "http", "email", "app.checks", "app.exchange",
          "app.storage.exchange"}
#: ``get`` prints one figure: no PDF, no images either.
GET_NEVER = NEVER | {"reportlab", "PIL", "app.output"}
#: At most this many modules of ``app`` itself for each command (all of ``app`` is about 150).
APP_BUDGET = {"get": 40, "export": 55}  # export: with the charts appendix the sample draws


def _imported(tmp_path: Path, *command: str, charts: bool = True) -> set[str]:
    db = tmp_path / "bc.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    main = str(ROOT / "main.py")
    if not db.exists():
        subprocess.run([sys.executable, main, "--db", str(db), "demo"], check=True, capture_output=True, env=env)
        if not charts:  # the report's appendix "Biểu đồ" left out
            subprocess.run([sys.executable, main, "--db", str(db), "chart", "--office", "TTH", "--period", "2020-Q1",
                            "--indicators", "-"], check=True, capture_output=True, env=env)
    done = subprocess.run([sys.executable, "-X", "importtime", main, "--db", str(db), *command],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")
            and "|" in line and "imported package" not in line}


def _offending(modules: set[str], forbidden: set[str]) -> set[str]:
    return {m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden)}


@pytest.fixture(scope="module")
def imports(tmp_path_factory) -> dict[str, set[str]]:
    tmp = tmp_path_factory.mktemp("imports")
    return {
        "get": _imported(tmp, "get", "--office", "TTH", "--period", "2020-Q1", "--indicator", "VL_MOI"),
        "export": _imported(tmp, "export", "--office", "TTH", "--period", "2020-Q1", "--format", "pdf",
                            "--out", str(tmp / "a.pdf")),
    }


def test_get_imports_no_printing_signing_or_office_files(imports):
    assert _offending(imports["get"], GET_NEVER) == set()


def test_pdf_export_imports_no_exchange_keys_or_office_files(imports):
    assert "reportlab" in imports["export"]  # the check sees what it is meant to see
    assert _offending(imports["export"], NEVER) == set()


@pytest.mark.parametrize("command", sorted(APP_BUDGET))
def test_each_command_stays_within_its_module_budget(imports, command):
    own = sorted(m for m in imports[command] if m == "app" or m.startswith("app."))
    assert len(own) <= APP_BUDGET[command], own


def test_a_report_drawing_no_chart_is_printed_without_reportlab_graphics(imports, tmp_path):
    assert "reportlab.graphics" in imports["export"]  # the sample's appendix "Biểu đồ" draws two
    plain = _imported(tmp_path, "export", "--office", "TTH", "--period", "2020-Q1", "--format", "pdf",
                      "--out", str(tmp_path / "a.pdf"), charts=False)
    assert "reportlab.platypus" in plain and _offending(plain, {"reportlab.graphics"}) == set()
