"""The menu bar and toolbar, assembled from each controller's actions."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from ui.actions import make_action
from ui.i18n import _


def _fill(menu, items) -> None:
    for item in items:
        menu.addSeparator() if item is None else menu.addAction(item)


def build_menus(window: QMainWindow, bar: QToolBar, *, report, exchange, office, undo_stack, navigation,
                carry=None, history=None) -> None:
    """File, Edit, Report, Go to, Sync, Settings and Help menus; the toolbar's actions.

    ``navigation`` maps each "Go to" entry to its slot: next, previous, findings, figures, text, outline.
    """
    menu = window.menuBar()
    quit_ = make_action(window, _("&Thoát"), window.close, QKeySequence.StandardKey.Quit)
    _fill(menu.addMenu(_("&Tệp")), (office.sample, office.new_office, None, report.import_word, None,
                                    *report.exports.values(), report.print_,
                                    None, office.backup, *((history.restore,) if history else ()), None, quit_))
    undo = undo_stack.createUndoAction(window, _("&Hoàn tác"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, _("&Làm lại"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    _fill(menu.addMenu(_("&Sửa")), (undo, redo))
    starting = (carry.start_next, None) if carry else ()
    _fill(menu.addMenu(_("&Báo cáo")), (*starting, report.preview, report.heading, None, report.complete, report.reopen, report.issue,
                                        report.revise, None, report.issued, report.scan,
                                        *((None, history.audit, history.cell) if history else ())))
    go = [make_action(window, _("Mục &tiếp theo"), navigation["next"], "Ctrl+PgDown"),
          make_action(window, _("Mục &trước"), navigation["previous"], "Ctrl+PgUp"),
          make_action(window, _("Bảng &cần xem"), navigation["findings"], "F6"),
          make_action(window, _("Bảng &số liệu"), navigation["figures"], "Ctrl+1"),
          make_action(window, _("Ô &nội dung"), navigation["text"], "Ctrl+2"),
          make_action(window, _("Mục &lục"), navigation["outline"], "Ctrl+0")]
    _fill(menu.addMenu(_("Đi &tới")), go)
    _fill(menu.addMenu(_("Đồng &bộ")), exchange.menu_items())
    bar.addAction(exchange.sync_now)
    _fill(menu.addMenu(_("&Cài đặt")), (office.profile, office.templates))
    _fill(menu.addMenu(_("T&rợ giúp")), (*((history.guide, history.keys, None) if history else ()),
                                       office.about_action))
    for action in (report.preview, report.exports["pdf"], report.print_, report.complete, report.issue):
        bar.addAction(action)
