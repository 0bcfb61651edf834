"""A Word file's paragraphs, read safely: bounded size, a real zip, no zip bomb, no traceback."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import msgspec

from app.errors import InputError
from app.fsutil import read_limited

FILE_LIMIT = 32 * 1024 * 1024  # a report with a few pictures
UNPACKED_LIMIT = 256 * 1024 * 1024  # what its parts may hold once unpacked
RATIO_LIMIT = 200  # a part that unpacks to more than this many times its size is a bomb
PARAGRAPH_LIMIT = 20000


class Paragraph(msgspec.Struct, frozen=True):
    """One paragraph as the file holds it: its text, style name and whether Word numbers it."""

    text: str
    style: str = ""
    listed: bool = False


def read_paragraphs(path: Path | str) -> list[Paragraph]:
    """The document body's non-empty paragraphs (tables are left out: letterhead, signature, appendix);
    InputError naming the file."""
    path = Path(path)
    data = read_limited(path, FILE_LIMIT, what="tệp Word")
    _check_zip(data, path.name)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        found = list(_paragraphs(document))
    except InputError:
        raise
    except Exception:  # python-docx raises many kinds on a damaged or foreign file
        raise InputError(f"Tệp {path.name} không phải tệp Word (.docx) đọc được.") from None
    if len(found) > PARAGRAPH_LIMIT:
        raise InputError(f"Tệp {path.name} có hơn {len(found) - 1} đoạn; đây không phải một báo cáo.")
    return found


def _check_zip(data: bytes, name: str) -> None:
    if not data.startswith(b"PK"):
        raise InputError(f"Tệp {name} không phải tệp Word (.docx): hãy lưu báo cáo ở dạng .docx rồi nhập lại.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"Tệp {name} hỏng hoặc không phải tệp Word (.docx).") from None
    total = sum(m.file_size for m in members)
    if "word/document.xml" not in {m.filename for m in members}:
        raise InputError(f"Tệp {name} không có phần nội dung của tệp Word (word/document.xml).")
    if total > UNPACKED_LIMIT or any(m.file_size > RATIO_LIMIT * max(m.compress_size, 1024) for m in members):
        raise InputError(f"Tệp {name} khi giải nén quá lớn so với kích thước tệp; phần mềm không mở tệp này.")


def _paragraphs(document):
    for paragraph in document.paragraphs:
        yield from _one(paragraph)


def _one(paragraph):
    text = " ".join(paragraph.text.replace("\xa0", " ").split())
    if not text:
        return
    pr = paragraph._p.pPr
    listed = pr is not None and pr.numPr is not None
    yield Paragraph(text, paragraph.style.name if paragraph.style is not None else "", listed)
