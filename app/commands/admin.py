"""Commands for the installation: backup, restore, office add/list, template export/import/migrate."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from app.commands.common import TEMPLATE_LIMIT, fail
from app.domain.model import OfficeProfile
from app.errors import NotFoundError
from app.fsutil import check_readable, write_atomic
from app.storage.store import Store


def cmd_backup(store: Store, args) -> int:
    from app.exchange import keys
    from app.storage.backup import backup_database, backup_to_folder

    if args.folder:
        target = backup_to_folder(store, args.folder, keys.default_office(store), args.keep)
    else:
        live = getattr(args, "database_path", None)
        if live and Path(args.out).resolve() == Path(live).resolve():
            return fail("Không sao lưu đè lên chính cơ sở dữ liệu đang dùng; hãy chọn tệp khác.")
        target = backup_database(store.db, args.out)
    print(f"Đã sao lưu vào {target}")
    return 0


def cmd_restore(database: Path, args) -> int:
    """Runs without opening the database: the file there may be the very thing being replaced."""
    from app.storage import migrations
    from app.storage.restore import restore

    done = restore(database, args.source)
    upgraded = f", đã nâng cấp lên v{migrations.LATEST}" if done.migrated else ""
    print(f"Đã khôi phục {done.path} từ {Path(args.source).resolve()} (lược đồ v{done.backup_version}{upgraded}).")
    print(f"Tệp cũ được giữ ở {done.kept}" if done.kept else "Trước đó chưa có tệp cơ sở dữ liệu.")
    print("Khóa ký của máy này giữ nguyên.")
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
        return fail(f"Ngày “{args.valid_from}” phải viết dạng YYYY-MM-DD.")
    profile = OfficeProfile(
        valid_from=valid_from, name=args.name, authority=args.authority,
        place=args.place or _place_of(args.authority) or args.name, symbol=args.symbol,
        parent_code=args.parent.upper() if args.parent else None,
    )
    if args.template:
        from app.reporting.office_templates import install_shipped

        install_shipped(store, args.template)  # the district and commune templates ship with the app
        args.template = store.templates.require_code(args.template)  # refused before the office is added
    with store.db.atomic():
        office = store.add_office(args.code, args.level, profile)
        if args.template:
            store.choose_template(office.code, args.template)
    print(f"Đã thêm đơn vị {office.code}" + (f"; báo cáo mới dùng mẫu {args.template}." if args.template else "."))
    return 0


def cmd_template(store: Store, args) -> int:
    handler = {"migrate": _template_migrate, "import": _template_import, "use": _template_use}.get(
        args.action, _template_export)
    return handler(store, args)


def _template_migrate(store: Store, args) -> int:
    from app.reporting import template_edit

    report = store.report(args.office, args.period)
    target = store.template_id(store.template_of(report).code, args.template_version)
    bad = [item for item in args.rename if "=" not in item]
    if bad:
        return fail(f"--rename phải viết dạng CŨ=MỚI (ví dụ VL_NN=VL_NUOC_NGOAI), không phải “{bad[0]}”.")
    renames = dict(item.split("=", 1) for item in args.rename)
    mapping = (template_edit.migrate if args.apply else template_edit.plan)(store, report, target, renames)
    for line in mapping.lines:
        print(line)
    print("Đã chuyển báo cáo sang phiên bản mới." if args.apply else "Chưa thay đổi gì; thêm --apply để thực hiện.")
    return 0


def _template_import(store: Store, args) -> int:
    from app.domain.template import load_file

    check_readable(args.file, TEMPLATE_LIMIT, what="tệp mẫu báo cáo")  # no device, FIFO or folder reaches the reader
    template = load_file(args.file)
    known = _installed_same(store, template)
    store.install_template(template)
    if known:
        print(f"Mẫu {template.code} phiên bản {template.version} đã có; không thay đổi gì.")
    else:
        print(f"Đã nạp mẫu {template.code} phiên bản {template.version} ({len(template.indicators)} chỉ tiêu).")
    return 0


def _installed_same(store: Store, template) -> bool:
    try:
        installed = store.template_by_id(store.template_id(template.code, template.version))
    except NotFoundError:
        return False
    return installed.fingerprint == template.fingerprint


def _template_use(store: Store, args) -> int:
    """New reports of the office use the newest installed version of the template (existing ones keep theirs)."""
    from app.reporting import office_templates

    template = store.template_by_id(office_templates.use(store, args.office, args.template))
    print(f"Báo cáo mới của {store.office(args.office).code} dùng mẫu {template.code} phiên bản {template.version}; "
          "báo cáo đã có giữ mẫu của nó (chuyển bằng “template migrate”).")
    return 0


def _template_export(store: Store, args) -> int:
    if args.code:
        template_id = store.template_id(args.code, args.template_version)
    elif args.office:
        template_id = store.template_for_new(args.office)
    else:
        template_id = store.default_template_id()
    template = store.template_by_id(template_id)
    text = json.dumps(template.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(args.out, text.encode("utf-8"))
    print(f"Đã xuất mẫu {template.code} phiên bản {template.version} ra {args.out}")
    return 0


_AUTHORITY = re.compile(r"^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
                        r"\s+(?P<place>.+)$", re.IGNORECASE)


def _place_of(authority: str | None) -> str:
    """"Phú Lộc" from "UBND huyện Phú Lộc": where the date line says the report was written."""
    match = _AUTHORITY.match((authority or "").strip())
    return match["place"].strip() if match else ""
