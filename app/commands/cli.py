"""Headless commands: ``python main.py [--db FILE] COMMAND …``.

The command names, options and outputs are a contract that automation relies
on (README, "Lệnh không cần giao diện"). Errors go to stderr in plain
Vietnamese with a non-zero exit: 1 when a report is invalid or a value is
missing, 2 for anything the operator must fix.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sqlite3
import sys
from pathlib import Path

from app import __version__, paths
from app.commands.cli_actions import export_report
from app.domain.model import OfficeProfile
from app.domain.numbers import parse_value
from app.domain.period import Period
from app.domain.template import load_file
from app.domain.validate import has_errors, validate
from app.errors import DatabaseError, UserError, describe
from app.exchange import transfer
from app.fsutil import write_atomic
from app.storage import db as dbmod
from app.storage.backup import backup_database
from app.storage.store import Store

DESCRIPTION = "Báo cáo LĐTBXH: lập, kiểm tra và in báo cáo định kỳ của cơ quan Lao động – TB&XH."
EPILOG = "Không có lệnh: mở cửa sổ làm việc. Kỳ báo cáo viết 2020-Q1, 2020-H1, 2020-9M, 2020-Y."


_HELP_WORDS = (
    ("usage:", "Cách dùng:"), ("options:", "Tùy chọn:"), ("positional arguments:", "Tham số:"),
    ("show this help message and exit", "hiện hướng dẫn này rồi thoát"),
    ("show program's version number and exit", "in phiên bản rồi thoát"),
)
_ERROR_PATTERNS = (
    (r"the following arguments are required: (.*)", "thiếu tham số bắt buộc: {0}"),
    (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", "{0}: “{1}” không có; chọn một trong {2}"),
    (r"argument (\S+): expected one argument", "{0} cần một giá trị (giá trị bắt đầu bằng “-” thì viết {0}=…)"),
    (r"argument (\S+): invalid (\w+) value: '([^']*)'", "{0}: giá trị “{2}” không hợp lệ"),
    (r"argument (\S+): not allowed with argument (\S+)", "không dùng {0} cùng với {1}"),
    (r"unrecognized arguments: (.*)", "tham số không nhận ra: {0}"),
    (r"one of the arguments (.*) is required", "cần một trong các tham số {0}"),
)


class VietnameseParser(argparse.ArgumentParser):
    """argparse speaking Vietnamese: help headings and the usual errors."""

    def format_help(self) -> str:
        return _vietnamese(super().format_help())

    def format_usage(self) -> str:
        return _vietnamese(super().format_usage())

    def error(self, message: str):
        import re

        for pattern, template in _ERROR_PATTERNS:
            match = re.fullmatch(pattern, message)
            if match:
                message = template.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}. Xem hướng dẫn: python main.py {self.prog.split(' ', 1)[-1]} --help\n"
                     if " " in self.prog else f"Lỗi: {message}. Xem hướng dẫn: python main.py --help\n")


def _vietnamese(text: str) -> str:
    for english, vietnamese in _HELP_WORDS:
        text = text.replace(english, vietnamese)
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="main.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--db", type=Path, help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="lệnh", parser_class=VietnameseParser)

    sub.add_parser("demo", help="nạp báo cáo mẫu: đơn vị TTH, kỳ 2020-Q1")
    p = sub.add_parser("set", help="nhập một số liệu (kiểu Việt Nam: 2.607; 13,302 tỷ; khoảng 4.348)")
    _report_args(p)
    p.add_argument("--indicator", required=True, help="mã chỉ tiêu, ví dụ VL_MOI")
    p.add_argument("--value", required=True, help="giá trị, ví dụ 2.607")
    p = sub.add_parser("get", help="in số liệu đã lưu (đơn vị cơ sở: người, đồng…)")
    _report_args(p)
    p.add_argument("--indicator", required=True)
    p = sub.add_parser("validate", help="kiểm tra báo cáo; mã thoát 1 nếu có lỗi")
    _report_args(p)
    p = sub.add_parser("dump", help="xuất dữ liệu báo cáo ra JSON (kèm mẫu báo cáo)")
    _report_args(p)
    p.add_argument("--out", required=True, type=Path)
    p = sub.add_parser("import", help="nhập dữ liệu báo cáo từ tệp JSON")
    p.add_argument("file", type=Path)
    p = sub.add_parser("export", help="in báo cáo ra PDF (để ký), DOCX (sửa được) hoặc XLSX (số liệu)")
    _report_args(p)
    p.add_argument("--format", required=True, choices=["pdf", "docx", "xlsx"])
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--consolidated", action="store_true", help="báo cáo tổng hợp các đơn vị cấp dưới")
    p = sub.add_parser("complete", help="đánh dấu hoàn thành (khi không còn lỗi)")
    _report_args(p)
    p = sub.add_parser("reopen", help="mở lại báo cáo đã hoàn thành để sửa")
    _report_args(p)
    p.add_argument("--reason", required=True)
    p = sub.add_parser("issue", help="ban hành: cấp số, ngày, người ký; lưu bản PDF và mã SHA-256")
    _report_args(p)
    p.add_argument("--number", required=True, help="số báo cáo, ví dụ 45")
    p.add_argument("--date", required=True, help="ngày ban hành YYYY-MM-DD")
    p.add_argument("--signer-title", required=True, help="ví dụ GIÁM ĐỐC")
    p.add_argument("--signer-name", required=True)
    p = sub.add_parser("revise", help="mở bản sửa đổi của báo cáo đã ban hành")
    _report_args(p)
    p.add_argument("--reason", required=True)
    p = sub.add_parser("issued-pdf", help="lấy lại đúng bản PDF đã ban hành")
    _report_args(p)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--revision", type=int, help="bản số mấy (mặc định: bản ban hành mới nhất)")
    p = sub.add_parser("scans", help="liệt kê hoặc lấy ra các bản chụp đã ký")
    _report_args(p)
    p.add_argument("--out", type=Path, help="thư mục để ghi các bản chụp ra")
    p = sub.add_parser("attach-scan", help="đính kèm bản chụp bản giấy đã ký, đóng dấu")
    _report_args(p)
    p.add_argument("file", type=Path)
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi đang dùng)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="tệp sao lưu")
    target.add_argument("--folder", type=Path, help="thư mục dùng chung: backup/<ĐƠN VỊ>/, giữ 10 bản mới nhất")
    p.add_argument("--keep", type=int, default=10)

    keys = sub.add_parser("keys", help="khóa ký gói báo cáo").add_subparsers(dest="action", metavar="ACTION", parser_class=VietnameseParser)
    keys.required = True
    p = keys.add_parser("export", help="xuất khóa công khai của đơn vị (kèm dấu vân tay)")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--office", help="mã đơn vị (mặc định: đơn vị của máy này)")
    p = keys.add_parser("trust", help="tin cậy khóa công khai của một đơn vị")
    p.add_argument("file", type=Path)
    p.add_argument("--replace", action="store_true", help="thay khóa đã tin cậy trước đây")
    keys.add_parser("list", help="liệt kê khóa đã tin cậy")
    p = sub.add_parser("submit", help="gửi báo cáo (gói có chữ ký) vào thư mục dùng chung")
    _report_args(p)
    p.add_argument("--folder", required=True, type=Path, help="thư mục dùng chung")
    p = sub.add_parser("sync", help="nhận các gói mới trong thư mục dùng chung; mỗi gói một dòng")
    p.add_argument("--folder", required=True, type=Path, help="thư mục dùng chung")
    p = sub.add_parser("publish", help="gửi xuống cấp dưới: mẫu báo cáo và hạn gửi báo cáo (có chữ ký)")
    p.add_argument("--folder", required=True, type=Path)
    p.add_argument("--office", help="mã đơn vị gửi (mặc định: đơn vị của máy này)")
    p.add_argument("--template", type=Path, help="tệp mẫu báo cáo")
    p.add_argument("--deadline", action="append", default=[], metavar="KỲ=YYYY-MM-DD",
                   help="hạn gửi, ví dụ 2020-Q1=2020-03-20 (lặp lại được)")

    office = sub.add_parser("office", help="quản lý đơn vị").add_subparsers(dest="action", metavar="ACTION", parser_class=VietnameseParser)
    office.required = True
    p = office.add_parser("add", help="thêm đơn vị")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True, help="tên cơ quan in ở tiêu đề")
    p.add_argument("--parent", help="mã đơn vị cấp trên")
    p.add_argument("--level", required=True, choices=["province", "district", "commune"])
    p.add_argument("--authority", default="", help="dòng cơ quan chủ quản, ví dụ UBND HUYỆN PHÚ LỘC")
    p.add_argument("--place", help="địa danh ở dòng ngày tháng (mặc định: tên đơn vị)")
    p.add_argument("--symbol", default="LĐTBXH", help="chữ viết tắt trong số ký hiệu")
    p.add_argument("--valid-from", default="2000-01-01", help="tên có hiệu lực từ ngày (YYYY-MM-DD)")
    office.add_parser("list", help="liệt kê đơn vị")

    template = sub.add_parser("template", help="mẫu báo cáo").add_subparsers(dest="action", metavar="ACTION", parser_class=VietnameseParser)
    template.required = True
    p = template.add_parser("export", help="xuất mẫu báo cáo ra tệp")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--code", help="mã mẫu (mặc định: mẫu đi kèm phần mềm)")
    p.add_argument("--version", type=int, dest="template_version")
    p = template.add_parser("import", help="nạp mẫu báo cáo từ tệp")
    p.add_argument("file", type=Path)
    p = template.add_parser("migrate", help="chuyển một báo cáo nháp sang phiên bản mẫu khác")
    _report_args(p)
    p.add_argument("--version", type=int, required=True, dest="template_version")
    p.add_argument("--rename", action="append", default=[], metavar="CŨ=MỚI", help="chỉ tiêu đổi mã")
    p.add_argument("--apply", action="store_true", help="thực hiện (không có: chỉ cho xem)")
    return parser


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ TTH")
    p.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2020-Q1")


READ_ONLY = {"get", "validate", "dump", "export", "issued-pdf", "scans", "backup"}


def _read_only(args: argparse.Namespace) -> bool:
    return args.command in READ_ONLY or getattr(args, "action", None) in ("list",) \
        or (args.command == "template" and args.action == "export")


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; return the exit code.

    Commands that change data take the same lock as the window, so they never
    write behind an open window's back; reading commands do not need it.
    """
    try:
        opened = dbmod.open_database(args.db or dbmod.default_path(), exclusive=not _read_only(args))
    except DatabaseError as exc:
        if "cửa sổ khác" in str(exc):
            return _fail("Cơ sở dữ liệu đang mở trong cửa sổ làm việc; hãy sửa trong cửa sổ, "
                         "hoặc đóng cửa sổ rồi chạy lại lệnh.")
        return _fail(str(exc))
    except UserError as exc:
        return _fail(str(exc))
    for warning in opened.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    store = Store(opened.db)
    try:
        return COMMANDS[args.command](store, args)
    except UserError as exc:
        return _fail(str(exc))
    except (sqlite3.Error, OSError) as exc:
        return _fail(describe(exc))
    finally:
        opened.close()


