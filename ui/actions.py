"""Menu actions with their shortcut shown in the tooltip."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(parent: QWidget, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
    """An action calling ``slot()``; with a shortcut, the tooltip names it."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} ({native})")
    action.triggered.connect(lambda _checked=False: slot())
    return action


class ReportActions:
    """Actions that need an open report: disabled while none is open."""

    def __init__(self) -> None:
        self.actions: list[QAction] = []

    def add(self, action: QAction) -> QAction:
        self.actions.append(action)
        return action

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)
