"""The window fits the screen at first and comes back as the operator left it."""
from PySide6.QtCore import QRect

from tests.ui.conftest import demo_db
from ui.controllers import layout


def test_first_start_never_exceeds_the_screen(qtbot, monkeypatch):
    """At first start the window takes the wanted size, or the whole free area of a small screen, never more."""
    from PySide6.QtWidgets import QMainWindow

    for area, expected in ((QRect(0, 0, 1366, 768), (1350, 728)), (QRect(0, 0, 1280, 720), (1264, 680)),
                           (QRect(0, 0, 1920, 1050), (1280, 800)), (QRect(10, 20, 1024, 600), (1008, 560))):
        monkeypatch.setattr(layout, "available", lambda _widget, area=area: area)
        window = QMainWindow()
        qtbot.addWidget(window)
        layout.fit(window)
        assert (window.width(), window.height()) == expected
        assert area.contains(QRect(window.pos(), window.size() + layout.FRAME))


def test_size_docks_and_splitters_are_remembered(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    win.resize(760, 560)
    splitter = win.window_layout.splitters["main"]
    splitter.setSizes([233, 400])
    content = win.editor.content
    content.setSizes([120, 250])
    kept = splitter.sizes(), content.sizes()
    win.close()
    again = make_window(db)
    qtbot.waitUntil(lambda: again.sheet is not None, timeout=5000)
    assert (again.width(), again.height()) == (760, 560)
    assert (splitter.sizes(), content.sizes()) != ([], [])
    assert again.window_layout.splitters["main"].sizes()[0] == kept[0][0]
    assert again.editor.content.sizes()[0] == kept[1][0]


def test_a_remembered_size_larger_than_this_screen_is_fitted_again(make_window, qtbot, tmp_path, monkeypatch):
    db = demo_db(tmp_path / "bc.sqlite3")
    win = make_window(db)
    win.resize(1800, 1000)
    win.close()
    monkeypatch.setattr(layout, "available", lambda _widget: QRect(0, 0, 1366, 768))
    again = make_window(db)
    assert again.width() <= 1366 - 16 and again.height() <= 768 - 40


def test_no_part_of_the_sample_needs_a_window_wider_or_taller_than_a_laptop_screen(sample_window, qtbot):
    """Every outline item of the sample (long section titles among them) fits 1366×768 less the taskbar."""
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    win = sample_window
    items, walk = [], QTreeWidgetItemIterator(win.outline)
    while walk.value():
        items.append(walk.value())
        walk += 1
    assert len(items) > 20
    for item in items:
        win.outline.setCurrentItem(item)
        qtbot.wait(30)  # the section's content arrives from the database thread
        hint = win.minimumSizeHint()
        assert hint.width() <= 1350 and hint.height() <= 728, (item.text(0), hint.width(), hint.height())
