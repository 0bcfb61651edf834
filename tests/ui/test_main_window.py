"""The entry window, driven as an operator would: keyboard first, everything saved."""
from PySide6.QtCore import Qt

from app.errors import DatabaseError
from tests.ui.conftest import demo_db, opened, query, type_text
from ui.figures import VALUE


def _value(db, office, period, code):
    rows = query(db, "SELECT v.number FROM value v JOIN report r ON r.id = v.report_id JOIN office o"
                     " ON o.id = r.office_id WHERE o.code = ? AND r.period = ? AND v.indicator = ?",
                 office, period, code)
    return rows[0][0] if rows else None


def test_fresh_database_offers_to_create_an_office_or_open_the_sample(make_window, qtbot, tmp_path):
    win = make_window(tmp_path / "bc.sqlite3")
    qtbot.waitUntil(lambda: getattr(win, "first_run_dialog", None) is not None, timeout=5000)
    dialog = win.first_run_dialog
    assert dialog.isVisible()
    sample_button = next(b for b in dialog.findChildren(type(dialog.findChildren(
        __import__("PySide6.QtWidgets", fromlist=["QPushButton"]).QPushButton)[0])) if "mẫu" in b.text())
    qtbot.mouseClick(sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.sheet is not None and str(win.sheet.report.period) == "2020-Q1", timeout=5000)
    assert "TTH" in win.windowTitle() and "Quý I năm 2020" in win.windowTitle()


def test_sample_opens_with_outline_figures_narrative_and_no_findings(sample_window):
    win = sample_window
    assert win.outline.topLevelItem(0).text(0) == "1. Công tác chỉ đạo, điều hành"
    win.select_section("VL")
    model = win.editor.figures_model
    assert model.index(0, VALUE).data() == "2.607"
    assert "đã giải quyết việc làm mới cho 2.607 người" in win.editor.narrative.preview.toPlainText()
    assert "{VL_MOI}" in win.editor.narrative.text()
    assert win.findings.item(0).text() == "Không có lỗi hay cảnh báo."
    assert "Đã lưu" in win.saved_label.text()


def test_a_second_window_on_the_same_file_is_refused(sample_window):
    import pytest

    from ui.launch import create_window
    with pytest.raises(DatabaseError, match="cửa sổ khác"):
        create_window(sample_window.db_path)


