"""The report dump format: every dump today's code writes passes; anything malformed is refused naming the field."""
import base64
import copy
import datetime as dt
import hashlib
import json
import re
from decimal import Decimal

import msgspec
import pytest

from app import paths
from app.domain.model import Block, TaskReview, TaskStatus
from app.errors import InputError, UserError
from app.exchange import dumpformat, transfer
from app.reporting import issuing

SAMPLE = paths.resource("sample", "tth-2020-q1.json")


def _raw(data: dict) -> bytes:
    return transfer.dumps(data).encode("utf-8")


def _round_trip(data: dict) -> dict:
    """The dump as ``import`` reads it back, checked both ways (file bytes and decoded dict)."""
    loaded = dumpformat.load(_raw(data), source="Tệp x.json")
    dumpformat.check(copy.deepcopy(data), source="Gói HUE")
    return loaded


def test_the_seed_dump_passes_unchanged():
    raw = SAMPLE.read_bytes()
    assert dumpformat.load(raw, source="Tệp tth.json") == json.loads(raw)


def test_a_dump_with_everything_an_operator_can_enter_passes(sample):
    """Qualifiers, estimates, dates, ratios, plans, long notes, a million-character paragraph, reviews."""
    report = sample.report("TTH", "2020-Q1")
    sample.content.enter(report, "VL_MOI", "khoảng 2.607")
    value = sample.content.values(report.id)["VL_MOI"]
    sample.content.set_value(report, msgspec.structs.replace(
        value, estimate=True, as_of=dt.date(2020, 3, 25), note="ghi chú\n" * 10_000, plan=Decimal("8559"),
        prior_year=Decimal("-12.5")))
    sample.content.enter(report, "QTL_THAM_TRA", "5/5")
    sample.content.set_narrative(report, "TE", "results", [Block("x" * 1_000_000), Block("điểm", "bullet")])
    task = sample.content.tasks(report.id)[0]
    sample.content.review_task(report, TaskReview(task.id, TaskStatus.IN_PROGRESS, "đang làm"))
    data = transfer.dump(sample, "TTH", "2020-Q1")
    assert _round_trip(data) == json.loads(_raw(data))


def test_issued_revised_and_scanned_dumps_pass(sample, tmp_path):
    report = sample.report("TTH", "2020-Q1")
    issued = issuing.issue(sample, report, number="45", issued_on=dt.date(2020, 4, 5), signer_title="GIÁM ĐỐC",
                           signer_name="Nguyễn Văn A")
    scan = tmp_path / "bản ký (1).pdf"
    scan.write_bytes(b"%PDF-1.4 scan\n%%EOF\n")
    issuing.attach_scan(sample, issued, scan)
    data = transfer.dump(sample, "TTH", "2020-Q1")
    assert [f["kind"] for f in data["files"]] == ["issued_pdf", "scan"]
    assert _round_trip(data)["files"] == data["files"]
    issuing.new_revision(sample, sample.report("TTH", "2020-Q1"), "sửa số liệu")
    data = transfer.dump(sample, "TTH", "2020-Q1")
    assert data["report"]["revision"] == 2 and _round_trip(data)["report"]["reason"] == "sửa số liệu"


def _seed() -> dict:
    return json.loads(SAMPLE.read_bytes())


def _load(data: dict) -> dict:
    return dumpformat.load(json.dumps(data, ensure_ascii=False).encode(), source="Tệp rev1.json")


