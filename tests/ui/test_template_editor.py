"""Building a new section from the window alone, then entering and printing it."""
from tests.ui.conftest import query
from ui.template_editor import MappingDialog


def test_new_section_and_indicator_from_the_window(sample_window, qtbot, monkeypatch):
    win = sample_window
    win.office_menu.edit_template()
    editor = win.template_editor
    editor.tree.setCurrentItem(editor.tree.topLevelItem(2))  # 3. Kết quả thực hiện nhiệm vụ chuyên môn
    editor.new_code.setText("DB_VL")
    editor.add_child_section()
    assert editor.current() == ("section", "DB_VL")
    editor.section_form.title.setText("Giải quyết việc làm theo chương trình")
    assert editor.apply()
    editor.new_code.setText("GQVL")
    editor.add_indicator()
    assert editor.current() == ("indicator", "GQVL")
    form = editor.indicator_form
    form.label.setText("Giải quyết việc làm mới")
    form.unit.setText("người")
    assert editor.apply()
    assert editor.preview_model.rowCount() == 1
    editor.new_code.setText("GQVL_QUY")
    editor.add_indicator()
    form.label.setText("Trong đó: qua Quỹ quốc gia về việc làm")
    form.parent_code.setCurrentIndex(form.parent_code.findData("GQVL"))
    form.part.setCurrentIndex(form.part.findData("exhaustive"))
    assert editor.apply()
    editor.new_code.setText("VL_MOI")  # a code already used is refused with a message
    editor.add_indicator()
    assert "trùng" in editor.error.text()
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: 1)
    editor._save()
    qtbot.waitUntil(lambda: win.sheet.data.template.version == 2, timeout=10000)
    assert query(win.db_path, "SELECT max(version) FROM template") == [(2,)]
    assert "DB_VL" in win.sheet.data.template.by_section
    win.select_section("DB_VL")
    assert win.editor.figures_model.rowCount() == 2
    assert win.sheet.data.values["VL_MOI"].number == 2607  # every value kept