def _fail(message: str, code: int = 2) -> int:
    print(f"Lỗi: {message}", file=sys.stderr)
    return code


def cmd_demo(store: Store, args) -> int:
    _, changed = transfer.import_data(store, transfer.read_file(paths.resource("sample", "tth-2020-q1.json")))
    print("Đã nạp báo cáo mẫu: đơn vị TTH, kỳ 2020-Q1." if changed else "Báo cáo mẫu đã có sẵn; không thay đổi gì.")
    return 0


def cmd_set(store: Store, args) -> int:
    from app.domain import narrative

    existing = store.find_report(args.office, args.period)
    template_id = store.report_template_id(existing) if existing else None
    template = store.template_by_id(template_id or store.default_template_id())
    indicator = template.indicators.get(args.indicator)
    if indicator is None:
        return _fail(f"Mẫu báo cáo {template.key} không có chỉ tiêu mã “{args.indicator}”.")
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
    store.content._indicator(report, args.indicator)
    value = store.content.values(report.id).get(args.indicator)
    if value is None or value.number is None:
        return _fail(f"Chỉ tiêu {args.indicator} chưa có số liệu trong kỳ {args.period}.", 1)
    text = transfer._num(value.number)
    if value.denominator is not None:
        text += "/" + transfer._num(value.denominator)
    print(text)
    return 0


