"""Starting the next period in one action, readable citations in tasks, and the period box."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import query
from ui.citations import readable
from ui.period_box import PeriodBox, entry_label


def _action(win, text):
    return next(a for a in win.findChildren(type(win.report_menu.preview)) if a.text().replace("&", "") == text)


def test_one_action_carries_every_section_and_shows_a_review(sample_window, qtbot):
    win = sample_window
    _action(win, "Bắt đầu kỳ mới từ kỳ trước").trigger()
    qtbot.waitUntil(lambda: getattr(win, "carry_review", None) is not None, timeout=5000)
    qtbot.waitUntil(lambda: win.sheet is not None and str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    dialog = win.carry_review
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    row_31 = next(r for r, cells in enumerate(rows) if cells[0].startswith("3.1. ") and cells[1] == "Kết quả")
    assert rows[row_31][2:] == ["6 đoạn", "14"] and "{VL_MOI}" in table.item(row_31, 3).toolTip()
    assert len(rows) == 16
    assert "Quý I năm 2020" in dialog.summary.text() and "Quý II năm 2020" in dialog.summary.text()
    assert "danh sách kiểm tra" in dialog.extra.text()
    q1, q2 = (query(win.db_path, "SELECT count(*) FROM narrative n JOIN report r ON r.id = n.report_id "
                                 "WHERE r.period = ?", p)[0][0] for p in ("2020-Q1", "2020-Q2"))
    assert q1 == q2 > 0
    win.select_section("VL")
    assert "{VL_MOI}" in win.editor.narrative.text()
    assert "2.607" not in win.editor.narrative.preview.toPlainText()  # Q2 has no figure yet: "…"
    assert not [f for f in win.sheet.findings if "chưa có trong danh mục" in f.message]
    review = win.editor.review.table
    assert review.rowCount() > 0
    texts = [review.item(r, 0).text() for r in range(review.rowCount())]
    assert not any("{VB:" in t for t in texts)
    assert "Đang chép" not in win.statusBar().currentMessage()


def test_from_a_report_with_text_the_action_starts_the_following_period(sample_window, qtbot):
    win = sample_window
    _action(win, "Bắt đầu kỳ mới từ kỳ trước").trigger()
    qtbot.waitUntil(lambda: getattr(win, "carry_review", None) is not None, timeout=5000)
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    win.carry_review.accept()
    win.carry_review = None
    _action(win, "Bắt đầu kỳ mới từ kỳ trước").trigger()  # Q2 has text now: Q2 → Q3
    qtbot.waitUntil(lambda: getattr(win, "carry_review", None) is not None, timeout=5000)
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q3", timeout=5000)
    assert win.period_picker.currentText() == "2020-Q3 – Quý III năm 2020"


def test_checklist_and_task_preview_show_citations_not_codes(sample_window, qtbot):
    win = sample_window
    docs = win.sheet.data.documents
    cited = next(t for t in win.sheet.data.tasks if "{VB:" in t.text)
    win.select_section(cited.section)
    win.editor.tabs.setCurrentIndex(2)
    preview = win.editor.tasks.preview.text()
    assert "{VB:" not in preview and " số " in preview and "ngày" in preview
    ref = cited.text.split("{VB:")[1].split("}")[0]
    doc = next(d for d in docs if d.ref == ref)
    assert f"{doc.doc_type} số {doc.ref}" in preview


@pytest.mark.parametrize("text", ["Thực hiện {VB:408/QĐ-LĐTBXH}.", "{VB:408/QĐ-LĐTBXH} và {VB:1/UB}"])
def test_readable_replaces_every_reference_and_marks_unknown_ones(sample_data, text):
    shown = readable(text, sample_data.documents)
    assert "{VB:" not in shown
    if "1/UB" in text:
        assert "văn bản số 1/UB (chưa có trong danh mục)" in shown


def test_period_entries_are_labelled(qtbot):
    box = PeriodBox()
    qtbot.addWidget(box)
    box.set_periods(["2020-Q2", "2020-Q1", "2019-Y"], "2020-Q1")
    assert [box.itemText(i) for i in range(box.count())] == [
        "2020-Q2 – Quý II năm 2020", "2020-Q1 – Quý I năm 2020", "2019-Y – năm 2019"]
    assert box.current_code() == "2020-Q1" and entry_label("2021-M7") == "2021-M7 – Tháng 7 năm 2021"


@pytest.mark.parametrize("typed", ["abc", "2020-Q5", "Quý 2", "2020-Q1x", "'; DROP TABLE report; --"])
def test_a_wrong_period_is_refused_once_and_not_kept(qtbot, typed):
    box = PeriodBox()
    qtbot.addWidget(box)
    box.set_periods(["2020-Q1"], "2020-Q1")
    refused, chosen = [], []
    box.refused.connect(lambda message: (refused.append(message), qtbot.wait(50)))  # as a message box would
    box.chosen.connect(chosen.append)
    box.setEditText(typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    qtbot.wait(100)
    assert len(refused) == 1 and "không hợp lệ" in refused[0] and chosen == []
    assert box.count() == 1 and box.currentText() == "2020-Q1 – Quý I năm 2020"


@pytest.mark.parametrize(("typed", "code", "position"), [("2020-Q2", "2020-Q2", 0), ("2019-q4", "2019-Q4", 1),
                                                         ("2020-Q1", "2020-Q1", 0), ("2020-Q1 – Quý I năm 2020",
                                                                                     "2020-Q1", 0)])
def test_a_typed_period_is_chosen_once_and_labelled_in_order(qtbot, typed, code, position):
    box = PeriodBox()
    qtbot.addWidget(box)
    box.set_periods(["2020-Q1"], "2020-Q1")
    chosen = []
    box.chosen.connect(chosen.append)
    box.setEditText(typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(chosen), timeout=2000)
    qtbot.wait(20)
    assert chosen == [code]
    assert box.itemText(position) == entry_label(code) and box.currentText() == entry_label(code)
    assert len({box.itemData(i) for i in range(box.count())}) == box.count()


def test_the_window_refuses_a_wrong_period_with_one_message(sample_window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: (shown.append(args[2]), qtbot.wait(50)))
    win = sample_window
    win.editor.tabs.setCurrentIndex(2)
    win.period_picker.setEditText("2020-Q9")
    qtbot.keyClick(win.period_picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.wait(200)
    assert len(shown) == 1 and "2020-Q9" in shown[0]
    assert str(win.sheet.report.period) == "2020-Q1" and win.editor.tabs.currentIndex() == 2  # nothing reopened
    assert all("Q9" not in win.period_picker.itemText(i) for i in range(win.period_picker.count()))
    win.period_picker.setEditText("2020-Q2")
    qtbot.keyClick(win.period_picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    assert win.period_picker.currentText() == "2020-Q2 – Quý II năm 2020" and len(shown) == 1
