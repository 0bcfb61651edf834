"""The printed report's model: what every output (PDF, DOCX, XLSX, preview) renders."""
from __future__ import annotations

from decimal import Decimal

import msgspec


class Heading(msgspec.Struct, frozen=True):
    text: str
    level: int  # 0: part (I., II.); 1: "1."; 2: "3.1."


class Para(msgspec.Struct, frozen=True):
    text: str
    bullet: bool = False


class Cell(msgspec.Struct, frozen=True):
    text: str
    number: Decimal | None = None  # the exact figure behind the text (for spreadsheets)


class Table(msgspec.Struct, frozen=True):
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative
    numeric: tuple[bool, ...]


class Header(msgspec.Struct, frozen=True):
    authority: str
    office: str
    number_line: str  # "Số: 45/BC-LĐTBXH", or blank number when assigned at signing
    place_date: str
    title: str
    summary: str
    addressee: tuple[str, ...] = ()
    replaces: str = ""  # "(Thay thế Báo cáo số 45/BC-LĐTBXH ngày 05/04/2020)" on a later revision


class Signature(msgspec.Struct, frozen=True):
    recipients: tuple[str, ...]
    title_lines: tuple[str, ...]  # ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") or ("GIÁM ĐỐC",)
    name: str


class PrintedReport(msgspec.Struct, frozen=True):
    office_code: str
    period: str
    revision: int
    header: Header
    body: tuple[Heading | Para, ...]
    signature: Signature
    appendix_title: tuple[str, ...] = ()
    appendix: Table | None = None
    documents: Table | None = None
    extra_tables: tuple[tuple[str, Table], ...] = ()  # (title, table): consolidation appendices
    meta: dict = msgspec.field(default_factory=dict)
    charts: tuple = ()  # trends.Trend: the appendix "Biểu đồ"
    office_charts: tuple = ()  # trends.OfficeBars: a consolidated report's bars by office

    def texts(self) -> list[str]:
        """Every string the report prints, in reading order (for same-text checks)."""
        return self.flowing_texts() + self.table_texts()

    def tables(self) -> list[Table]:
        return [t for t in (self.appendix, self.documents, *(t for _, t in self.extra_tables)) if t]

    def table_texts(self) -> list[str]:
        return [t for table in self.tables()
                for t in [*table.columns, *(c.text for row in table.rows for c in row)] if t]

    def flowing_texts(self) -> list[str]:
        """Header, body, signature and appendix titles: text that flows, not table cells."""
        h = self.header
        out = [h.authority, h.office, h.number_line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc", h.place_date, h.title, h.summary, h.replaces, *h.addressee]
        out += [b.text for b in self.body]
        out += ["Nơi nhận:", *self.signature.recipients, *self.signature.title_lines, self.signature.name]
        out += list(self.appendix_title) + [title for title, _ in self.extra_tables]
        return [t for t in out if t]
