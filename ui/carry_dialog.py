"""Báo cáo → Bắt đầu kỳ mới từ kỳ trước: every section's narrative carried, then a review of what was."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.period import Period
from ui.i18n import _


class CarryReviewDialog(QDialog):
    """What was carried from which period, section by section, and what the operator does next."""

    def __init__(self, carried, parent=None) -> None:
        super().__init__(parent)
        source, target = Period.parse(carried.source).label, Period.parse(carried.target).label
        self.setWindowTitle(_("Đã bắt đầu {target} từ {source}").format(target=target, source=source))
        self.resize(760, 520)
        copied = len(carried.copied)
        summary = _("Đã chép {count} phần nội dung của {source} sang {target}. Các số liệu trong lời văn "
                    "({example}) nay hiện số của {target}: hãy nhập số liệu kỳ mới, rồi đọc lại từng mục.") \
            .format(count=copied, source=source, target=target, example="{VL_MOI}")
        if not copied:
            summary = _("Không có phần nào cần chép: {target} đã có nội dung riêng ở mọi mục của {source}.") \
                .format(target=target, source=source)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.table = _review_table(carried, self)
        extra = []
        if carried.checklist:
            extra.append(_("{count} nhiệm vụ đề ra {source} nay là danh sách kiểm tra ở thẻ “Kết quả nhiệm vụ kỳ "
                           "trước” của từng mục.").format(count=carried.checklist, source=source))
        if carried.documents:
            extra.append(_("{count} văn bản các kỳ trước vẫn dẫn được bằng {{VB:…}}.").format(count=carried.documents))
        self.extra = QLabel("\n".join(extra), self)
        self.extra.setWordWrap(True)
        self.extra.setVisible(bool(extra))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(_("Đóng"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, self.extra, buttons):
            layout.addWidget(widget)


    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()  # wrapped at the width the dialog opened with


def _review_table(carried, parent) -> QTableWidget:
    """One row per section part: the section, which part, what was done, the figures it now prints."""
    parts = {"results": _("Kết quả"), "plan": _("Lời dẫn nhiệm vụ kỳ tới")}
    rows = [(p.title, parts[p.part], _("Giữ nội dung đã viết cho kỳ mới") if p.kept
             else _("{count} đoạn").format(count=p.paragraphs), "" if p.kept else str(len(p.placeholders)),
             ", ".join(p.placeholders)) for p in carried.parts]
    rows += [(code, "", _("Mẫu kỳ mới không có mục này: không chép"), "", "") for code in carried.dropped]
    table = QTableWidget(len(rows), 4, parent)
    table.setHorizontalHeaderLabels([_("Mục"), _("Phần"), _("Đã chép"), _("Số liệu kỳ mới")])
    table.setAccessibleName(_("Những gì đã chép"))
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (title, part, done, figures, codes) in enumerate(rows):
        for column, text in enumerate((title, part, done, figures)):
            item = QTableWidgetItem(text)
            item.setToolTip(codes or text)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in (1, 2, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table
