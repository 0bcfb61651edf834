"""PDF in the administrative format of Nghị định 30/2020/NĐ-CP, Phụ lục I (reportlab).

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; the bundled Liberation
Serif (Times New Roman metrics, full Vietnamese) embedded; page numbers from
page 2 centred at the top. Output is byte-for-byte reproducible.
"""
from __future__ import annotations

import io
import unicodedata
import weakref

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from app import paths
from app.output.fitting import figure_lines, fitted_widths, header_lines
from app.output.printed import Heading, PrintedReport
from app.output.printed import Table as ModelTable

FONT = "BCSerif"
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
FRAME_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
INDENT = 10 * mm  # first-line indent: 1 cm (Nghị định 30: 1–1,27 cm)


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    files = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
    for suffix, name in files.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(paths.resource("fonts", f"LiberationSerif-{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold", italic=FONT + "-Italic",
                                  boldItalic=FONT + "-BoldItalic")


def _style(name: str, size: float, *, bold=False, italic=False, align=TA_CENTER, indent=0.0,
           after=0.0, leading=None) -> ParagraphStyle:
    font = FONT + ("-BoldItalic" if bold and italic else "-Bold" if bold else "-Italic" if italic else "")
    return ParagraphStyle(name, fontName=font, bulletFontName=FONT, fontSize=size, leading=leading or size * 1.2,
                          alignment=align, firstLineIndent=indent, spaceAfter=after)


def Rule(width: float, gap: float = 3) -> HRFlowable:  # noqa: N802 - reads as a flowable
    """A centred horizontal rule (under the office name, the motto, the summary)."""
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=gap, spaceAfter=2,
                      hAlign="CENTER")


class _Paragraph(Paragraph):
    """A paragraph that breaks its lines once for each width it is given.

    A table measures each cell's paragraph for its row heights, again for the
    page it lands on and again to draw it; the lines are the same every time.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if availWidth == self._wrapped_at and "blPara" in self.__dict__:  # split() drops blPara to start over
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


def escape(text: str) -> str:
    """``text`` safe inside a paragraph's markup (what xml.sax.saxutils.escape does, without importing it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PLAIN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # style → the fragment its plain text parses to


def _p(text: str, style: ParagraphStyle, breaks: bool = False) -> Paragraph:
    """A paragraph of plain text; with ``breaks`` a newline starts a line."""
    text = unicodedata.normalize("NFC", text)
    cleaned = cleanBlockQuotedText(text)
    plain = not _MARKUP.intersection(text) and not (breaks and "\n" in text)
    if plain and getattr(style, "textTransform", None) is None:
        # what reportlab's parser makes of text with no markup and no entity: one fragment in the style
        # (none for an empty cell)
        if not cleaned:
            return _Paragraph(cleaned, style, frags=[])
        if style not in _PLAIN:
            _PLAIN[style] = ParaParser().parse("x", style)[1][0]
        return _Paragraph(cleaned, style, frags=[_PLAIN[style].clone(text=cleaned, link=[])])
    marked = escape(text)
    return _Paragraph(marked.replace("\n", "<br/>") if breaks else marked, style)


_MARKUP = frozenset("&<>")


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(unicodedata.normalize("NFC", text), font, size)


