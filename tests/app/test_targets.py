"""Plans in prose: "x/y chỉ tiêu đạt kế hoạch" ({KH_DAT}) and next period's targets ({CODE:muctieu})."""
import json
from decimal import Decimal

from app.domain.model import Block, TaskReview, TaskStatus, Value
from app.domain.validate import Severity
from app.output import printed
from app.reporting.derived import report_findings
from tests.app.test_cli import run
from tests.app.test_cli_figures import Q, pdf_of


def _body(store, period="2020-Q1") -> str:
    return " ".join(b.text for b in printed.build(store, "TTH", period).body)


def _plan(store, period, code, plan):
    report = store.find_report("TTH", period) or store.open_report("TTH", period)
    old = store.content.values(report.id).get(code) or Value(code, None)
    store.content.set_value(report, Value(code, old.number, old.denominator, qualifier=old.qualifier,
                                          estimate=old.estimate, plan=Decimal(plan)))


def test_plans_reached_print_padded_with_their_share_in_the_pdf(tmp_path):
    """Two of three plans reached (2.607 ≥ 2.600, 864 ≥ 864, 176 < 300): "02/03", "66,7%", ".0" → "67%"."""
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    period = ("--period", "2020-Q1")
    for code, plan in (("VL_MOI", "2.600"), ("VL_NN", "300"), ("BHTN_NGUOI", "864")):
        run(db, "set", *Q, *period, "--indicator", code, "--plan", plan, ok=True)
    run(db, "text", *Q, *period, "--section", "TE", "--text",
        "Có {KH_DAT} chỉ tiêu đạt kế hoạch năm ({KH_DAT:tyle}, làm tròn {KH_DAT:tyle.0}).", ok=True)
    assert "Có 02/03 chỉ tiêu đạt kế hoạch năm (66,7%, làm tròn 67%)." in pdf_of(db, tmp_path, "2020-Q1")
    assert not any("KH_DAT" in line for line in run(db, "validate", *Q, *period).stdout.splitlines())


def test_a_template_that_does_not_pad_prints_the_count_bare(sample):
    q1 = sample.report("TTH", "2020-Q1")
    _plan(sample, "2020-Q1", "VL_MOI", 2000)
    sample.content.set_narrative(q1, "TE", "results", [Block("Đạt {KH_DAT} chỉ tiêu.")])
    import msgspec

    from app.reporting import aggregate
    data = sample.content.load(q1)
    data = msgspec.structs.replace(data, template=msgspec.structs.replace(data.template, pad_small_counts=False))
    comparisons = aggregate.comparisons(sample, "TTH", q1.period, data.template, data.values)
    texts = [b.text for b in printed.build_from(data, comparisons).body]
    assert "Đạt 1/1 chỉ tiêu." in texts


def test_without_any_plan_the_count_prints_a_mark_and_is_a_finding(sample):
    q1 = sample.report("TTH", "2020-Q1")
    sample.content.set_narrative(q1, "TE", "results", [Block("Đạt {KH_DAT} chỉ tiêu ({KH_DAT:tyle}).")])
    assert "Đạt … chỉ tiêu (…)." in _body(sample)
    found = [f for f in report_findings(sample, q1) if "{KH_DAT" in f.message]
    assert len(found) == 2 and all(f.severity is Severity.WARNING for f in found)
    assert "chưa chỉ tiêu nào có kế hoạch năm" in found[0].message
    sample.content.set_narrative(q1, "TE", "results", [Block("Đạt {KH_DAT:kh} chỉ tiêu.")])
    assert any(f.severity is Severity.ERROR and "{KH_DAT:kh}" in f.message for f in report_findings(sample, q1))


def test_a_six_month_report_counts_its_summed_figures(sample):
    """H1 is Q1 + Q2: 2.607 + 500 = 3.107 reaches a plan of 3.000 that Q1 alone did not."""
    _plan(sample, "2020-Q1", "VL_MOI", 3000)
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_MOI", "500")
    h1 = sample.open_report("TTH", "2020-H1")
    sample.content.set_narrative(h1, "TE", "results", [Block("Đạt {KH_DAT} chỉ tiêu.")])
    q1 = sample.report("TTH", "2020-Q1")
    sample.content.set_narrative(q1, "TE", "results", [Block("Đạt {KH_DAT} chỉ tiêu.")])
    assert "Đạt 0/01 chỉ tiêu." in _body(sample, "2020-Q1")
    assert "Đạt 01/01 chỉ tiêu." in _body(sample, "2020-H1")


