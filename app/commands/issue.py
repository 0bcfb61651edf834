"""Commands for a report's life: complete, reopen, issue, revise; the issued PDF and the signed scans."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.commands.common import SCAN_LIMIT, fail
from app.digest import sha256_hex
from app.fsutil import check_readable, write_atomic
from app.reporting import issuing
from app.storage.store import Store


def cmd_complete(store: Store, args) -> int:
    issuing.mark_complete(store, store.report(args.office, args.period))
    print("Đã đánh dấu hoàn thành.")
    return 0


def cmd_reopen(store: Store, args) -> int:
    issuing.reopen(store, store.report(args.office, args.period), args.reason)
    print("Đã mở lại báo cáo (bản nháp).")
    return 0


def cmd_issue(store: Store, args) -> int:
    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        return fail(f"Ngày “{args.date}” phải viết dạng YYYY-MM-DD.")
    report = issuing.issue(store, store.report(args.office, args.period), number=args.number, issued_on=day,
                           signer_title=args.signer_title, signer_name=args.signer_name)
    digest = sha256_hex(issuing.issued_pdf(store, report))
    print(f"Đã ban hành báo cáo số {report.number}, bản {report.revision}. SHA-256 của bản PDF: {digest}")
    return 0


def cmd_revise(store: Store, args) -> int:
    report = issuing.new_revision(store, store.report(args.office, args.period), args.reason)
    print(f"Đã mở bản sửa đổi {report.revision} (bản nháp).")
    return 0


def cmd_issued_pdf(store: Store, args) -> int:
    report = store.issued_report(args.office, args.period, args.revision)
    write_atomic(args.out, issuing.issued_pdf(store, report))
    print(f"Đã ghi bản PDF đã ban hành (số {report.number}, bản {report.revision}) ra {args.out}")
    return 0


def cmd_scans(store: Store, args) -> int:
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
    report = store.issued_report(args.office, args.period)
    check_readable(args.file, SCAN_LIMIT, what="tệp bản chụp")  # no device, FIFO or folder reaches the reader
    digest = issuing.attach_scan(store, report, args.file)
    print(f"Đã đính kèm bản chụp (SHA-256 {digest}).")
    return 0
