"""Commands for the shared folder and its keys: keys export/trust/list, submit, sync."""
from __future__ import annotations

import sys

from app.commands.common import KEY_LIMIT
from app.fsutil import check_readable
from app.storage.store import Store


def cmd_keys(store: Store, args) -> int:
    from app.exchange import keys

    if args.action == "export":
        public = keys.export_key(store, args.office or keys.default_office(store), args.out)
        print(f"Đã xuất khóa công khai của {public.office_code} ra {args.out}")
        print(f"Dấu vân tay: {public.fingerprint}")
        return 0
    if args.action == "trust":
        check_readable(args.file, KEY_LIMIT, what="tệp khóa")  # no device, FIFO or folder reaches the reader
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
          f"{result.count('held')} chờ, {result.count('fork')} rẽ nhánh, {result.count('skipped')} bỏ qua (không phải "
          f"tệp thường); {result.skipped} tệp đã xét trước đây.",
          file=sys.stderr)
    return 0
