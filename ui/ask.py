"""Questions and file choices with Vietnamese buttons and labels (Qt ships no Vietnamese).

Each function loads the Qt classes it shows when first asked: most controllers import this module,
and the window's start needs none of its dialogs.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ui.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget


def buttons(dialog: QDialog, ok: str, cancel: str = "", on_accept=None) -> QDialogButtonBox:
    """The row under a dialog with our own labels: ``ok`` accepts (through ``on_accept`` when the
    dialog checks its fields first), ``cancel`` (default "Hủy") rejects."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(dialog)
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel or _("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def yes_no(parent: QWidget, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(_("Có"), QMessageBox.ButtonRole.YesRole)
    box.addButton(_("Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def _documents() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or os.getcwd()


def _dialog(parent: QWidget, title: str, name: str, filters: str, saving: bool) -> QFileDialog:
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, os.path.join(_documents(), name) if name else _documents(), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    if os.name != "nt":  # Windows' own dialog speaks the system's language; Qt's needs our labels
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        for label, text in ((QFileDialog.DialogLabel.LookIn, _("Thư mục:")),
                            (QFileDialog.DialogLabel.FileName, _("Tên tệp:")),
                            (QFileDialog.DialogLabel.FileType, _("Loại tệp:")),
                            (QFileDialog.DialogLabel.Accept, _("Lưu") if saving else _("Mở")),
                            (QFileDialog.DialogLabel.Reject, _("Hủy"))):
            dialog.setLabelText(label, text)
    return dialog


def save_file(parent: QWidget, title: str, name: str, filters: str) -> str:
    dialog = _dialog(parent, title, name, filters, saving=True)
    return dialog.selectedFiles()[0] if dialog.exec() else ""


def open_file(parent: QWidget, title: str, filters: str, start: str = "") -> str:
    dialog = _dialog(parent, title, "", filters, saving=False)
    if start:
        dialog.setDirectory(start)
    dialog.setFileMode(dialog.FileMode.ExistingFile)
    return dialog.selectedFiles()[0] if dialog.exec() else ""


def folder(parent: QWidget, title: str, start: str = "") -> str:
    dialog = _dialog(parent, title, "", "", saving=False)
    dialog.setFileMode(dialog.FileMode.Directory)
    dialog.setOption(dialog.Option.ShowDirsOnly, True)
    if start:
        dialog.setDirectory(start)
    return dialog.selectedFiles()[0] if dialog.exec() else ""
