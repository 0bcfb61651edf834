"""Reporting periods: months, quarters, six and nine months, the first n months, the year.

Written ``2021-M7`` (Tháng 7), ``2020-Q1`` … ``2020-Q4``, ``2020-H1`` (6 tháng đầu năm),
``2020-H2`` (6 tháng cuối năm), ``2020-9M``, ``2021-7M`` (7 tháng đầu năm; n = 1…12, with
``6M`` written ``H1`` and ``12M`` written ``Y``) and ``2020-Y``. Months and quarters are typed
by the operator (base periods); every longer period is built from the quarters and months
it is made of.
"""
from __future__ import annotations

import datetime as dt
import re

import msgspec

from app.errors import InputError

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<kind>Q[1-4]|H[12]|Y|M0?(?:1[0-2]|[1-9])|0?(?:1[0-2]|[1-9])M)$")
_FIXED = {"H1": (1, 6), "H2": (7, 12), "Y": (1, 12)}
_NAMES = {"H1": "6 tháng đầu năm", "H2": "6 tháng cuối năm", "Y": "năm"}


def _normal(kind: str) -> str:
    if kind.startswith("M"):
        return f"M{int(kind[1:])}"
    if kind.endswith("M"):
        n = int(kind[:-1])
        return {6: "H1", 12: "Y"}.get(n, f"{n}M")
    return kind


class Period(msgspec.Struct, frozen=True, order=True):
    """One reporting period. ``str(period)`` is its code, e.g. ``2020-Q1``."""

    year: int
    kind: str

    @classmethod
    def parse(cls, code: str) -> Period:
        match = _PATTERN.match(code.strip().upper()) if isinstance(code, str) and len(code) < 20 else None
        if not match or not 1900 <= int(match["year"]) <= 2999:
            raise InputError(
                f"Kỳ báo cáo “{str(code)[:20]}” không hợp lệ; viết như 2021-M7 (tháng), 2020-Q1 (quý), "
                "2020-H1, 2020-9M, 2021-7M (7 tháng đầu năm) hoặc 2020-Y."
            )
        return cls(int(match["year"]), _normal(match["kind"]))

    def __str__(self) -> str:
        return f"{self.year}-{self.kind}"

    # --- what the period covers ---------------------------------------------
    @property
    def months(self) -> tuple[int, ...]:
        if self.is_month:
            return (int(self.kind[1:]),)
        if self.is_quarter:
            q = int(self.kind[1])
            return (3 * q - 2, 3 * q - 1, 3 * q)
        first, last = _FIXED.get(self.kind) or (1, int(self.kind[:-1]))
        return tuple(range(first, last + 1))

    @property
    def quarters(self) -> tuple[int, ...]:
        """The quarters wholly inside the period (none for a single month)."""
        months = set(self.months)
        return tuple(q for q in range(1, 5) if {3 * q - 2, 3 * q - 1, 3 * q} <= months)

    @property
    def is_quarter(self) -> bool:
        return self.kind.startswith("Q")

    @property
    def is_month(self) -> bool:
        return self.kind.startswith("M")

    @property
    def is_base(self) -> bool:
        """Typed by the operator (a month or a quarter), not built from other periods."""
        return self.is_quarter or self.is_month

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Chronological: by the last month covered, shorter periods first."""
        return (self.year, self.months[-1], len(self.months))

    # --- names ----------------------------------------------------------------
    @property
    def name(self) -> str:
        """The period without its year: "Quý I", "Tháng 7", "6 tháng đầu năm", "7 tháng đầu năm"."""
        if self.is_quarter:
            return f"Quý {_ROMAN[int(self.kind[1])]}"
        if self.is_month:
            return f"Tháng {self.kind[1:]}"
        return _NAMES.get(self.kind) or f"{len(self.months)} tháng đầu năm"

    @property
    def label(self) -> str:
        """"Quý I năm 2020", "Tháng 7 năm 2021", "6 tháng đầu năm 2020", "năm 2020"."""
        if self.kind == "Y":
            return f"năm {self.year}"
        if self.is_base:
            return f"{self.name} năm {self.year}"
        return f"{self.name} {self.year}"

    # --- dates ----------------------------------------------------------------
    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.months[0], 1)

    @property
    def end(self) -> dt.date:
        last_month = self.months[-1]
        if last_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, last_month + 1, 1) - dt.timedelta(days=1)

    def cutoff(self, day: int = 15) -> tuple[dt.date, dt.date]:
        """The data window (Nghị định 09/2019/NĐ-CP, Điều 12).

        From day ``day`` of the month before the period to the day before
        ``day`` in its last month: Q1 2020 runs 15/12/2019 – 14/3/2020, July
        2021 runs 15/6/2021 – 14/7/2021.
        """
        before = self.start - dt.timedelta(days=1)
        begin = before.replace(day=day)
        end = dt.date(self.year, self.months[-1], day) - dt.timedelta(days=1)
        return begin, end

    # --- related periods ----------------------------------------------------
    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind)

    def next(self) -> Period:
        """The period whose tasks this report plans: Q1 → Q2, Q4 → next year's Q1, 7M → Tháng 8."""
        if self.is_month or (not self.is_quarter and self.kind not in _FIXED and self.kind != "9M"):
            last = self.months[-1]
            return Period(self.year + 1, "M1") if last == 12 else Period(self.year, f"M{last + 1}")
        following = {"Q1": "Q2", "Q2": "Q3", "Q3": "Q4", "H1": "H2", "9M": "Q4"}
        if self.kind == "Q4":
            return Period(self.year + 1, "Q1")
        if self.kind in ("H2", "Y"):
            return Period(self.year + 1, "H1" if self.kind == "H2" else "Y")
        return Period(self.year, following[self.kind])

    def previous(self) -> Period:
        """The base period just before this one starts (last period's tasks come from there)."""
        if self.is_month:
            month = int(self.kind[1:])
            return Period(self.year - 1, "M12") if month == 1 else Period(self.year, f"M{month - 1}")
        return self.previous_quarter()

    def previous_quarter(self) -> Period:
        """The quarter before this period starts."""
        first = (self.months[0] - 1) // 3 + 1
        if first == 1:
            return Period(self.year - 1, "Q4")
        return Period(self.year, f"Q{first - 1}")

    def parts(self) -> list[Period]:
        """The base periods this one is built from: whole quarters, then the months left over."""
        if self.is_base:
            return [self]
        quarters = self.quarters
        covered = {m for q in quarters for m in (3 * q - 2, 3 * q - 1, 3 * q)}
        return [Period(self.year, f"Q{q}") for q in quarters] + \
            [Period(self.year, f"M{m}") for m in self.months if m not in covered]

    def quarter_periods(self) -> list[Period]:
        """The base periods this one is built from (quarters, and months for a part quarter)."""
        return self.parts()

    def year_to_date(self) -> list[Period]:
        """Base periods from January to the end of this period (lũy kế)."""
        return Period.first_months(self.year, self.months[-1]).parts()

    @classmethod
    def first_months(cls, year: int, n: int) -> Period:
        """January to month ``n``: "nM", written H1 for 6 and Y for 12."""
        kind = {3: "Q1", 6: "H1", 9: "9M", 12: "Y"}.get(n) or ("M1" if n == 1 else f"{n}M")
        return cls(year, kind)