def _ceiling_template(tmp_path):
    """The shipped template under its own code, with a poverty rate whose plan is a ceiling and an
    unemployment rate whose plan is a floor."""
    from app import paths
    data = json.loads(paths.resource("templates", "ldtbxh-quy.json").read_text(encoding="utf-8"))
    data["code"], data["title"] = "HUE_MUCTIEU", "Báo cáo của Sở"
    section = next(c for s in data["sections"] for c in s["children"] if c["code"] == "VL")
    rate = {"unit": "", "kind": "percent", "time": "stock", "offices": "none", "min": "0", "max": "100"}
    section["indicators"] += [{"code": "TL_HO_NGHEO", "label": "Tỷ lệ hộ nghèo", "target": "at_most", **rate},
                              {"code": "TL_LD_QUA_DAO_TAO", "label": "Tỷ lệ lao động qua đào tạo", **rate}]
    path = tmp_path / "hue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_ceiling_is_reached_at_or_below_its_plan(tmp_path):
    """Poverty 4,2% under a "dưới 5%" plan is reached; training 68% of a 70% plan is not: "1/2" → "2/2"."""
    db = tmp_path / "bc.sqlite3"
    run(db, "office", "add", "--code", "HUE", "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "--level", "province",
        ok=True)
    run(db, "template", "import", str(_ceiling_template(tmp_path)), ok=True)
    run(db, "template", "use", "--office", "HUE", "--template", "HUE_MUCTIEU", ok=True)
    hue = ("--office", "HUE", "--period", "2021-Q1")
    run(db, "set", *hue, "--indicator", "TL_HO_NGHEO", "--value", "4,2%", "--plan", "5%", ok=True)
    run(db, "set", *hue, "--indicator", "TL_LD_QUA_DAO_TAO", "--value", "68%", "--plan", "70%", ok=True)
    run(db, "text", *hue, "--section", "VL", "--text",
        "Tỷ lệ hộ nghèo {TL_HO_NGHEO} (kế hoạch dưới {TL_HO_NGHEO:kehoach}); {KH_DAT} chỉ tiêu đạt kế hoạch.",
        ok=True)

    def text():
        out = tmp_path / "hue.pdf"
        run(db, "export", *hue, "--format", "pdf", "--out", str(out), ok=True)
        import subprocess
        return " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())

    assert "Tỷ lệ hộ nghèo 4,2% (kế hoạch dưới 5%); 01/02 chỉ tiêu đạt kế hoạch." in text()
    run(db, "set", *hue, "--indicator", "TL_HO_NGHEO", "--value", "5,3%", ok=True)
    assert "Tỷ lệ hộ nghèo 5,3% (kế hoạch dưới 5%); 0/02 chỉ tiêu đạt kế hoạch." in text()  # zero is not padded
    run(db, "set", *hue, "--indicator", "TL_HO_NGHEO", "--value", "5%", ok=True)
    run(db, "set", *hue, "--indicator", "TL_LD_QUA_DAO_TAO", "--value", "70%", ok=True)
    assert "02/02 chỉ tiêu đạt kế hoạch." in text()
    exported = tmp_path / "back.json"
    run(db, "template", "export", "--office", "HUE", "--out", str(exported), ok=True)
    assert '"target": "at_most"' in exported.read_text(encoding="utf-8")


def test_a_template_refuses_an_unknown_target(tmp_path):
    path = _ceiling_template(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"at_most"', '"below"'), encoding="utf-8")
    refused = run(tmp_path / "bc.sqlite3", "template", "import", str(path))
    assert refused.returncode != 0 and "target" in refused.stderr and "Traceback" not in refused.stderr


def test_next_period_targets_print_in_the_tasks_from_that_period_s_plan(tmp_path):
    """Quý I's tasks print the plans typed for Quý II: "3.000 người", "350 người"."""
    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    q1 = ("--period", "2020-Q1")
    run(db, "text", *Q, *q1, "--section", "VL", "--part", "plan", "--text",
        "- Phấn đấu giải quyết việc làm mới cho {VL_MOI:muctieu}, trong đó {VL_NN:muctieu} đi làm việc ở nước ngoài.",
        ok=True)
    assert "giải quyết việc làm mới cho …, trong đó …" in pdf_of(db, tmp_path, "2020-Q1")
    warned = run(db, "validate", *Q, *q1).stdout
    assert "{VL_MOI:muctieu}" in warned and "Quý II năm 2020" in warned and "--period 2020-Q2" in warned
    for code, plan in (("VL_MOI", "3.000"), ("VL_NN", "350")):
        run(db, "set", *Q, "--period", "2020-Q2", "--indicator", code, "--plan", plan, ok=True)
    text = pdf_of(db, tmp_path, "2020-Q1")
    assert "- Phấn đấu giải quyết việc làm mới cho 3.000 người, trong đó 350 người đi làm việc ở nước ngoài." in text
    assert "muctieu" not in run(db, "validate", *Q, *q1).stdout


def test_tasks_render_targets_and_last_period_s_tasks_print_them_as_set(sample):
    """A task's {CODE:muctieu} prints the next period's plan in the plan part and, reviewed a period
    later, the same figure in the results."""
    q1 = sample.report("TTH", "2020-Q1")
    task, = sample.content.set_tasks(q1, "VL", ["Giải quyết việc làm mới cho {VL_MOI:muctieu.0} trở lên"])
    _plan(sample, "2020-Q2", "VL_MOI", 3000)
    assert "Giải quyết việc làm mới cho 3.000 người trở lên" in _body(sample, "2020-Q1")
    q2 = sample.report("TTH", "2020-Q2")
    sample.content.review_task(q2, TaskReview(task.id, TaskStatus.DONE, "đạt 3.050 người"))
    assert "- Giải quyết việc làm mới cho 3.000 người trở lên: đã hoàn thành (đạt 3.050 người)." in _body(sample, "2020-Q2")


def test_every_period_kind_takes_its_targets_from_the_period_after():
    from app.domain.period import Period
    pairs = {"2020-M12": "2021-M1", "2021-7M": "2021-M8", "2020-Q4": "2021-Q1", "2020-H1": "2020-H2",
             "2020-9M": "2020-Q4", "2020-Y": "2021-Y"}
    assert {k: str(Period.parse(k).next()) for k in pairs} == pairs
