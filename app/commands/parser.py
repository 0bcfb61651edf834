"""The command line's grammar: every command's name and options, in Vietnamese.

Names and options are a contract (README, "Lệnh không cần giao diện"); each
group of commands is declared by one small function.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from app import __version__

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


#: Each group of commands, in the order ``--help`` lists them: its declaring function
#: (here, or ``declare`` of a module under app/commands) and the commands it declares.
GROUPS = (
    ("_entry_commands", ("demo", "set", "text", "title", "get", "validate", "audit")),
    ("_exchange_file_commands", ("dump", "import", "export")),
    ("_issue_commands", ("complete", "reopen", "issue", "revise")),
    ("_scan_commands", ("issued-pdf", "scans", "attach-scan")),
    ("_backup_commands", ("backup", "restore")),
    ("_keys_commands", ("keys",)),
    ("_folder_commands", ("submit", "sync", "publish")),
    ("_office_commands", ("office",)),
    ("_template_commands", ("template",)),
    ("_carry_commands", ("carry",)),
    ("checks", ("spellcheck",)),
    ("import_docx", ("import-docx",)),
    ("charts", ("chart",)),
)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``python main.py [--db FILE] COMMAND …``.

    Given the arguments it is to parse, only the group of the command they name is declared
    (what that command parses and prints is the same); without them, or when they name no
    known command (``--help``, a mistyped name), every command is.
    """
    parser = VietnameseParser(prog="main.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--db", type=Path, help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="lệnh", parser_class=VietnameseParser)
    command = _command_named(argv) if argv is not None else None
    wanted = [name for name, commands in GROUPS if command in commands] or [name for name, _ in GROUPS]
    for name in wanted:
        _declarer(name)(sub)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when nothing but ``--db FILE`` comes before it; else None."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--db":
            index += 2
        elif word.startswith("--db="):
            index += 1
        else:
            return None if word.startswith("-") else word
    return None


def _declarer(name: str):
    if name.startswith("_"):
        return globals()[name]
    import importlib

    return importlib.import_module(f"app.commands.{name}").declare


def report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ TTH")
    p.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2020-Q1")


def _entry_commands(sub) -> None:
    sub.add_parser("demo", help="nạp báo cáo mẫu: đơn vị TTH, kỳ 2020-Q1")
    p = sub.add_parser("set", help="nhập một số liệu (kiểu Việt Nam: 2.607; 13,302 tỷ; khoảng 4.348)")
    report_args(p)
    p.add_argument("--indicator", required=True, help="mã chỉ tiêu, ví dụ VL_MOI")
    p.add_argument("--value", help="giá trị, ví dụ 2.607, khoảng 4.348, ước 2.607, hơn 41 nghìn")
    p.add_argument("--plan", help="kế hoạch năm hoặc chỉ tiêu phấn đấu của kỳ, ví dụ 8.560")
    p.add_argument("--prior", help="số cùng kỳ năm trước (khi CSDL không có báo cáo kỳ đó)")
    p.add_argument("--as-of", dest="as_of", help="số liệu tính đến ngày, ví dụ 15/6/2021 hoặc 2021-06-15")
    p.add_argument("--note", help="ghi chú của số liệu")
    p.epilog = ("Chuỗi rỗng (--plan \"\") xóa kế hoạch, số cùng kỳ, ngày hoặc ghi chú; "
                "chỉ ghi --plan thì giữ nguyên số liệu.")
    _words_commands(sub)
    p = sub.add_parser("get", help="in số liệu đã lưu (đơn vị cơ sở: người, đồng…)")
    report_args(p)
    p.add_argument("--indicator", required=True)
    p = sub.add_parser("validate", help="kiểm tra báo cáo; mã thoát 1 nếu có lỗi")
    report_args(p)
    p = sub.add_parser("audit", help="nhật ký thay đổi của báo cáo: khi nào, ai, từ đâu, cũ → mới")
    report_args(p)