@pytest.mark.parametrize("path, value, message", [
    (("values", 3, "note"), [1], "“values[3].note”: cần chuỗi, gặp danh sách"),
    (("report", "revision"), "abc", "“report.revision”: cần số nguyên, gặp chuỗi"),
    (("report", "revision"), -3, "“report.revision”: phải ≥ 1"),
    (("report", "revision"), 1.5, "“report.revision”: cần số nguyên, gặp số thực"),
    (("report", "revision"), True, "“report.revision”: cần số nguyên, gặp true/false"),
    (("report", "revision"), 10_000, "“report.revision”: phải ≤ 9999"),
    (("report", "signer_name"), None, "“report.signer_name”: cần chuỗi, gặp null"),
    (("report", "status"), "published", "“report.status”: giá trị 'published'"),
    (("report", "period"), "2020-Q5", "“report.period”: Kỳ báo cáo “2020-Q5” không hợp lệ"),
    (("report", "period"), " 2020-q1", "“report.period”: phải viết đúng dạng “2020-Q1”"),
    (("report", "issued_on"), "2020-02-30", "“report.issued_on”: ngày “2020-02-30” không có thật"),
    (("report", "updated"), "1800-01-01T00:00:00", "“report.updated”: năm 1800 không hợp lý"),
    (("values", 0, "number"), "Infinity", "“values[0].number”: cần một số viết bằng chữ số"),
    (("values", 0, "number"), "NaN", "“values[0].number”: cần một số viết bằng chữ số"),
    (("values", 0, "number"), "1E+999999999", "“values[0].number”: cần một số viết bằng chữ số"),
    (("values", 0, "number"), "9" * 5000, "“values[0].number”: dài quá"),
    (("values", 0, "denominator"), "1" * 20 + "." + "1" * 11, "“values[0].denominator”: số có quá 30 chữ số"),
    (("values", 3, "number"), "2607.5", "“values[3].number”: chỉ tiêu “"),
    (("values", 19, "number"), "6", "“values[19].number”: chỉ tiêu “"),
    (("values", 19, "denominator"), None, "thiếu mẫu số"),
    (("values", 0, "indicator"), "NO_SUCH", "“values[0].indicator”: chỉ tiêu “NO_SUCH” không có trong mẫu"),
    (("values", 1, "indicator"), "KH_THAM_MUU", "“values[1]”: “indicator” = “KH_THAM_MUU” bị trùng"),
    (("office", "code"), "../../ETC", "“office.code”: Mã đơn vị “../../ETC” không hợp lệ"),
    (("office", "code"), "ТТН", "“office.code”: Mã đơn vị “ТТН” không hợp lệ"),
    (("office", "code"), "CON", "“office.code”: Mã đơn vị “CON” trùng tên Windows"),
    (("office", "code"), "tth ", "“office.code”: mã đơn vị phải viết đúng dạng “TTH”"),
    (("office", "profiles"), [], "“office.profiles”: cần ít nhất 1"),
    (("office", "profiles", 0, "symbol"), " ", "“office.profiles[0].symbol”: không được để trống"),
    (("office", "profiles", 0, "parent_code"), "A_B", "“office.profiles[0].parent_code”: Mã đơn vị “A_B”"),
    (("narrative", 0, "section"), "NOPE", "“narrative[0].section”: mục “NOPE” không có trong mẫu kèm theo"),
    (("documents", 1, "ref"), "12-NQ/TU", "“documents[1]”: “ref” = “12-NQ/TU” bị trùng"),
    (("tasks", 0, "section"), "NOPE", "“tasks[0].section”: mục “NOPE”"),
    (("reviews",), [{"task_id": "a", "status": "done", "comment": ""}] * 2, "“reviews[1]”: “task_id” = “a”"),
    (("template", "sections", 0, "code"), "THVB", "(mẫu kèm theo, trường “template”): trường “sections[1].code”"),
    (("template", "sections", 0, "title"), 5, "“template.sections[0].title”: cần chuỗi, gặp số nguyên"),
    (("format_version",), 2, "dữ liệu báo cáo định dạng phiên bản 2 chưa được hỗ trợ"),
    (("format",), "baocao-template", "không phải dữ liệu báo cáo"),
    (("extra",), 1, "có trường lạ “extra”"),
])
def test_one_wrong_field_is_refused_naming_the_file_and_the_field(path, value, message):
    data = _seed()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(InputError) as refused:
        _load(data)
    assert str(refused.value).startswith("Tệp rev1.json") and message in str(refused.value), str(refused.value)
    with pytest.raises(InputError) as again:  # the same refusal for a dict already decoded (a sync package)
        dumpformat.check(data, source="Tệp rev1.json")
    assert message in str(again.value)


def _issued(sample) -> dict:
    report = sample.report("TTH", "2020-Q1")
    issuing.issue(sample, report, number="45", issued_on=dt.date(2020, 4, 5), signer_title="GIÁM ĐỐC",
                  signer_name="Nguyễn Văn A")
    return transfer.dump(sample, "TTH", "2020-Q1")


