"""Commands moving one report's data in and out as files: dump, import, export."""
from __future__ import annotations

from pathlib import Path

from app.commands.common import DUMP_LIMIT, fail
from app.fsutil import check_readable, write_atomic
from app.storage.store import Store


def cmd_dump(store: Store, args) -> int:
    from app.exchange import transfer

    data = transfer.dump(store, args.office, args.period)
    write_atomic(args.out, transfer.dumps(data).encode("utf-8"))
    print(f"Đã xuất dữ liệu báo cáo ra {args.out}")
    return 0


def cmd_import(store: Store, args) -> int:
    from app.exchange import transfer

    check_readable(args.file, DUMP_LIMIT, what="tệp dữ liệu báo cáo")  # no device, FIFO or folder reaches the reader
    data = transfer.read_file(args.file)
    _, changed = transfer.import_data(store, data, source=f"Tệp {args.file}")
    office, period = data["office"]["code"], data["report"]["period"]
    print(f"Đã nhập báo cáo {office} {period}." if changed else f"Báo cáo {office} {period} đã có; không thay đổi gì.")
    return 0


def cmd_export(store: Store, args) -> int:
    from app.commands.cli_actions import export_report

    suffix = Path(args.out).suffix.lower().lstrip(".")
    if suffix in ("pdf", "docx", "xlsx", "doc", "xls") and suffix != args.format:
        return fail(f"Tên tệp có đuôi .{suffix} nhưng định dạng là {args.format}; hãy sửa một trong hai.")
    target = export_report(store, args.office, args.period, args.format, args.out, args.consolidated)
    print(f"Đã xuất báo cáo ra {target}")
    return 0
