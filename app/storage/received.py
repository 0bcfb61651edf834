"""A report received in a signed package, kept whole as it came: one record instead of a row per item.

A received report is never edited here (its office corrects it and sends it
again), so its figures, narrative, documents, tasks and reviews need not be
rows of their own: ``received_content`` holds, per table, exactly the rows the
readers of ``Content`` and ``Worklist`` would select from that table, in the
order they would select them. Readers take them from here when the record
exists and from the tables otherwise, through one mapping per table. The
database guards the record like any content: it is never updated, and neither
added to nor removed from an issued or submitted report.

Storing one record instead of about 150 rows, each behind the freeze
trigger, is what lets a province's sync take hundreds of packages a second.
Document ids inside a record are not in ``document``'s global index: the
sender's ids, unique within the report, are kept as they came.
"""
from __future__ import annotations

import msgspec

from app.errors import InputError, UserError
from app.storage.connection import Database

_Text = str | None
#: Each table's row as its reader selects it (see ``Content`` and ``Worklist``).
ROWS: dict[str, type] = {
    "value": list[tuple[str, _Text, _Text, _Text, int, _Text, str, _Text, _Text]],
    "narrative": list[tuple[str, str, str, str]],  # section, part, style, text (section, part, position order)
    "document": list[tuple[str, str, str, str, _Text, str, str, int, int]],  # position order
    "task": list[tuple[str, str, str, int]],  # id, section, text, position within the section
    "task_review": list[tuple[str, str, str]],  # task id order
}
_KEYS = {"document": ((0, "mã văn bản"), (3, "số, ký hiệu văn bản")), "task": ((0, "mã nhiệm vụ"),),
         "value": ((0, "mã chỉ tiêu"),), "task_review": ((0, "mã nhiệm vụ được đánh giá"),)}
_encoder = msgspec.json.Encoder()
_decoders = {table: msgspec.json.Decoder(kind, strict=True) for table, kind in ROWS.items()}


#: A report's content as it is kept: per table of ``ROWS``, in that order, its rows as JSON text.
Record = tuple[str, ...]


def record(rows: dict[str, list[tuple]]) -> Record:
    """``rows`` per table (as read back) laid out for ``put``; needs no database, so a worker may make it.

    InputError when two items share what the tables keep unique (a document's id or reference, a task id).
    """
    for table, keys in _KEYS.items():
        for index, what in keys:
            seen: set = set()
            for row in rows[table]:
                if row[index] in seen:
                    raise InputError(f"báo cáo có hai mục trùng {what} “{row[index]}”")
                seen.add(row[index])
    return tuple(_encoder.encode(rows[t]).decode() for t in ROWS)


def put(db: Database, report_id: str, content: Record) -> None:
    """Store a received report's content (inside the caller's transaction), as ``record`` laid it out."""
    if not isinstance(content, tuple) or len(content) != len(ROWS) or not all(isinstance(text, str) for text in content):
        raise InputError("nội dung báo cáo nhận không đúng dạng lưu")
    db.conn.execute(f"INSERT INTO received_content (report_id, {', '.join(ROWS)}) VALUES (?{', ?' * len(ROWS)})",
                    (report_id, *content))


def rows(db: Database, report_id: str, table: str) -> list[tuple] | None:
    """The report's stored rows of ``table`` when it is kept whole here, else None (read the table)."""
    found = db.execute(f"SELECT {table} FROM received_content WHERE report_id = ?", (report_id,)).fetchone()
    return None if found is None else _decode(table, found[0], report_id)


def office_documents(db: Database, office_id: str, period: str) -> list[tuple[str, int, int, list]]:
    """(period, revision, position, document row) of the office's reports kept whole here, other than ``period``'s
    (for its register)."""
    out = []
    for report_id, other, revision, text in db.execute(
            "SELECT r.id, r.period, r.revision, c.document FROM received_content c JOIN report r ON r.id = c.report_id"
            " WHERE r.office_id = ? AND r.period != ?", (office_id, period)).fetchall():
        out += [(other, revision, position, row) for position, row in enumerate(_decode("document", text, report_id))]
    return out


def _decode(table: str, text: object, report_id: str) -> list[tuple]:
    try:
        return _decoders[table].decode(text)
    except (msgspec.DecodeError, TypeError) as exc:
        raise UserError(f"Cơ sở dữ liệu hỏng: nội dung ({table}) của báo cáo nhận {report_id} không đọc được "
                        f"({exc}). Hãy khôi phục từ bản sao lưu hoặc đồng bộ lại.") from None
