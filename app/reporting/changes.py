"""What a write changed, so each view redraws only what it shows.

Every write the window makes returns one ``Changes``. Frozen sets name the
indicators, sections (narrative or tasks) and documents touched; flags say
whether the report's status or template, or the list of offices, changed.
``findings`` holds the report's fresh findings when the write could change
them (None when it could not).
"""
from __future__ import annotations

import msgspec

from app.domain.text import LegacyText
from app.domain.validate import Finding


class Changes(msgspec.Struct, frozen=True):
    """One write's effect; empty fields mean "not touched"."""

    report_id: str = ""
    office: str = ""  # the office the write concerns (its code as stored)
    indicators: frozenset[str] = frozenset()
    sections: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    reviews: bool = False
    status: bool = False
    template: bool = False
    offices: bool = False
    findings: tuple[Finding, ...] | None = None
    legacy: LegacyText | None = None  # typed text that looks like a legacy Vietnamese encoding

    @property
    def content(self) -> bool:
        """True when the report's entries changed (its copy in a view is stale)."""
        return bool(self.indicators or self.sections or self.documents or self.reviews)

    @property
    def whole_report(self) -> bool:
        """True when the report must be shown afresh (status, template or revision changed)."""
        return self.status or self.template