def cmd_validate(store: Store, args) -> int:
    report = store.report(args.office, args.period)
    findings = validate(store.content.load(report))
    for finding in findings:
        print(finding)
    if has_errors(findings):
        errors = sum(1 for f in findings if f.severity.value == "error")
        print(f"Báo cáo chưa hợp lệ: {errors} lỗi, {len(findings) - errors} cảnh báo.", file=sys.stderr)
        return 1
    print(f"Báo cáo hợp lệ ({len(findings)} cảnh báo)." if findings else "Báo cáo hợp lệ.")
    return 0


def cmd_dump(store: Store, args) -> int:
    data = transfer.dump(store, args.office, args.period)
    write_atomic(args.out, transfer.dumps(data).encode("utf-8"))
    print(f"Đã xuất dữ liệu báo cáo ra {args.out}")
    return 0


def cmd_import(store: Store, args) -> int:
    data = transfer.read_file(args.file)
    _, changed = transfer.import_data(store, data, source=f"Tệp {args.file}")
    office, period = data["office"]["code"], data["report"]["period"]
    print(f"Đã nhập báo cáo {office} {period}." if changed else f"Báo cáo {office} {period} đã có; không thay đổi gì.")
    return 0


def cmd_export(store: Store, args) -> int:
    suffix = Path(args.out).suffix.lower().lstrip(".")
    if suffix in ("pdf", "docx", "xlsx", "doc", "xls") and suffix != args.format:
        return _fail(f"Tên tệp có đuôi .{suffix} nhưng định dạng là {args.format}; hãy sửa một trong hai.")
    target = export_report(store, args.office, args.period, args.format, args.out, args.consolidated)
    print(f"Đã xuất báo cáo ra {target}")
    return 0


