import datetime as dt

import pytest

from app.domain.period import Period
from app.errors import InputError


@pytest.mark.parametrize("code, label", [
    ("2020-Q1", "Quý I năm 2020"),
    ("2020-Q4", "Quý IV năm 2020"),
    ("2020-H1", "6 tháng đầu năm 2020"),
    ("2020-H2", "6 tháng cuối năm 2020"),
    ("2020-9M", "9 tháng đầu năm 2020"),
    ("2020-Y", "năm 2020"),
])
def test_labels(code, label):
    period = Period.parse(code)
    assert period.label == label
    assert str(period) == code


def test_cutoff_follows_decree_09_2019():
    """A quarter's data runs from the 15th of the month before to the 14th of its last month."""
    assert Period.parse("2020-Q1").cutoff() == (dt.date(2019, 12, 15), dt.date(2020, 3, 14))
    assert Period.parse("2020-Q3").cutoff() == (dt.date(2020, 6, 15), dt.date(2020, 9, 14))
    assert Period.parse("2020-Y").cutoff() == (dt.date(2019, 12, 15), dt.date(2020, 12, 14))
    assert Period.parse("2020-Q2").cutoff(day=20) == (dt.date(2020, 3, 20), dt.date(2020, 6, 19))


def test_same_period_and_next_period():
    q1 = Period.parse("2020-Q1")
    assert str(q1.same_period_last_year()) == "2019-Q1"
    assert str(q1.next()) == "2020-Q2"
    assert str(Period.parse("2020-Q4").next()) == "2021-Q1"
    assert str(Period.parse("2020-H1").next()) == "2020-H2"
    assert str(Period.parse("2020-9M").next()) == "2020-Q4"
    assert str(Period.parse("2020-Y").next()) == "2021-Y"


def test_multi_quarter_periods_are_made_of_quarters():
    assert [str(p) for p in Period.parse("2020-9M").quarter_periods()] == ["2020-Q1", "2020-Q2", "2020-Q3"]
    assert [str(p) for p in Period.parse("2020-Q3").year_to_date()] == ["2020-Q1", "2020-Q2", "2020-Q3"]
    assert Period.parse("2020-H2").start == dt.date(2020, 7, 1)
    assert Period.parse("2020-H1").end == dt.date(2020, 6, 30)


@pytest.mark.parametrize("bad", ["2020", "2020-Q5", "Q1-2020", "20-Q1", "2020-M13", "2020-13M", "2020-0M", "2020-M0", ""])
def test_bad_period_codes_are_refused(bad):
    with pytest.raises(InputError, match="không hợp lệ"):
        Period.parse(bad)


@pytest.mark.parametrize("code, label, parts, months", [
    ("2021-M7", "Tháng 7 năm 2021", ["2021-M7"], (7,)),
    ("2021-m07", "Tháng 7 năm 2021", ["2021-M7"], (7,)),
    ("2021-7M", "7 tháng đầu năm 2021", ["2021-Q1", "2021-Q2", "2021-M7"], tuple(range(1, 8))),
    ("2021-6M", "6 tháng đầu năm 2021", ["2021-Q1", "2021-Q2"], tuple(range(1, 7))),
    ("2021-12M", "năm 2021", ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"], tuple(range(1, 13))),
    ("2021-9M", "9 tháng đầu năm 2021", ["2021-Q1", "2021-Q2", "2021-Q3"], tuple(range(1, 10))),
    ("2021-2M", "2 tháng đầu năm 2021", ["2021-M1", "2021-M2"], (1, 2)),
    ("2021-11M", "11 tháng đầu năm 2021", ["2021-Q1", "2021-Q2", "2021-Q3", "2021-M10", "2021-M11"],
     tuple(range(1, 12))),
])
def test_months_and_first_months(code, label, parts, months):
    period = Period.parse(code)
    assert period.label == label
    assert [str(p) for p in period.parts()] == parts
    assert period.months == months
    assert str(period.same_period_last_year()) == f"2020-{period.kind}"


def test_month_dates_windows_and_neighbours():
    july = Period.parse("2021-M7")
    assert (july.start, july.end) == (dt.date(2021, 7, 1), dt.date(2021, 7, 31))
    assert july.cutoff() == (dt.date(2021, 6, 15), dt.date(2021, 7, 14))
    assert str(july.next()) == "2021-M8" and str(july.previous()) == "2021-M6"
    assert str(Period.parse("2021-M12").next()) == "2022-M1"
    assert str(Period.parse("2021-M1").previous()) == "2020-M12"
    assert str(Period.parse("2021-7M").next()) == "2021-M8"
    assert [str(p) for p in Period.parse("2021-M8").year_to_date()] == ["2021-Q1", "2021-Q2", "2021-M7", "2021-M8"]
    assert Period.parse("2021-M7").sort_key < Period.parse("2021-7M").sort_key < Period.parse("2021-M8").sort_key


def test_a_first_months_report_is_built_from_quarters_and_months(sample):
    """7 tháng = Q1 + Q2 + Tháng 7; a quarter without its own report is made of its months."""
    from app.reporting import aggregate

    sample.add_office("PL", "district", sample.office("TTH").current.__class__(
        valid_from=dt.date(2020, 1, 1), name="PHÒNG LĐTBXH", authority="UBND", place="Phú Lộc", symbol="LĐTBXH"))
    for period, figure in (("2021-Q1", "100"), ("2021-M4", "10"), ("2021-M5", "20"), ("2021-M6", "30"),
                           ("2021-M7", "7")):
        sample.content.enter(sample.open_report("PL", period), "VL_MOI", figure)
    report = sample.open_report("PL", "2021-7M")
    template = sample.template_of(report)
    values = aggregate.period_values(sample, "PL", Period.parse("2021-7M"), template)
    assert values["VL_MOI"].number == 100 + 10 + 20 + 30 + 7
    h1 = aggregate.period_values(sample, "PL", Period.parse("2021-H1"), template)
    assert h1["VL_MOI"].number == 160
