"""The appendix "Biểu đồ": trend charts drawn as vector graphics (reportlab.graphics) in the
bundled Liberation Serif, Vietnamese labels and number format; the same drawing as a PNG for DOCX.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm

from app.reporting.trends import OfficeBars, Trend, number_text

if TYPE_CHECKING:  # reportlab.graphics is loaded only when a report draws a chart
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing

TITLE = "BIỂU ĐỒ"
THIS_YEAR = "Kỳ báo cáo"
YEAR_BEFORE = "Cùng kỳ năm trước"
FONT = "BCSerif"
THIS_COLOUR = colors.HexColor("#1f4e79")
PRIOR_COLOUR = colors.HexColor("#a6bddb")
WIDTH, HEIGHT = 165 * mm, 80 * mm


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fonts() -> None:
    from app.output import render_pdf

    render_pdf._register_fonts()


def _number(value: float) -> str:
    return number_text(Decimal(str(value)))


def _chart(series: list[list[float | None]], labels: list[str], width: float, height: float) -> VerticalBarChart:
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 34, width - 50, height - 70
    chart.data = [[v if v is not None else None for v in s] for s in series]
    chart.categoryAxis.categoryNames = [_nfc(label) for label in labels]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 8
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 8
    chart.valueAxis.labelTextFormat = _number
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, colors.HexColor("#dddddd")
    chart.barLabelFormat = _number
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = FONT, 6.5, 6
    chart.groupSpacing, chart.barSpacing = 8, 1
    for index, colour in enumerate((THIS_COLOUR, PRIOR_COLOUR)[:len(series)]):
        chart.bars[index].fillColor, chart.bars[index].strokeColor = colour, None
    return chart


def _canvas(width: float, height: float) -> Drawing:
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName, drawing.initialFontSize = FONT, 9  # never reportlab's Helvetica
    return drawing


def _legend(drawing: Drawing, entries: list[tuple[str, object]], y: float) -> None:
    from reportlab.graphics.shapes import Rect, String

    x = 40.0
    for text, colour in entries:
        drawing.add(Rect(x, y, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 11, y + 1, _nfc(text), fontName=FONT, fontSize=9))
        x += 22 + len(text) * 4.6


def trend_drawing(trend: Trend, width: float = WIDTH, height: float = HEIGHT) -> Drawing:
    """Bars for the report's periods and, beside each, the same period a year before."""
    from reportlab.graphics.shapes import String

    _fonts()
    drawing = _canvas(width, height)
    drawing.add(String(0, height - 12, _nfc(trend.title), fontName=FONT + "-Bold", fontSize=11))
    series = [[_float(p.value) for p in trend.current], [_float(p.value) for p in trend.prior]]
    drawing.add(_chart(series, [p.label for p in trend.current], width, height))
    _legend(drawing, [(THIS_YEAR, THIS_COLOUR), (YEAR_BEFORE, PRIOR_COLOUR)], 6)
    return drawing


def office_drawing(bars: OfficeBars, width: float = WIDTH, height: float = HEIGHT) -> Drawing:
    """A consolidated report's figure of one indicator, one bar per office."""
    from reportlab.graphics.shapes import String

    _fonts()
    drawing = _canvas(width, height)
    drawing.add(String(0, height - 12, _nfc(f"{bars.title} – theo đơn vị"), fontName=FONT + "-Bold", fontSize=11))
    drawing.add(_chart([[_float(v) for _, v in bars.bars]], [office for office, _ in bars.bars], width, height))
    return drawing


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def drawings(model) -> list[Drawing]:
    """Every chart of the printed report, in order."""
    return [trend_drawing(t) for t in model.charts] + [office_drawing(b) for b in model.office_charts]


def pdf_appendix(model) -> list:
    """Flowables of the appendix "Biểu đồ" (nothing when the report draws no chart)."""
    found = drawings(model)
    if not found:
        return []
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    from app.output.render_pdf import _p, _style

    out: list = [PageBreak(), _p(TITLE, _style("charts-title", 14, bold=True, after=8))]
    for drawing in found:
        out.append(KeepTogether([drawing, Spacer(1, 8 * mm)]))
    return out


def png(drawing: Drawing, dpi: int = 150) -> bytes | None:
    """The drawing as PNG (reportlab's renderPM); None when no raster backend is installed."""
    try:
        from reportlab.graphics import renderPM

        return renderPM.drawToString(drawing, fmt="PNG", dpi=dpi)
    except Exception:  # noqa: BLE001 - renderPM raises its own errors when its backend is missing
        return None


def docx_appendix(doc, model) -> None:
    """The same charts in the DOCX, as pictures on a page of their own."""
    found = drawings(model)
    if not found:
        return
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.bold, run.font.size, run.font.name = True, Pt(14), "Times New Roman"
    for drawing in found:
        picture = png(drawing)
        if picture is None:
            doc.add_paragraph(_nfc(drawing.contents[0].text))
            continue
        doc.add_paragraph().add_run().add_picture(io.BytesIO(picture), width=Mm(160))
