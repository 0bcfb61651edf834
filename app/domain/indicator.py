"""One indicator of a template (chỉ tiêu): its code, label, unit, value kind, place in a "trong đó"
tree, how it combines, its limits and rules, and how it displays its figure."""
from __future__ import annotations

from decimal import Decimal

import msgspec

from app.domain import kinds


class Rule(msgspec.Struct, frozen=True):
    """A declared inequality: this indicator ``op`` the ``other`` (e.g. resolved <= received)."""

    op: str
    other: str
    severity: str = "error"


class Indicator(msgspec.Struct, frozen=True):
    code: str
    label: str
    unit: str
    kind: str = "count"
    parent: str | None = None
    part: str | None = None  # how this row relates to its parent ("trong đó")
    time: str = "flow"  # flow: quarters sum; stock: the latest quarter
    offices: str = "sum"  # sum over offices, or "none"
    minimum: str | None = "0"
    maximum: str | None = None
    rules: tuple[Rule, ...] = ()
    appendix: bool = True
    section: str = ""
    scale: str | None = None  # display scale ("trieu"); None: the kind's own way
    decimals: int | None = None  # decimals printed; None: as many as the figure has
    pad: bool | None = None  # zero padding below 10; None: the template's switch (counts only)
    target: str | None = None  # "at_most": the plan is a ceiling ("dưới 5%"); None: reached at or above it

    def reached(self, figure: Decimal | None, plan: Decimal | None) -> bool | None:
        """Whether ``figure`` reaches the plan: at or above it ("4% trở lên"), or for a ceiling
        ("tỷ lệ hộ nghèo dưới 5%") at or below it; None without a figure or a plan."""
        if figure is None or not plan:
            return None
        return figure <= plan if self.target == "at_most" else figure >= plan

    @property
    def value_kind(self) -> kinds.Kind:
        return kinds.of(self.kind)

    def display(self, pad_default: bool = False) -> kinds.Display:
        """How the figure prints; ``pad_default`` is the template-wide padding switch, which pads
        counts unless the indicator says otherwise."""
        pad = self.pad if self.pad is not None else pad_default and self.value_kind.pads_by_default
        return kinds.Display(self.scale, self.decimals, pad)

    def to_dict(self) -> dict:
        """The file form (display keys only when set, so older templates keep their fingerprint)."""
        out: dict = {"code": self.code, "label": self.label, "unit": self.unit, "kind": self.kind}
        if self.parent:
            out["parent"], out["part"] = self.parent, self.part
        out["time"], out["offices"] = self.time, self.offices
        out["min"], out["max"] = self.minimum, self.maximum
        if self.rules:
            out["rules"] = [{"op": r.op, "other": r.other, "severity": r.severity} for r in self.rules]
        out["appendix"] = self.appendix
        for key in ("scale", "decimals", "pad", "target"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out
