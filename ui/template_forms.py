"""The template editor's forms: one for a section, one for an indicator."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from app.domain.template import OPS
from ui.i18n import _


def kind_labels() -> dict[str, str]:
    return {"count": _("Số lượng"), "money": _("Tiền (đồng)"), "decimal": _("Số thập phân"),
            "percent": _("Phần trăm"), "ratio": _("Tỉ lệ a/b")}


def part_labels() -> dict[str, str]:
    return {"": _("— (không phải “trong đó”)"), "exhaustive": _("Các phần cộng đủ bằng tổng"),
            "partial": _("Một phần, không vượt tổng"), "subrate": _("Tỉ lệ con, không cộng")}


def _combo(parent, items: dict[str, str]) -> QComboBox:
    box = QComboBox(parent)
    for key, label in items.items():
        box.addItem(label, key)
    return box


def _select(box: QComboBox, key) -> None:
    box.setCurrentIndex(max(box.findData(key if key is not None else ""), 0))


class SectionForm(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.code = QLineEdit(self)
        self.code.setReadOnly(True)
        self.title = QLineEdit(self)
        self.plan_title = QLineEdit(self)
        self.plan_title.setPlaceholderText(_("(như tên mục)"))
        form = QFormLayout(self)
        form.addRow(_("Mã mục"), self.code)
        form.addRow(_("Tên mục"), self.title)
        form.addRow(_("Tên ở phần nhiệm vụ kỳ tới"), self.plan_title)

    def load(self, data: dict) -> None:
        self.code.setText(data["code"])
        self.title.setText(data["title"])
        self.plan_title.setText(data.get("plan_title", ""))


class IndicatorForm(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.code = QLineEdit(self)
        self.code.setReadOnly(True)
        self.label = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.kind = _combo(self, kind_labels())
        self.parent_code = QComboBox(self)
        self.part = _combo(self, part_labels())
        self.time = _combo(self, {"flow": _("Cộng dồn theo quý (lượt, số phát sinh)"),
                                  "stock": _("Lấy số quý cuối (số hiện có)")})
        self.offices = _combo(self, {"sum": _("Cộng các đơn vị"), "none": _("Không cộng")})
        self.minimum = QLineEdit(self)
        self.maximum = QLineEdit(self)
        self.rule_op = _combo(self, {"": "—", **{op: op for op in OPS}})
        self.rule_other = QComboBox(self)
        self.rule_severity = _combo(self, {"error": _("Lỗi"), "warning": _("Cảnh báo")})
        self.appendix = QCheckBox(_("In trong bảng phụ lục số liệu"), self)
        rule = QHBoxLayout()
        for widget in (self.rule_op, self.rule_other, self.rule_severity):
            rule.addWidget(widget)
        form = QFormLayout(self)
        for label, widget in ((_("Mã chỉ tiêu"), self.code), (_("Tên chỉ tiêu"), self.label),
                              (_("Đơn vị tính"), self.unit), (_("Loại giá trị"), self.kind),
                              (_("Thuộc chỉ tiêu (trong đó)"), self.parent_code), (_("Kiểu “trong đó”"), self.part),
                              (_("Theo thời gian"), self.time), (_("Theo đơn vị"), self.offices),
                              (_("Nhỏ nhất"), self.minimum), (_("Lớn nhất"), self.maximum)):
            form.addRow(label, widget)
        form.addRow(_("Quy tắc so sánh"), rule)
        form.addRow("", self.appendix)

    def load(self, data: dict, codes: list[str]) -> None:
        self.code.setText(data["code"])
        self.label.setText(data["label"])
        self.unit.setText(data.get("unit", ""))
        _select(self.kind, data.get("kind", "count"))
        for box in (self.parent_code, self.rule_other):
            box.clear()
            box.addItem("—", "")
            for code in codes:
                if code != data["code"]:
                    box.addItem(code, code)
        _select(self.parent_code, data.get("parent"))
        _select(self.part, data.get("part"))
        _select(self.time, data.get("time", "flow"))
        _select(self.offices, data.get("offices", "sum"))
        self.minimum.setText(data.get("min") or "")
        self.maximum.setText(data.get("max") or "")
        rules = data.get("rules") or [{}]
        _select(self.rule_op, rules[0].get("op"))
        _select(self.rule_other, rules[0].get("other"))
        _select(self.rule_severity, rules[0].get("severity", "error"))
        self.appendix.setChecked(bool(data.get("appendix", True)))

    def fields(self) -> dict:
        parent = self.parent_code.currentData() or None
        rules = None
        if self.rule_op.currentData() and self.rule_other.currentData():
            rules = [{"op": self.rule_op.currentData(), "other": self.rule_other.currentData(),
                      "severity": self.rule_severity.currentData()}]
        return {
            "label": self.label.text().strip(), "unit": self.unit.text().strip(), "kind": self.kind.currentData(),
            "parent": parent, "part": (self.part.currentData() or "partial") if parent else None,
            "time": self.time.currentData(), "offices": self.offices.currentData(),
            "min": self.minimum.text().strip() or None, "max": self.maximum.text().strip() or None,
            "rules": rules, "appendix": self.appendix.isChecked(),
        }
