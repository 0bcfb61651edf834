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


@pytest.mark.parametrize("bad", ["2020", "2020-Q5", "Q1-2020", "20-Q1", "2020-M3", ""])
def test_bad_period_codes_are_refused(bad):
    with pytest.raises(InputError, match="không hợp lệ"):
        Period.parse(bad)
