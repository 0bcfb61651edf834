"""Commands for one report's figures: demo, set, get, validate, audit."""
from __future__ import annotations

import json
import sys

from app.commands.common import fail
from app.domain.numbers import parse_value, to_storage
from app.domain.validate import has_errors, validate
from app.errors import NotFoundError
from app.storage.store import Store


def cmd_demo(store: Store, args) -> int:
    from app.commands.cli_actions import load_sample

    changed = load_sample(store)
    print("Đã nạp báo cáo mẫu: đơn vị TTH, kỳ 2020-Q1." if changed else "Báo cáo mẫu đã có sẵn; không thay đổi gì.")
    return 0


def cmd_set(store: Store, args) -> int:
    from app.domain import narrative

    existing = store.find_report(args.office, args.period)
    from app.reporting.office_templates import template_for

    template_id = store.report_template_id(existing) if existing else template_for(store, args.office)
    template = store.template_by_id(template_id or store.default_template_id())
    indicator = template.indicators.get(args.indicator)
    if indicator is None:
        return fail(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{args.indicator}”.")
    parse_value(args.value, indicator.kind, indicator.unit)  # refuse bad input before creating anything
    report = existing or store.open_report(args.office, args.period, template_id)
    value = store.content.enter(report, args.indicator, args.value)
    data = store.content.load(report)
    indicator = data.template.indicators[args.indicator]
    estimate = " (ước)" if value.estimate else ""
    print(f"Đã lưu {indicator.code} = {narrative.figure_text(indicator, value)}{estimate}")
    for finding in validate(data):
        if finding.indicator == indicator.code:
            print(finding, file=sys.stderr)
    return 0


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
    change = _change(entry.get("old"), entry.get("new"))
    if entry.get("reason"):
        change += f" (lý do: {entry['reason']})"
    fields += [str(entry.get("entity") or ""), str(entry.get("key") or ""), change]
    return "\t".join(_one_line(field) for field in fields)


def _change(old, new) -> str:
    """``old → new``; for recorded objects (a value's fields) only the fields that changed."""
    before, after = _fields(old), _fields(new)
    if before is None and after is None or (before is None and old) or (after is None and new):
        return f"{_shown(old)} → {_shown(new)}"
    before, after = before or {}, after or {}
    keys = [k for k in sorted({*before, *after}) if before.get(k) != after.get(k)]
    parts = [f"{k}: {_shown(before.get(k))} → {_shown(after.get(k))}" for k in keys]
    return "; ".join(parts) or "không đổi"


def _fields(value) -> dict | None:
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        decoded = json.loads(value)
    except ValueError:
        return None
    return decoded if isinstance(decoded, dict) else None


def _shown(value) -> str:
    return "∅" if value is None or value == "" else str(value)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "…"
