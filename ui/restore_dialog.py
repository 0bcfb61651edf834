"""The confirmation before a restore: what the backup holds and what restoring it does."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.i18n import _


def _size(size: int) -> str:
    return _("{n:.1f} MB").format(n=size / 1024**2).replace(".", ",") if size >= 1024**2 \
        else _("{n} KB").format(n=max(1, size // 1024))


def describe(info, database: str) -> str:
    """The backup's facts and the consequences, as rich text."""
    offices = "<br>".join(html.escape(o) for o in info.offices) or _("(chưa có đơn vị)")
    newest = html.escape(info.newest_period) if info.newest_period else _("(chưa có báo cáo)")
    rows = [(_("Tệp"), html.escape(str(info.path))), (_("Đơn vị"), offices),
            (_("Kỳ mới nhất"), newest), (_("Số báo cáo"), str(info.reports)),
            (_("Ngày của tệp"), info.modified), (_("Lược đồ"), f"v{info.schema}"), (_("Dung lượng"), _size(info.size))]
    table = "".join(f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    consequences = [
        _("Mọi số liệu, nội dung, văn bản và nhiệm vụ trong cơ sở dữ liệu đang mở được thay bằng nội dung của "
          "bản sao lưu; những gì nhập sau ngày sao lưu sẽ không còn trong cơ sở dữ liệu."),
        _("Nội dung hiện tại được giữ nguyên thành một tệp có ghi ngày, bên cạnh {db}, nên có thể khôi phục "
          "lại nếu cần.").format(db=html.escape(database)),
        _("Khóa ký của máy này giữ nguyên."),
    ]
    items = "".join(f"<li>{c}</li>" for c in consequences)
    return f"<table>{table}</table><p><b>{_('Khi khôi phục:')}</b></p><ul>{items}</ul>"


class RestoreDialog(QDialog):
    """Shows a ``BackupInfo`` and asks for confirmation; the default button is "Hủy"."""

    def __init__(self, info, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Khôi phục từ bản sao lưu"))
        self.text = QLabel(describe(info, database), self)
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(_("&Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.setMaximumWidth(1000)
