"""Commands as an operator types them, and an issued report to try them on (shared by the reliability tests).

``issued`` runs demo → complete → issue → dump rev1.json → revise once per module; ``copy`` gives each
test its own copy of that database and dump.
"""
import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands import cli

ROOT = Path(__file__).resolve().parents[2]
ISSUE = ("issue", "--office", "TTH", "--period", "2020-Q1", "--number", "45", "--date", "2020-04-05",
         "--signer-title", "GIÁM ĐỐC", "--signer-name", "X")
Q1 = ("--office", "TTH", "--period", "2020-Q1")


def _run(db, *args):
    """The command as an operator runs it: a separate process."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


def _cli(db, *args) -> tuple[int, str, str]:
    """The same command in this process (faster, for the many variants of one defect)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run(cli.build_parser().parse_args(["--db", str(db), *args]))
    assert "Traceback" not in err.getvalue() and "không mong đợi" not in err.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _refused(db, *args) -> str:
    code, out, err = _cli(db, *args)
    assert code == 2, out + err
    assert err.startswith("Lỗi: "), err
    return err


def _ok(db, *args) -> str:
    code, out, err = _cli(db, *args)
    assert code == 0, out + err
    return out


def _pdf_sha(db, revision: int = 1) -> str:
    target = Path(db).with_name(f"issued-{revision}.pdf")
    code, out, err = _cli(db, "issued-pdf", *Q1, "--revision", str(revision), "--out", str(target))
    assert code == 0, out + err
    return hashlib.sha256(target.read_bytes()).hexdigest()


def _rows(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _rev1(db):
    """(status, VL_MOI, number of issued PDFs) of TTH 2020-Q1 revision 1."""
    return _rows(db, "SELECT r.status, (SELECT number FROM figure WHERE report_id = r.id AND indicator = 'VL_MOI'),"
                     " (SELECT count(*) FROM report_file WHERE report_id = r.id AND kind = 'issued_pdf')"
                     " FROM report r WHERE r.period = '2020-Q1' AND r.revision = 1")[0]


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """demo → complete → issue → dump rev1.json → revise, exactly as an operator types it."""
    folder = tmp_path_factory.mktemp("issued")
    db = folder / "bc.sqlite3"
    for args in (("demo",), ("complete", *Q1), ISSUE, ("dump", *Q1, "--out", str(folder / "rev1.json")),
                 ("revise", *Q1, "--reason", "Sửa số liệu quý")):
        proc = _run(db, *args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        if args is ISSUE:
            sha = proc.stdout.rsplit("SHA-256 của bản PDF: ", 1)[1].strip()
    return folder, sha


@pytest.fixture
def copy(issued, tmp_path):
    folder, sha = issued
    for name in ("bc.sqlite3", "bc.keys", "rev1.json"):
        if (folder / name).exists():
            shutil.copy(folder / name, tmp_path / name)
    return tmp_path / "bc.sqlite3", json.loads((tmp_path / "rev1.json").read_text(encoding="utf-8")), sha


def _write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
