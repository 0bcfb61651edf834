"""The narrative editor's "Chèn số liệu" menu: each indicator, each view that fits it, with a live example."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.domain import narrative, views
from ui.i18n import _, core

EXAMPLE_CHARS = 60


def fill(menu: QMenu, context: tuple, insert: Callable[[str], None]) -> None:
    """One submenu per indicator of ``context`` (indicators, values, documents, pad, prior, the report-wide
    figures, next period's plans)."""
    indicators, values, documents, pad, prior, special, following = context
    menu.clear()
    report_wide = menu.addMenu(_("Cả báo cáo"))
    for placeholder, label in views.REPORT_WIDE:  # counted over the year to date, as the report prints it
        example = narrative.expand(placeholder, indicators, values, documents, pad=pad, special=special)
        _add(report_wide, placeholder, f"{core(label)}: {example}", insert)
    for ind in indicators.values():
        sub = menu.addMenu(f"{ind.label} ({ind.code})")
        for placeholder, label in views.choices(ind):
            example = narrative.expand(placeholder, indicators, values, documents, pad=pad, prior=prior,
                                       special=special, following=following)
            if len(example) > EXAMPLE_CHARS:
                example = example[:EXAMPLE_CHARS - 1] + "…"
            _add(sub, placeholder, f"{core(label)}: {example}", insert)


def _add(menu: QMenu, placeholder: str, text: str, insert: Callable[[str], None]) -> None:
    action = QAction(f"{text}    {placeholder}", menu)
    action.setToolTip(_("Chèn {placeholder}").format(placeholder=placeholder))
    action.triggered.connect(lambda _checked=False: insert(placeholder))
    menu.addAction(action)
