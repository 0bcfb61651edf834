"""``carry``: start a period from the one before, as the window's "Bắt đầu kỳ mới từ kỳ trước" does."""
from __future__ import annotations

from app.domain.period import Period
from app.reporting import carry
from app.storage.store import Store


def cmd_carry(store: Store, args) -> int:
    """Print one line per section part carried (or kept), then the checklist and register counts."""
    target = Period.parse(args.target)
    source = Period.parse(args.source) if args.source else carry.source_for(target)
    result, _changes = carry.carry(store, args.office, source, target)
    print(f"Đã chép từ {source.label} sang {target.label}: {len(result.copied)} phần nội dung.")
    for line in result.lines():
        print(f"- {line}")
    if result.checklist:
        print(f"{result.checklist} nhiệm vụ đề ra {source.label} thành danh sách kiểm tra của {target.label}.")
    if result.documents:
        print(f"{result.documents} văn bản các kỳ trước dẫn được bằng {{VB:…}}.")
    return 0
