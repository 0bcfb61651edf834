"""Bringing a past Word report in: ``import-docx FILE --office C --period P [--dry-run | --accept-all]``."""
from __future__ import annotations

from pathlib import Path

from app.commands.common import fail
from app.storage.store import Store


def declare(sub) -> None:
    """The command's grammar (registered by ``app.commands.parser``)."""
    p = sub.add_parser("import-docx", help="đọc một báo cáo Word (.docx) cũ: mục, lời văn, văn bản được dẫn, "
                                           "số liệu đề xuất cho từng chỉ tiêu; chỉ lưu khi nhận")
    p.add_argument("file", type=Path, help="tệp báo cáo Word (.docx)")
    p.add_argument("--office", required=True, help="mã đơn vị, ví dụ TTH")
    p.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2020-Q1")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--dry-run", action="store_true", help="chỉ in bảng duyệt, không lưu gì (mặc định)")
    how.add_argument("--accept-all", action="store_true", help="nhận mọi đề xuất và lưu vào báo cáo (một lần ghi)")


def cmd_import_docx(store: Store, args) -> int:
    """Print the review (one figure a line); with ``--accept-all`` save it into an empty report."""
    from app.domain.period import Period
    from app.importing import docx_report, saving, settle

    period = str(Period.parse(args.period))
    report, template_id = saving.target(store, args.office, period)
    template = store.template_by_id(template_id)
    symbol = store.office(args.office).profile_at(Period.parse(period).end).symbol
    draft = docx_report.read(args.file, template, symbol)
    if not draft.pieces:
        return fail(f"Tệp {args.file.name} không có mục nào khớp với mẫu báo cáo {template.key}.")
    _print_review(draft)
    if not args.accept_all:
        print("Chưa lưu gì. Thêm --accept-all để nhận các đề xuất và lưu vào báo cáo.")
        return 0
    settled = settle.settle(draft)
    saving.save(store, args.office, period, settled, args.file.name)
    print(f"Đã lưu vào báo cáo {args.office} kỳ {period}: {sum(len(b) for b in settled.narrative.values())} đoạn, "
          f"{len(settled.tasks)} nhiệm vụ, {len(settled.documents)} văn bản, {len(settled.values)} số liệu.")
    return 0


def _print_review(draft) -> None:
    sections = draft.template.by_section
    print("STT\tMục\tSố\tChỉ tiêu đề xuất\tCâu")
    for number, proposal in enumerate(draft.proposals, start=1):
        section = sections[draft.pieces[proposal.piece].section]
        indicator = draft.template.indicators.get(proposal.code) if proposal.code else None
        named = f"{indicator.code} ({indicator.label})" if indicator else "— (bỏ qua)"
        print(f"{number}\t{section.number}\t{proposal.found.text}\t{named}\t{proposal.sentence}")
    counts: dict[str, int] = {}
    for piece in draft.pieces:
        counts[piece.section] = counts.get(piece.section, 0) + 1
    print(f"{len(draft.pieces)} đoạn vào {len(counts)} mục: "
          + "; ".join(f"{sections[c].number} {n}" for c, n in counts.items()) + ".")
    print(f"{len(draft.documents)} văn bản được dẫn: " + "; ".join(d.ref for d in draft.documents) + "."
          if draft.documents else "Không thấy văn bản nào được dẫn.")
    if draft.left_out:
        print(f"{len(draft.left_out)} đoạn trước mục đầu tiên không được nhập.")