def cmd_complete(store: Store, args) -> int:
    from app.reporting import issuing

    issuing.mark_complete(store, store.report(args.office, args.period))
    print("Đã đánh dấu hoàn thành.")
    return 0


def cmd_reopen(store: Store, args) -> int:
    from app.reporting import issuing

    issuing.reopen(store, store.report(args.office, args.period), args.reason)
    print("Đã mở lại báo cáo (bản nháp).")
    return 0


def cmd_issue(store: Store, args) -> int:
    from app.reporting import issuing

    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        return _fail(f"Ngày “{args.date}” phải viết dạng YYYY-MM-DD.")
    report = issuing.issue(store, store.report(args.office, args.period), number=args.number, issued_on=day,
                           signer_title=args.signer_title, signer_name=args.signer_name)
    digest = hashlib.sha256(issuing.issued_pdf(store, report)).hexdigest()
    print(f"Đã ban hành báo cáo số {report.number}, bản {report.revision}. SHA-256 của bản PDF: {digest}")
    return 0


def cmd_revise(store: Store, args) -> int:
    from app.reporting import issuing

    report = issuing.new_revision(store, store.report(args.office, args.period), args.reason)
    print(f"Đã mở bản sửa đổi {report.revision} (bản nháp).")
    return 0


def cmd_issued_pdf(store: Store, args) -> int:
    from app.reporting import issuing

    report = store.issued_report(args.office, args.period, args.revision)
    write_atomic(args.out, issuing.issued_pdf(store, report))
    print(f"Đã ghi bản PDF đã ban hành (số {report.number}, bản {report.revision}) ra {args.out}")
    return 0


