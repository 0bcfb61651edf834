"""A figure cell's tooltip: the 4 periods before and the latest change, fetched once per section, not per hover."""
import subprocess
import sys

from PySide6.QtCore import Qt

from app.reporting import history
from tests.ui.conftest import ROOT, demo_db
from ui.figure_text import VALUE


def _tip(win, code="VL_MOI"):
    model = win.editor.figures_model
    return model.index(model.row_of(code), VALUE).data(Qt.ItemDataRole.ToolTipRole) or ""


def test_the_value_cell_tells_its_past_and_follows_a_save(make_window, qtbot, tmp_path, monkeypatch):
    db = demo_db(tmp_path / "bc.sqlite3")
    for quarter, number in ((1, "2.410"), (2, "2.388"), (3, "2.515"), (4, "2.702")):
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "set", "--office", "TTH", "--period",
                        f"2019-Q{quarter}", "--indicator", "VL_MOI", "--value", number], check=True, capture_output=True)
    fetched = []
    real = history.cell_histories
    monkeypatch.setattr(history, "cell_histories", lambda *a, **k: fetched.append(a[3]) or real(*a, **k))
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.select_section("VL")
    qtbot.waitUntil(lambda: "Quý IV năm 2019" in _tip(win), timeout=5000)
    tip = _tip(win)
    for label, shown in (("Quý IV năm 2019", "2.702"), ("Quý I năm 2019", "2.410")):
        assert label in tip and shown in tip
    assert "Quý IV năm 2018" not in tip  # four periods, no more
    calls = len(fetched)
    assert "VL_MOI" in fetched[-1] and "VL_NN" in fetched[-1]  # the whole section in one fetch
    for _ in range(50):
        _tip(win)  # hovering reads what is kept
    assert len(fetched) == calls
    model = win.editor.figures_model
    model.setData(model.index(model.row_of("VL_MOI"), VALUE), "2.650")
    qtbot.waitUntil(lambda: "2607 → 2650" in _tip(win), timeout=5000)
    assert "Thay đổi gần nhất" in _tip(win) and fetched[-1] == ["VL_MOI"]  # only the row saved
