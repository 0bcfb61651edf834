import copy
import json

import pytest

from app import paths
from app.domain.template import from_dict, load_file
from app.errors import InputError

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
    (lambda d: d.update(colour="red"), "không được hỗ trợ: colour"),
    (lambda d: _first_indicator(d).update(weight=3), "không được hỗ trợ: weight"),
    (lambda d: _first_indicator(d).update(kind="weird"), "kind"),
    (lambda d: _first_indicator(d).update(parent="NO_SUCH", part="partial"), "không có trong mẫu"),
    (lambda d: _first_indicator(d).update(parent="VB_BAN_HANH"), "part"),
    (lambda d: _first_indicator(d).update(code="vl moi"), "chỉ gồm chữ in hoa"),
    (lambda d: _first_indicator(d).update(code="VB_BAN_HANH"), "trùng"),
    (lambda d: _first_indicator(d).update(rules=[{"op": "<=", "other": "NOPE"}]), "NOPE"),
    (lambda d: d["sections"][1].update(code="CDDH"), "trùng"),
    (lambda d: d.update(format_version=99), "chưa được hỗ trợ"),
    (lambda d: d.update(format="other"), "không phải là mẫu"),
    (lambda d: d.update(version=0), "version"),
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
    (lambda d: _first_indicator(d).update(min="abc"), "không phải là số"),
    (lambda d: _first_indicator(d).update(min="10", max="5"), "nhỏ nhất lớn hơn"),
    (lambda d: d.update(cutoff_day=40), "1 đến 28"),
    (lambda d: d.update(summary="Báo cáo {khong_co}"), "chỗ giữ"),
    (lambda d: d.update(code="LDTBXH QUY/../x"), "Mã mẫu"),
])
def test_bad_values_in_a_template_are_refused(raw, change, message):
    with pytest.raises(InputError, match=message):
        from_dict(_mutate(raw, change))
