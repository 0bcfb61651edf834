"""Trend series: the last 8 periods of the report's kind and a year before, as the reports print them;
the appendix "Biểu đồ" in PDF (vector, embedded font only) and DOCX (a picture)."""
import io
import subprocess
from decimal import Decimal

import msgspec
import pytest
from docx import Document as DocxDocument

from app.commands.cli_actions import load_sample
from app.commands.parser import build_parser
from app.domain.period import Period
from app.errors import InputError
from app.output import printed, render_docx, render_pdf
from app.reporting import trends
from tests.app.test_consolidated import province  # noqa: F401 (fixture)

FIGURES = {"2019-Q1": 1000, "2019-Q2": 1200, "2019-Q3": 900, "2019-Q4": 1500, "2020-Q2": 3000, "2020-Q3": 50}


@pytest.fixture
def series(sample):
    """The seed report (2020-Q1: VL_MOI 2.607) and other quarters typed through the store."""
    for code, figure in FIGURES.items():
        report = sample.open_report("TTH", code)
        sample.content.enter(report, "VL_MOI", f"{figure:,}".replace(",", "."))
    return sample


def _template(store):
    return store.template_of(store.report("TTH", "2020-Q1"))


def test_the_window_is_eight_periods_of_the_same_kind_oldest_first():
    assert [str(p) for p in trends.window(Period.parse("2020-Q2"))] == [
        "2018-Q3", "2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2"]
    assert [str(p) for p in trends.window(Period.parse("2021-M2"), 3)] == ["2020-M12", "2021-M1", "2021-M2"]
    assert [str(p) for p in trends.window(Period.parse("2020-H1"), 3)] == ["2019-H1", "2019-H2", "2020-H1"]
    assert [str(p) for p in trends.window(Period.parse("2020-9M"), 2)] == ["2019-9M", "2020-9M"]
    assert trends.Point(Period.parse("2020-Q1"), None).label == "Quý I/2020"
    assert trends.Point(Period.parse("2020-Y"), None).label == "Năm 2020"


def test_quarters_and_the_year_before_come_from_the_stored_reports(series):
    trend = trends.trend(series, "TTH", Period.parse("2020-Q3"), _template(series), "VL_MOI")
    assert [p.label for p in trend.current][-3:] == ["Quý I/2020", "Quý II/2020", "Quý III/2020"]
    assert [p.value for p in trend.current] == [None, 1000, 1200, 900, 1500, 2607, 3000, 50]
    assert [p.value for p in trend.prior][-3:] == [1000, 1200, 900]
    assert trend.unit == "người"


def test_longer_periods_are_summed_from_their_quarters_as_the_report_prints_them(series):
    trend = trends.trend(series, "TTH", Period.parse("2020-H1"), _template(series), "VL_MOI", span=2)
    # 6 tháng cuối 2019 = 900 + 1.500; 6 tháng đầu 2020 = 2.607 + 3.000; a year before = 1.000 + 1.200
    assert [p.value for p in trend.current] == [Decimal(2400), Decimal(5607)]
    assert [p.value for p in trend.prior] == [None, Decimal(2200)]
    nine = trends.trend(series, "TTH", Period.parse("2020-9M"), _template(series), "VL_MOI", span=1)
    assert nine.current[0].value == 2607 + 3000 + 50 and nine.prior[0].value == 1000 + 1200 + 900


def test_money_is_charted_in_millions_with_vietnamese_numbers(sample):
    trend = trends.trend(sample, "TTH", Period.parse("2020-Q1"), _template(sample), "NCC_QUA_TIEN")
    assert trend.unit == "triệu đồng"
    assert trends.number_text(trend.current[-1].value) == "9.717"
    assert trends.number_text(Decimal("13.302")) == "13,3" and trends.number_text(None) == "–"


