"""Starting the next period from the last one, in one action."""
from __future__ import annotations

from app.reporting import carry as carry_mod
from app.reporting import desk
from ui.operations.op import Op
from ui.operations.runner import Operations


def plan_carry(*, parent, ops: Operations, office: str, period: str) -> Op:
    """Gives ``(source, target)`` period codes for the open report (see ``carry.plan``)."""
    def step(store) -> tuple[str, str]:
        source, target = carry_mod.plan(store, office, period)
        return str(source), str(target)

    return Op(parent, ops).database(step)


def carry_period(*, parent, ops: Operations, office: str, source: str, target: str) -> Op:
    """Carry every section's narrative from ``source`` into ``target``; gives ``(Carried, Sheet)``."""
    def step(store):
        carried, _changes = carry_mod.carry(store, office, source, target)
        return carried, desk.open_sheet(store, office, target)

    return Op(parent, ops).database(step)
