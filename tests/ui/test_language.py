"""Vietnamese by default, English switchable; every string translated, none left behind."""
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from app import paths
from tests.ui.conftest import demo_db, query
from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = paths.resource("locale")


def _catalog(path):
    with open(path, "rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def test_template_lists_every_string_of_the_window():
    found = {item[2] for item in extract_from_dir(str(ROOT / "ui"), keywords={"_": None},
                                                      method_map=[("**.py", "python")])}
    assert found == set(_catalog(LOCALE / "baocao.pot"))


def test_english_catalog_is_complete_compiled_and_keeps_placeholders():
    english = _catalog(LOCALE / "en" / "LC_MESSAGES" / "baocao.po")
    assert set(english) == set(_catalog(LOCALE / "baocao.pot"))
    assert all(english.values()), [k for k, v in english.items() if not v]
    compiled = gettext.translation("baocao", str(LOCALE), languages=["en"])
    for msgid, msgstr in english.items():
        assert compiled.gettext(msgid) == msgstr
        assert set(re.findall(r"\{\w+\}", msgid)) == set(re.findall(r"\{\w+\}", msgstr)), msgid


def ui_strings(window) -> set[str]:
    """The window's own strings: menus, buttons, labels, tabs, headers, hints (not report data)."""
    out = set()
    for action in window.findChildren(QAction):
        out |= {action.text(), action.toolTip()}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)) and not widget.objectName().startswith("data"):
            out.add(widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            out.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            out |= {widget.tabText(i) for i in range(widget.count())}
        if isinstance(widget, QDockWidget):
            out.add(widget.windowTitle())
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            out |= {str(model.headerData(c, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal))
                    for c in range(model.columnCount())}
        if isinstance(widget, QComboBox) and widget.objectName() == "choices":
            out |= {widget.itemText(i) for i in range(widget.count())}
        out.add(widget.toolTip())
    return {s.replace("&", "") for s in out if s and s.strip()}


QT_ENGLISH = {"OK", "Cancel", "Yes", "No", "Apply", "Close", "Save", "Open", "File", "Edit", "Help"}


def test_vietnamese_window_has_no_english(sample_window):
    english = {v.replace("&", "") for v in _catalog(LOCALE / "en" / "LC_MESSAGES" / "baocao.po").values()}
    strings = ui_strings(sample_window)
    assert len(strings) > 60
    leaked = {s for s in strings if s in english and s not in {"PDF", "Word", "Excel"}} | (strings & QT_ENGLISH)
    assert leaked == set()


def test_english_window_leaves_nothing_untranslated(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    conn = __import__("sqlite3").connect(db)
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', '\"en\"')")
    conn.commit()
    conn.close()
    try:
        win = make_window(db)
        qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
        vietnamese = {k.replace("&", "") for k in _catalog(LOCALE / "baocao.pot")}
        strings = ui_strings(win)
        assert "Figures and text" in strings and "Mark complete" in strings
        assert {s for s in strings if s in vietnamese} == set()
    finally:
        i18n.install("vi")
    assert query(db, "SELECT value FROM setting WHERE key = 'language'") == [('"en"',)]


@pytest.fixture(autouse=True)
def _vietnamese_again():
    yield
    i18n.install("vi")
