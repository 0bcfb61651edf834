"""First start, step by step: the office's level and names, its signer, its template, its period.

Each level brings what goes with it: the signer titles (GIÁM ĐỐC for a Sở, TRƯỞNG
PHÒNG for a Phòng, CHỦ TỊCH for a commune), the usual office name and the template
made for it; "Áp dụng từ ngày" is today, and the period offered is the one whose
report is due next, with the earlier ones in the same list.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.domain.formatting import short_date
from app.domain.model import OfficeProfile
from ui.i18n import _
from ui.operations import first_start

LEVELS = ("province", "district", "commune")


def level_defaults() -> dict[str, dict]:
    """What each level brings: its label, usual names, symbol and the signer titles to offer."""
    return {
        "province": {"label": _("Sở – cấp tỉnh (Sở Lao động – Thương binh và Xã hội)"),
                     "name": "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "authority": "UBND TỈNH THỪA THIÊN HUẾ",
                     "place": "Thừa Thiên Huế", "symbol": "LĐTBXH", "titles": ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")},
        "district": {"label": _("Phòng – cấp huyện (Phòng Lao động – Thương binh và Xã hội)"),
                     "name": "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "authority": "UBND HUYỆN PHÚ LỘC",
                     "place": "Phú Lộc", "symbol": "LĐTBXH", "titles": ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG")},
        "commune": {"label": _("Xã, phường – cấp xã (từ năm 2026, sau sắp xếp năm 2025)"),
                    "name": "", "authority": "THÀNH PHỐ HUẾ", "place": "Phú Lộc", "symbol": "UBND",
                    "titles": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")},
    }


def _line(parent, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    return edit


class LevelPage(QWizardPage):
    """The level, then the office's code and header lines (filled with the level's usual names)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Đơn vị của bạn"))
        self.setSubTitle(_("Chọn cấp của đơn vị; tên thường dùng của cấp đó được điền sẵn để sửa."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for index, (key, info) in enumerate(level_defaults().items()):
            button = QRadioButton(info["label"], self)
            button.setProperty("level", key)
            self.group.addButton(button, index)
            layout.addWidget(button)
        self.code = _line(self, _("Mã ngắn không dấu, ví dụ TTH, PHULOC"))
        self.authority, self.name = _line(self), _line(self)
        self.place = _line(self)
        self.symbol, self.parent_code = _line(self), _line(self, _("không bắt buộc, ví dụ TTH"))
        form = QFormLayout()
        for label, widget in ((_("Mã đơn vị"), self.code), (_("Cơ quan chủ quản"), self.authority),
                              (_("Tên cơ quan"), self.name), (_("Địa danh (dòng ngày tháng)"), self.place),
                              (_("Chữ viết tắt (số ký hiệu)"), self.symbol),
                              (_("Mã đơn vị cấp trên"), self.parent_code)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self._filled: dict[QLineEdit, str] = {}
        self.group.idToggled.connect(lambda _id, on: on and self._level_chosen())
        self.group.button(1).setChecked(True)  # most offices are districts

    def level(self) -> str:
        return self.group.checkedButton().property("level")

    def _level_chosen(self) -> None:
        """Fill the level's usual names into fields the operator has not changed."""
        info = level_defaults()[self.level()]
        for edit, text in ((self.name, info["name"]), (self.symbol, info["symbol"])):
            if not edit.text().strip() or edit.text() == self._filled.get(edit):
                edit.setText(text)
                self._filled[edit] = text
        example = _("ví dụ {text}")
        self.authority.setPlaceholderText(example.format(text=info["authority"]))
        self.place.setPlaceholderText(example.format(text=info["place"]))
        self.name.setPlaceholderText(example.format(text=info["name"] or "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC"))

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        missing = [label for label, edit in ((_("mã đơn vị"), self.code), (_("tên cơ quan"), self.name),
                                             (_("địa danh"), self.place), (_("chữ viết tắt"), self.symbol))
                   if not edit.text().strip()]
        self.error.setText(_("Còn thiếu: {fields}.").format(fields=", ".join(missing)) if missing else "")
        return not missing


class SignerPage(QWizardPage):
    """Who signs, with the titles of the level; the names apply from today."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Người ký và nơi nhận"))
        self.setSubTitle(_("Chức danh gợi ý theo cấp đã chọn; gõ chức danh khác nếu cần."))
        self.signer_title = QComboBox(self)
        self.signer_title.setEditable(True)
        self.signer_name = _line(self, _("ví dụ Nguyễn Văn A"))
        self.deputy = QCheckBox(_("Cấp phó ký thay (KT.)"), self)
        self.deputy_title = QComboBox(self)
        self.deputy_title.setEditable(True)
        today = dt.date.today()
        self.valid_from = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.valid_from.setDisplayFormat("dd/MM/yyyy")
        self.valid_from.setCalendarPopup(True)
        self.recipients = QPlainTextEdit("Như trên;\nLưu: VT.", self)
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(70)
        self.addressee = _line(self, _("báo cáo gửi cấp trên, ví dụ Sở Lao động – Thương binh và Xã hội"))
        form = QFormLayout(self)
        for label, widget in ((_("Chức danh người ký"), self.signer_title), (_("Họ tên người ký"), self.signer_name),
                              ("", self.deputy), (_("Chức danh cấp phó"), self.deputy_title),
                              (_("Áp dụng từ ngày"), self.valid_from),
                              (_("Nơi nhận (mỗi dòng một nơi)"), self.recipients), (_("Kính gửi"), self.addressee)):
            form.addRow(label, widget)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        titles = level_defaults()[self.wizard().level_page.level()]["titles"]
        for box, title in ((self.signer_title, titles[0]), (self.deputy_title, titles[1])):
            box.clear()
            box.addItems(titles)
            box.setCurrentText(title)


class TemplatePage(QWizardPage):
    """The templates shipped, the one made for the level first and chosen."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Mẫu báo cáo"))
        self.setSubTitle(_("Mẫu quyết định các mục và chỉ tiêu của báo cáo; sửa được sau ở Cài đặt → Mẫu báo cáo."))
        self.group = QButtonGroup(self)
        self.layout_ = QVBoxLayout(self)
        self.buttons: list[QRadioButton] = []
        self.notes: list[QLabel] = []

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        for widget in (*self.buttons, *self.notes):
            self.group.removeButton(widget) if isinstance(widget, QRadioButton) else None
            widget.deleteLater()
        self.buttons, self.notes = [], []
        level = self.wizard().level_page.level()
        for choice in first_start.template_choices(level):
            mark = _(" (đề nghị cho cấp này)") if choice.level == level else ""
            button = QRadioButton(choice.title + mark, self)
            button.setProperty("code", choice.code)
            note = QLabel(choice.description, self)
            note.setWordWrap(True)
            note.setIndent(24)
            self.group.addButton(button)
            self.layout_.addWidget(button)
            self.layout_.addWidget(note)
            self.buttons.append(button)
            self.notes.append(note)
        self.buttons[0].setChecked(True)

    def code(self) -> str:
        return self.group.checkedButton().property("code")


class PeriodPage(QWizardPage):
    """The period due next by the data cut-off; the earlier ones a click away in the same list."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Kỳ báo cáo"))
        current = first_start.current_period()
        # two lines, so the decree's symbol "09/2019/NĐ-CP" is never split at a slash or its hyphen
        self.setSubTitle(_("Hôm nay {today}: báo cáo đến hạn là {period}, hạn gửi {due}\n(theo Nghị định "
                           "09/2019/NĐ-CP). Chọn kỳ khác nếu cần lập báo cáo kỳ trước.").format(
            today=short_date(dt.date.today()), period=current.label, due=short_date(first_start.due_date(current))))
        self.period = QComboBox(self)
        self.period.setObjectName("choices")
        for period in first_start.period_choices():
            self.period.addItem(f"{period} – {period.label}", str(period))
        self.period.setCurrentIndex(max(self.period.findData(str(current)), 0))
        hint = QLabel(_("Sau này đổi kỳ ở ô “Kỳ” trên thanh công cụ: chọn trong danh sách, hoặc gõ như 2020-Q2 "
                        "rồi Enter."), self)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Mở báo cáo"), self.period)
        form.addRow(hint)


class OfficeWizard(QWizard):
    """The four pages; ``result()`` gives what the office is created with."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tạo đơn vị"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        for button, text in ((QWizard.WizardButton.NextButton, _("Tiếp theo >")),
                             (QWizard.WizardButton.BackButton, _("< Quay lại")),
                             (QWizard.WizardButton.FinishButton, _("Tạo và mở báo cáo")),
                             (QWizard.WizardButton.CancelButton, _("Hủy"))):
            self.setButtonText(button, text)
        self.level_page, self.signer_page = LevelPage(self), SignerPage(self)
        self.template_page, self.period_page = TemplatePage(self), PeriodPage(self)
        for page in (self.level_page, self.signer_page, self.template_page, self.period_page):
            self.addPage(page)
        self.resize(720, 560)

    def profile(self) -> OfficeProfile:
        lp, sp = self.level_page, self.signer_page
        day = sp.valid_from.date()
        recipients = tuple(line.strip() for line in sp.recipients.toPlainText().split("\n") if line.strip())
        return OfficeProfile(
            valid_from=dt.date(day.year(), day.month(), day.day()), name=lp.name.text().strip(),
            authority=lp.authority.text().strip(), place=lp.place.text().strip(), symbol=lp.symbol.text().strip(),
            parent_code=lp.parent_code.text().strip().upper() or None,
            signer_title=sp.signer_title.currentText().strip(), signer_name=sp.signer_name.text().strip(),
            deputy=sp.deputy.isChecked(), deputy_title=sp.deputy_title.currentText().strip(),
            recipients=recipients, addressee=sp.addressee.text().strip())

    def choices(self) -> dict:
        """code, level, profile, template and period, as the operator left them."""
        return {"code": self.level_page.code.text().strip(), "level": self.level_page.level(),
                "profile": self.profile(), "template": self.template_page.code(),
                "period": self.period_page.period.currentData()}
