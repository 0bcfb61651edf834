import copy
import json

import pytest

from app import paths
from app.domain.template import from_dict, load_file
from app.errors import InputError, UserError

DEFAULT = paths.resource("templates", "ldtbxh-quy.json")


@pytest.fixture
def raw():
    return json.loads(DEFAULT.read_text(encoding="utf-8"))


def test_default_template_covers_every_part_of_the_seed():
    template = load_file(DEFAULT)
    numbers = [(s.number, s.title) for s in template.section_list()]
    assert [n for n, _ in numbers] == [
        "1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "4", "4.1", "4.2", "4.3",
    ]
    assert numbers[3][1] == "Công tác giải quyết việc làm – an toàn lao động"
    assert template.indicators["VL_MOI"].unit == "người"
    assert template.indicators["VL_NN"].parent == "VL_MOI"
    assert template.indicators["TTLD_DK_TRUC_TIEP"].part == "exhaustive"
    assert template.indicators["CN_DANG_CAI"].time == "stock"
    assert template.indicators["BHTN_TIEN"].kind == "money"
    assert template.indicators["QTL_THAM_TRA"].kind == "ratio"


def test_file_format_round_trips(raw):
    """Writing a template back gives the file it was read from."""
    assert load_file(DEFAULT).to_dict() == raw


def _mutate(raw, fn):
    data = copy.deepcopy(raw)
    fn(data)
    return data


def _first_indicator(data):
    return data["sections"][1]["indicators"][0]


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(colour="red"), "có trường lạ “colour”"),
    (lambda d: _first_indicator(d).update(weight=3), r"“sections\[1\].indicators\[0\]”: có trường lạ “weight”"),
    (lambda d: _first_indicator(d).update(kind="weird"), r"“sections\[1\].indicators\[0\].kind”: giá trị 'weird'"),
    (lambda d: _first_indicator(d).update(parent="NO_SUCH", part="partial"), "“NO_SUCH” không có trong mẫu"),
    (lambda d: _first_indicator(d).update(parent="VB_BAN_HANH"), r"indicators\[0\].part”: .*nói rõ “part”"),
    (lambda d: _first_indicator(d).update(code="vl moi"), "mã chỉ tiêu “vl moi” chỉ gồm chữ in hoa"),
    (lambda d: _first_indicator(d).update(code="VB_BAN_HANH"), "mã chỉ tiêu “VB_BAN_HANH” bị trùng"),
    (lambda d: _first_indicator(d).update(rules=[{"op": "<=", "other": "NOPE"}]), "quy tắc so với “NOPE”"),
    (lambda d: d["sections"][1].update(code="CDDH"), r"“sections\[1\].code”: mã mục “CDDH” bị trùng"),
    (lambda d: d.update(format_version=99), "phiên bản 99 chưa được hỗ trợ"),
    (lambda d: d.update(format="other"), "không phải là mẫu"),
    (lambda d: d.update(version=0), "“version”: phải ≥ 1"),
])
def test_malformed_templates_are_refused(raw, change, message):
    with pytest.raises(InputError, match=message):
        from_dict(_mutate(raw, change))


def test_trong_do_cycles_are_refused(raw):
    def cycle(d):
        inds = d["sections"][1]["indicators"]
        inds[1]["parent"], inds[1]["part"] = "VB_BAN_HANH", "partial"  # VB_BAN_HANH under itself's child
        inds[2]["parent"], inds[2]["part"] = "VB_BAN_HANH", "partial"
        inds[1]["code"], inds[2]["parent"] = "VB_BAN_HANH", "VB_CHI_DAO_UBND"
        inds[1]["parent"] = "VB_CHI_DAO_UBND"
    with pytest.raises(InputError):
        from_dict(_mutate(raw, cycle))


def test_fingerprint_changes_with_content(raw):
    a = from_dict(raw)
    b = from_dict(_mutate(raw, lambda d: _first_indicator(d).update(label="Khác")))
    assert a.fingerprint != b.fingerprint
    assert a.fingerprint == from_dict(copy.deepcopy(raw)).fingerprint


@pytest.mark.parametrize("change, message", [
    (lambda d: _first_indicator(d).update(min="abc"), r"indicators\[0\].min”: giới hạn “abc” không phải là số"),
    (lambda d: _first_indicator(d).update(min="1E+999999999"), "hữu hạn, tối đa 30 chữ số"),
    (lambda d: _first_indicator(d).update(min="Infinity"), "hữu hạn"),
    (lambda d: _first_indicator(d).update(max="NaN"), r"\.max”: giới hạn phải là một số hữu hạn"),
    (lambda d: _first_indicator(d).update(min="10", max="5"), "nhỏ nhất lớn hơn"),
    (lambda d: _first_indicator(d).update(min=1.5), r"“sections\[1\].indicators\[0\].min”: cần số nguyên hoặc chuỗi hoặc null, gặp số thực"),
    (lambda d: d.update(cutoff_day=40), "“cutoff_day”: ngày chốt số liệu phải từ 1 đến 28"),
    (lambda d: d.update(summary="Báo cáo {khong_co}"), "“summary”: chỉ được dùng chỗ giữ"),
    (lambda d: d.update(code="LDTBXH QUY/../x"), "mã mẫu báo cáo “LDTBXH QUY/../x”"),
])
def test_bad_values_in_a_template_are_refused(raw, change, message):
    with pytest.raises(InputError, match=message):
        from_dict(_mutate(raw, change))


