"""The chart command: ``chart --office C --period P [--indicators A,B]``: the trends the report's
appendix "Biểu đồ" draws, and the report's own choice of them."""
from __future__ import annotations

from app.domain.period import Period
from app.domain.template import Template
from app.storage.store import Store


def declare(sub) -> None:
    """The command's grammar (registered by ``app.commands.parser``)."""
    p = sub.add_parser("chart", help="biểu đồ xu hướng của báo cáo: 8 kỳ gần nhất và cùng kỳ năm trước; "
                                     "--indicators chọn chỉ tiêu cho phụ lục “Biểu đồ”")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ TTH")
    p.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2020-Q1")
    p.add_argument("--indicators", help="mã chỉ tiêu, cách nhau dấu phẩy, ví dụ VL_MOI,VL_NN "
                                        "(chuỗi rỗng: theo mẫu báo cáo; “-”: không vẽ biểu đồ)")


def report_template(store: Store, office: str, period: Period) -> Template:
    """The template the office's report for ``period`` prints with (a longer period: its quarters')."""
    report = store.find_report(office, period)
    if report is None:
        entered = [r for r in (store.find_report(office, q) for q in period.quarter_periods()) if r]
        report = entered[-1] if entered and not period.is_base else store.report(office, period)
    return store.template_of(report)


def cmd_chart(store: Store, args) -> int:
    """Each charted indicator: a title line, then one tab-separated line per period
    (period, figure, the same period a year before, its figure)."""
    from app.reporting import trends

    period = Period.parse(args.period)
    template = report_template(store, args.office, period)
    if args.indicators is not None:
        wanted = args.indicators.strip()
        codes = None if wanted == "" else [] if wanted == "-" else wanted.split(",")
        trends.choose(store, args.office, period, template, codes)  # one transaction
    codes = trends.chosen(store, args.office, period, template)
    if not codes:
        print("Phụ lục “Biểu đồ” không vẽ chỉ tiêu nào (chọn bằng --indicators VL_MOI,VL_NN).")
        return 0
    for code in codes:
        trend = trends.trend(store, args.office, period, template, code)
        print(f"{code}\t{trend.title}")
        for now, before in zip(trend.current, trend.prior, strict=True):
            print(f"{now.label}\t{trends.number_text(now.value)}\t{before.label}\t{trends.number_text(before.value)}")
    return 0
