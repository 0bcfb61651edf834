"""The chart dock draws the selected figure's trend and puts it in the appendix "Biểu đồ"."""
import json
import subprocess
import sys

from PySide6.QtGui import QColor

from tests.ui.conftest import ROOT, demo_db, query
from ui.chart_panel import PRIOR_COLOUR, THIS_COLOUR


def _colours(widget) -> set[str]:
    image = widget.grab().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def test_the_selected_row_is_charted_and_can_go_into_the_appendix(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "set", "--office", "TTH",
                    "--period", "2019-Q1", "--indicator", "VL_MOI", "--value", "1.000"], check=True, capture_output=True)
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    panel = win.chart_dock
    assert not panel.include.isEnabled()
    win.select_section("VL")
    model = win.editor.figures_model
    row = model.row_of("VL_MOI")
    win.editor.figures.setCurrentIndex(model.index(row, 2))
    qtbot.waitUntil(lambda: panel.code == "VL_MOI", timeout=5000)
    trend = panel.chart.trend
    assert [p.label for p in trend.current][-1] == "Quý I/2020" and trend.current[-1].value == 2607
    assert trend.prior[-1].value == 1000 and trend.current[-5].value == 1000
    assert panel.title.text() == "Giải quyết việc làm mới (người)"
    panel.chart.resize(240, 400)
    assert {THIS_COLOUR.name(), PRIOR_COLOUR.name()} <= _colours(panel.chart)
    assert panel.include.isChecked()  # the sample's appendix draws VL_MOI and VL_NN
    model.setData(model.index(row, 2), "2.700")  # saved: the chart follows
    qtbot.waitUntil(lambda: win.sheet.data.values["VL_MOI"].number == 2700, timeout=5000)
    qtbot.waitUntil(lambda: panel.chart.trend.current[-1].value == 2700, timeout=5000)
    key = "charts:TTH:2020-Q1"

    def chosen():
        return json.loads(query(db, "SELECT value FROM setting WHERE key = ?", key)[0][0])

    assert chosen() == ["VL_MOI", "VL_NN"]
    panel.include.setChecked(False)
    qtbot.waitUntil(lambda: chosen() == ["VL_NN"], timeout=5000)
    panel.include.setChecked(True)
    qtbot.waitUntil(lambda: sorted(chosen()) == ["VL_MOI", "VL_NN"], timeout=5000)


def test_a_figure_without_any_period_draws_no_bar_and_says_so(qtbot):
    from app.domain.period import Period
    from app.reporting.trends import Point, Trend
    from ui.chart_panel import ChartPanel

    panel = ChartPanel()
    qtbot.addWidget(panel)
    points = tuple(Point(Period(2020, f"Q{q}"), None) for q in range(1, 5))
    panel.show_trend("VL_MOI", Trend("VL_MOI", "Giải quyết việc làm mới", "người", points, points), True)
    panel.chart.resize(240, 400)
    assert panel.include.isChecked() and panel.include.isEnabled()
    assert THIS_COLOUR.name() not in _colours(panel.chart)
    panel.clear()
    assert not panel.include.isEnabled() and panel.chart.trend is None