def _header_line(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    lines = header_lines(unicodedata.normalize("NFC", text), style.fontName, style.fontSize, width)
    return _Paragraph("<br/>".join(escape(line) for line in lines), style)


def _header(model: PrintedReport) -> list:
    h = model.header
    left_w, right_w = FRAME_WIDTH * 0.44, FRAME_WIDTH * 0.56
    national_size = 13 if _width(NATIONAL, FONT + "-Bold", 13) < right_w - 4 else 12
    authority = _style("authority", 13)
    office = _style("office", 13, bold=True)
    office_w = max(_width(line, FONT + "-Bold", 13) for line in h.office.split("\n"))
    left = [_header_line(h.authority, authority, left_w - 2), _header_line(h.office, office, left_w - 2),
            Rule(min(office_w, left_w) * 0.4)]
    right = [_p(NATIONAL, _style("national", national_size, bold=True)),
             _p(MOTTO, _style("motto", 14, bold=True)), Rule(_width(MOTTO, FONT + "-Bold", 14))]
    rows = [[left, right], [_p(h.number_line, _style("number", 13)),
                            _p(h.place_date, _style("date", 14, italic=True))]]
    table = Table(rows, colWidths=[left_w, right_w])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    title = _style("title", 14, bold=True)
    summary_w = min(_width(h.summary, FONT + "-Bold", 14), FRAME_WIDTH * 0.8)
    out = [table, Spacer(1, 8 * mm), _p(h.title, title), _p(h.summary, _style("summary", 14, bold=True)),
           Rule(summary_w * 0.4, gap=6), Spacer(1, 4 * mm)]
    if h.replaces:
        out.insert(4, _p(h.replaces, _style("replaces", 13, italic=True)))
    for line in h.addressee:
        out.append(_p(line, _style("addressee", 14, after=6)))
    return out


def _body(model: PrintedReport) -> list:
    para = _style("body", 14, align=TA_JUSTIFY, indent=INDENT, after=6, leading=14 * 1.25)
    heading_styles = {
        0: _style("h0", 14, bold=True, align=TA_LEFT, indent=INDENT, after=6, leading=17.5),
        1: _style("h1", 14, bold=True, align=TA_LEFT, indent=INDENT, after=6, leading=17.5),
        2: _style("h2", 14, bold=True, italic=True, align=TA_LEFT, indent=INDENT, after=6, leading=17.5),
    }
    out = []
    for block in model.body:
        if isinstance(block, Heading):
            out.append(_p(block.text, heading_styles[block.level]))
        else:
            out.append(_p(block.text, para))
    return out


def _signature(model: PrintedReport) -> list:
    s = model.signature
    left = [_p("Nơi nhận:", _style("recipients-title", 12, bold=True, italic=True, align=TA_LEFT))]
    left += [_p(line, _style("recipient", 11, align=TA_LEFT, leading=13)) for line in s.recipients]
    right = [_p(line, _style("signer-title", 14, bold=True)) for line in s.title_lines]
    right += [Spacer(1, 28 * mm), _p(s.name or " ", _style("signer-name", 14, bold=True))]
    table = Table([[left, right]], colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 4 * mm), KeepTogether([table])]


def _table(model_table: ModelTable, size: float = 10) -> Table:
    head = _style("th", size, bold=True, leading=size * 1.15)
    cell_l = _style("td", size, align=TA_LEFT, leading=size * 1.15)
    cell_r = _style("tdr", size, align=TA_RIGHT, leading=size * 1.15)
    cell_c = _style("tdc", size, leading=size * 1.15)
    rows = [[_p(c, head) for c in model_table.columns]]
    for row in model_table.rows:
        rows.append([_p(figure_lines(cell.text), cell_r, True) if numeric else
                     _p(cell.text, cell_c if model_table.columns[i] == "TT" else cell_l)
                     for i, (cell, numeric) in enumerate(zip(row, model_table.numeric, strict=True))])
    _register_fonts()
    table = Table(rows, colWidths=fitted_widths(model_table, FRAME_WIDTH, size, 5, FONT), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _appendix(model: PrintedReport) -> list:
    if not model.appendix and not model.documents and not model.extra_tables:
        return []
    out: list = [PageBreak()]
    styles = [_style("ap0", 14, bold=True), _style("ap1", 14, bold=True), _style("ap2", 13, italic=True, after=8)]
    for index, line in enumerate(model.appendix_title):  # further lines (sources) as the third
        out.append(_p(line, styles[min(index, 2)]))
    if model.appendix:
        out.append(_table(model.appendix))
    if model.documents:
        out += [Spacer(1, 6 * mm), _p("DANH MỤC VĂN BẢN THAM MƯU UBND BAN HÀNH", styles[1]),
                Spacer(1, 3 * mm), _table(model.documents, 11)]
    for title, table in model.extra_tables:
        size = 10 if len(table.columns) <= 9 else 8
        out += [Spacer(1, 6 * mm), _p(title, styles[1]), Spacer(1, 3 * mm), _table(table, size)]
    return out


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 13)
    canvas.drawCentredString(MARGINS["left"] + FRAME_WIDTH / 2, A4[1] - 12 * mm, str(doc.page))
    canvas.restoreState()


def render(model: PrintedReport) -> bytes:
    """The report as PDF bytes (deterministic for the same model)."""
    _register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGINS["left"], rightMargin=MARGINS["right"],
        topMargin=MARGINS["top"], bottomMargin=MARGINS["bottom"], title=model.header.summary,
        author=unicodedata.normalize("NFC", model.header.office), subject=f"{model.office_code} {model.period}",
        creator="Báo cáo LĐTBXH", invariant=1, initialFontName=FONT, lang="vi-VN",
    )
    from app.output import charts

    story = _header(model) + _body(model) + _signature(model) + _appendix(model) + charts.pdf_appendix(model)
    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=_page_number)
    return buffer.getvalue()
