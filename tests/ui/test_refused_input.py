"""Refused input stays in its cell, marked, with the reason beside the row and in "Cần xem" until fixed."""
import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import query, type_text
from ui.figures import CHECK, CODE_ROLE, PLAN, VALUE


def _stored(db, code, column="number"):
    rows = query(db, f"SELECT v.{column} FROM value v JOIN report r ON r.id = v.report_id"
                     " WHERE r.period = '2020-Q1' AND v.indicator = ?", code)
    return rows[0][0] if rows else None


def _type_into(qtbot, view, row: int, col: int, text: str) -> None:
    view.setCurrentIndex(view.model().index(row, col))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.focusWidget()
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _refused_shown(win) -> bool:
    return any(win.findings.item(i).text().startswith("Lỗi: VL_MOI chưa lưu") for i in range(win.findings.count()))


@pytest.mark.parametrize(("col", "typed", "reason"), [(VALUE, "2,6", "không phải số nguyên"),
                                                      (PLAN, "hai nghìn", "")])
def test_a_refused_entry_keeps_its_text_and_says_why_until_fixed(sample_window, qtbot, col, typed, reason):
    win = sample_window
    win.select_section("VL")
    model, view = win.editor.figures_model, win.editor.figures
    stored_plan = _stored(win.db_path, "VL_MOI", "plan")
    _type_into(qtbot, view, 0, col, typed)
    qtbot.waitUntil(lambda: _refused_shown(win), timeout=5000)
    cell = model.index(0, col)
    assert cell.data() == typed and cell.data(Qt.ItemDataRole.EditRole) == typed  # kept for correction
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None  # marked
    why = model.index(0, CHECK).data()
    assert why and reason in why and cell.data(Qt.ItemDataRole.ToolTipRole) == why
    assert win.editor.reasons.isVisibleTo(win) and typed in win.editor.reasons.text() and why in win.editor.reasons.text()
    assert "Cần xem (1)" == win.findings_dock.windowTitle()
    assert (_stored(win.db_path, "VL_MOI"), _stored(win.db_path, "VL_MOI", "plan")) == ("2607", stored_plan)

    # still there after another section was opened, and "Cần xem" leads back to the cell
    win.select_section("CDDH")
    assert _refused_shown(win)
    win.findings.itemActivated.emit(win.findings.item(0))
    assert win.section_code == "VL" and model.index(0, col).data() == typed
    assert view.currentIndex().row() == 0

    # another figure saved meanwhile (findings redrawn) leaves the refusal as it was
    other = model.index(2, 0).data(CODE_ROLE)
    _type_into(qtbot, view, 2, VALUE, "1.212")
    qtbot.waitUntil(lambda: _stored(win.db_path, other) == "1212", timeout=5000)
    qtbot.waitUntil(lambda: not win.ops.busy, timeout=5000)
    assert _refused_shown(win) and model.index(0, col).data() == typed and model.index(0, CHECK).data() == why

    _type_into(qtbot, view, 0, col, "2.700")
    qtbot.waitUntil(lambda: not _refused_shown(win), timeout=5000)
    assert model.index(0, col).data() == "2.700"
    assert model.index(0, col).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not win.editor.reasons.isVisibleTo(win)
    assert model.index(0, CHECK).data() == ""
    assert _stored(win.db_path, "VL_MOI", "number" if col == VALUE else "plan") == "2700"


def test_typing_the_stored_figure_again_also_clears_the_refusal(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    model, view = win.editor.figures_model, win.editor.figures
    _type_into(qtbot, view, 0, VALUE, "-5")
    qtbot.waitUntil(lambda: _refused_shown(win), timeout=5000)
    assert model.index(0, VALUE).data() == "-5"
    _type_into(qtbot, view, 0, VALUE, "2.607")
    qtbot.waitUntil(lambda: not _refused_shown(win), timeout=5000)
    assert model.index(0, VALUE).data() == "2.607" and model.index(0, CHECK).data() == ""
    assert win.findings.item(0).text() == "Không có lỗi hay cảnh báo."