def _type_into_cell(qtbot, view, text):
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.focusWidget()
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_section_3_1_can_be_entered_without_the_mouse(make_window, qtbot, tmp_path):
    """New quarter, keyboard only: Ctrl+PgDown to 3.1, Ctrl+1 to the grid, type, Enter moves down."""
    db = demo_db(tmp_path / "bc.sqlite3")
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.period_picker.setEditText("2020-Q2")
    qtbot.keyClick(win.period_picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    win.outline.setFocus()
    win.outline.setCurrentItem(win.outline.topLevelItem(0))
    for _ in range(3):
        qtbot.keyClick(win, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.section_code == "VL"
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    view = win.editor.figures
    entries = ["2.607", "176", "1.211", "1.121", "90", "8.597", "282", "3", "864", "13,302 tỷ", "49",
               "186 triệu", "15", "35"]
    for text in entries:
        _type_into_cell(qtbot, view, text)
    qtbot.waitUntil(lambda: not win.ops.busy, timeout=10000)
    assert _value(db, "TTH", "2020-Q2", "VL_MOI") == "2607"
    assert _value(db, "TTH", "2020-Q2", "BHTN_TIEN") == "13302000000"
    assert _value(db, "TTH", "2020-Q2", "GPLD_XAC_NHAN") == "35"
    assert win.editor.figures_model.index(13, VALUE).data() == "35"


def test_errors_appear_in_findings_and_a_click_jumps_to_the_field(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    win.editor.figures.focus_value("VL_NN")
    _type_into_cell(qtbot, win.editor.figures, "3.000")
    qtbot.waitUntil(lambda: win.findings.count() and "VL_NN" in win.findings.item(0).text(), timeout=5000)
    win.select_section("CDDH")
    win.findings.itemActivated.emit(win.findings.item(0))
    assert win.section_code == "VL"
    assert win.editor.figures.currentIndex().row() == 1


def test_undo_restores_the_previous_figure(sample_window, qtbot):
    win = sample_window
    win.select_section("VL")
    win.editor.figures.focus_value("VL_MOI")
    _type_into_cell(qtbot, win.editor.figures, "2.700")
    qtbot.waitUntil(lambda: _value(win.db_path, "TTH", "2020-Q1", "VL_MOI") == "2700", timeout=5000)
    win.undo_stack.undo()
    qtbot.waitUntil(lambda: _value(win.db_path, "TTH", "2020-Q1", "VL_MOI") == "2607", timeout=5000)
    win.undo_stack.redo()
    qtbot.waitUntil(lambda: _value(win.db_path, "TTH", "2020-Q1", "VL_MOI") == "2700", timeout=5000)


def test_typed_text_is_saved_within_a_second_and_on_close(sample_window, qtbot):
    win = sample_window
    win.select_section("TE")
    editor = win.editor.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " Đã tổ chức tập huấn cho {VL_MOI}.")
    assert "chưa lưu" in win.windowTitle()
    qtbot.waitUntil(lambda: any("tập huấn cho {VL_MOI}" in r[0] for r in query(
        win.db_path, "SELECT text FROM narrative WHERE section = 'TE'")), timeout=2000)
    qtbot.waitUntil(lambda: "tập huấn cho 2.607 người" in win.editor.narrative.preview.toPlainText(), timeout=2000)
    type_text(editor, " Thêm câu cuối.")
    win.close()
    assert any("Thêm câu cuối." in r[0] for r in query(win.db_path, "SELECT text FROM narrative WHERE section = 'TE'"))


def test_documents_are_added_with_their_reference_and_can_be_deleted(sample_window, qtbot, monkeypatch):
    win = sample_window
    from ui import ask
    from ui.documents import DocumentDialog

    def fake_exec(dialog):
        dialog.kind.setCurrentText("Công văn")
        dialog.ref.setText("999/LĐTBXH-VP")
        dialog.date.setText("05/03/2020")
        dialog.summary.setText("Về thử nghiệm")
        assert dialog.preview.text() == "Công văn số 999/LĐTBXH-VP ngày 05/03/2020"
        return 1

    monkeypatch.setattr(DocumentDialog, "exec", fake_exec)
    win.content.edit_document(None)
    model = win.editor.documents_model
    qtbot.waitUntil(lambda: any(d.ref == "999/LĐTBXH-VP" for d in model.documents), timeout=5000)
    doc = next(d for d in model.documents if d.ref == "999/LĐTBXH-VP")
    monkeypatch.setattr(ask, "yes_no", lambda *a, **k: True)
    win.content.delete_document(doc)
    qtbot.waitUntil(lambda: all(d.ref != "999/LĐTBXH-VP" for d in model.documents), timeout=5000)
    assert query(win.db_path, "SELECT count(*) FROM document WHERE ref = '999/LĐTBXH-VP'") == [(0,)]


def test_next_quarter_reviews_last_quarters_tasks_and_reuses_its_text(sample_window, qtbot):
    win = sample_window
    win.open_report("TTH", "2020-Q2")
    qtbot.waitUntil(lambda: win.sheet and str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    win.select_section("VL")
    review = win.editor.review
    assert review.table.rowCount() == 2
    assert review.table.item(0, 0).text().startswith("Tổ chức thực hiện việc quản lý, cấp giấy phép")
    box = review.table.cellWidget(0, 1)
    box.setCurrentIndex(box.findData("done"))
    qtbot.waitUntil(lambda: query(win.db_path, "SELECT status FROM task_review") == [("done",)], timeout=5000)
    win.editor.figures.focus_value("VL_MOI")
    _type_into_cell(qtbot, win.editor.figures, "3.000")
    qtbot.waitUntil(lambda: _value(win.db_path, "TTH", "2020-Q2", "VL_MOI") == "3000", timeout=5000)
    win.editor.narrative.previous_requested.emit()
    qtbot.waitUntil(lambda: "{VL_MOI}" in win.editor.narrative.text(), timeout=5000)
    qtbot.waitUntil(lambda: "việc làm mới cho 3.000 người" in win.editor.narrative.preview.toPlainText(),
                    timeout=2000)


def test_figures_model_passes_the_model_tester(sample_window, qtmodeltester):
    sample_window.select_section("VL")
    qtmodeltester.check(sample_window.editor.figures_model, force_py=True)
    qtmodeltester.check(sample_window.editor.documents_model, force_py=True)


def test_database_work_runs_off_the_ui_thread(sample_window, qtbot):
    from PySide6.QtCore import QThread
    seen = []
    sample_window.ops.run(lambda store: QThread.currentThread().objectName(), seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["database"]


def test_outline_ends_with_next_periods_tasks(sample_window):
    win = sample_window
    plan = win.outline.topLevelItem(win.outline.topLevelItemCount() - 1)
    assert plan.text(0) == "Nhiệm vụ Quý II năm 2020"
    first = plan.child(1)
    assert first.text(0) == "Công tác tham mưu, ban hành văn bản" and first.text(1) == "1"
    win.outline.setCurrentItem(first)
    assert win.editor.tabs.currentIndex() == 2
    assert win.editor.tasks.text().startswith("Căn cứ các nhiệm vụ của Sở được giao trong Quý II năm 2020")


def test_the_first_report_shows_before_its_findings_and_they_follow(make_window, qtbot, tmp_path):
    """The report last open is read while the window is built and shown at once, unchecked; "Cần xem" says
    it is checking until the findings come, then lists them, beside the cells too."""
    import msgspec

    db = demo_db(tmp_path / "bc.sqlite3")
    subprocess_set(db, "VL_NN", "3000")  # more workers abroad than found jobs: a rule fails
    win = make_window(db)
    qtbot.waitUntil(lambda: opened(win), timeout=5000)
    found = win.sheet.findings
    assert any(f.indicator == "VL_NN" for f in found)
    win.show_sheet(msgspec.structs.replace(win.sheet, findings=(), checked=False), "VL")  # as the start shows it
    assert win.findings.count() == 1 and win.findings.item(0).text() == "Đang kiểm tra báo cáo…"
    assert not win.editor.figures_model.messages
    qtbot.waitUntil(lambda: win.sheet.checked, timeout=5000)
    assert win.sheet.findings == found
    assert any("VL_NN" in win.findings.item(i).text() for i in range(win.findings.count()))
    assert win.editor.figures_model.messages.get("VL_NN")


def subprocess_set(db, code: str, number: str) -> None:
    import subprocess
    import sys

    from tests.ui.conftest import ROOT

    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "set", "--office", "TTH", "--period",
                    "2020-Q1", "--indicator", code, "--value", number], check=True, capture_output=True)
