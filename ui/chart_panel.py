"""The chart panel: the selected indicator over the last 8 periods and the same periods a year
before, drawn with QPainter, and the choice to put it in the report's appendix "Biểu đồ"."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDockWidget, QLabel, QVBoxLayout, QWidget

from ui.i18n import _

THIS_COLOUR, PRIOR_COLOUR = QColor("#1f4e79"), QColor("#a6bddb")


class TrendChart(QWidget):
    """Bars: each period's figure and, beside it, the same period a year before."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.trend = None
        self.setMinimumSize(160, 150)
        self.setAccessibleName(_("Biểu đồ xu hướng"))

    def show_trend(self, trend) -> None:
        self.trend = trend
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter  # the dock starts behind "Cần xem": drawn, and loaded, when first shown

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.trend is None or not self.trend.has_figures():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Chưa có số liệu các kỳ"))
            return
        line = painter.fontMetrics().height()
        self._draw_legend(painter, line)
        self._draw_bars(painter, QRectF(4, line * 2 + 10, self.width() - 8, self.height() - line * 2 - 14))

    def _draw_legend(self, painter, line: float) -> None:
        """One entry a line, so a narrow dock shows both whole."""
        for row, (text, colour) in enumerate(((_("Kỳ báo cáo"), THIS_COLOUR), (_("Cùng kỳ năm trước"), PRIOR_COLOUR))):
            y = 4 + row * (line + 2)
            painter.fillRect(QRectF(6, y + (line - 10) / 2, 10, 10), colour)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(20, y, self.width() - 24, line), Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_bars(self, painter, area: QRectF) -> None:
        """A block per period, newest at the bottom: its label, then this year's bar over last
        year's, each with its figure at the end (a narrow dock keeps the bars long)."""
        from PySide6.QtGui import QPen

        from ui.operations.charts import chart_number

        trend, metrics = self.trend, painter.fontMetrics()
        values = [p.value for p in trend.current + trend.prior if p.value is not None]
        biggest = float(max(values)) or 1.0
        number_w = max(metrics.horizontalAdvance(chart_number(v)) for v in values) + 6
        room = max(10.0, area.width() - number_w - 4)
        slot = area.height() / len(trend.current)
        line = metrics.height()
        bar = max(3.0, min((slot - line - 2) / 2, line))
        for i, (now, before) in enumerate(zip(trend.current, trend.prior, strict=True)):
            top = area.top() + i * slot
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(area.left(), top, area.width(), line), Qt.AlignmentFlag.AlignVCenter, now.label)
            for row, point, colour in ((0, now, THIS_COLOUR), (1, before, PRIOR_COLOUR)):
                if point.value is None:
                    continue
                rect = QRectF(area.left(), top + line + 1 + row * bar, room * float(point.value) / biggest, bar - 1)
                painter.fillRect(rect, colour)
                painter.setPen(QPen(QColor("#333333")))
                painter.drawText(QRectF(rect.right() + 3, rect.top() - 2, number_w, bar + 4),
                                 Qt.AlignmentFlag.AlignVCenter, chart_number(point.value))


class ChartPanel(QDockWidget):
    """A dock for the chart of the figures grid's selected row."""

    include_toggled = Signal(str, bool)  # indicator code, put in the appendix

    def __init__(self, parent=None) -> None:
        super().__init__(_("Biểu đồ"), parent)
        self.setObjectName("chart_dock")
        self.code = ""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(_("Chọn một chỉ tiêu trong bảng số liệu"), body)
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.chart = TrendChart(body)
        self.include = QCheckBox(_("Đưa vào phụ lục biểu đồ"), body)
        self.include.setEnabled(False)
        self.include.toggled.connect(self._toggled)
        layout.addWidget(self.title)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.include)
        self.setWidget(body)

    def show_trend(self, code: str, trend, included: bool) -> None:
        """Draw ``trend`` (of indicator ``code``) and tick the box when the appendix draws it."""
        if code != self.code or not self.include.isEnabled():  # a redraw keeps what the operator ticked
            self.include.blockSignals(True)
            self.include.setChecked(included)
            self.include.blockSignals(False)
        self.code = code
        self.title.setText(trend.title)
        self.chart.show_trend(trend)
        self.include.setEnabled(True)

    def clear(self) -> None:
        self.code = ""
        self.title.setText(_("Chọn một chỉ tiêu trong bảng số liệu"))
        self.chart.show_trend(None)
        self.include.setEnabled(False)

    def _toggled(self, checked: bool) -> None:
        if self.code:
            self.include_toggled.emit(self.code, checked)


def attach(window) -> ChartPanel:
    """Dock the panel beside the findings and draw the figures grid's current row."""
    panel = ChartPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.tabifyDockWidget(window.findings_dock, panel)
    window.findings_dock.raise_()
    view, model = window.editor.figures, window.editor.figures_model

    def picked(current, _previous=None) -> None:
        rows = model.indicators
        if window.sheet is None or not current.isValid() or current.row() >= len(rows):
            panel.clear()
            return
        from ui.operations.charts import load_trend

        code = rows[current.row()].code
        load_trend(parent=window, ops=window.ops, sheet=window.sheet, code=code) \
            .success(lambda result: panel.show_trend(code, *result)).run()

    def toggled(code: str, included: bool) -> None:
        from ui.operations.charts import include_chart

        message = _("Phụ lục biểu đồ: {codes}")
        include_chart(parent=window, ops=window.ops, sheet=window.sheet, code=code, included=included) \
            .success(lambda codes: window.statusBar().showMessage(message.format(codes=", ".join(codes) or "—"))) \
            .run()

    view.selectionModel().currentRowChanged.connect(picked)
    def redraw(*_args) -> None:
        """The figure drawn may have been saved, or the grid reloaded: draw it again if still shown."""
        row = model.row_of(panel.code) if panel.code else -1
        if row >= 0:
            picked(model.index(row, 0))
        else:
            panel.clear()

    model.modelReset.connect(redraw)
    model.dataChanged.connect(redraw)
    panel.include_toggled.connect(toggled)
    return panel
