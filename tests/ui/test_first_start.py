"""First start: the wizard by level, the templates shipped per level, the period due, and "Để sau"."""
import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWizard

from app import paths
from app.domain.template import load_file
from app.reporting import due
from tests.ui.conftest import query
from ui.office_wizard import OfficeWizard

TEMPLATES = {"province": "ldtbxh-quy.json", "district": "ldtbxh-huyen.json", "commune": "ldtbxh-xa-2026.json"}
PROVINCE_ONLY = ("COVID", "TNHH", "POSTER", "GPLD_", "BHTN_", "TTLD_", "QTL_THAM_TRA", "CN_DANG_CAI")


def _button(dialog, text):
    return next(b for b in dialog.findChildren(QPushButton) if text in b.text())


def _welcome(make_window, qtbot, tmp_path):
    win = make_window(tmp_path / "bc.sqlite3")
    qtbot.waitUntil(lambda: getattr(win, "first_run_dialog", None) is not None, timeout=5000)
    return win


@pytest.mark.parametrize(("level", "index", "titles"), [("province", 0, ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
                                                         ("district", 1, ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG")),
                                                         ("commune", 2, ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"))])
def test_each_level_brings_its_signer_titles_and_its_template(qtbot, level, index, titles):
    wizard = OfficeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.level_page.group.button(index).setChecked(True)
    for edit, text in ((wizard.level_page.code, "X1"), (wizard.level_page.place, "Phú Lộc"),
                       (wizard.level_page.name, "TÊN CƠ QUAN")):
        edit.setText(text)
    wizard.next()
    sp = wizard.signer_page
    assert (sp.signer_title.currentText(), sp.deputy_title.currentText()) == titles
    assert [sp.signer_title.itemText(i) for i in range(sp.signer_title.count())] == list(titles)
    assert sp.valid_from.date().toPython() == dt.date.today()
    wizard.next()
    assert wizard.template_page.code() == load_file(paths.resource("templates", TEMPLATES[level])).code
    wizard.next()
    assert wizard.period_page.period.currentData() == str(due.current_quarter())
    assert wizard.choices()["level"] == level and wizard.choices()["profile"].signer_title == titles[0]


def test_the_first_page_refuses_missing_fields_by_name(qtbot):
    wizard = OfficeWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.level_page
    assert "mã đơn vị" in wizard.level_page.error.text() and "địa danh" in wizard.level_page.error.text()


def test_changing_level_replaces_the_usual_names_but_not_typed_ones(qtbot):
    wizard = OfficeWizard()
    qtbot.addWidget(wizard)
    page = wizard.level_page
    assert page.name.text() == "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"
    page.group.button(0).setChecked(True)
    assert page.name.text() == "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"
    page.name.setText("SỞ NỘI VỤ")
    page.group.button(1).setChecked(True)
    assert page.name.text() == "SỞ NỘI VỤ"


@pytest.mark.parametrize(("day", "period"), [("2026-12-02", "2026-Q4"), ("2026-12-20", "2026-Q4"),
                                             ("2026-12-21", "2027-Q1"), ("2026-10-01", "2026-Q4"),
                                             ("2026-03-20", "2026-Q1"), ("2026-03-21", "2026-Q2")])
def test_the_period_offered_is_the_one_due_next(day, period):
    today = dt.date.fromisoformat(day)
    assert str(due.current_quarter(today)) == period
    offered = [str(p) for p in due.recent_periods(today)]
    assert period in offered and offered.index(period) <= 3
    previous = str(due.current_quarter(today).previous_quarter())
    assert previous in offered  # a past period a click away


@pytest.mark.parametrize("level", ["district", "commune"])
def test_lower_level_templates_have_no_province_only_content(level):
    path = paths.resource("templates", TEMPLATES[level])
    template = load_file(path)
    text = path.read_text(encoding="utf-8").upper()
    assert not [word for word in PROVINCE_ONLY if word in text]
    province = load_file(paths.resource("templates", TEMPLATES["province"]))
    assert set(template.indicators) < set(province.indicators)  # codes shared: consolidation adds them up
    for code, indicator in template.indicators.items():
        assert indicator.unit == province.indicators[code].unit and indicator.kind == province.indicators[code].kind
    assert "UBND tỉnh" not in json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)


def test_a_district_office_from_first_start_to_its_own_report(make_window, qtbot, tmp_path):
    win = _welcome(make_window, qtbot, tmp_path)
    qtbot.mouseClick(_button(win.first_run_dialog, "Tạo đơn vị"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(win, "office_wizard", None) is not None, timeout=5000)
    wizard = win.office_wizard
    page = wizard.level_page
    page.code.setText("PHULOC")
    page.authority.setText("UBND HUYỆN PHÚ LỘC")
    page.place.setText("Phú Lộc")
    for _ in range(3):
        wizard.next()
    wizard.period_page.period.setCurrentIndex(wizard.period_page.period.count() - 1)  # an earlier period
    chosen = wizard.period_page.period.currentData()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    assert win.sheet.report.office_code == "PHULOC" and str(win.sheet.report.period) == chosen
    assert win.sheet.data.template.code == "LDTBXH_HUYEN"
    assert win.sheet.data.profile.signer_title == "TRƯỞNG PHÒNG"
    assert win.sheet.data.profile.valid_from == dt.date.today()
    outline = [win.outline.topLevelItem(i).text(0) for i in range(win.outline.topLevelItemCount())]
    assert not any("dịch" in line for line in outline)
    rows = query(win.db_path if hasattr(win, "db_path") else tmp_path / "bc.sqlite3",
                 "SELECT template FROM office WHERE code = 'PHULOC'")
    assert rows == [("LDTBXH_HUYEN",)]


def test_later_leaves_a_screen_saying_what_to_do_next(make_window, qtbot, tmp_path):
    win = _welcome(make_window, qtbot, tmp_path)
    qtbot.mouseClick(_button(win.first_run_dialog, "Để sau"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(win, "start_screen", None) is not None, timeout=5000)
    screen = win.start_screen
    assert screen.isVisible() and screen.geometry() == win.centralWidget().geometry()
    assert screen.parent() is win and win.centralWidget().count() == 2  # over the splitter, not a pane of it
    texts = " ".join(label.text() for label in screen.findChildren(type(screen.findChild(type(screen.create)))))
    assert "Tạo đơn vị" in texts and "mẫu" in texts
    assert "Tạo đơn vị của bạn" in screen.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QLabel)[1].text()
    qtbot.mouseClick(screen.sample, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    assert not screen.isVisible()
