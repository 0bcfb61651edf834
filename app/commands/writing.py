"""Commands for a report's words: ``text`` (a section's narrative) and ``title`` (title, summary line, headings)."""
from __future__ import annotations

import sys

from app.commands.common import MB, fail
from app.domain.template import Section, Template
from app.domain.text import detect_legacy
from app.errors import InputError
from app.fsutil import read_limited
from app.storage.store import Store

TEXT_LIMIT = 2 * MB  # a section's narrative as a text file
PARTS = {"results": "kết quả", "plan": "nhiệm vụ kỳ tới"}


def cmd_text(store: Store, args) -> int:
    """Replace one part of a section's narrative: one paragraph per line, "- " starts a bullet."""
    from app.reporting.desk import text_to_blocks

    existing = store.find_report(args.office, args.period)
    template_id = store.report_template_id(existing) if existing else store.template_for_new(args.office)
    template = store.template_by_id(template_id)
    section = find_section(template, args.section)
    text = read_text(args.file) if args.file is not None else args.text
    blocks = text_to_blocks(text)
    report = existing or store.open_report(args.office, args.period, template_id)
    store.content.set_narrative(report, section.code, args.part, blocks)
    bullets = sum(1 for b in blocks if b.style == "bullet")
    print(f"Đã lưu nội dung {PARTS[args.part]} mục {section.number} {section.title}: "
          f"{len(blocks) - bullets} đoạn, {bullets} gạch đầu dòng.")
    legacy = detect_legacy(text)
    if legacy:
        print(f"Cảnh báo: nội dung có vẻ gõ bằng bảng mã {legacy.encoding}; phần mềm không tự chuyển. "
              f"Nếu đúng vậy, hãy chuyển sang Unicode, ví dụ: “{legacy.suggestion[:80]}”.", file=sys.stderr)
    return 0


def find_section(template: Template, wanted: str) -> Section:
    """The section named by its code ("VL") or its number in the template ("3.1"); InputError listing them."""
    key = wanted.strip().rstrip(".")
    for section in template.section_list():
        if key.upper() == section.code.upper() or key == section.number:
            return section
    listed = "; ".join(f"{s.number} {s.code}" for s in template.section_list())
    raise InputError(f"Mẫu báo cáo {template.key} không có mục “{wanted[:40]}”. Các mục: {listed}.")


def read_text(path) -> str:
    """A text file from outside: an ordinary file, at most ``TEXT_LIMIT``, UTF-8 (a BOM is allowed)."""
    data = read_limited(path, TEXT_LIMIT, what="tệp nội dung")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"Tệp nội dung {path} không phải văn bản UTF-8 (byte lạ ở vị trí {exc.start}); "
                         "hãy lưu lại tệp với bảng mã UTF-8.") from None


def cmd_title(store: Store, args) -> int:
    """The report's own title, summary line and section headings; "" returns to the template's."""
    from app.output.printed import TITLE, summary_line

    if args.title is None and args.summary is None and not args.heading:
        return fail("Hãy ghi --title hoặc --summary hoặc --heading MỤC=TIÊU_ĐỀ (chuỗi rỗng để trở về mặc định của mẫu).")
    from app.storage.reports import heading_text

    for name in ("title", "summary"):
        if getattr(args, name) is not None:
            heading_text(name, getattr(args, name))  # refused before any report is created
    existing = store.find_report(args.office, args.period)
    template = store.template_by_id(store.report_template_id(existing) if existing
                                    else store.template_for_new(args.office))
    own = section_headings(template, args.heading or [])
    report = existing or store.open_report(args.office, args.period)
    report = store.set_heading(report, title=args.title, summary=args.summary, headings=own)
    print(f"Tiêu đề: {report.title or TITLE}")
    print(f"Trích yếu: {summary_line(store.template_of(report), report)}")
    shown = dict(report.headings)
    for key in own:
        print(f"Tiêu đề {key}: {shown.get(key) or '(theo mẫu)'}")
    return 0


def section_headings(template: Template, written: list[str]) -> dict[str, str]:
    """``--heading KEY=TEXT`` values as stored keys and texts; InputError for a key the template lacks."""
    from app.domain import headings
    from app.storage.reports import heading_text

    out = {}
    for item in written:
        key, equals, text = item.partition("=")
        if not equals:
            raise InputError(f"--heading “{item[:40]}”: viết MỤC=TIÊU_ĐỀ, ví dụ 3.1=Công tác việc làm.")
        out[headings.key_of(template, key)] = heading_text("heading", text)
    return out