def test_the_report_choice_overrides_the_template_and_refuses_unknown_codes(series):
    template, q1 = _template(series), Period.parse("2020-Q2")
    assert trends.chosen(series, "TTH", q1, template) == template.charts
    assert trends.choose(series, "TTH", q1, template, ["vl_moi", "VL_NN", "VL_MOI"]) == ("VL_MOI", "VL_NN")
    assert trends.chosen(series, "TTH", q1, template) == ("VL_MOI", "VL_NN")
    with pytest.raises(InputError, match="không có chỉ tiêu KHONG_CO"):
        trends.choose(series, "TTH", q1, template, ["KHONG_CO"])
    assert trends.choose(series, "TTH", q1, template, []) == ()
    assert trends.choose(series, "TTH", q1, template, None) == template.charts


def test_the_sample_draws_two_charts_until_the_operator_chooses_others(sample, tmp_path):
    q1 = Period.parse("2020-Q1")
    assert trends.chosen(sample, "TTH", q1, _template(sample)) == ("VL_MOI", "VL_NN")
    appendix = _pdf_text(render_pdf.render(printed.build(sample, "TTH", "2020-Q1")), tmp_path)
    appendix = appendix[appendix.index("BIỂU ĐỒ"):]
    assert "Giải quyết việc làm mới (người)" in appendix and "2.607" in appendix and "176" in appendix
    trends.choose(sample, "TTH", q1, _template(sample), [])
    load_sample(sample)  # loading the sample again keeps the operator's choice
    assert trends.chosen(sample, "TTH", q1, _template(sample)) == ()


def test_a_typed_same_period_figure_stands_for_a_year_before_without_its_report(sample):
    report = sample.report("TTH", "2020-Q1")
    typed = sample.content.values(report.id)["VL_MOI"]
    sample.content.set_value(report, msgspec.structs.replace(typed, prior_year=Decimal(3100)))
    trend = trends.trend(sample, "TTH", Period.parse("2020-Q1"), _template(sample), "VL_MOI", span=2)
    assert [(p.label, p.value) for p in trend.prior] == [("Quý IV/2018", None), ("Quý I/2019", 3100)]
    earlier = sample.open_report("TTH", "2019-Q1")
    sample.content.enter(earlier, "VL_MOI", "2.900")  # a stored report of the year before comes first
    trend = trends.trend(sample, "TTH", Period.parse("2020-Q1"), _template(sample), "VL_MOI", span=1)
    assert trend.prior[0].value == 2900


