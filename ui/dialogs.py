"""Dialogs: office profile and settings, first run, issuing, a report's title, a reason for a change."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from app.domain.model import OfficeProfile
from ui import ask
from ui.heading_dialog import HeadingDialog  # noqa: F401 (imported from here too)
from ui.i18n import _


def _date_edit(parent, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ProfileDialog(QDialog):
    """The office's header lines, signer and recipients, dated; and the app's settings.

    Names are effective-dated: changing "Áp dụng từ ngày" keeps the old names
    for reports before that day (a 2020 report keeps its 2020 names).
    """

    def __init__(self, profile: OfficeProfile | None, *, code: str = "", creating: bool = False,
                 shared_folder: str = "", language: str = "vi", backup_to_folder: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tạo đơn vị") if creating else _("Thông tin đơn vị và cài đặt"))
        self.creating = creating
        p = profile or OfficeProfile(dt.date.today(), "", "", "", "LĐTBXH", signer_title="TRƯỞNG PHÒNG",
                                     deputy_title="PHÓ TRƯỞNG PHÒNG", recipients=("Như trên;", "Lưu: VT."))
        self._office_fields(p, code, creating)
        folder_row = self._settings_fields(shared_folder, language, backup_to_folder)
        self._lay_out(folder_row, creating)

    def _office_fields(self, p: OfficeProfile, code: str, creating: bool) -> None:
        self.code = QLineEdit(code, self)
        self.code.setReadOnly(not creating)
        self.code.setPlaceholderText(_("Mã ngắn không dấu, ví dụ TTH, PHULOC"))
        self.level = QComboBox(self)
        for key, label in (("province", _("Cấp tỉnh")), ("district", _("Cấp huyện")), ("commune", _("Cấp xã"))):
            self.level.addItem(label, key)
        self.level.setEnabled(creating)
        self.level.setCurrentIndex(1 if creating else 0)
        self.level.currentIndexChanged.connect(lambda _i: self._level_titles())
        self.valid_from = _date_edit(self, p.valid_from)
        self.authority = QLineEdit(p.authority, self)
        self.authority.setPlaceholderText("UBND TỈNH THỪA THIÊN HUẾ")
        self.name = QLineEdit(p.name, self)
        self.name.setPlaceholderText("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI")
        self.place = QLineEdit(p.place, self)
        self.place.setPlaceholderText("Thừa Thiên Huế")
        self.symbol = QLineEdit(p.symbol, self)
        self.parent_code = QLineEdit(p.parent_code or "", self)
        self.signer_title = QLineEdit(p.signer_title, self)
        self.signer_name = QLineEdit(p.signer_name, self)
        self.deputy = QCheckBox(_("Cấp phó ký thay (KT.)"), self)
        self.deputy.setChecked(p.deputy)
        self.deputy_title = QLineEdit(p.deputy_title, self)
        self.deputy_title.setPlaceholderText("PHÓ GIÁM ĐỐC")
        self.recipients = QPlainTextEdit("\n".join(p.recipients), self)
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(90)
        self.addressee = QLineEdit(p.addressee, self)

    def _settings_fields(self, shared_folder: str, language: str, backup_to_folder: bool) -> QHBoxLayout:
        self.folder = QLineEdit(shared_folder, self)
        self.browse = QPushButton(_("Chọn…"), self)
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(self.browse)
        self.auto_backup = QCheckBox(_("Tự động sao lưu vào thư mục dùng chung khi đóng phần mềm"), self)
        self.auto_backup.setChecked(backup_to_folder)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        return folder_row

    def _lay_out(self, folder_row: QHBoxLayout, creating: bool) -> None:
        form = QFormLayout()
        rows = [(_("Mã đơn vị"), self.code), (_("Cấp"), self.level), (_("Áp dụng từ ngày"), self.valid_from),
                (_("Cơ quan chủ quản"), self.authority), (_("Tên cơ quan"), self.name),
                (_("Địa danh (dòng ngày tháng)"), self.place), (_("Chữ viết tắt (số ký hiệu)"), self.symbol),
                (_("Mã đơn vị cấp trên"), self.parent_code), (_("Chức danh người ký"), self.signer_title),
                (_("Họ tên người ký"), self.signer_name), ("", self.deputy),
                (_("Chức danh cấp phó"), self.deputy_title),
                (_("Nơi nhận (mỗi dòng một nơi)"), self.recipients), (_("Kính gửi"), self.addressee)]
        for label, widget in rows:
            form.addRow(label, widget)
        if creating:  # settings are not the new office's; keep them out of the layout and out of sight
            for widget in (self.folder, self.browse, self.auto_backup, self.language):
                widget.hide()
        else:
            form.addRow(_("Thư mục dùng chung"), folder_row)
            form.addRow("", self.auto_backup)
            form.addRow(_("Ngôn ngữ"), self.language)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ask.buttons(self, _("Tạo") if creating else _("Lưu")))

    def _level_titles(self) -> None:
        """A new office's signer titles follow its level (GIÁM ĐỐC, TRƯỞNG PHÒNG, CHỦ TỊCH)."""
        titles = {"province": ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "district": ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
                  "commune": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")}
        known = {title for pair in titles.values() for title in pair}
        for edit, title in zip((self.signer_title, self.deputy_title), titles[self.level.currentData()], strict=True):
            if not edit.text().strip() or edit.text() in known:
                edit.setText(title)

    def _browse(self) -> None:
        folder = ask.folder(self, _("Chọn thư mục dùng chung"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def profile(self) -> OfficeProfile:
        day = self.valid_from.date()
        recipients = tuple(line.strip() for line in self.recipients.toPlainText().split("\n") if line.strip())
        return OfficeProfile(
            valid_from=dt.date(day.year(), day.month(), day.day()), name=self.name.text().strip(),
            authority=self.authority.text().strip(), place=self.place.text().strip(),
            symbol=self.symbol.text().strip(), parent_code=self.parent_code.text().strip().upper() or None,
            signer_title=self.signer_title.text().strip(), signer_name=self.signer_name.text().strip(),
            deputy=self.deputy.isChecked(), deputy_title=self.deputy_title.text().strip(),
            recipients=recipients, addressee=self.addressee.text().strip(),
        )

    def accept(self) -> None:
        p = self.profile()
        missing = [label for label, text in ((_("mã đơn vị"), self.code.text().strip()), (_("tên cơ quan"), p.name),
                                             (_("địa danh"), p.place), (_("chữ viết tắt"), p.symbol)) if not text]
        if missing:
            self.error.setText(_("Còn thiếu: {fields}.").format(fields=", ".join(missing)))
            return
        super().accept()


class FirstRunDialog(QDialog):
    """No office yet: create mine, or open the sample report to look around."""

    CREATE, SAMPLE = 1, 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Bắt đầu"))
        self.choice = 0
        text = QLabel(_("Chào mừng! Cơ sở dữ liệu chưa có đơn vị nào.\n"
                        "Tạo đơn vị của bạn để lập báo cáo, hoặc mở báo cáo mẫu để xem thử."), self)
        create = QPushButton(_("Tạo đơn vị của tôi…"), self)
        sample = QPushButton(_("Mở báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)"), self)
        later = QPushButton(_("Để sau"), self)
        create.clicked.connect(lambda: self._choose(self.CREATE))
        sample.clicked.connect(lambda: self._choose(self.SAMPLE))
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, create, sample, later):
            layout.addWidget(widget)
        create.setDefault(True)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class IssueDialog(QDialog):
    """Number, date and signer; issuing keeps the exact PDF and freezes this revision."""

    def __init__(self, signer_title: str, signer_name: str, symbol: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Ban hành báo cáo"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText("45")
        self.date = _date_edit(self, dt.date.today())
        self.signer_title = QLineEdit(signer_title, self)
        self.signer_name = QLineEdit(signer_name, self)
        self.symbol = QLabel(f"/BC-{symbol}", self)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.symbol)
        form = QFormLayout()
        form.addRow(_("Số"), number_row)
        form.addRow(_("Ngày ban hành"), self.date)
        form.addRow(_("Chức danh người ký"), self.signer_title)
        form.addRow(_("Họ tên người ký"), self.signer_name)
        note = QLabel(_("Sau khi ban hành, báo cáo không sửa trực tiếp được; bản PDF được lưu kèm mã SHA-256."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(ask.buttons(self, _("Ban hành")))

    def values(self) -> dict:
        day = self.date.date()
        return {"number": self.number.text().strip(), "issued_on": dt.date(day.year(), day.month(), day.day()),
                "signer_title": self.signer_title.text().strip(), "signer_name": self.signer_name.text().strip()}


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.reason)
        layout.addWidget(ask.buttons(self, _("Đồng ý")))

    def text(self) -> str:
        return self.reason.text().strip()
