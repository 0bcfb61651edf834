"""The template editor's display choices: loaded from the template, shown with a live example, saved back."""
from ui.template_forms import IndicatorForm


def _pick(box, key):
    box.setCurrentIndex(box.findData(key))


def test_display_choices_show_what_prints_and_return_the_keys(qtbot):
    form = IndicatorForm()
    qtbot.addWidget(form)
    form.load({"code": "CHI", "label": "Chi hỗ trợ", "unit": "đồng", "kind": "money", "scale": "ty",
               "decimals": 1}, ["CHI"])
    assert form.example.text() == "245,1 tỷ đồng; 6,3 tỷ đồng"
    assert form.fields()["scale"] == "ty" and form.fields()["decimals"] == 1 and form.fields()["pad"] is None
    _pick(form.kind, "ratio")
    assert "không hiển thị" in form.example.text()  # a ratio has no scale
    _pick(form.scale, "")
    _pick(form.decimals, "")
    _pick(form.pad, "yes")
    form.unit.setText("chỉ tiêu")
    assert form.example.text() == "04/04 chỉ tiêu; 12/15 chỉ tiêu"
    assert {k: form.fields()[k] for k in ("scale", "decimals", "pad")} == {"scale": None, "decimals": None, "pad": True}
