"""First start: the welcome, the office wizard, and the screen "Để sau" leaves behind.

An empty database never shows an empty grey window: until a report opens, a
screen says what to do next and offers the two ways to begin.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.controllers.context import WindowContext
from ui.dialogs import FirstRunDialog
from ui.i18n import _
from ui.office_wizard import OfficeWizard
from ui.operations import first_start as first_start_ops


def steps_text() -> str:
    return _("<ol>"
             "<li><b>Tạo đơn vị của bạn</b>: cấp (tỉnh, huyện, xã), tên cơ quan, người ký, mẫu báo cáo và kỳ "
             "báo cáo — khoảng một phút.</li>"
             "<li><b>Nhập từng mục</b> theo mục lục bên trái: số liệu trong bảng, nội dung bên dưới, văn bản và "
             "nhiệm vụ kỳ tới ở các thẻ.</li>"
             "<li><b>Xem trước, in, ban hành</b> ở menu Báo cáo; bảng “Cần xem” bên phải chỉ chỗ còn thiếu.</li>"
             "</ol>"
             "<p>Muốn xem một báo cáo hoàn chỉnh trước: mở báo cáo mẫu của Sở LĐTBXH Thừa Thiên Huế (Ctrl+M).</p>")


class StartScreen(QFrame):
    """What to do next, over the empty window, until a report is open."""

    def __init__(self, window: QWidget, covered: QWidget, *, database: str, create, sample) -> None:
        super().__init__(window)  # over ``covered`` (a splitter would take a child of its own as a pane)
        self.covered = covered
        self.setObjectName("start-screen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#start-screen { background: palette(base); }")
        heading = QLabel(_("Chưa có đơn vị nào trong cơ sở dữ liệu này"), self)
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        steps = QLabel(steps_text(), self)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        self.create = QPushButton(_("Tạo đơn vị của tôi…"), self)
        self.create.setDefault(True)
        self.sample = QPushButton(_("Mở báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)"), self)
        self.create.clicked.connect(create)
        self.sample.clicked.connect(sample)
        where = QLabel(_("Cơ sở dữ liệu: {path}").format(path=database), self)
        where.setObjectName("data-database")
        where.setStyleSheet("color: palette(mid);")
        where.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.create)
        row.addWidget(self.sample)
        row.addStretch(1)
        column = QVBoxLayout()
        for widget in (heading, steps):
            column.addWidget(widget)
        column.addLayout(row)
        column.addSpacing(12)
        column.addWidget(where)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        outer.setContentsMargins(24, 32, 24, 24)
        covered.installEventFilter(self)
        self.setGeometry(covered.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.covered and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.setGeometry(self.covered.geometry())
        return False


class FirstStart:
    """The welcome dialog, the wizard and the start screen, on behalf of the office menu."""

    def __init__(self, ctx: WindowContext, *, sample) -> None:
        self.ctx, self.sample = ctx, sample
        self.screen: StartScreen | None = None

    def welcome(self) -> None:
        """Shown (without blocking) when the database has no office yet."""
        dialog = FirstRunDialog(self.ctx.parent)
        self.ctx.keep("first_run_dialog", dialog)

        def chosen(result: int) -> None:
            if result and dialog.choice == FirstRunDialog.CREATE:
                self.create_office()
            elif result and dialog.choice == FirstRunDialog.SAMPLE:
                self.sample()
            else:
                self.show_screen()

        dialog.finished.connect(chosen)
        dialog.open()

    def show_screen(self) -> None:
        """The screen that says what to do next, over the window until a report opens."""
        window = self.ctx.parent
        if self.screen is None:
            self.screen = StartScreen(window, window.centralWidget(), database=getattr(window, "db_label", ""),
                                      create=self.create_office, sample=self.sample)
            window.windowTitleChanged.connect(lambda _title: self._report_opened())
            self.ctx.keep("start_screen", self.screen)
        self.screen.show()
        self.screen.raise_()
        self.screen.create.setFocus()

    def _report_opened(self) -> None:
        if self.screen is not None and self.ctx.current() is not None:
            self.screen.hide()

    def create_office(self) -> None:
        wizard = OfficeWizard(self.ctx.parent)
        self.ctx.keep("office_wizard", wizard)
        wizard.accepted.connect(lambda: self._create(wizard.choices()))
        wizard.rejected.connect(lambda: self.show_screen() if self.ctx.current() is None else None)
        wizard.open()

    def _create(self, chosen: dict) -> None:
        first_start_ops.create_office_ready(
            parent=self.ctx.parent, ops=self.ctx.ops, code=chosen["code"], level=chosen["level"],
            profile=chosen["profile"], template=chosen["template"]) \
            .success(lambda changes: self.ctx.open_office(changes.office, chosen["period"])) \
            .failure(self.ctx.show_error).run()
