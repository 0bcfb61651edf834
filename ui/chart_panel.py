"""The chart panel: the selected indicator over the last 8 periods and the same periods a year
before, drawn with QPainter, and the choice to put it in the report's appendix "Biểu đồ"."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QDockWidget, QLabel, QVBoxLayout, QWidget

from ui.i18n import _
from ui.operations.charts import chart_number

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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.trend is None or not self.trend.has_figures():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Chưa có số liệu các kỳ"))
            return
        metrics = painter.fontMetrics()
        top, bottom, left = metrics.height() * 2.2, metrics.height() * 2.6, 8.0
        area = QRectF(left, top, self.width() - 2 * left, self.height() - top - bottom)
        self._draw_legend(painter, metrics.height())
        self._draw_bars(painter, area)

    def _draw_legend(self, painter: QPainter, line: float) -> None:
        x = 8.0
        for text, colour in ((_("Kỳ báo cáo"), THIS_COLOUR), (_("Cùng kỳ năm trước"), PRIOR_COLOUR)):
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(x + 14, 0, 200, line + 4), Qt.AlignmentFlag.AlignVCenter, text)
            x += 24 + painter.fontMetrics().horizontalAdvance(text)

    def _draw_bars(self, painter: QPainter, area: QRectF) -> None:
        trend = self.trend
        values = [p.value for p in trend.current + trend.prior if p.value is not None]
        biggest = float(max(values)) or 1.0
        slot = area.width() / len(trend.current)
        bar = slot * 0.36
        painter.setPen(QPen(QColor("#888888")))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        painter.setFont(small)
        line = painter.fontMetrics().height()
        for i, (now, before) in enumerate(zip(trend.current, trend.prior, strict=True)):
            x = area.left() + i * slot + slot * 0.12
            for offset, point, colour in ((0, now, THIS_COLOUR), (bar, before, PRIOR_COLOUR)):
                if point.value is None:
                    continue
                h = (area.height() - line) * float(point.value) / biggest
                rect = QRectF(x + offset, area.bottom() - h, bar, h)
                painter.fillRect(rect, colour)
                if offset == 0:
                    painter.setPen(Qt.GlobalColor.black)
                    painter.drawText(QRectF(x - slot * 0.12, rect.top() - line, slot, line),
                                     Qt.AlignmentFlag.AlignCenter, chart_number(point.value))
            painter.setPen(Qt.GlobalColor.black)
            name, _slash, year = now.label.partition("/")
            painter.drawText(QRectF(x - slot * 0.12, area.bottom() + 2, slot, line * 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"{name}\n{year}")


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
        self.title.setStyleSheet("font-weight: bold;")
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
        self.code = code
        self.title.setText(trend.title)
        self.chart.show_trend(trend)
        self.include.blockSignals(True)
        self.include.setChecked(included)
        self.include.blockSignals(False)
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
    from ui.operations.charts import include_chart, load_trend

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
        code = rows[current.row()].code
        load_trend(parent=window, ops=window.ops, sheet=window.sheet, code=code) \
            .success(lambda result: panel.show_trend(code, *result)).run()

    def toggled(code: str, included: bool) -> None:
        message = _("Phụ lục biểu đồ: {codes}")
        include_chart(parent=window, ops=window.ops, sheet=window.sheet, code=code, included=included) \
            .success(lambda codes: window.statusBar().showMessage(message.format(codes=", ".join(codes) or "—"))) \
            .run()

    view.selectionModel().currentRowChanged.connect(picked)
    panel.include_toggled.connect(toggled)
    return panel
