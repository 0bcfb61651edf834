"""The malformed files of the command-line corpus: each breaks one thing in a real dump or template.

Each entry is (name, change, fragment): the change is applied to a copy of the
decoded file (or to its bytes, for the RAW lists), and the refusal must hold
the fragment (the field path or the reason).
"""
from __future__ import annotations

import base64
import copy
import hashlib


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
