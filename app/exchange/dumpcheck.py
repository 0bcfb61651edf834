"""The checks on a whole report dump that its typed structures cannot express.

The office code (``OfficeCode``), the period, real and plausible dates,
numbers of at most 30 digits, nothing given twice (indicator, document id or
number, task, review, file), every indicator and section present in the
template the dump carries, and attached files whose data is base64 with the
SHA-256 they claim, only on a report that was issued, its issued PDF a real
PDF of bounded size.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt

from app.digest import sha256_hex
from app.domain import headings
from app.domain.codes import OfficeCode
from app.domain.period import Period
from app.domain.template import Template, from_dict
from app.errors import InputError
from app.exchange.dumptypes import MAX_FILE_BYTES, Dump, File, Office, Report, Value
from app.formats import MAX_DIGITS, number
from app.storage.files import pdf_problem


def check(typed: Dump, template_data: dict, source: str) -> None:
    """Refuse a decoded dump whose content does not hold together; InputError naming ``source`` and the field.

    ``template_data`` is the dump's template as decoded (its whole-tree checks
    run through ``app.domain.template.from_dict``).
    """
    template = from_dict(template_data, source=f"{source} (mẫu kèm theo, trường “template”)")
    _check_office(typed.office, source)
    _check_report(typed.report, source)
    headings.check(template, typed.report.headings, f"{source}: trường “report.headings”")
    _check_values(typed.values, template, source)
    _check_sections(typed, template, source)
    _unique(source, "documents", "id", [d.id for d in typed.documents])
    _unique(source, "documents", "ref", [d.ref for d in typed.documents])
    for i, document in enumerate(typed.documents):
        _day(document.issued_on, f"documents[{i}].issued_on", source)
    _unique(source, "tasks", "id", [t.id for t in typed.tasks])
    _unique(source, "reviews", "task_id", [r.task_id for r in typed.reviews])
    _check_files(typed.files, typed.report.status, source)


def _check_office(office: Office, source: str) -> None:
    _code(office.code, "office.code", source)
    _unique(source, "office.profiles", "valid_from", [p.valid_from for p in office.profiles])
    for i, profile in enumerate(office.profiles):
        where = f"office.profiles[{i}]"
        _day(profile.valid_from, f"{where}.valid_from", source)
        for name in ("name", "place", "symbol"):
            if not getattr(profile, name).strip():
                raise _fail(source, f"{where}.{name}", "không được để trống.")
        if profile.parent_code is not None:
            _code(profile.parent_code, f"{where}.parent_code", source)


def _check_report(report: Report, source: str) -> None:
    try:
        period = Period.parse(report.period)
    except InputError as exc:
        raise _fail(source, "report.period", str(exc)) from None
    if str(period) != report.period:
        raise _fail(source, "report.period", f"phải viết đúng dạng “{period}”.")
    _day(report.issued_on, "report.issued_on", source)
    for name in ("created", "updated"):
        try:
            stamp = dt.datetime.fromisoformat(getattr(report, name))
        except ValueError:
            raise _fail(source, f"report.{name}", "cần thời điểm dạng ISO (2020-04-01T01:00:00+00:00).") from None
        if not 1900 <= stamp.year <= 2999:
            raise _fail(source, f"report.{name}", f"năm {stamp.year} không hợp lý.")


def _check_values(values: list[Value], template: Template, source: str) -> None:
    _unique(source, "values", "indicator", [v.indicator for v in values])
    for i, value in enumerate(values):
        if value.indicator not in template.indicators:
            raise _fail(source, f"values[{i}].indicator",
                        f"chỉ tiêu “{value.indicator[:40]}” không có trong mẫu kèm theo.")
        for name in ("number", "denominator", "prior_year", "plan"):
            text = getattr(value, name)
            if text is not None and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
                raise _fail(source, f"values[{i}].{name}", f"số có quá {MAX_DIGITS} chữ số.")
        _day(value.as_of, f"values[{i}].as_of", source)
        _check_kind(value, template.indicators[value.indicator], f"values[{i}].number", source)


def _check_kind(value: Value, indicator, where: str, source: str) -> None:
    """A figure its indicator's kind cannot hold (a fraction of people, 5/4 done) is refused, as typing it is."""
    if value.number is None:
        return
    try:
        problems = indicator.value_kind.check(number(value.number), number(value.denominator))
    except InputError as exc:
        raise _fail(source, where, f"{exc}.") from None
    if problems:
        raise _fail(source, where, f"chỉ tiêu “{indicator.label}”{problems[0]}")


def _check_sections(typed: Dump, template: Template, source: str) -> None:
    for name, entries in (("narrative", typed.narrative), ("documents", typed.documents), ("tasks", typed.tasks)):
        for i, entry in enumerate(entries):
            if entry.section not in template.by_section:
                raise _fail(source, f"{name}[{i}].section", f"mục “{entry.section[:40]}” không có trong mẫu kèm theo.")
    _unique(source, "narrative", "section, part", [f"{n.section}/{n.part}" for n in typed.narrative])


def _check_files(files: list[File], status: str, source: str) -> None:
    if files and status not in ("issued", "submitted"):
        raise _fail(source, "files", "chỉ báo cáo đã ban hành hoặc đã gửi mới có tệp đính kèm.")
    _unique(source, "files", "sha256", [f.sha256 for f in files])
    if sum(f.kind == "issued_pdf" for f in files) > 1:
        raise _fail(source, "files", "chỉ có một bản PDF đã ban hành cho mỗi lần ban hành.")
    for i, item in enumerate(files):
        try:
            blob = base64.b64decode(item.data, validate=True)
        except (ValueError, binascii.Error):
            raise _fail(source, f"files[{i}].data", "không phải dữ liệu base64 hợp lệ.") from None
        if len(blob) > MAX_FILE_BYTES:
            raise _fail(source, f"files[{i}].data", f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1024 // 1024} MB).")
        if sha256_hex(blob) != item.sha256:
            raise _fail(source, f"files[{i}].sha256", f"không khớp mã băm SHA-256 của tệp “{item.name[:80]}”.")
        problem = pdf_problem(blob) if item.kind == "issued_pdf" else None
        if problem:
            raise _fail(source, f"files[{i}].data", f"tệp “{item.name[:80]}”: {problem}.")


def _code(text: str, path: str, source: str) -> None:
    try:
        code = OfficeCode.parse(text)
    except InputError as exc:
        raise _fail(source, path, str(exc)) from None
    if code != text:
        raise _fail(source, path, f"mã đơn vị phải viết đúng dạng “{code}”.")


def _day(text: str | None, path: str, source: str) -> None:
    if text is None:
        return
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise _fail(source, path, f"ngày “{text}” không có thật.") from None
    if not 1900 <= day.year <= 2999:
        raise _fail(source, path, f"năm {day.year} không hợp lý.")


def _unique(source: str, path: str, key: str, items: list[str]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item in seen:
            raise _fail(source, f"{path}[{i}]", f"“{key}” = “{item[:80]}” bị trùng với một mục trước.")
        seen.add(item)


def _fail(source: str, path: str, message: str) -> InputError:
    return InputError(f"{source}: trường “{path}”: {message}")
