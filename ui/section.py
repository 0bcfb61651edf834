"""The centre of the window: one section's figures, narrative, documents and tasks."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ui.documents import DocumentsModel, DocumentsPanel
from ui.editors import NarrativeEditor, ReviewTable, TasksEditor
from ui.figures import FiguresModel, FiguresView
from ui.i18n import _
from ui.operations.content import blocks_to_text


def _font(widget: QWidget, pixels: int = 0) -> QFont:
    """``widget``'s font in bold (``pixels`` high when given)."""
    font = widget.font()
    font.setBold(True)
    if pixels:
        font.setPixelSize(pixels)
    return font


class SectionEditor(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setFont(_font(self.title, pixels=15))  # a font, not a style sheet: no sheet to apply at start
        self.title.setWordWrap(True)
        self.figures_model = FiguresModel(self)
        self.figures = FiguresView(self.figures_model, self)
        self.reasons = QLabel(self)  # refused input of this section, beside the grid until fixed
        self.reasons.setWordWrap(True)
        self.reasons.setFont(_font(self.reasons))
        palette = self.reasons.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b00020"))
        self.reasons.setPalette(palette)
        self.reasons.setAccessibleName(_("Số liệu chưa lưu"))
        self.reasons.hide()
        grid = QWidget(self)
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.figures)
        grid_layout.addWidget(self.reasons)
        self.narrative = NarrativeEditor(self)
        self.documents_model = DocumentsModel(self)
        self.documents = DocumentsPanel(self.documents_model, self)
        self.tasks = TasksEditor(self)
        self.review = ReviewTable(self)
        self.content = content = QSplitter(Qt.Orientation.Vertical, self)
        content.addWidget(grid)
        content.addWidget(self.narrative)
        content.setSizes([260, 380])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(content, _("Số liệu và nội dung"))
        self.tabs.addTab(self.documents, _("Văn bản"))
        self.tabs.addTab(self.tasks, _("Nhiệm vụ kỳ tới"))
        self.tabs.addTab(self.review, _("Kết quả nhiệm vụ kỳ trước"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        self.documents.insert_requested.connect(self._insert_reference)

    def show_section(self, sheet, code: str, messages: dict[str, str]) -> None:
        """Show section ``code`` of ``sheet``: figures, text, next period's tasks, last period's reviews."""
        data, template = sheet.data, sheet.data.template
        section = template.by_section[code]
        self.title.setText(f"{section.number}. {section.title}" + (_("  (chỉ xem)") if sheet.read_only else ""))
        self.figures_model.load(section.indicators, data.values, sheet.prior, messages, sheet.read_only)
        self.figures.setVisible(bool(section.indicators))
        self.narrative.load(blocks_to_text(data.narrative.get((code, "results"), [])), template.indicators,
                            data.values, data.citable, template.pad_small_counts, sheet.read_only, sheet.prior,
                            sheet.special, sheet.following)
        lead = " ".join(b.text for b in data.narrative.get((code, "plan"), []))
        heading = _("Nhiệm vụ {period} – {title}").format(period=data.report.period.next().label,
                                                          title=section.plan_title or section.title)
        self.tasks.load(heading, lead, [t for t in data.tasks if t.section == code], sheet.read_only, data.citable)
        self.review.load(sheet.previous_label, [t for t in sheet.previous_tasks if t.section == code],
                         {r.task_id: r for r in data.reviews}, sheet.read_only, data.citable)

    def show_reasons(self, lines: list[str]) -> None:
        """Why typed figures of this section were refused, one line each ("" hides the line)."""
        self.reasons.setText("\n".join(f"⚠ {line}" for line in lines))
        self.reasons.setVisible(bool(lines))

    def _insert_reference(self, placeholder: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.narrative.insert(placeholder)
