"""The main window: pick a report, read its outline, figures, narrative and findings.

Everything it shows comes from ``app.views`` through ``ui.operations``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import cli_actions, views
from ui.operations import Operations

APP_TITLE = "Báo cáo LĐTBXH"
FIGURE_COLUMNS = ("Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Ghi chú kiểm tra")


class MainWindow(QMainWindow):
    def __init__(self, ops: Operations, db_label: str, warnings: list[str] = ()) -> None:
        super().__init__()
        self.ops = ops
        self.view: views.ReportView | None = None
        self.setWindowTitle(APP_TITLE)
        self.resize(1200, 760)
        self._build_actions()
        self._build_toolbar()
        self._build_body()
        self.statusBar().showMessage(f"Cơ sở dữ liệu: {db_label}")
        for warning in warnings:
            QMessageBox.warning(self, APP_TITLE, warning)
        self.refresh_reports()

    # --- building -------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&Tệp")
        self.open_sample_action = QAction("Mở &báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)", self)
        self.open_sample_action.setShortcut(QKeySequence("Ctrl+M"))
        self.open_sample_action.triggered.connect(self.open_sample)
        self.backup_action = QAction("&Sao lưu cơ sở dữ liệu…", self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(self.backup)
        quit_action = QAction("&Thoát", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for action in (self.open_sample_action, self.backup_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("T&rợ giúp")
        about = QAction("&Giới thiệu", self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Báo cáo", self)
        bar.setObjectName("report-toolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel("Báo cáo: "))
        self.report_picker = QComboBox(self)
        self.report_picker.setMinimumWidth(320)
        self.report_picker.setToolTip("Chọn đơn vị và kỳ báo cáo")
        self.report_picker.currentIndexChanged.connect(self._report_picked)
        bar.addWidget(self.report_picker)
        self.addToolBar(bar)

    def _build_body(self) -> None:
        self.outline = QTreeWidget(self)
        self.outline.setHeaderLabels(["Mục", "Cần xem"])
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outline.header().setStretchLastSection(False)
        self.outline.currentItemChanged.connect(self._section_picked)
        self.figures = QTableWidget(0, len(FIGURE_COLUMNS), self)
        self.figures.setHorizontalHeaderLabels(FIGURE_COLUMNS)
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.verticalHeader().setVisible(False)
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.text = QTextBrowser(self)
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        self.section_title = QLabel(self)
        self.section_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(self.section_title)
        layout.addWidget(self.figures, 2)
        layout.addWidget(self.text, 3)
        self.findings = QListWidget(self)
        self.findings.itemActivated.connect(self._finding_activated)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.outline, centre, self.findings):
            splitter.addWidget(widget)
        splitter.setSizes([300, 640, 260])
        self.setCentralWidget(splitter)

    # --- actions --------------------------------------------------------------
    def refresh_reports(self, select: tuple[str, str] | None = None) -> None:
        def done(items) -> None:
            self.report_picker.blockSignals(True)
            self.report_picker.clear()
            for office, period, label in items:
                self.report_picker.addItem(label, (office, period))
            self.report_picker.blockSignals(False)
            if not items:
                self.section_title.setText("Chưa có báo cáo nào. Chọn Tệp → Mở báo cáo mẫu (Ctrl+M) để xem thử.")
                return
            index = self.report_picker.findData(select) if select else 0
            self.report_picker.setCurrentIndex(max(index, 0))
            self._report_picked()

        self.ops.run(views.report_list, done, self.show_error)

    def open_sample(self) -> None:
        self.statusBar().showMessage("Đang nạp báo cáo mẫu…")
        self.ops.run(cli_actions.load_sample,
                     lambda _: self.refresh_reports(("TTH", "2020-Q1")), self.show_error)

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Sao lưu cơ sở dữ liệu", "baocao-saoluu.sqlite3",
                                              "Cơ sở dữ liệu (*.sqlite3)")
        if path:
            self.ops.run(lambda store: cli_actions.backup(store, path),
                         lambda target: self.statusBar().showMessage(f"Đã sao lưu vào {target}"),
                         self.show_error)

    def about(self) -> None:
        QMessageBox.about(self, APP_TITLE, "Lập, kiểm tra và in báo cáo định kỳ của cơ quan "
                          "Lao động – Thương binh và Xã hội.")

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, APP_TITLE, message)

    # --- showing a report ------------------------------------------------------
    def _report_picked(self, *_args) -> None:
        key = self.report_picker.currentData()
        if key:
            self.ops.run(lambda store: views.report_view(store, *key), self.show_report, self.show_error)

    def show_report(self, view: views.ReportView) -> None:
        self.view = view
        self.setWindowTitle(f"{APP_TITLE} – {view.office_name.title()} ({view.office_code}) – "
                            f"{view.period_label} – {view.status} (bản {view.revision})")
        self.outline.clear()
        parents: dict[int, QTreeWidgetItem] = {}
        for section in view.sections:
            item = QTreeWidgetItem([f"{section.number}. {section.title}",
                                    f"⚠ {section.findings}" if section.findings else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, section.code)
            item.setToolTip(0, section.title)
            parent = parents.get(section.depth - 1)
            (parent.addChild(item) if parent else self.outline.addTopLevelItem(item))
            parents[section.depth] = item
        self.outline.expandAll()
        self.findings.clear()
        for finding in view.findings:
            entry = QListWidgetItem(str(finding))
            entry.setData(Qt.ItemDataRole.UserRole, finding.section)
            self.findings.addItem(entry)
        if not view.findings:
            self.findings.addItem("Không có lỗi hay cảnh báo.")
        self.outline.setCurrentItem(self.outline.topLevelItem(0))
        self.statusBar().showMessage(f"{view.office_code} – {view.period_label}: {view.status}, "
                                     f"{len(view.findings)} mục cần xem")

    def _section_picked(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None or self.view is None:
            return
        code = item.data(0, Qt.ItemDataRole.UserRole)
        section = next(s for s in self.view.sections if s.code == code)
        self.section_title.setText(f"{section.number}. {section.title}")
        self.figures.setRowCount(len(section.figures))
        for row, fig in enumerate(section.figures):
            cells = ("    " * fig.depth + fig.label, fig.unit, fig.shown, "; ".join(fig.findings))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.figures.setItem(row, col, cell)
        self.figures.resizeColumnsToContents()
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        html = "".join(f"<p style='text-align: justify'>{_escape(p)}</p>" for p in section.paragraphs)
        if section.tasks:
            html += "<p><b>Nhiệm vụ kỳ tới</b></p>" + "".join(f"<p>{_escape(t)}</p>" for t in section.tasks)
        self.text.setHtml(html or "<p><i>Mục này chưa có nội dung.</i></p>")

    def _finding_activated(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        matches = self.outline.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for candidate in matches:
            if candidate.data(0, Qt.ItemDataRole.UserRole) == code:
                self.outline.setCurrentItem(candidate)
                break

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.ops.shutdown()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
