"""Reporting periods: quarters, six months, nine months, the year.

Written ``2020-Q1`` … ``2020-Q4``, ``2020-H1`` (6 tháng đầu năm), ``2020-H2``
(6 tháng cuối năm), ``2020-9M`` and ``2020-Y``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.errors import InputError

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<kind>Q[1-4]|H[12]|9M|Y)$")
# Quarters each kind is made of: six-month, nine-month and annual reports are
# built from the quarters already entered.
_QUARTERS = {
    "Q1": (1,), "Q2": (2,), "Q3": (3,), "Q4": (4,),
    "H1": (1, 2), "H2": (3, 4), "9M": (1, 2, 3), "Y": (1, 2, 3, 4),
}
_NEXT = {"Q1": "Q2", "Q2": "Q3", "Q3": "Q4", "H1": "H2", "9M": "Q4"}


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period. ``str(period)`` is its code, e.g. ``2020-Q1``."""

    year: int
    kind: str

    @classmethod
    def parse(cls, code: str) -> Period:
        match = _PATTERN.match(code.strip().upper())
        if not match or not 1900 <= int(match["year"]) <= 2999:
            raise InputError(
                f"Kỳ báo cáo “{code}” không hợp lệ; viết như 2020-Q1, 2020-H1, 2020-9M hoặc 2020-Y."
            )
        return cls(int(match["year"]), match["kind"])

    def __str__(self) -> str:
        return f"{self.year}-{self.kind}"

    @property
    def quarters(self) -> tuple[int, ...]:
        return _QUARTERS[self.kind]

    @property
    def is_quarter(self) -> bool:
        return self.kind.startswith("Q")

    @property
    def name(self) -> str:
        """The period without its year: "Quý I", "6 tháng đầu năm"."""
        if self.is_quarter:
            return f"Quý {_ROMAN[int(self.kind[1])]}"
        return {
            "H1": "6 tháng đầu năm",
            "H2": "6 tháng cuối năm",
            "9M": "9 tháng đầu năm",
            "Y": "năm",
        }[self.kind]

    @property
    def label(self) -> str:
        """"Quý I năm 2020", "6 tháng đầu năm 2020", "năm 2020"."""
        if self.kind == "Y":
            return f"năm {self.year}"
        if self.is_quarter:
            return f"{self.name} năm {self.year}"
        return f"{self.name} {self.year}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarters[0] - 2, 1)

    @property
    def end(self) -> dt.date:
        last_month = 3 * self.quarters[-1]
        if last_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, last_month + 1, 1) - dt.timedelta(days=1)

    def cutoff(self, day: int = 15) -> tuple[dt.date, dt.date]:
        """The data window (Nghị định 09/2019/NĐ-CP, Điều 12).

        From day ``day`` of the month before the period to the day before
        ``day`` in its last month: Q1 2020 runs 15/12/2019 – 14/3/2020.
        """
        first = self.start.replace(day=1) - dt.timedelta(days=1)
        begin = first.replace(day=day)
        last_month = 3 * self.quarters[-1]
        end = dt.date(self.year, last_month, day) - dt.timedelta(days=1)
        return begin, end

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind)

    def next(self) -> Period:
        """The period whose tasks this report plans: Q1 → Q2, Q4 → next year's Q1."""
        if self.kind == "Q4":
            return Period(self.year + 1, "Q1")
        if self.kind in ("H2", "Y"):
            return Period(self.year + 1, "H1" if self.kind == "H2" else "Y")
        return Period(self.year, _NEXT[self.kind])

    def previous_quarter(self) -> Period:
        """The quarter before this period starts (last period's tasks come from there)."""
        first = self.quarters[0]
        if first == 1:
            return Period(self.year - 1, "Q4")
        return Period(self.year, f"Q{first - 1}")

    def quarter_periods(self) -> list[Period]:
        return [Period(self.year, f"Q{q}") for q in self.quarters]

    def year_to_date(self) -> list[Period]:
        """Quarters from January to the end of this period (lũy kế)."""
        return [Period(self.year, f"Q{q}") for q in range(1, self.quarters[-1] + 1)]
