"""Preview, export, printing and issuing from the window."""
import subprocess

from tests.ui.conftest import query


def test_preview_shows_every_page(sample_window, qtbot):
    win = sample_window
    win.report_menu.show_preview()
    qtbot.waitUntil(lambda: getattr(win, "last_preview", None) is not None, timeout=10000)
    dialog = win.last_preview
    assert dialog.page_count >= 10
    assert dialog.isVisible()
    dialog.close()


def test_export_writes_each_format(sample_window, qtbot, tmp_path):
    win = sample_window
    for fmt in ("pdf", "docx", "xlsx"):
        target = tmp_path / f"bc.{fmt}"
        win.report_menu.export_to(fmt, str(target))
        qtbot.waitUntil(target.exists, timeout=60000)  # a wait, not a timing: DOCX takes seconds on a busy machine
    text = subprocess.run(["pdftotext", str(tmp_path / "bc.pdf"), "-"], capture_output=True, text=True).stdout
    assert "2.607 người" in text


def test_issuing_from_the_window_freezes_the_report(sample_window, qtbot, monkeypatch):
    win = sample_window
    from ui.dialogs import IssueDialog

    def fake_exec(dialog):
        dialog.number.setText("45")
        dialog.signer_name.setText("Nguyễn Văn A")
        return 1

    monkeypatch.setattr(IssueDialog, "exec", fake_exec)
    win.report_menu.issue_report()
    qtbot.waitUntil(lambda: win.sheet.report.status.value == "issued", timeout=10000)
    assert "Đã ban hành" in win.windowTitle()
    assert win.editor.figures_model.read_only
    assert not win.report_menu.issue.isEnabled() and win.report_menu.revise.isEnabled()
    assert query(win.db_path, "SELECT kind, length(sha256) FROM report_file") == [("issued_pdf", 64)]
    win.report_menu.show_issued()
    qtbot.waitUntil(lambda: getattr(win, "last_preview", None) is not None, timeout=10000)
