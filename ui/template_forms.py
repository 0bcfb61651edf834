"""The template editor's forms: one for a section, one for an indicator."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.domain import kinds
from app.domain.template import OPS
from ui.i18n import _

#: A figure of each kind to show what the display choices print.
_EXAMPLES = {"count": ((Decimal(41_234), None), (Decimal(4), None)),
             "money": ((Decimal(245_118_000_000), None), (Decimal(6_300_000_000), None)),
             "decimal": ((Decimal("2607.25"), None),), "percent": ((Decimal("50.8"), None),),
             "ratio": ((Decimal(4), Decimal(4)), (Decimal(12), Decimal(15)))}


def kind_labels() -> dict[str, str]:
    return {"count": _("Số lượng"), "money": _("Tiền (đồng)"), "decimal": _("Số thập phân"),
            "percent": _("Phần trăm"), "ratio": _("Tỉ lệ a/b")}


def part_labels() -> dict[str, str]:
    return {"": _("— (không phải “trong đó”)"), "exhaustive": _("Các phần cộng đủ bằng tổng"),
            "partial": _("Một phần, không vượt tổng"), "subrate": _("Tỉ lệ con, không cộng")}


def scale_labels() -> dict[str, str]:
    return {"": _("Theo loại giá trị (tiền: tự chọn triệu/tỷ)"), "dong": _("đồng"), "nghin": _("nghìn"),
            "trieu": _("triệu"), "ty": _("tỷ")}


def pad_labels() -> dict[str, str]:
    return {"": _("Theo cài đặt chung của mẫu"), "yes": _("Có (04, 04/04)"), "no": _("Không (4, 4/4)")}


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
        self._display_controls()
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
        for label, widget in ((_("Hiển thị theo đơn vị"), self.scale), (_("Số chữ số thập phân"), self.decimals),
                              (_("Thêm số 0 trước số nhỏ hơn 10"), self.pad), (_("Ví dụ khi in"), self.example),
                              (_("Kế hoạch năm"), self.target)):
            form.addRow(label, widget)

    def _display_controls(self) -> None:
        """How the figure prints (scale, decimals, padding, with a live example) and what reaching its plan means."""
        self.scale = _combo(self, scale_labels())
        self.decimals = _combo(self, {"": _("Theo số liệu"), **{str(n): str(n) for n in range(kinds.MAX_DECIMALS + 1)}})
        self.pad = _combo(self, pad_labels())
        self.target = _combo(self, {"": _("Đạt khi bằng hoặc vượt kế hoạch"),
                                    "at_most": _("Đạt khi không vượt kế hoạch (“dưới 5%”)")})
        self.example = QLabel(self)
        for box in (self.kind, self.scale, self.decimals, self.pad):
            box.currentIndexChanged.connect(self._show_example)
        self.unit.textChanged.connect(self._show_example)

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
        _select(self.scale, data.get("scale"))
        _select(self.decimals, None if data.get("decimals") is None else str(data["decimals"]))
        _select(self.pad, None if data.get("pad") is None else "yes" if data["pad"] else "no")
        _select(self.target, data.get("target") or "")
        self._show_example()

    def display(self) -> dict:
        """The display keys chosen (None: not set, the kind's own way or the template's switch)."""
        decimals, pad = self.decimals.currentData(), self.pad.currentData()
        return {"scale": self.scale.currentData() or None, "decimals": int(decimals) if decimals else None,
                "pad": (pad == "yes") if pad else None, "target": self.target.currentData() or None}

    def _show_example(self) -> None:
        """What a figure of this kind prints as with the choices made (or why it cannot)."""
        kind = kinds.of(self.kind.currentData() or "count")
        chosen = self.display()
        if chosen["scale"] and chosen["scale"] not in kind.scales or chosen["pad"] is not None and not kind.paddable \
                or chosen["decimals"] is not None and not kind.has_fraction(chosen["scale"]):
            self.example.setText(_("(loại giá trị này không hiển thị như vậy)"))
            return
        display = kinds.Display(chosen["scale"], chosen["decimals"], bool(chosen["pad"]))
        unit = self.unit.text().strip()
        self.example.setText("; ".join(kind.with_unit(kind.format(n, d, display), unit)
                                       for n, d in _EXAMPLES[kind.name]))

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
            "rules": rules, "appendix": self.appendix.isChecked(), **self.display(),
        }