def cmd_scans(store: Store, args) -> int:
    from app.reporting import issuing

    report = store.issued_report(args.office, args.period)
    listed = issuing.scans(store, report)
    if not listed:
        print("Chưa có bản chụp nào.")
    for index, (name, digest, size) in enumerate(listed):
        if args.out:
            name, data = issuing.scan_file(store, report, index)
            write_atomic(Path(args.out) / f"{index + 1:02d}-{name}", data)
        print(f"{index + 1}\t{name}\t{size} byte\tSHA-256 {digest}")
    return 0


def cmd_attach_scan(store: Store, args) -> int:
    from app.reporting import issuing

    digest = issuing.attach_scan(store, store.issued_report(args.office, args.period), args.file)
    print(f"Đã đính kèm bản chụp (SHA-256 {digest}).")
    return 0


def cmd_backup(store: Store, args) -> int:
    from app.exchange import keys

    if args.folder:
        from app.storage.backup import backup_to_folder

        target = backup_to_folder(store, args.folder, keys.default_office(store), args.keep)
    else:
        live = Path(store.db.execute("PRAGMA database_list").fetchone()[2] or "")
        if live and Path(args.out).resolve() == live.resolve():
            return _fail("Không sao lưu đè lên chính cơ sở dữ liệu đang dùng; hãy chọn tệp khác.")
        target = backup_database(store.db, args.out)
    print(f"Đã sao lưu vào {target}")
    return 0


def cmd_keys(store: Store, args) -> int:
    from app.exchange import keys

    if args.action == "export":
        public = keys.export_key(store, args.office or keys.default_office(store), args.out)
        print(f"Đã xuất khóa công khai của {public.office_code} ra {args.out}")
        print(f"Dấu vân tay: {public.fingerprint}")
        return 0
    if args.action == "trust":
        public = keys.read_key_file(args.file)
        keys.trust(store, public, replace=args.replace)
        print(f"Đã tin cậy khóa của {public.office_code}, dấu vân tay {public.fingerprint}")
        return 0
    for office, fp, when in keys.trusted(store):
        print(f"{office}\t{fp}\t{when}")
    return 0


def cmd_submit(store: Store, args) -> int:
    from app.exchange import package

    target = package.submit(store, args.office, args.period, args.folder)
    print(f"Đã gửi {target.name} vào {target.parent}")
    return 0


def cmd_sync(store: Store, args) -> int:
    from app.exchange import sync

    result = sync.sync(store, args.folder)
    for outcome in result.outcomes:
        print(outcome.line())
    accepted = result.count("accepted")
    print(f"Tổng: {accepted} nhận mới, {result.count('unchanged')} đã có, {result.count('rejected')} từ chối, "
          f"{result.count('held')} chờ, {result.count('fork')} rẽ nhánh; {result.skipped} tệp đã xét trước đây.",
          file=sys.stderr)
    return 0


