"""Commands for one report's figures: demo, set, get, validate, audit."""
from __future__ import annotations

import sys

import msgspec

from app.commands.common import fail
from app.domain.kinds import parse_value
from app.domain.model import Value
from app.domain.numbers import to_storage
from app.domain.text import clean
from app.errors import InputError, NotFoundError
from app.storage.store import Store


def cmd_demo(store: Store, args) -> int:
    from app.commands.cli_actions import load_sample

    changed = load_sample(store)
    print("Đã nạp báo cáo mẫu: đơn vị TTH, kỳ 2020-Q1." if changed else "Báo cáo mẫu đã có sẵn; không thay đổi gì.")
    return 0


def cmd_set(store: Store, args) -> int:
    """One figure and, as asked, its plan, same-period figure, as-of date and note; one transaction."""
    existing = store.find_report(args.office, args.period)
    template_id = store.report_template_id(existing) if existing else store.template_for_new(args.office)
    template = store.template_by_id(template_id)
    indicator = template.indicators.get(args.indicator)
    if indicator is None:
        return fail(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{args.indicator}”.")
    if all(getattr(args, name) is None for name in _SET_FIELDS):
        return fail("Hãy ghi ít nhất một trong --value, --plan, --prior, --as-of, --note.")
    old = (store.content.values(existing.id).get(indicator.code) if existing else None) or Value(indicator.code, None)
    new = _entered(old, indicator, args)  # bad input is refused before anything is created
    report = existing or store.open_report(args.office, args.period, template_id)
    if new == Value(indicator.code, None):  # a plan, prior, date or note cleared from a figure never typed
        store.content.clear_value(report, indicator.code)
        print(f"Đã xóa số liệu {indicator.code}.")
        return 0
    value = store.content.set_value(report, new)
    print(f"Đã lưu {indicator.code} = {_described(template, indicator, value)}")
    from app.domain.validate import validate  # the new figure's own findings

    data = store.content.load(report)
    for finding in validate(data):
        if finding.indicator == indicator.code:
            print(finding, file=sys.stderr)
    return 0


#: ``set`` options → the value's columns, as the window's figures grid names them.
_SET_FIELDS = {"value": "value", "plan": "plan", "prior": "prior_year", "as_of": "as_of", "note": "note"}


def _entered(old: Value, indicator, args) -> Value:
    """``old`` with every option given applied; "" clears a plan, prior, as-of date or note."""
    from app.reporting.desk import edited

    new = old
    if args.value is not None:  # an empty one is refused ("Chưa nhập số."), as it always was
        parsed = parse_value(args.value, indicator.kind, indicator.unit)  # qualifier and "ước" as typed, or none
        new = msgspec.structs.replace(new, number=parsed.number, denominator=parsed.denominator,
                                      qualifier=parsed.qualifier, estimate=parsed.estimate)
    for option, column in _SET_FIELDS.items():
        text = getattr(args, option)
        if option == "value" or text is None:
            continue
        try:
            new = edited(new, indicator, column, clean(text).strip())
        except InputError as exc:
            raise InputError(f"--{option.replace('_', '-')}: {exc}") from None
    return new


def _described(template, indicator, value: Value) -> str:
    """"2.607 người (ước); kế hoạch 3.000 người; tính đến ngày 15/6/2021": what was stored, as printed."""
    from app.domain import formatting, narrative

    pad = template.pad_small_counts
    shown = narrative.figure_text(indicator, value, pad) if value.number is not None else "chưa có số kỳ này"
    parts = [shown + (" (ước)" if value.estimate else "")]
    if value.plan is not None:
        parts.append("kế hoạch " + narrative.views.render(indicator, value, "kehoach", None, pad=pad))
    if value.prior_year is not None:
        parts.append("cùng kỳ " + narrative.views.render(indicator, value, "cungky", None, pad=pad,
                                                          prior=value.prior_year))
    if value.as_of:
        parts.append(f"tính đến ngày {formatting.day_month_year(value.as_of)}")
    if value.note:
        parts.append(f"ghi chú: {value.note}")
    return "; ".join(parts)


def cmd_get(store: Store, args) -> int:
    report = store.report(args.office, args.period)
    template = store.template_of(report)
    if args.indicator not in template.indicators:
        raise NotFoundError(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{args.indicator}”.")
    value = store.content.values(report.id).get(args.indicator)
    if value is None or value.number is None:
        return fail(f"Chỉ tiêu {args.indicator} chưa có số liệu trong kỳ {args.period}.", 1)
    text = to_storage(value.number)
    if value.denominator is not None:
        text += "/" + to_storage(value.denominator)
    print(text)
    return 0


def cmd_validate(store: Store, args) -> int:
    report = store.report(args.office, args.period)
    from app.domain.validate import has_errors
    from app.reporting.derived import report_findings

    findings = report_findings(store, report)  # what the printed report holds, derived figures included
    for finding in findings:
        print(finding)
    if has_errors(findings):
        errors = sum(1 for f in findings if f.severity.value == "error")
        print(f"Báo cáo chưa hợp lệ: {errors} lỗi, {len(findings) - errors} cảnh báo.", file=sys.stderr)
        return 1
    print(f"Báo cáo hợp lệ ({len(findings)} cảnh báo)." if findings else "Báo cáo hợp lệ.")
    return 0


def cmd_audit(store: Store, args) -> int:
    """One line per change of every revision of the report: time, who, from where, entity, key, old → new."""
    current = store.report(args.office, args.period)  # a plain error for an unknown office, period or report
    revisions = [r for r in store.reports(args.office) if str(r.period) == str(current.period)]
    entries = [entry for report in revisions for entry in store.audit_trail(report.id)]
    if not entries:
        print("Chưa có thay đổi nào được ghi.")
    for entry in entries:
        print(audit_line(entry))
    return 0


def audit_line(entry: dict) -> str:
    """One audit entry as a tab-separated line; ``actor`` and ``channel`` are shown when recorded."""
    who = entry.get("office_code") or "—"
    if entry.get("actor"):
        who = f"{who} ({entry['actor']})" if who != "—" else str(entry["actor"])
    fields = [str(entry.get("at") or ""), who]
    if "channel" in entry:  # recorded by databases whose audit log keeps where a change came from
        fields.append(str(entry["channel"] or "—"))
    from app.reporting.audit_text import change_text

    change = change_text(entry.get("old"), entry.get("new"))
    if entry.get("reason"):
        change += f" (lý do: {entry['reason']})"
    fields += [str(entry.get("entity") or ""), str(entry.get("key") or ""), change]
    return "\t".join(_one_line(field) for field in fields)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "…"
