"""Trends of an indicator: its figures over the last periods of the report's kind and the same
periods a year before, as the reports print them (longer periods built from their parts).

Also which indicators a report's appendix "Biểu đồ" draws: the report's own choice, else the
template's ``charts`` list.
"""
from __future__ import annotations

import json
from decimal import Decimal

import msgspec

from app.domain import formatting
from app.domain.period import Period
from app.domain.template import Indicator, Template
from app.errors import InputError
from app.reporting import aggregate
from app.storage.store import Store

SPAN = 8  # periods drawn
MAX_CHARTS = 12  # charts one appendix may draw
_MILLION = Decimal(10) ** 6


class Point(msgspec.Struct, frozen=True):
    period: Period
    value: Decimal | None  # None: no figure for that period

    @property
    def label(self) -> str:
        """"Quý I/2020", "Tháng 7/2021", "6 tháng đầu năm/2020", "Năm 2020"."""
        return f"Năm {self.period.year}" if self.period.kind == "Y" else f"{self.period.name}/{self.period.year}"


class Trend(msgspec.Struct, frozen=True):
    code: str
    label: str
    unit: str  # the unit the points are in ("người", "triệu đồng")
    current: tuple[Point, ...]  # the last ``SPAN`` periods, oldest first, ending at the report's
    prior: tuple[Point, ...]  # each of those periods a year before

    @property
    def title(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit else self.label

    def has_figures(self) -> bool:
        return any(p.value is not None for p in self.current + self.prior)


class OfficeBars(msgspec.Struct, frozen=True):
    """A consolidated report's figure of one indicator, office by office."""

    code: str
    label: str
    unit: str
    bars: tuple[tuple[str, Decimal | None], ...]  # (office code, figure)

    @property
    def title(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit else self.label


def step_back(period: Period) -> Period:
    """The period of the same kind just before: Q1 2020 → Q4 2019, H1 → H2 of the year before,
    Tháng 1 → Tháng 12; a nine-month, n-month or annual period → the same one a year before."""
    if period.is_month:
        month = int(period.kind[1:])
        return Period(period.year - 1, "M12") if month == 1 else Period(period.year, f"M{month - 1}")
    if period.is_quarter:
        q = int(period.kind[1])
        return Period(period.year - 1, "Q4") if q == 1 else Period(period.year, f"Q{q - 1}")
    if period.kind == "H2":
        return Period(period.year, "H1")
    if period.kind == "H1":
        return Period(period.year - 1, "H2")
    return period.same_period_last_year()


def window(period: Period, span: int = SPAN) -> list[Period]:
    """The ``span`` periods of ``period``'s kind ending with it, oldest first."""
    out = [period]
    while len(out) < span:
        out.append(step_back(out[-1]))
    return out[::-1]


def figures(store: Store, office_code: str, period: Period, template: Template) -> dict:
    """The figures ``period`` prints: a quarter from its months when it has no report of its own,
    a longer period built from its parts (``derived``)."""
    if period.is_base:
        return aggregate.combine(template, aggregate.base_values(store, office_code, period))
    return aggregate.period_values(store, office_code, period, template)


def trend(store: Store, office_code: str, period: Period, template: Template, code: str,
          span: int = SPAN, cache: dict[Period, dict] | None = None) -> Trend:
    """The indicator ``code`` over the ``span`` periods ending at ``period`` and a year before.

    ``cache`` keeps each period's figures for the office's next trend under the same template.
    """
    indicator = _indicator(template, code)
    periods = window(period, span)
    cache = {} if cache is None else cache

    def value(p: Period) -> Decimal | None:
        if p not in cache:
            cache[p] = figures(store, office_code, p, template)
        found = cache[p].get(code)
        return found.number if found is not None else None

    def year_before(p: Period) -> Decimal | None:
        """The figure of ``p`` a year before: its own report's, else the "cùng kỳ" typed on ``p``'s."""
        stored = value(p.same_period_last_year())
        typed = aggregate.stored_values(store, office_code, p).get(code) if stored is None else None
        return stored if typed is None else typed.prior_year

    current = [Point(p, value(p)) for p in periods]
    prior = [Point(p.same_period_last_year(), year_before(p)) for p in periods]
    unit, divisor = display_unit(indicator, [p.value for p in current + prior])
    scale = (lambda v: v if v is None else v / divisor) if divisor != 1 else (lambda v: v)
    return Trend(code, indicator.label, unit, tuple(Point(p.period, scale(p.value)) for p in current),
                 tuple(Point(p.period, scale(p.value)) for p in prior))


def display_unit(indicator: Indicator, values: list[Decimal | None]) -> tuple[str, Decimal]:
    """The unit a chart shows and the divisor into it: money of millions in "triệu đồng"."""
    if indicator.kind == "money":
        biggest = max((abs(v) for v in values if v is not None), default=Decimal(0))
        return ("triệu đồng", _MILLION) if biggest >= 10 * _MILLION else ("đồng", Decimal(1))
    if indicator.kind == "percent":
        return "%", Decimal(1)
    return indicator.unit, Decimal(1)


def office_bars(template: Template, code: str, by_office: dict[str, dict]) -> OfficeBars:
    """The indicator's figure office by office, from a consolidation's figures per office."""
    indicator = _indicator(template, code)
    numbers = [(office, v.number if (v := values.get(code)) is not None else None)
               for office, values in by_office.items()]
    unit, divisor = display_unit(indicator, [n for _, n in numbers])
    return OfficeBars(code, indicator.label, unit,
                      tuple((office, None if n is None else n / divisor) for office, n in numbers))


def consolidated_bars(store: Store, office_code: str, period: Period, template: Template,
                      by_office: dict[str, dict]) -> tuple[OfficeBars, ...]:
    """Bars by office for each indicator the consolidated report's appendix draws."""
    bars = (office_bars(template, c, by_office) for c in chosen(store, office_code, period, template))
    return tuple(b for b in bars if any(n is not None for _, n in b.bars))


def _indicator(template: Template, code: str) -> Indicator:
    if code not in template.indicators:
        raise InputError(f"Mẫu báo cáo {template.key} không có chỉ tiêu “{code[:40]}”.")
    return template.indicators[code]


def number_text(value: Decimal | None) -> str:
    """A chart's figure in Vietnamese: "2.607", "13,3"; "–" for none."""
    if value is None:
        return "–"
    return formatting.number(formatting.rounded(value, 1) if abs(value) >= 100 else formatting.rounded(value, 2))


# --- which indicators the appendix draws ---------------------------------------------------

def chart_key(office_code: str, period: Period) -> str:
    return f"charts:{office_code}:{period}"


def chosen(store: Store, office_code: str, period: Period, template: Template) -> tuple[str, ...]:
    """The report's own choice of charts when it has one, else the template's; codes the template
    does not have are dropped."""
    text = store.setting_rows.get(chart_key(office_code, period))
    codes = template.charts
    if text is not None:
        try:
            loaded = json.loads(text)
            codes = tuple(c for c in loaded if isinstance(c, str)) if isinstance(loaded, list) else codes
        except json.JSONDecodeError:
            pass
    return tuple(c for c in codes if c in template.indicators)[:MAX_CHARTS]


def choose(store: Store, office_code: str, period: Period, template: Template,
           codes: list[str] | None) -> tuple[str, ...]:
    """Set the report's charts (``None``: back to the template's); refuses codes the template lacks."""
    key = chart_key(office_code, period)
    old = store.setting_rows.get(key)
    if codes is None:
        store.setting_rows.put({key: ("null", old, None)}, office_code)
        return chosen(store, office_code, period, template)
    unique = list(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    unknown = [c for c in unique if c not in template.indicators]
    if unknown:
        raise InputError(f"Mẫu báo cáo {template.key} không có chỉ tiêu {', '.join(unknown)[:200]}; "
                         "xem mã chỉ tiêu trong mẫu báo cáo.")
    if len(unique) > MAX_CHARTS:
        raise InputError(f"Phụ lục biểu đồ vẽ tối đa {MAX_CHARTS} chỉ tiêu; đã chọn {len(unique)}.")
    text = json.dumps(unique)
    store.setting_rows.put({key: (text, old, text)}, office_code)
    return tuple(unique)


def report_charts(store: Store, office_code: str, period: Period, template: Template) -> tuple[Trend, ...]:
    """The trends the report's appendix draws (only those with a figure somewhere)."""
    figures_of: dict[Period, dict] = {}  # every chart reads the same periods
    trends = (trend(store, office_code, period, template, c, cache=figures_of)
              for c in chosen(store, office_code, period, template))
    return tuple(t for t in trends if t.has_figures())
