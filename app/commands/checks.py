"""The spell check command: ``spellcheck --office C --period P`` or ``spellcheck --file F``."""
from __future__ import annotations

from pathlib import Path

from app.commands.common import fail
from app.storage.store import Store

TEXT_LIMIT = 16 * 1024 * 1024  # a plain-text report


def declare(sub) -> None:
    """The command's grammar (registered by ``app.commands.parser``)."""
    p = sub.add_parser("spellcheck", help="soát chính tả lời văn, nhiệm vụ, trích yếu: mỗi từ cần xem một dòng "
                                          "(mục, nơi, từ, gợi ý); không sửa gì")
    p.add_argument("--office", help="mã đơn vị, ví dụ TTH")
    p.add_argument("--period", help="kỳ báo cáo, ví dụ 2020-Q1")
    p.add_argument("--file", type=Path, help="soát một tệp văn bản UTF-8 thay cho một báo cáo")


def cmd_spellcheck(store: Store, args) -> int:
    """One line per word worth a look, tab-separated: where, the word, the suggestions; exit 0."""
    if args.file:
        if args.office or args.period:
            return fail("Dùng --file hoặc --office và --period, không dùng cả hai.")
        rows = _file_rows(args.file)
    elif args.office and args.period:
        rows = _report_rows(store, args.office, args.period)
    else:
        return fail("Hãy ghi --office và --period (hoặc --file TỆP).")
    for where, word, suggestions in rows:
        print(f"{where}\t{word}\t{', '.join(suggestions) or '—'}")
    print(f"{len(rows)} từ cần xem lại (chỉ là gợi ý; không có gì bị sửa)." if rows else "Không thấy lỗi chính tả.")
    return 0


def _report_rows(store: Store, office: str, period: str) -> list[tuple[str, str, tuple[str, ...]]]:
    from app.checks import texts

    data = store.content.load(store.report(office, period))
    return [(f"{texts.section_label(data, f.section)} ({f.where})", f.word, f.suggestions)
            for f in texts.misspellings(data)]


def _file_rows(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    from app.checks import spelling
    from app.errors import InputError
    from app.fsutil import read_limited

    raw = read_limited(path, TEXT_LIMIT, what="tệp văn bản")
    try:
        lines = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"Tệp {path.name} không phải văn bản UTF-8.") from None
    known = spelling.vocabulary(lines)
    return [(f"Dòng {number}", m.word, spelling.suggest(m.word, known) if m.kind == "syllable" else m.suggestions)
            for number, line in enumerate(lines, start=1) for m in spelling.check(line)]
