"""Plans: the annual plan printed in prose and the count of indicators that reached theirs."""
from decimal import Decimal

import msgspec

from app.domain.model import Block
from app.output import printed


def _plan(store, report, code, plan):
    value = store.content.values(report.id)[code]
    store.content.set_value(report, msgspec.structs.replace(value, plan=Decimal(plan)))


def test_plans_met_and_plan_figures_print(sample):
    q1 = sample.report("TTH", "2020-Q1")
    _plan(sample, q1, "VL_MOI", 2000)  # 2.607 of 2.000: reached
    _plan(sample, q1, "VL_NN", 800)  # 176 of 800: not yet
    _plan(sample, q1, "BHTN_NGUOI", 864)  # 864 of 864: reached exactly
    sample.content.set_narrative(q1, "TE", "results", [Block(
        "Đến nay {KH_DAT} chỉ tiêu đạt kế hoạch; việc làm mới đạt {VL_MOI:kh.0} kế hoạch năm ({VL_MOI:kehoach}).")])
    body = " ".join(b.text for b in printed.build(sample, "TTH", "2020-Q1").body)
    assert "Đến nay 02/03 chỉ tiêu đạt kế hoạch; việc làm mới đạt 130% kế hoạch năm (2.000 người)." in body


def test_no_plan_prints_a_mark(sample):
    q1 = sample.report("TTH", "2020-Q1")
    sample.content.set_narrative(q1, "TE", "results", [Block("Đạt {KH_DAT} chỉ tiêu.")])
    assert "Đạt … chỉ tiêu." in [b.text for b in printed.build(sample, "TTH", "2020-Q1").body]