def _file(blob: bytes, kind: str = "scan") -> dict:
    return {"kind": kind, "name": "a.pdf", "sha256": hashlib.sha256(blob).hexdigest(),
            "data": base64.b64encode(blob).decode()}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["files"][0].update(data="!!!"), "“files[0].data”: không phải dữ liệu base64"),
    (lambda d: d["files"][0].update(data=d["files"][0]["data"][:-4]), "“files[0].sha256”: không khớp mã băm"),
    (lambda d: d["files"][0].update(sha256="0" * 64), "“files[0].sha256”: không khớp mã băm"),
    (lambda d: d["files"][0].update(sha256="A" * 64), "“files[0].sha256”: không đúng dạng"),
    (lambda d: d["files"][0].update(kind="exe"), "“files[0].kind”"),
    (lambda d: d["files"][0].update(name="../../x.pdf"), "“files[0].name”: không đúng dạng"),
    (lambda d: d["files"].append(_file(b"khac", "issued_pdf")), "“files”: chỉ có một bản PDF"),
    (lambda d: d["files"].append(dict(d["files"][0])), "“files[1]”: “sha256”"),
    (lambda d: d["report"].update(status="draft"), "“files”: chỉ báo cáo đã ban hành"),
])
def test_attached_files_must_be_what_they_claim(sample, change, message):
    data = _issued(sample)
    change(data)
    with pytest.raises(InputError, match="^Tệp x.json: ") as refused:
        dumpformat.load(_raw(data), source="Tệp x.json")
    assert message in str(refused.value)


@pytest.mark.parametrize("raw, message", [
    (b'{"format": "baocao-report", "x": "\\ud800"}', "không phải JSON hợp lệ"),
    (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "lồng nhau quá sâu"),
    (b'{"format": "baocao-report", "format_version": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "lồng nhau quá sâu"),
    (b"\x00\x01", "không phải JSON hợp lệ"),
    (b"[1, 2]", "cần đối tượng, gặp danh sách"),
])
def test_bytes_that_are_not_one_json_object_are_refused(raw, message):
    with pytest.raises(InputError, match=f"^Tệp x.json: .*{message}"):
        dumpformat.load(raw, source="Tệp x.json")


def test_a_key_given_twice_anywhere_is_refused():
    raw = SAMPLE.read_bytes().replace(b'"signer_title": "GI', b'"signer_title": "X", "signer_title": "GI', 1)
    with pytest.raises(InputError, match="“signer_title” xuất hiện hai lần"):
        dumpformat.load(raw, source="Tệp x.json")


def test_check_refuses_text_that_is_not_unicode_in_a_decoded_dict():
    data = _seed()
    data["report"]["summary"] = "a\ud800"
    with pytest.raises(InputError, match="^Gói HUE: .*JSON chuẩn"):
        dumpformat.check(data, source="Gói HUE")
    with pytest.raises(InputError, match="^Gói HUE: dữ liệu báo cáo phải là một đối tượng"):
        dumpformat.check([data], source="Gói HUE")


def test_read_file_reads_through_the_bounded_reader_and_checks(tmp_path):
    good = tmp_path / "tot.json"
    good.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())  # saved again by Notepad
    assert transfer.read_file(good) == json.loads(SAMPLE.read_bytes())
    bad = tmp_path / "rev1.json"
    data = _seed()
    data["values"][3]["note"] = ["a"]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"^Tệp rev1.json: trường “values\[3\].note”: cần chuỗi, gặp danh sách.$"):
        transfer.read_file(bad)
    for special in ("/dev/zero", tmp_path):
        with pytest.raises(UserError, match="không phải tệp thường"):
            transfer.read_file(special)


def test_a_large_dump_is_checked_quickly():
    """A dump near the size limit (a 40 MB scan) decodes and checks in well under a few seconds."""
    import time

    data = _seed()
    data["report"]["status"] = "issued"
    data["files"] = [_file(bytes(range(256)) * (40 * 4096))]
    raw = _raw(data)
    started = time.perf_counter()
    assert dumpformat.load(raw, source="Tệp lon.json")["files"][0]["sha256"] == data["files"][0]["sha256"]
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("raw", [b'{"format": "baocao-report", "x": "\\ud800"}', b'{"format": NaN}', b'{"a": 1',
                                 b"\xff", b'{"format": "\xff"}', b'{"format": "baocao-report"} x'])
def test_json_errors_are_told_in_vietnamese(raw):
    with pytest.raises(InputError) as refused:
        dumpformat.load(raw, source="Tệp x.json")
    message = str(refused.value)
    assert message.startswith("Tệp x.json: không phải JSON hợp lệ (")
    assert not re.search(r"\b(Input|Invalid|malformed|truncated|byte \d)", message), message
