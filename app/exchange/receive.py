"""Applying a verified package from the shared folder: a report, a template or deadlines.

``sync`` reads, checks and orders packages; this module owns what a package
may change here, whoever the sender.
"""
from __future__ import annotations

from app.domain.template import from_dict
from app.errors import InputError
from app.exchange import package, transfer
from app.storage.store import Store, now


def apply(store: Store, pkg: package.Package) -> str:
    body = pkg.body
    if pkg.kind == "report":
        return _apply_report(store, pkg)
    if pkg.kind in ("template", "deadline"):
        parents = {o.current.parent_code for o in store.local_offices()}
        if pkg.office not in parents:
            raise InputError(f"chỉ đơn vị cấp trên mới gửi mẫu báo cáo và hạn gửi; {pkg.office} không phải cấp trên")
    if pkg.kind == "template":
        template = from_dict(body["template"])
        store.install_template(template)
        return f"mẫu báo cáo {template.code} phiên bản {template.version}"
    deadlines = body["deadlines"]
    if not isinstance(deadlines, dict):
        raise InputError("danh sách hạn gửi không hợp lệ")
    for period, due in deadlines.items():
        store.db.conn.execute("INSERT OR REPLACE INTO deadline (office_code, period, due) VALUES (?, ?, ?)",
                              (pkg.office, str(period), str(due)))
    return f"hạn gửi báo cáo: {', '.join(f'{p} → {d}' for p, d in deadlines.items())}"


def _apply_report(store: Store, pkg: package.Package) -> str:
    data = pkg.body["report"]
    if data["office"]["code"] != pkg.office or data["office"]["id"] != pkg.body["office_id"]:
        raise InputError("báo cáo trong gói thuộc đơn vị khác người gửi")
    template = from_dict(data["template"])
    row = store.db.execute("SELECT fingerprint FROM template WHERE code = ? AND version = ?",
                           (template.code, template.version)).fetchone()
    if row is None:
        raise InputError(f"mẫu báo cáo {template.code} phiên bản {template.version} chưa có ở đơn vị tổng hợp "
                         "(nạp mẫu đó rồi đồng bộ lại)")
    if row[0] != template.fingerprint:
        raise InputError(f"mẫu báo cáo {template.code} phiên bản {template.version} khác nội dung mẫu cùng "
                         "phiên bản ở đơn vị tổng hợp")
    existing = store.find_office(pkg.office)
    if existing and existing.id != pkg.body["office_id"]:
        raise InputError(f"mã định danh đơn vị {pkg.office} khác đơn vị đã có")
    if existing is not None and existing.is_local:
        raise InputError(f"{pkg.office} là đơn vị của chính máy này; không nhận báo cáo của nó từ nơi khác")
    report_id, _changed = transfer.import_data(store, data, template)
    store.db.conn.execute("UPDATE office SET origin = 'remote' WHERE code = ?", (pkg.office,))
    if existing is not None:  # the sender is the authority on its own names and place in the hierarchy
        office_id = pkg.body["office_id"]
        incoming = [transfer._profile_parse(row) for row in data["office"]["profiles"]]
        if tuple(incoming) != existing.profiles:
            store.db.conn.execute("DELETE FROM office_profile WHERE office_id = ?", (office_id,))
            for profile in incoming:
                store._write_profile(office_id, profile)
    pdf = pkg.body.get("pdf")
    if pdf:
        import base64

        data_pdf = base64.b64decode(pdf)
        store.db.conn.execute(
            "INSERT INTO report_file (report_id, kind, name, sha256, size, data, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report_id, "issued_pdf", pkg.name + ".pdf", pkg.body["pdf_sha256"], len(data_pdf), data_pdf, now()))
    return f"báo cáo {pkg.office} kỳ {pkg.body['period']} bản {pkg.body['revision']}"
