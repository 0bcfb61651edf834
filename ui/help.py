"""Trợ giúp: the user guide and the list of keyboard shortcuts, read from the window's own actions."""
from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from ui.i18n import _


def grid_keys() -> tuple[tuple[str, str], ...]:
    """The grid's own keys (not actions, so not in any menu)."""
    return (("Enter", _("Lưu ô đang sửa và xuống dòng")), ("Tab / Shift+Tab", _("Sang ô bên phải / bên trái")),
            ("Delete", _("Xóa số liệu của ô")), ("Esc", _("Bỏ phần đang gõ trong ô")))


def _walk(menu, path: str):
    for action in menu.actions():
        if action.menu():
            yield from _walk(action.menu(), f"{path} → {action.menu().title().replace('&', '')}")
        elif not action.isSeparator():
            yield path, action


def shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(keys, menu path, action) for every menu action of ``window`` that has a shortcut, in menu order."""
    found, seen = [], set()
    for top in window.menuBar().actions():
        if top.menu() is None:
            continue
        for path, action in _walk(top.menu(), top.menu().title().replace("&", "")):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and id(action) not in seen:
                seen.add(id(action))
                found.append((", ".join(keys), path, action.text().replace("&", "")))
    for action in window.findChildren(QAction):  # shortcuts not in a menu
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys and id(action) not in seen and action.text():
            seen.add(id(action))
            found.append((", ".join(keys), "", action.text().replace("&", "")))
    return found


def shortcuts_html(window: QMainWindow) -> str:
    rows = "".join(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(path)}</td>"
                   f"<td>{html.escape(text)}</td></tr>" for keys, path, text in shortcuts(window))
    grid = "".join(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(_('Bảng số liệu'))}</td>"
                   f"<td>{html.escape(text)}</td></tr>" for keys, text in grid_keys())
    head = f"<tr><th align='left'>{_('Phím')}</th><th align='left'>{_('Trình đơn')}</th>" \
           f"<th align='left'>{_('Lệnh')}</th></tr>"
    return (f"<h2 id='phim-tat'>{_('Phím tắt')}</h2>"
            f"<table cellspacing='0' cellpadding='3'>{head}{rows}{grid}</table>")


class HelpDialog(QDialog):
    """A browser over the guide (or only the shortcut list); non-modal, fits a 1366×768 screen."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 640)
