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


def test_a_plan_can_be_a_ceiling_and_the_draft_keeps_it_only_when_chosen(qtbot, sample):
    from app.reporting.template_edit import Draft

    form = IndicatorForm()
    qtbot.addWidget(form)
    form.load({"code": "HN", "label": "Tỉ lệ hộ nghèo", "unit": "%", "kind": "percent", "target": "at_most"}, ["HN"])
    assert form.fields()["target"] == "at_most"
    template = sample.template_of(sample.report("TTH", "2020-Q1"))
    draft = Draft(template)
    draft.update_indicator("VL_MOI", {"target": "at_most"})
    assert draft.indicator("VL_MOI")[0]["target"] == "at_most"
    _pick(form.target, "")
    assert form.fields()["target"] is None
    draft.update_indicator("VL_MOI", {"target": form.fields()["target"]})
    assert "target" not in draft.indicator("VL_MOI")[0]  # back to "at or above the plan": the key is gone


def test_the_grid_prints_share_and_change_as_the_report_does(qtbot):
    """Halves round away from zero in the grid as in print; the figure itself stays exact to edit."""
    from decimal import Decimal

    from app.domain.model import Value
    from app.domain.template import Indicator
    from ui.figures import CHANGE, PLAN, SHARE, VALUE, FiguresModel

    model = FiguresModel()
    money = Indicator("CHI", "Chi hỗ trợ", "đồng", kind="money", scale="ty", decimals=1)
    people = Indicator("VL", "Việc làm", "người")
    model.load([money, people], {
        "CHI": Value("CHI", Decimal(6_250_000_000)),
        "VL": Value("VL", Decimal(1), plan=Decimal(16), prior_year=Decimal(3))}, {}, {})
    text = lambda row, col: model.data(model.index(row, col))  # noqa: E731
    assert text(0, VALUE) == "6,250 tỷ"  # exact, not the display's rounded "6,3"
    assert (text(1, SHARE), text(1, CHANGE), text(1, PLAN)) == ("6,3%", "-66,66%", "16")