def _words_commands(sub) -> None:
    p = sub.add_parser("text", help="ghi nội dung một mục: mỗi dòng một đoạn, dòng bắt đầu “- ” là gạch đầu dòng")
    report_args(p)
    p.add_argument("--section", required=True, help="mã mục (VL) hoặc số mục theo mẫu (3.1)")
    p.add_argument("--part", choices=["results", "plan"], default="results",
                   help="results: kết quả (mặc định); plan: nhiệm vụ kỳ tới")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, help="tệp văn bản UTF-8")
    source.add_argument("--text", help="nội dung (chuỗi rỗng: xóa nội dung của mục)")
    p = sub.add_parser("title", help="tiêu đề và trích yếu riêng của báo cáo (chuỗi rỗng: theo mẫu)")
    report_args(p)
    p.add_argument("--title", help="thay “BÁO CÁO”, ví dụ “BÁO CÁO NHANH”")
    p.add_argument("--summary", help="dòng trích yếu dưới tiêu đề")
    p.add_argument("--heading", action="append", metavar="MỤC=TIÊU_ĐỀ",
                   help="tiêu đề riêng của một mục (mã hoặc số mục; “MỤC:nhiemvu” ở phần nhiệm vụ kỳ tới; "
                        "ketqua, nhiemvu: hai phần); lặp lại được; để trống sau “=” thì theo mẫu")


def _carry_commands(sub) -> None:
    p = sub.add_parser("carry", help="bắt đầu kỳ mới từ kỳ trước: chép lời văn mọi mục, số liệu lấy của kỳ mới")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ TTH")
    p.add_argument("--from", dest="source", help="kỳ chép từ (mặc định: kỳ liền trước kỳ mới)")
    p.add_argument("--to", required=True, dest="target", help="kỳ mới, ví dụ 2020-Q2")


def _exchange_file_commands(sub) -> None:
    p = sub.add_parser("dump", help="xuất dữ liệu báo cáo ra JSON (kèm mẫu báo cáo)")
    report_args(p)
    p.add_argument("--out", required=True, type=Path)
    p = sub.add_parser("import", help="nhập dữ liệu báo cáo từ tệp JSON")
    p.add_argument("file", type=Path)
    p = sub.add_parser("export", help="in báo cáo ra PDF (để ký), DOCX (sửa được) hoặc XLSX (số liệu)")
    report_args(p)
    p.add_argument("--format", required=True, choices=["pdf", "docx", "xlsx"])
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--consolidated", action="store_true", help="báo cáo tổng hợp các đơn vị cấp dưới")


def _issue_commands(sub) -> None:
    p = sub.add_parser("complete", help="đánh dấu hoàn thành (khi không còn lỗi)")
    report_args(p)
    p = sub.add_parser("reopen", help="mở lại báo cáo đã hoàn thành để sửa")
    report_args(p)
    p.add_argument("--reason", required=True)
    p = sub.add_parser("issue", help="ban hành: cấp số, ngày, người ký; lưu bản PDF và mã SHA-256")
    report_args(p)
    p.add_argument("--number", required=True, help="số báo cáo, ví dụ 45")
    p.add_argument("--date", required=True, help="ngày ban hành YYYY-MM-DD")
    p.add_argument("--signer-title", required=True, help="ví dụ GIÁM ĐỐC")
    p.add_argument("--signer-name", required=True)
    p = sub.add_parser("revise", help="mở bản sửa đổi của báo cáo đã ban hành")
    report_args(p)
    p.add_argument("--reason", required=True)


def _scan_commands(sub) -> None:
    p = sub.add_parser("issued-pdf", help="lấy lại đúng bản PDF đã ban hành")
    report_args(p)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--revision", type=int, help="bản số mấy (mặc định: bản ban hành mới nhất)")
    p = sub.add_parser("scans", help="liệt kê hoặc lấy ra các bản chụp đã ký")
    report_args(p)
    p.add_argument("--out", type=Path, help="thư mục để ghi các bản chụp ra")
    p = sub.add_parser("attach-scan", help="đính kèm bản chụp bản giấy đã ký, đóng dấu")
    report_args(p)
    p.add_argument("file", type=Path)