def cmd_publish(store: Store, args) -> int:
    from app.exchange import keys, package

    office = args.office or keys.default_office(store)
    if not args.template and not args.deadline:
        return _fail("Hãy ghi --template hoặc --deadline.")
    if args.template:
        template = load_file(args.template)
        store.install_template(template)
        target = package.publish(store, office, args.folder, "template", {"template": template.to_dict()})
        print(f"Đã gửi mẫu {template.key}: {target.name}")
    if args.deadline:
        deadlines = {}
        for item in args.deadline:
            period, _, due = item.partition("=")
            try:
                deadlines[str(Period.parse(period))] = dt.date.fromisoformat(due).isoformat()
            except ValueError:
                return _fail(f"Hạn “{item}” phải viết dạng 2020-Q1=2020-03-20.")
        with store.db.atomic():
            for period, due in deadlines.items():
                store.db.conn.execute("INSERT OR REPLACE INTO deadline (office_code, period, due) VALUES (?, ?, ?)",
                                      (office, period, due))
        target = package.publish(store, office, args.folder, "deadline", {"deadlines": deadlines})
        print(f"Đã gửi hạn gửi báo cáo: {target.name}")
    return 0


def cmd_office(store: Store, args) -> int:
    if args.action == "list":
        for office in store.offices():
            p = office.current
            print(f"{office.code}\t{office.level}\t{p.name}\t{p.parent_code or ''}")
        return 0
    try:
        valid_from = dt.date.fromisoformat(args.valid_from)
    except ValueError:
        return _fail(f"Ngày “{args.valid_from}” phải viết dạng YYYY-MM-DD.")
    profile = OfficeProfile(
        valid_from=valid_from, name=args.name, authority=args.authority,
        place=args.place or args.name, symbol=args.symbol,
        parent_code=args.parent.upper() if args.parent else None,
    )
    office = store.add_office(args.code, args.level, profile)
    print(f"Đã thêm đơn vị {office.code}.")
    return 0


def cmd_template(store: Store, args) -> int:
    if args.action == "migrate":
        from app.reporting import template_edit

        report = store.report(args.office, args.period)
        target = store.template_id(store.template_of(report).code, args.template_version)
        bad = [item for item in args.rename if "=" not in item]
        if bad:
            return _fail(f"--rename phải viết dạng CŨ=MỚI (ví dụ VL_NN=VL_NUOC_NGOAI), không phải “{bad[0]}”.")
        renames = dict(item.split("=", 1) for item in args.rename)
        mapping = (template_edit.migrate if args.apply else template_edit.plan)(store, report, target, renames)
        for line in mapping.lines:
            print(line)
        print("Đã chuyển báo cáo sang phiên bản mới." if args.apply else "Chưa thay đổi gì; thêm --apply để thực hiện.")
        return 0
    if args.action == "import":
        template = load_file(args.file)
        known = store.db.execute("SELECT 1 FROM template WHERE code = ? AND version = ? AND fingerprint = ?",
                                 (template.code, template.version, template.fingerprint)).fetchone()
        store.install_template(template)
        if known:
            print(f"Mẫu {template.code} phiên bản {template.version} đã có; không thay đổi gì.")
        else:
            print(f"Đã nạp mẫu {template.code} phiên bản {template.version} ({len(template.indicators)} chỉ tiêu).")
        return 0
    template_id = store.template_id(args.code, args.template_version) if args.code else store.default_template_id()
    template = store.template_by_id(template_id)
    text = json.dumps(template.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(args.out, text.encode("utf-8"))
    print(f"Đã xuất mẫu {template.code} phiên bản {template.version} ra {args.out}")
    return 0


COMMANDS = {
    "demo": cmd_demo, "set": cmd_set, "get": cmd_get, "validate": cmd_validate, "dump": cmd_dump,
    "import": cmd_import, "export": cmd_export, "backup": cmd_backup,
    "complete": cmd_complete, "reopen": cmd_reopen, "issue": cmd_issue, "revise": cmd_revise,
    "issued-pdf": cmd_issued_pdf, "scans": cmd_scans, "attach-scan": cmd_attach_scan, "keys": cmd_keys, "submit": cmd_submit,
    "sync": cmd_sync, "publish": cmd_publish, "office": cmd_office, "template": cmd_template,
}
