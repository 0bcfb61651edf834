"""Derived reports (6 tháng, 9 tháng, n tháng, năm) print what their parts say, or an explicit override."""
from decimal import Decimal

from app.domain.period import Period
from app.output import printed
from app.reporting import derived


def _messages(found):
    return [f.message for f in found]


def test_a_typed_total_overrides_its_whole_family_and_is_reported(sample):
    h1 = sample.open_report("TTH", "2020-H1")
    sample.content.enter(h1, "VL_MOI", "5")
    data, found = derived.effective(sample, h1)
    assert data.values["VL_MOI"].number == 5
    assert "VL_NN" not in data.values  # its part is not taken from the quarters: one source per family
    messages = _messages(found)
    assert any("số nhập cho 6 tháng đầu năm 2020 là 5 người, cộng từ các kỳ là 2.607 người" in m for m in messages)
    assert any("VL_NN" in m and "176 người" in m and "cùng một nguồn" in m for m in messages)
    assert any(m.startswith("6 tháng đầu năm: chưa có số liệu Quý II năm 2020") for m in messages)
    body = [b.text for b in printed.build(sample, "TTH", "2020-H1").body]
    assert "- Giải quyết việc làm mới: 05 người." in body
    assert not [line for line in body if "nước ngoài theo hợp đồng:" in line and "176" in line]


def test_quarters_add_up_with_qualifier_plan_and_estimate_carried(sample):
    q1 = sample.report("TTH", "2020-Q1")
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_MOI", "ước khoảng 1.000")
    sample.content.enter(q2, "VL_NN", "24")
    value = sample.content.values(q1.id)["VL_MOI"]
    import msgspec

    sample.content.set_value(q1, msgspec.structs.replace(value, plan=Decimal(8560)))
    h1 = sample.open_report("TTH", "2020-H1")
    data, found = derived.effective(sample, h1)
    total = data.values["VL_MOI"]
    assert (total.number, total.qualifier, total.estimate, total.plan) == (3607, "khoảng", True, 8560)
    assert data.values["VL_NN"].number == 200
    assert not [f for f in found if f.rule in ("override", "missing_part")]
    body = [b.text for b in printed.build(sample, "TTH", "2020-H1").body]
    assert "- Giải quyết việc làm mới: khoảng 3.607 người." in body


def test_nine_months_names_each_missing_quarter(sample):
    data, found = derived.effective(sample, sample.open_report("TTH", "2020-9M"))
    missing = [f.message for f in found if f.rule == "missing_part"]
    assert [m.split(": chưa có số liệu ")[1].split(";")[0] for m in missing] == ["Quý II năm 2020", "Quý III năm 2020"]
    assert data.values["VL_MOI"].number == 2607


def test_typed_plan_is_kept_when_a_figure_is_typed(sample):
    import msgspec

    y = sample.open_report("TTH", "2020-Y")
    sample.content.enter(y, "VL_MOI", "9.000")
    sample.content.set_value(y, msgspec.structs.replace(sample.content.values(y.id)["VL_MOI"], plan=Decimal(8560)))
    values = derived.derive(sample, "TTH", Period.parse("2020-Y"), sample.template_of(y),
                            sample.content.values(y.id)).values
    assert (values["VL_MOI"].number, values["VL_MOI"].plan) == (9000, 8560)


def test_validate_of_a_derived_report_checks_what_it_prints(tmp_path):
    """Through the command line: the override and the missing quarter are named; exit stays 0 (warnings)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "bc.sqlite3"

    def cli(*args):
        return subprocess.run([sys.executable, str(root / "main.py"), "--db", str(db), *args],
                              capture_output=True, text=True)

    cli("demo")
    cli("set", "--office", "TTH", "--period", "2020-H1", "--indicator", "VL_MOI", "--value", "5")
    out = cli("validate", "--office", "TTH", "--period", "2020-H1").stdout
    assert "số nhập cho 6 tháng đầu năm 2020 là 5 người, cộng từ các kỳ là 2.607 người" in out
    assert "chưa có số liệu Quý II năm 2020" in out