def _backup_commands(sub) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi đang dùng)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="tệp sao lưu")
    target.add_argument("--folder", type=Path, help="thư mục dùng chung: backup/<ĐƠN VỊ>/, giữ 10 bản mới nhất")
    p.add_argument("--keep", type=int, default=10)
    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu đã kiểm tra (giữ lại tệp cũ bên cạnh)")
    p.add_argument("--from", required=True, type=Path, dest="source", metavar="FILE", help="tệp sao lưu")


def _keys_commands(sub) -> None:
    keys = sub.add_parser("keys", help="khóa ký gói báo cáo").add_subparsers(
        dest="action", metavar="ACTION", parser_class=VietnameseParser)
    keys.required = True
    p = keys.add_parser("export", help="xuất khóa công khai của đơn vị (kèm dấu vân tay)")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--office", help="mã đơn vị (mặc định: đơn vị của máy này)")
    p = keys.add_parser("trust", help="tin cậy khóa công khai của một đơn vị")
    p.add_argument("file", type=Path)
    p.add_argument("--replace", action="store_true", help="thay khóa đã tin cậy trước đây")
    keys.add_parser("list", help="liệt kê khóa đã tin cậy")


def _folder_commands(sub) -> None:
    p = sub.add_parser("submit", help="gửi báo cáo (gói có chữ ký) vào thư mục dùng chung")
    report_args(p)
    p.add_argument("--folder", required=True, type=Path, help="thư mục dùng chung")
    p = sub.add_parser("sync", help="nhận các gói mới trong thư mục dùng chung; mỗi gói một dòng")
    p.add_argument("--folder", required=True, type=Path, help="thư mục dùng chung")
    p = sub.add_parser("publish", help="gửi xuống cấp dưới: mẫu báo cáo và hạn gửi báo cáo (có chữ ký)")
    p.add_argument("--folder", required=True, type=Path)
    p.add_argument("--office", help="mã đơn vị gửi (mặc định: đơn vị của máy này)")
    p.add_argument("--template", type=Path, help="tệp mẫu báo cáo")
    p.add_argument("--deadline", action="append", default=[], metavar="KỲ=YYYY-MM-DD",
                   help="hạn gửi, ví dụ 2020-Q1=2020-03-20 (lặp lại được)")


def _office_commands(sub) -> None:
    office = sub.add_parser("office", help="quản lý đơn vị").add_subparsers(
        dest="action", metavar="ACTION", parser_class=VietnameseParser)
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
    p.add_argument("--template", help="mã mẫu báo cáo cho báo cáo mới (mặc định: mẫu đi kèm phần mềm)")
    office.add_parser("list", help="liệt kê đơn vị")


def _template_commands(sub) -> None:
    template = sub.add_parser("template", help="mẫu báo cáo").add_subparsers(
        dest="action", metavar="ACTION", parser_class=VietnameseParser)
    template.required = True
    p = template.add_parser("export", help="xuất mẫu báo cáo ra tệp")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--code", help="mã mẫu (mặc định: mẫu đi kèm phần mềm)")
    p.add_argument("--version", type=int, dest="template_version")
    p.add_argument("--office", help="mẫu mà báo cáo mới của đơn vị này dùng")
    p = template.add_parser("import", help="nạp mẫu báo cáo từ tệp")
    p.add_argument("file", type=Path)
    p = template.add_parser("use", help="mẫu báo cáo các báo cáo mới của đơn vị dùng")
    p.add_argument("--office", required=True, help="mã đơn vị")
    p.add_argument("--template", required=True, help="mã mẫu: LDTBXH_QUY (tỉnh), LDTBXH_HUYEN (huyện), "
                                                     "LDTBXH_XA_2026 (xã, từ năm 2026)")
    p = template.add_parser("migrate", help="chuyển một báo cáo nháp sang phiên bản mẫu khác")
    report_args(p)
    p.add_argument("--version", type=int, required=True, dest="template_version")
    p.add_argument("--rename", action="append", default=[], metavar="CŨ=MỚI", help="chỉ tiêu đổi mã")
    p.add_argument("--apply", action="store_true", help="thực hiện (không có: chỉ cho xem)")
