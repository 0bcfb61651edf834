"""Outliers: a figure outside mean ± k standard deviations of its last four periods, checked by hand."""
from decimal import Decimal

import msgspec
import pytest

from app.checks import outliers
from app.domain import template as template_mod
from app.domain.model import Value
from app.domain.period import Period
from app.errors import InputError
from app.reporting.derived import report_findings

# VL_MOI over 2019: 100, 110, 90, 100 people. Mean 100; squared deviations 0 + 100 + 100 + 0 = 200;
# sample variance 200 / 3 = 66,67; standard deviation 8,165; ± 2 → 83,67 – 116,33: whole numbers 84 – 116;
# ± 3 → 75,51 – 124,49: whole numbers 76 – 124.
SERIES = {"2019-Q1": 100, "2019-Q2": 110, "2019-Q3": 90, "2019-Q4": 100}


def _enter(store, series):
    for period, number in series.items():
        store.content.set_value(store.open_report("TTH", period), Value("VL_MOI", Decimal(number)))


def _outliers(store, period="2020-Q1"):
    return [f for f in report_findings(store, store.report("TTH", period)) if f.rule == "outlier"]


def test_the_usual_range_is_the_mean_plus_or_minus_two_sample_standard_deviations():
    usual = outliers.usual_range([Decimal(n) for n in SERIES.values()])
    assert usual.mean == 100
    assert usual.deviation.quantize(Decimal("0.001")) == Decimal("8.165")
    assert (usual.low.quantize(Decimal("0.01")), usual.high.quantize(Decimal("0.01"))) == (Decimal("83.67"),
                                                                                        Decimal("116.33"))


@pytest.mark.parametrize("number, flagged", [(2607, True), (117, True), (116, False), (84, False), (83, True)])
def test_a_figure_outside_the_range_of_the_last_four_quarters_is_a_warning_naming_the_range(sample, number, flagged):
    _enter(sample, SERIES)
    sample.content.set_value(sample.report("TTH", "2020-Q1"), Value("VL_MOI", Decimal(number)))
    found = _outliers(sample)
    assert [f.indicator for f in found] == (["VL_MOI"] if flagged else [])
    if flagged:
        assert found[0].message == (
            f"“Giải quyết việc làm mới” (VL_MOI) = {number:,} người nằm ngoài khoảng thường gặp 84 – 116 người "
            "(trung bình ± 2 độ lệch chuẩn của 4 kỳ Quý I năm 2019 – Quý IV năm 2019); hãy kiểm tra lại."
        ).replace(",", ".")


def test_nothing_is_judged_before_four_earlier_periods_have_the_figure(sample):
    _enter(sample, {p: n for p, n in SERIES.items() if p != "2019-Q1"})
    assert _outliers(sample) == []  # 2607 against three quarters only
    sample.content.set_value(sample.open_report("TTH", "2019-Q1"), Value("VL_NN", Decimal(5)))  # another figure
    assert _outliers(sample) == []


def test_the_template_sets_the_factor(sample):
    _enter(sample, SERIES)
    report = sample.report("TTH", "2020-Q1")
    data = sample.content.load(report)
    wide = msgspec.structs.replace(data, template=template_mod.from_dict(
        {**data.template.to_dict(), "version": data.template.version + 1, "outlier_factor": 3}))
    history = [(Period.parse(p), {"VL_MOI": Value("VL_MOI", Decimal(n))}) for p, n in reversed(SERIES.items())]
    for number, flagged in ((120, False), (124, False), (76, False), (125, True), (75, True)):
        data_n = msgspec.structs.replace(wide, values={"VL_MOI": Value("VL_MOI", Decimal(number))})
        found = outliers.outlier_findings(data_n, history)
        assert bool(found) == flagged, number
    assert "khoảng thường gặp 76 – 124 người (trung bình ± 3 độ lệch chuẩn" in found[0].message


def test_a_ratio_is_judged_by_its_share_and_a_lower_bound_never_goes_below_the_minimum(sample):
    history = [(Period(2019, f"Q{q}"), {"QTL_THAM_TRA": Value("QTL_THAM_TRA", Decimal(n), Decimal(10))})
               for q, n in zip((4, 3, 2, 1), (1, 2, 1, 2), strict=True)]  # shares 10%, 20%, 10%, 20%
    data = sample.content.load(sample.report("TTH", "2020-Q1"))  # 5/5: 100%
    found = [f for f in outliers.outlier_findings(data, history) if f.indicator == "QTL_THAM_TRA"]
    # mean 15%, deviation 5,774%: 15 ± 11,547 = 3,453% – 26,547%, shown inwards as 3,5% – 26,5%
    assert "= 100% nằm ngoài khoảng thường gặp 3,5% – 26,5%" in found[0].message
    history = [(p, {"VL_MOI": Value("VL_MOI", Decimal(n))}) for (p, _), n in zip(history, (0, 0, 0, 40), strict=True)]
    found = outliers.outlier_findings(msgspec.structs.replace(data, values={"VL_MOI": Value("VL_MOI", Decimal(90))}),
                                      history)
    assert "khoảng thường gặp 0 – 50 người" in found[0].message  # deviation √(1.200 / 3) = 20: 10 ± 40 would start at −30


def test_the_factor_is_checked_when_a_template_is_read(sample):
    base = sample.content.load(sample.report("TTH", "2020-Q1")).template.to_dict()
    assert "outlier_factor" not in base  # the shipped template keeps its fingerprint
    for bad in (0, 11, "abc", "-1"):
        with pytest.raises(InputError, match="outlier_factor"):
            template_mod.from_dict({**base, "version": 99, "outlier_factor": bad})
    assert template_mod.from_dict({**base, "version": 98, "outlier_factor": "2.5"}).to_dict()["outlier_factor"] == "2.5"
