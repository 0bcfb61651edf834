"""Báo cáo → Bắt đầu kỳ mới từ kỳ trước: the action and its operation; the review dialog (``ui.carry_dialog``)
and the operation's module are loaded when the action is first used."""
from __future__ import annotations

from app.domain.period import Period
from ui.actions import ReportActions, make_action
from ui.controllers.context import WindowContext
from ui.i18n import _


class CarryMenu:
    """The action, its operation and the review."""

    def __init__(self, ctx: WindowContext, needs_report: ReportActions) -> None:
        self.ctx = ctx
        self.start_next = needs_report.add(make_action(ctx.parent, _("Bắt đầu &kỳ mới từ kỳ trước"), self.start,
                                                       "Ctrl+Shift+N"))
        self.start_next.setStatusTip(_("Chép lời văn mọi mục của kỳ trước sang kỳ mới; số liệu lấy của kỳ mới"))

    def start(self) -> None:
        from ui.operations import carry as carry_ops

        sheet = self.ctx.current()
        if sheet is None:
            return
        self.ctx.flush()
        office, period = self.ctx.key()
        carry_ops.plan_carry(parent=self.ctx.parent, ops=self.ctx.ops, office=office, period=period) \
            .success(lambda plan: self._carry(office, *plan)).failure(self.ctx.show_error).run()

    def _carry(self, office: str, source: str, target: str) -> None:
        from ui.operations import carry as carry_ops

        self.ctx.status(_("Đang chép nội dung {source} sang {target}…").format(
            source=Period.parse(source).label, target=Period.parse(target).label))
        carry_ops.carry_period(parent=self.ctx.parent, ops=self.ctx.ops, office=office, source=source,
                               target=target).success(lambda result: self._carried(office, *result)) \
            .failure(self.ctx.show_error).run()

    def _carried(self, office: str, carried, _sheet) -> None:
        from ui.carry_dialog import CarryReviewDialog

        self.ctx.status("")
        self.ctx.open_office(office, carried.target)
        dialog = CarryReviewDialog(carried, self.ctx.parent)
        self.ctx.keep("carry_review", dialog)
        dialog.open()
