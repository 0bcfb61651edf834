"""The figures grid's history tooltips, kept fresh in the background (see ``ui.history`` for the panel).

Its own small module: the window makes it at the start, and what it fetches and shows (the history
operations, the change wording) loads with the first fetch, once the report is on screen.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


class HistoryTips(QObject):
    """Keeps the figures grid's history tooltips: fetched in the background once per section shown,
    again for a row after its figure changes; hovering reads only what is kept."""

    def __init__(self, ctx, model) -> None:
        super().__init__(model)
        self.ctx, self.model = ctx, model
        self.generation, self.waiting = 0, set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self._fetch_waiting)
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(self._changed)

    def _reset(self) -> None:
        self.generation += 1
        self.waiting = {ind.code for ind in self.model.indicators}
        self.model.set_history_tips({})
        self.timer.start(0)

    def _changed(self, top, bottom, *_roles) -> None:
        if top.row() == bottom.row() and top.row() < len(self.model.indicators):  # one figure saved or refused
            self.waiting.add(self.model.indicators[top.row()].code)
            self.timer.start()

    def _fetch_waiting(self) -> None:
        if not self.waiting or self.ctx.current() is None:
            return
        codes, generation = sorted(self.waiting), self.generation
        self.waiting = set()
        office, period = self.ctx.key()
        from ui.history import history_tip
        from ui.operations import history as history_ops

        def fetched(histories) -> None:
            if generation == self.generation:
                self.model.set_history_tips({code: history_tip(h) for code, h in histories.items()})

        history_ops.cell_histories(parent=self.ctx.parent, ops=self.ctx.ops, office=office, period=period,
                                   codes=codes).success(fetched).failure(lambda _message: None).run()