def _write(tmp_path, data) -> object:
    path = tmp_path / "mau.json"
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return path


def test_a_template_file_is_read_with_a_byte_order_mark(tmp_path, raw):
    """Notepad's UTF-8 byte-order mark does not stop a template from loading, and changes nothing."""
    path = _write(tmp_path, b"\xef\xbb\xbf" + json.dumps(raw, ensure_ascii=False).encode())
    assert load_file(path).fingerprint == load_file(DEFAULT).fingerprint


@pytest.mark.parametrize("content, message", [
    (b'{"format": "baocao-template", "format": "x"}', "khóa “format” xuất hiện hai lần"),
    (b"{\"a\":" * 100_000 + b"1" + b"}" * 100_000, "lồng nhau quá sâu"),
    (b'{"format": "baocao-template", "x": "\\ud800"}', "không phải JSON hợp lệ"),
    (b"\xff\xfe{}", "không phải JSON hợp lệ"),
    (b"[]", "cần đối tượng, gặp danh sách"),
    (b"", "không phải JSON hợp lệ"),
])
def test_files_that_are_not_json_objects_are_refused_naming_the_file(tmp_path, content, message):
    with pytest.raises(InputError, match=f"^Tệp mau.json: .*{message}"):
        load_file(_write(tmp_path, content))


def _nest(depth: int) -> dict:
    section = {"code": f"S{depth}", "title": "Mục", "indicators": [], "children": []}
    for level in range(depth - 1, 0, -1):
        section = {"code": f"S{level}", "title": "Mục", "indicators": [], "children": [section]}
    return section


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(sections=[_nest(7)]), r"“sections\[0\](\.children\[0\]){6}”: mục lồng nhau quá 6 cấp"),
    (lambda d: d.update(sections=[_nest(400)]), "lồng nhau quá"),
    (lambda d: d.update(sections=[{"code": f"S{i}", "title": "x"} for i in range(201)]), "dài quá 200"),
    (lambda d: d["sections"].extend({"code": f"S{i}", "title": "x", "children": [{"code": f"T{i}", "title": "y"}]}
                                    for i in range(120)), "quá lớn .tối đa 200 mục"),
    (lambda d: d["sections"][0].update(indicators=[{"code": f"I{i}", "label": "x"} for i in range(2001)]),
     "dài quá 2000"),
    (lambda d: _first_indicator(d).update(label="x" * 1_000_000), r"indicators\[0\].label”: dài quá 2000"),
    (lambda d: _first_indicator(d).update(label="   "), r"indicators\[0\].label”: không được để trống"),
    (lambda d: _first_indicator(d).update(unit=None), r"indicators\[0\].unit”: cần chuỗi, gặp null"),
    (lambda d: _first_indicator(d).update(appendix="yes"), r"indicators\[0\].appendix”: cần true/false, gặp chuỗi"),
    (lambda d: _first_indicator(d).update(code="Ж" + "A" * 5), "mã chỉ tiêu “ЖAAAAA”"),
    (lambda d: _first_indicator(d).update(code="A" * 41), "tối đa 40 ký tự"),
    (lambda d: _first_indicator(d).update(rules=[{"op": "<=", "other": "VL_MOI", "x": 1}]), "có trường lạ “x”"),
    (lambda d: _first_indicator(d).update(rules=[{"op": "~", "other": "VL_MOI"}]), r"rules\[0\].op”"),
    (lambda d: d.update(version="1"), "“version”: cần số nguyên, gặp chuỗi"),
    (lambda d: d.update(version=True), "“version”: cần số nguyên, gặp true/false"),
    (lambda d: d.update(format_version=True), "chưa được hỗ trợ"),
    (lambda d: d.update(title=["a"]), "“title”: cần chuỗi, gặp danh sách"),
    (lambda d: d.pop("title"), "thiếu trường “title”"),
    (lambda d: d.update(sections={"a": 1}), "“sections”: cần danh sách, gặp đối tượng"),
])
def test_each_part_of_a_template_file_is_bounded_and_typed(tmp_path, raw, change, message):
    """Depth, counts, lengths, types and code shapes are refused naming the file and the field."""
    with pytest.raises(InputError, match=f"^Tệp mau.json: .*{message}"):
        load_file(_write(tmp_path, _mutate(raw, change)))


def test_special_and_oversized_files_are_refused_before_reading(tmp_path):
    import os

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (4 * 1024 * 1024 + 1))
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for path, message in ((big, "quá lớn"), (fifo, "không phải tệp thường"), ("/dev/zero", "không phải tệp thường"),
                          (tmp_path, "không phải tệp thường"), (tmp_path / "none.json", "Không đọc được")):
        with pytest.raises(UserError, match=message):
            load_file(path)


def test_a_cached_template_is_not_returned_for_a_form_that_only_compares_equal(raw):
    """``true`` is not ``1``: a form read before does not let a loosely equal one through."""
    from_dict(raw)
    for change in (lambda d: d.update(version=True), lambda d: _first_indicator(d).update(appendix=1),
                   lambda d: d.update(cutoff_day=15.0)):
        with pytest.raises(InputError, match="^Mẫu báo cáo: trường"):
            from_dict(_mutate(raw, change))


def test_text_that_is_not_unicode_is_refused_in_a_decoded_form(raw):
    with pytest.raises(InputError, match="^Gói HUE: .*JSON chuẩn"):
        from_dict(_mutate(raw, lambda d: _first_indicator(d).update(label="a\ud800")), source="Gói HUE")
