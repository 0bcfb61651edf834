"""Malformed report dumps and templates through the command line, each in its own process.

Every file is made from a real dump (the seed, or the seed issued with its
PDF) or the shipped template by breaking one thing. ``import F.json`` and
``template import F.json`` must end with exit code 2 and a Vietnamese message
naming the file (and the field), never a traceback or a hang, and must leave
the database exactly as it was.
"""
from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
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

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "tth-2020-q1.json"
TEMPLATE = ROOT / "resources" / "templates" / "ldtbxh-quy.json"
TIMEOUT = 60
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _set(path: str, value):
    """A change that puts ``value`` at a dotted path (``report.revision``, ``values.3.note``)."""
    def change(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[int(key)] if isinstance(data, list) else data[key]
        if isinstance(data, list):
            data[int(last)] = value
        else:
            data[last] = value
    return change


def _drop(path: str):
    def change(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[int(key)] if isinstance(data, list) else data[key]
        del data[last]
    return change


def _copy_field(path: str, source: int, target: int, key: str):
    def change(data):
        data[path][target][key] = data[path][source][key]
    return change


def _deep_sections(depth: int) -> dict:
    section = {"code": f"S{depth}", "title": "Mục", "indicators": [], "children": []}
    for level in range(depth - 1, 0, -1):
        section = {"code": f"S{level}", "title": "Mục", "indicators": [], "children": [section]}
    return section


def _replace(old: bytes, new: bytes):
    def change(raw: bytes) -> bytes:
        assert old in raw
        return raw.replace(old, new, 1)
    return change


def _forged_pdf(data):
    blob = b"%PDF-1.4 forged\n%%EOF\n"
    data["files"] = [{"kind": "issued_pdf", "name": "gia.pdf", "sha256": hashlib.sha256(blob).hexdigest(),
                      "data": base64.b64encode(blob).decode()}]


# (name, change to the seed dump, a fragment the message must hold: the field or the reason)
DUMPS = [
    ("revision-text", _set("report.revision", "abc"), "report.revision"),
    ("revision-negative", _set("report.revision", -3), "report.revision"),
    ("revision-fraction", _set("report.revision", 1.5), "report.revision"),
    ("revision-bool", _set("report.revision", True), "report.revision"),
    ("revision-zero", _set("report.revision", 0), "report.revision"),
    ("revision-huge", _set("report.revision", 10**40), "report.revision"),
    ("signer-null", _set("report.signer_name", None), "report.signer_name"),
    ("status-unknown", _set("report.status", "published"), "report.status"),
    ("status-null", _set("report.status", None), "report.status"),
    ("period-bad", _set("report.period", "2020-Q5"), "report.period"),
    ("period-path", _set("report.period", "../../x"), "report.period"),
    ("period-number", _set("report.period", 2020), "report.period"),
    ("period-lowercase", _set("report.period", "2020-q1"), "report.period"),
    ("report-id-null", _set("report.id", None), "report.id"),
    ("report-id-path", _set("report.id", "../../etc/passwd"), "report.id"),
    ("report-number-missing", _drop("report.number"), "number"),
    ("issued-on-impossible", _set("report.issued_on", "2020-02-30"), "report.issued_on"),
    ("issued-on-year", _set("report.issued_on", "0001-01-01"), "report.issued_on"),
    ("created-words", _set("report.created", "hôm qua"), "report.created"),
    ("report-unknown-field", _set("report.hacked", 1), "hacked"),
    ("summary-1mb", _set("report.summary", "x" * 1_000_000), "report.summary"),
    ("note-list", _set("values.3.note", [1, 2]), "values[3].note"),
    ("number-infinity", _set("values.0.number", "Infinity"), "values[0].number"),
    ("number-nan", _set("values.0.number", "NaN"), "values[0].number"),
    ("number-exponent", _set("values.0.number", "1E+999999999"), "values[0].number"),
    ("number-5000-digits", _set("values.0.number", "9" * 5000), "values[0].number"),
    ("number-31-digits", _set("values.0.number", "1" * 16 + "." + "1" * 15), "values[0].number"),
    ("number-int", _set("values.0.number", 12), "values[0].number"),
    ("number-float", _set("values.0.number", 1.5), "values[0].number"),
    ("plan-comma", _set("values.0.plan", "1,5"), "values[0].plan"),
    ("indicator-twice", _copy_field("values", 0, 1, "indicator"), "values[1]"),
    ("indicator-unknown", _set("values.0.indicator", "NO_SUCH"), "values[0].indicator"),
    ("indicator-sql", _set("values.0.indicator", "'; DROP TABLE value; --"), "values[0].indicator"),
    ("qualifier-unknown", _set("values.0.qualifier", "xấp xỉ"), "values[0].qualifier"),
    ("estimate-text", _set("values.0.estimate", "yes"), "values[0].estimate"),
    ("as-of-month-13", _set("values.0.as_of", "2020-13-01"), "values[0].as_of"),
    ("values-object", _set("values", {"VL_MOI": "1"}), "values"),
    ("values-too-many", lambda d: d["values"].extend([{"indicator": "VL_MOI"}] * 25_000), "values"),
    ("value-unknown-field", _set("values.0.colour", "red"), "colour"),
    ("code-traversal", _set("office.code", "../../ETC"), "office.code"),
    ("code-reserved", _set("office.code", "CON"), "office.code"),
    ("code-empty", _set("office.code", ""), "office.code"),
    ("code-emoji", _set("office.code", "😀"), "office.code"),
    ("code-sql", _set("office.code", "'; DROP TABLE office; --"), "office.code"),
    ("code-300", _set("office.code", "A" * 300), "office.code"),
    ("code-cyrillic", _set("office.code", "ТТН"), "office.code"),
    ("code-lowercase", _set("office.code", "tth"), "office.code"),
    ("code-number", _set("office.code", 5), "office.code"),
    ("level-unknown", _set("office.level", "country"), "office.level"),
    ("profiles-empty", _set("office.profiles", []), "office.profiles"),
    ("profile-no-name", _drop("office.profiles.0.name"), "name"),
    ("profile-blank-place", _set("office.profiles.0.place", "   "), "office.profiles[0].place"),
    ("profile-date-format", _set("office.profiles.0.valid_from", "01/01/2000"), "office.profiles[0].valid_from"),
    ("profile-recipients-text", _set("office.profiles.0.recipients", "Bộ"), "office.profiles[0].recipients"),
    ("profile-parent-path", _set("office.profiles.0.parent_code", "../HUE"), "office.profiles[0].parent_code"),
    ("profile-twice", lambda d: d["office"]["profiles"].append(copy.deepcopy(d["office"]["profiles"][0])),
     "valid_from"),
    ("office-id-number", _set("office.id", 5), "office.id"),
    ("narrative-section-unknown", _set("narrative.0.section", "NOPE"), "narrative[0].section"),
    ("narrative-part-unknown", _set("narrative.0.part", "middle"), "narrative[0].part"),
    ("narrative-style-unknown", _set("narrative.0.blocks.0.style", "h1"), "narrative[0].blocks[0].style"),
    ("narrative-text-null", _set("narrative.0.blocks.0.text", None), "narrative[0].blocks[0].text"),
    ("narrative-twice", lambda d: d["narrative"].append(copy.deepcopy(d["narrative"][0])), "narrative[16]"),
    ("document-id-twice", _copy_field("documents", 0, 1, "id"), "documents[1]"),
    ("document-ref-twice", _copy_field("documents", 0, 1, "ref"), "documents[1]"),
    ("document-own-text", _set("documents.0.own", "no"), "documents[0].own"),
    ("document-section-unknown", _set("documents.0.section", "NOPE"), "documents[0].section"),
    ("task-id-twice", _copy_field("tasks", 0, 1, "id"), "tasks[1]"),
    ("task-text-null", _set("tasks.0.text", None), "tasks[0].text"),
    ("review-twice", _set("reviews", [{"task_id": "a1", "status": "done", "comment": ""}] * 2), "reviews[1]"),
    ("review-status-unknown", _set("reviews", [{"task_id": "a1", "status": "finished", "comment": ""}]),
     "reviews[0].status"),
    ("template-missing", _drop("template"), "template"),
    ("template-version-2", _set("template.format_version", 2), "template"),
    ("template-section-twice", _set("template.sections.1.code", "CDDH"), "sections[1].code"),
    ("template-kind-unknown", _set("template.sections.1.indicators.0.kind", "weird"), "kind"),
    ("template-section-removed", lambda d: d["template"]["sections"].pop(0), "không có trong mẫu kèm theo"),
    ("template-parent-unknown", _set("template.sections.2.children.0.indicators.1.parent", "NO_SUCH"), "parent"),
    ("format-other", _set("format", "baocao-package"), "format"),
    ("format-version-2", _set("format_version", 2), "phiên bản 2"),
    ("format-version-text", _set("format_version", "1"), "phiên bản"),
    ("top-unknown-field", _set("extra", {"a": 1}), "extra"),
    ("top-values-missing", _drop("values"), "values"),
    ("forged-pdf-on-draft", _forged_pdf, "files"),
]

# (name, change to the dump's bytes, fragment)
RAW_DUMPS = [
    ("top-list", lambda raw: b"[" + raw + b"]", "đối tượng"),
    ("deep-nesting", lambda raw: b'{"a":' * 200_000 + b"1" + b"}" * 200_000, "lồng nhau quá sâu"),
    ("deep-nesting-inside", _replace(b'"reviews": []', b'"reviews": ' + b"[" * 200_000 + b"]" * 200_000),
     "lồng nhau quá sâu"),
    ("note-deep", _replace(b'"note": ""', b'"note": ' + b"[" * 100_000 + b"]" * 100_000), "lồng nhau quá sâu"),
    ("lone-surrogate", _replace(b'"signer_name": ""', b'"signer_name": "\\ud800"'), "JSON"),
    ("duplicate-key", _replace(b'"revision": 1,', b'"revision": 1, "revision": 2,'), "“revision” xuất hiện hai lần"),
    ("nan-literal", _replace(b'"revision": 1,', b'"revision": NaN,'), "JSON"),
    ("exponent-literal", _replace(b'"revision": 1,', b'"revision": 1e999999999,'), "revision"),
    ("truncated", lambda raw: raw[: len(raw) // 2], "JSON"),
    ("utf16", lambda raw: raw.decode().encode("utf-16"), "JSON"),
    ("latin1", lambda raw: raw.decode().encode("cp1258", errors="replace"), "JSON"),
    ("empty", lambda raw: b"", "JSON"),
    ("nul-bytes", lambda raw: b"\x00" * 1000, "JSON"),
]

# (name, change to the seed issued and dumped with its PDF, fragment)
ISSUED = [
    ("files-base64-broken", _set("files.0.data", "!!!! không phải base64"), "files[0].data"),
    ("files-sha-mismatch", _set("files.0.sha256", "0" * 64), "files[0].sha256"),
    ("files-sha-shape", _set("files.0.sha256", "XYZ"), "files[0].sha256"),
    ("files-kind-unknown", _set("files.0.kind", "exe"), "files[0].kind"),
    ("files-name-path", _set("files.0.name", "../../evil.pdf"), "files[0].name"),
    ("files-second-pdf", lambda d: d["files"].append(dict(d["files"][0], sha256=hashlib.sha256(b"x").hexdigest(),
                                                          data=base64.b64encode(b"x").decode())), "files"),
    ("files-object", _set("files", {"kind": "scan"}), "files"),
]


def _first_indicator(data):
    return data["sections"][1]["indicators"][0]


def _cycle(data):
    first, second = data["sections"][1]["indicators"][:2]
    first.update(parent=second["code"], part="partial")
    second.update(parent=first["code"], part="partial")


TEMPLATES = [
    ("t-unknown-field", _set("colour", "red"), "colour"),
    ("t-indicator-unknown-field", (lambda d: _first_indicator(d).update(weight=3)), "weight"),
    ("t-kind", (lambda d: _first_indicator(d).update(kind="weird")), "kind"),
    ("t-parent-unknown", (lambda d: _first_indicator(d).update(parent="NO_SUCH", part="partial")), "parent"),
    ("t-part-missing", (lambda d: _first_indicator(d).update(parent="VB_BAN_HANH")), "part"),
    ("t-code-lowercase", (lambda d: _first_indicator(d).update(code="vl moi")), "code"),
    ("t-indicator-twice", (lambda d: _first_indicator(d).update(code="VB_BAN_HANH")), "trùng"),
    ("t-section-twice", _set("sections.1.code", "CDDH"), "sections[1].code"),
    ("t-rule-unknown", (lambda d: _first_indicator(d).update(rules=[{"op": "<=", "other": "NOPE"}])), "rules"),
    ("t-rule-op", (lambda d: _first_indicator(d).update(rules=[{"op": "~", "other": "VB_BAN_HANH"}])), "op"),
    ("t-format-version", _set("format_version", 2), "phiên bản 2"),
    ("t-format", _set("format", "baocao-report"), "mẫu báo cáo"),
    ("t-version-zero", _set("version", 0), "version"),
    ("t-version-text", _set("version", "1"), "version"),
    ("t-min-text", (lambda d: _first_indicator(d).update(min="abc")), "min"),
    ("t-min-exponent", (lambda d: _first_indicator(d).update(min="1E+999999999")), "min"),
    ("t-max-nan", (lambda d: _first_indicator(d).update(max="NaN")), "max"),
    ("t-min-above-max", (lambda d: _first_indicator(d).update(min="10", max="5")), "giới hạn"),
    ("t-cutoff", _set("cutoff_day", 40), "cutoff_day"),
    ("t-placeholder", _set("summary", "Báo cáo {khong_co}"), "summary"),
    ("t-code-path", _set("code", "../../x"), "code"),
    ("t-title-null", _set("title", None), "title"),
    ("t-label-blank", (lambda d: _first_indicator(d).update(label="  ")), "label"),
    ("t-label-1mb", (lambda d: _first_indicator(d).update(label="x" * 1_000_000)), "label"),
    ("t-depth", _set("sections", [_deep_sections(7)]), "lồng nhau"),
    ("t-sections-201", _set("sections", [{"code": f"S{i}", "title": "x"} for i in range(201)]), "sections"),
    ("t-indicators-2001", _set("sections.0.indicators", [{"code": f"I{i}", "label": "x"} for i in range(2001)]),
     "indicators"),
    ("t-appendix-text", (lambda d: _first_indicator(d).update(appendix="yes")), "appendix"),
    ("t-cycle", _cycle, "vòng lặp"),
]

RAW_TEMPLATES = [
    ("t-duplicate-key", _replace(b'"version": 1,', b'"version": 1, "version": 2,'), "“version” xuất hiện hai lần"),
    ("t-lone-surrogate", _replace(b'"cutoff_day": 15', b'"cutoff_day": 15, "x": "\\ud800"'), "JSON"),
    ("t-deep-nesting", lambda raw: b'{"a":' * 200_000 + b"1" + b"}" * 200_000, "lồng nhau quá sâu"),
    ("t-truncated", lambda raw: raw[: len(raw) // 3], "JSON"),
    ("t-list", lambda raw: b"[]", "đối tượng"),
]

SPECIAL = ["dev-zero", "fifo", "folder", "oversized", "missing"]


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
