"""Malformed report dumps and templates through the command line, each in its own process.

Every file is made from a real dump (the seed, or the seed issued with its
PDF) or the shipped template by breaking one thing. ``import F.json`` and
``template import F.json`` must end with exit code 2 and a Vietnamese message
naming the file (and the field), never a traceback or a hang, and must leave
the database exactly as it was.
"""
from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import FULL
from tests.reliability.malformed_cases import DUMPS, ISSUED, RAW_DUMPS, RAW_TEMPLATES, SPECIAL, TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "tth-2020-q1.json"
TEMPLATE = ROOT / "resources" / "templates" / "ldtbxh-quy.json"
TIMEOUT = 60
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _main(db: Path, *argv: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(home), "APPDATA": str(home)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *argv], capture_output=True,
                          text=True, timeout=TIMEOUT, env=env, cwd=ROOT)


def _state(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _special(folder: Path, name: str) -> Path:
    if name == "dev-zero":
        return Path("/dev/zero")
    path = folder / f"{name}.json"
    if name == "fifo":
        os.mkfifo(path)
    elif name == "folder":
        path.mkdir()
    elif name == "oversized":
        with open(path, "wb") as handle:  # sparse: the size is refused before a byte is read
            handle.truncate(65 * 1024 * 1024)
    return path


def _files(folder: Path, issued: dict) -> list[tuple[str, Path, str, list[str]]]:
    """Write every malformed file; (case, file, fragment, command) for each."""
    raw_dump, raw_template = SAMPLE.read_bytes(), TEMPLATE.read_bytes()
    out = []
    for cases, base, command in ((DUMPS, json.loads(raw_dump), "import"), (ISSUED, issued, "import"),
                                 (TEMPLATES, json.loads(raw_template), "template import")):
        for name, change, fragment in cases:
            data = copy.deepcopy(base)
            change(data)
            path = folder / f"{name}.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            out.append((name, path, fragment, command.split()))
    for cases, raw, command in ((RAW_DUMPS, raw_dump, "import"), (RAW_TEMPLATES, raw_template, "template import")):
        for name, change, fragment in cases:
            path = folder / f"{name}.json"
            path.write_bytes(change(raw))
            out.append((name, path, fragment, command.split()))
    for command in ("import", "template import"):
        place = folder / command.replace(" ", "-")
        place.mkdir()
        out.extend((f"{command}:{name}", _special(place, name), "", command.split()) for name in SPECIAL)
    return out


class Corpus:
    """The malformed files, written once, and the database they are all imported into (a fresh copy each)."""

    def __init__(self, work: Path) -> None:
        self.home = work / "home"
        self.base = work / "base.sqlite3"
        assert _main(self.base, "demo", home=self.home).returncode == 0
        issuing = work / "issued.sqlite3"
        shutil.copy(self.base, issuing)
        assert _main(issuing, "issue", "--office", "TTH", "--period", "2020-Q1", "--number", "45", "--date",
                     "2020-04-05", "--signer-title", "GIÁM ĐỐC", "--signer-name", "Nguyễn Văn A",
                     home=self.home).returncode == 0
        assert _main(issuing, "dump", "--office", "TTH", "--period", "2020-Q1", "--out", str(work / "issued.json"),
                     home=self.home).returncode == 0
        issued = json.loads((work / "issued.json").read_text(encoding="utf-8"))
        assert issued["files"] and issued["files"][0]["kind"] == "issued_pdf"
        (work / "files").mkdir()
        self.cases = {name: (path, fragment, command)
                      for name, path, fragment, command in _files(work / "files", issued)}
        self.before = _state(self.base)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("malformed"))


# Run in their own process in every mode: the files that once hung, gave tracebacks or ran out of memory.
# The others run through the same command-line entry in this process, unless BAOCAO_RELIABILITY=full.
IN_PROCESS_OF_THEIR_OWN = {
    "number-exponent", "number-infinity", "number-nan", "number-5000-digits", "note-list", "signer-null",
    "revision-text", "indicator-twice", "code-traversal", "profiles-empty", "lone-surrogate", "duplicate-key",
    "deep-nesting", "files-sha-mismatch", "forged-pdf-on-draft", "t-deep-nesting", "t-lone-surrogate",
    "t-min-exponent", "import:dev-zero", "import:fifo", "template import:dev-zero", "template import:fifo",
    "import:oversized",
}


def _in_process(db: Path, argv: list[str]) -> tuple[int, str, str]:
    from app.commands import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.run(cli.build_parser().parse_args(["--db", str(db), *argv]))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def _names(*groups) -> list[str]:
    return [name for group in groups for name, *_ in group]


@pytest.mark.parametrize("name", _names(DUMPS, RAW_DUMPS, ISSUED, TEMPLATES, RAW_TEMPLATES)
                         + [f"{c}:{s}" for s in SPECIAL for c in ("import", "template import")])
def test_a_malformed_file_is_refused_naming_it_and_changes_nothing(corpus, name, tmp_path):
    path, fragment, command = corpus.cases[name]
    db = tmp_path / "bc.sqlite3"
    shutil.copy(corpus.base, db)
    if FULL or name in IN_PROCESS_OF_THEIR_OWN:
        done = _main(db, *command, str(path), home=corpus.home)
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        code, stdout, stderr = _in_process(db, [*command, str(path)])
    output = stdout + stderr
    assert code == 2, output[-2000:]
    assert "Traceback" not in output and stderr.startswith("Lỗi: "), output[-2000:]
    assert VIETNAMESE.search(stderr) and path.name in stderr, stderr
    assert fragment in stderr, stderr
    assert _state(db) == corpus.before, "the database changed"


def test_the_corpus_is_large_enough():
    assert len(DUMPS) + len(RAW_DUMPS) + len(ISSUED) >= 61 and len(TEMPLATES) + len(RAW_TEMPLATES) >= 20


def test_the_unbroken_files_still_import(tmp_path):
    """The seed dump, an issued dump and the shipped template pass the same door the corpus is refused at."""
    home, db = tmp_path / "home", tmp_path / "bc.sqlite3"
    done = _main(db, "import", str(SAMPLE), home=home)
    assert done.returncode == 0, done.stderr
    assert _main(db, "template", "import", str(TEMPLATE), home=home).returncode == 0