def _pdf_text(pdf: bytes, tmp_path, tool="pdftotext") -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    args = [tool, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_the_pdf_appendix_draws_vietnamese_labels_in_the_embedded_font_only(series, tmp_path):
    trends.choose(series, "TTH", Period.parse("2020-Q2"), _template(series), ["VL_MOI"])
    model = printed.build(series, "TTH", "2020-Q2")
    text = _pdf_text(render_pdf.render(model), tmp_path)
    appendix = text[text.index("BIỂU ĐỒ"):]
    for label in ("Giải quyết việc làm mới (người)", "Quý III/2018", "Quý II/2020", "Cùng kỳ năm trước",
                  "2.607", "3.000", "1.500"):
        assert label in appendix
    fonts = _pdf_text(render_pdf.render(model), tmp_path, "pdffonts").splitlines()[2:]
    assert fonts and all("LiberationSerif" in line and " yes yes " in line for line in fonts)


def test_no_chart_chosen_means_no_appendix_page(series, tmp_path):
    trends.choose(series, "TTH", Period.parse("2020-Q2"), _template(series), [])
    model = printed.build(series, "TTH", "2020-Q2")
    assert model.charts == ()
    assert "BIỂU ĐỒ" not in _pdf_text(render_pdf.render(model), tmp_path)


def test_the_docx_carries_each_chart_as_a_png_picture(series):
    trends.choose(series, "TTH", Period.parse("2020-Q2"), _template(series), ["VL_MOI", "VL_NN"])
    doc = DocxDocument(io.BytesIO(render_docx.render(printed.build(series, "TTH", "2020-Q2"))))
    pictures = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(pictures) == 2
    assert all(r.target_part.blob.startswith(b"\x89PNG") for r in pictures)
    assert "BIỂU ĐỒ" in [p.text for p in doc.paragraphs]


def test_the_chart_command_saves_the_choice_and_prints_the_series(series, capsys):
    from app.commands import charts

    args = build_parser().parse_args(["chart", "--office", "TTH", "--period", "2020-Q2", "--indicators", "VL_MOI"])
    assert charts.cmd_chart(series, args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "VL_MOI\tGiải quyết việc làm mới (người)"
    assert lines[-1] == "Quý II/2020\t3.000\tQuý II/2019\t1.200"
    assert trends.chosen(series, "TTH", Period.parse("2020-Q2"), _template(series)) == ("VL_MOI",)
    bad = build_parser().parse_args(["chart", "--office", "TTH", "--period", "2020-Q2", "--indicators", "VL_MOI,KHONG"])
    with pytest.raises(InputError, match="KHONG"):
        charts.cmd_chart(series, bad)
    assert trends.chosen(series, "TTH", Period.parse("2020-Q2"), _template(series)) == ("VL_MOI",)  # kept


def test_a_template_may_name_its_charts_and_older_templates_still_load():
    import json

    from app import paths
    from app.domain.template import from_dict

    raw = json.loads(paths.resource("templates", "ldtbxh-huyen.json").read_text(encoding="utf-8"))
    assert "charts" not in raw and from_dict(raw).charts == ()  # a template without the key
    charted = from_dict({**raw, "charts": ["VL_MOI", "NCC_QUA_TIEN"]})
    assert charted.charts == ("VL_MOI", "NCC_QUA_TIEN")
    assert from_dict(charted.to_dict()).charts == charted.charts
    assert charted.fingerprint != from_dict(raw).fingerprint
    for bad, message in ((["KHONG_CO"], "charts\\[0\\].*KHONG_CO"), ("VL_MOI", "charts"), ([1], "charts")):
        with pytest.raises(InputError, match=message):
            from_dict({**raw, "charts": bad})


def test_a_consolidated_report_adds_bars_by_office(province, tmp_path):  # noqa: F811 (the fixture)
    from app.exchange import consolidate

    trends.choose(province, "TTH", Period.parse("2020-Q1"), _template(province), ["VL_MOI", "BHTN_TIEN"])
    model = consolidate.build_printed(province, "TTH", "2020-Q1")
    by_code = {b.code: b for b in model.office_charts}
    assert by_code["VL_MOI"].bars[0] == ("TTH", 2607)  # the consolidating office first
    assert dict(by_code["VL_MOI"].bars) == {"TTH": 2607, "PL": 1200, "AL": 800}
    assert by_code["BHTN_TIEN"].unit == "triệu đồng" and dict(by_code["BHTN_TIEN"].bars)["PL"] == 1500
    assert dict(by_code["BHTN_TIEN"].bars)["AL"] is None
    text = _pdf_text(render_pdf.render(model), tmp_path)
    appendix = text[text.index("BIỂU ĐỒ"):]
    assert "Giải quyết việc làm mới (người) – theo đơn vị" in appendix
    assert all(word in appendix for word in ("PL", "AL", "1.200", "2.607", "13.302"))


def test_the_chart_command_reads_without_a_lock_and_writes_only_with_indicators(tmp_path):
    import sys
    from pathlib import Path

    main = str(Path(__file__).resolve().parents[2] / "main.py")
    db = str(tmp_path / "bc.sqlite3")

    def chart(*extra):
        return subprocess.run([sys.executable, main, "--db", db, "chart", "--office", "TTH", "--period", "2020-Q1",
                               *extra], capture_output=True, text=True)

    subprocess.run([sys.executable, main, "--db", db, "demo"], check=True, capture_output=True)
    shown = chart()  # the sample's own two charts
    assert shown.returncode == 0 and shown.stdout.splitlines()[-1] == "Quý I/2020\t176\tQuý I/2019\t–"
    none = chart("--indicators", "-")
    assert none.returncode == 0 and "không vẽ chỉ tiêu nào" in none.stdout
    chosen = chart("--indicators", "VL_MOI")
    assert chosen.returncode == 0 and chosen.stdout.splitlines()[-1] == "Quý I/2020\t2.607\tQuý I/2019\t–"
    refused = chart("--indicators", "KHONG_CO")
    assert refused.returncode == 2 and "không có chỉ tiêu KHONG_CO" in refused.stderr
    assert chart().stdout.startswith("VL_MOI\tGiải quyết việc làm mới (người)")
