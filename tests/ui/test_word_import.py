"""Tệp → Nhập báo cáo Word…: the review shows each figure with its proposed indicator; only accepting saves."""
from tests.ui.conftest import query
from ui import ask
from ui.word_review import WordReviewDialog

COUNT = ("SELECT count(*) FROM value v JOIN report r ON r.id = v.report_id WHERE r.period = '2020-Q2'")


def _exported(tmp_path) -> str:
    """The sample report as the software exports it to Word."""
    from app.commands.cli_actions import load_sample
    from app.output import printed, render_docx
    from app.storage import db as dbmod
    from app.storage.store import Store

    opened = dbmod.open_database(None)
    store = Store(opened.db)
    load_sample(store)
    path = tmp_path / "bc.docx"
    path.write_bytes(render_docx.render(printed.build(store, "TTH", "2020-Q1")))
    opened.close()
    return str(path)


def test_the_review_changes_and_skips_figures_and_saves_on_accept(sample_window, qtbot, tmp_path, monkeypatch):
    """A skipped figure stays as text, a changed one fills the chosen indicator; cancelling saves nothing."""
    win = sample_window
    source = _exported(tmp_path)
    win.open_report("TTH", "2020-Q2")
    qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q2", timeout=5000)
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: source)
    seen = {}

    def cancel(dialog):
        seen["rows"] = [(dialog.table.item(r, 1).text(), dialog.combos[r].currentData())
                        for r in range(dialog.table.rowCount())]
        return 0

    monkeypatch.setattr(WordReviewDialog, "exec", cancel)
    win.report_menu.import_word.trigger()
    qtbot.waitUntil(lambda: "rows" in seen, timeout=20000)
    assert seen["rows"][3] == ("2.607 người", "VL_MOI") and len(seen["rows"]) == 34
    assert query(win.db_path, COUNT) == [(0,)]

    def accept(dialog):
        dialog.combos[3].setCurrentIndex(0)  # skip 2.607 người
        dialog.combos[4].setCurrentIndex(dialog.combos[4].findData("VL_MOI"))  # 176 người as VL_MOI
        return 1

    monkeypatch.setattr(WordReviewDialog, "exec", accept)
    win.report_menu.import_word.trigger()
    qtbot.waitUntil(lambda: win.sheet.data.values.get("VL_MOI") is not None, timeout=20000)
    assert str(win.sheet.data.values["VL_MOI"].number) == "176" and "VL_NN" not in win.sheet.data.values
    assert query(win.db_path, COUNT) == [(33,)]
