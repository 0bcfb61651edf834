"""Qt's own dialogs speak Vietnamese: message-box buttons, the file dialog, the print dialog."""
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QTreeView

from app import paths
from ui import i18n


@pytest.fixture
def vietnamese(qapp):
    assert i18n.install_qt("vi")
    yield
    i18n.install_qt("vi")


def test_catalog_is_shipped_compiled_and_complete():
    tree = ET.parse(paths.resource("locale", "qtbase_vi.ts"))
    messages = tree.findall(".//message")
    assert len(messages) > 250
    unfinished = [m.findtext("source") for m in messages
                  if not (m.findtext("translation") or "").strip() or m.find("translation").get("type")]
    assert unfinished == []
    for message in messages:  # every %1 kept
        source, target = message.findtext("source"), message.findtext("translation")
        assert sorted(part for part in ("%1", "%2", "%3") if part in source) == \
            sorted(part for part in ("%1", "%2", "%3") if part in target), source
    assert paths.resource("locale", "qtbase_vi.qm").stat().st_size > 10_000


@pytest.mark.parametrize(("context", "source", "vietnamese_text"), [
    ("QPlatformTheme", "OK", "Đồng ý"), ("QPlatformTheme", "Cancel", "Hủy"), ("QPlatformTheme", "&Yes", "&Có"),
    ("QFileSystemModel", "Name", "Tên"), ("QFileSystemModel", "Date Modified", "Ngày sửa"),
    ("QFileDialog", "File &name:", "Tên &tệp:"), ("QPrintDialog", "Print", "In"),
    ("QPrintSettingsOutput", "Copies:", "Số bản:"), ("QPageSetupWidget", "Portrait", "Dọc"),
    ("QLineEdit", "&Paste", "&Dán"), ("QAbstractFileIconProvider", "Folder", "Thư mục"),
])
def test_qt_strings_translate(vietnamese, context, source, vietnamese_text):
    assert QCoreApplication.translate(context, source) == vietnamese_text


def test_message_box_and_button_box_say_dong_y(vietnamese, qtbot):
    box = QMessageBox(QMessageBox.Icon.Information, "Báo cáo", "Đã lưu.", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text().replace("&", "") == "Đồng ý"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert [b.text().replace("&", "") for b in buttons.findChildren(QPushButton)] in (["Đồng ý", "Hủy"],
                                                                                      ["Hủy", "Đồng ý"])


def test_file_dialog_columns_are_vietnamese(vietnamese, qtbot, tmp_path):
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    view = dialog.findChild(QTreeView)
    headers = [view.model().headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for c in range(view.model().columnCount())]
    assert headers[:2] == ["Tên", "Cỡ"] and "Ngày sửa" in headers
    assert QLocale().language() == QLocale.Language.Vietnamese


def test_english_mode_removes_the_vietnamese_catalog(qapp):
    try:
        assert not i18n.install_qt("en")
        assert QCoreApplication.translate("QPlatformTheme", "OK") == "OK"
    finally:
        i18n.install_qt("vi")
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "Đồng ý"
