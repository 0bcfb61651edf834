"""What each cell of the figures grid says, as the operator reads and types it."""
from __future__ import annotations

from decimal import Decimal

from app.domain import kinds
from app.domain.model import Value
from app.domain.template import Indicator

LABEL, UNIT, VALUE, QUALIFIER, ESTIMATE, PRIOR, CHANGE, PLAN, SHARE, NOTE, CHECK = range(11)


def cell_text(ind: Indicator, value: Value | None, col: int, prior_default: Decimal | None) -> str:
    """Column ``col`` of indicator ``ind``'s row (``prior_default``: last year's stored figure)."""
    if col == LABEL:
        return ("    " if ind.parent else "") + ind.label
    if col == UNIT:
        return ind.unit
    if value is None and col not in (PRIOR,):
        return ""
    if col == VALUE:
        return _plain(ind, value) if value.number is not None else ""
    if col == QUALIFIER:
        return value.qualifier or ""
    if col == NOTE:
        return value.note
    prior = value.prior_year if value and value.prior_year is not None else prior_default
    if col == PRIOR:
        return _number(ind, prior) if prior is not None else ""
    if col == CHANGE:
        if value.number is None or not prior:
            return ""
        change = ind.value_kind.change(value.number, prior)
        return f"{kinds.change_points(change)}%" if change is not None else ""
    if col == PLAN:
        return _number(ind, value.plan) if value.plan is not None else ""
    if col == SHARE:
        if value.number is None or not value.plan:
            return ""
        return f"{kinds.share_points(ind.value_kind.share_of_plan(value.number, value.plan))}%"
    return ""


def _plain(ind: Indicator, value: Value) -> str:
    """The figure as the operator types it, without qualifier (its own column)."""
    return ind.value_kind.format(value.number, value.denominator)  # exact: no display rounding here


def _number(ind: Indicator, number: Decimal) -> str:
    return ind.value_kind.format(number)
