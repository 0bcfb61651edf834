"""Editable DOCX of the printed report (python-docx), in the same format as the PDF.

Times New Roman (Word has it; LibreOffice uses the metric-compatible Liberation
Serif), A4 and the margins of Nghị định 30/2020, page numbers from page 2 at
the top centre. Same text as the PDF: both render ``PrintedReport``.
"""
from __future__ import annotations

import io
import re
import unicodedata

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.output import fitting, render_pdf
from app.output.printed import Heading, PrintedReport
from app.output.printed import Table as ModelTable
from app.output.render_pdf import MOTTO, NATIONAL

FONT = "Times New Roman"
CELL_MARGIN = 57  # twips (1 mm) each side of a table cell's text
CENTER, JUSTIFY, LEFT, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY,
                                WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _para(container, text: str, size: float, *, bold=False, italic=False, align=CENTER,
          indent_mm: float = 0, after: float = 0, line: float = 1.0):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    fmt.line_spacing = line
    if indent_mm:
        fmt.first_line_indent = Mm(indent_mm)
    run = p.add_run()
    for i, line in enumerate(_nfc(text).split("\n")):
        if i:
            run.add_break()
        run.add_text(line)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return p


def _rule(container, width_mm: float, space_mm: float) -> None:
    """A centred short rule: an empty paragraph, indented to the rule's length, with a bottom border."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    margin = max(0.0, (space_mm - width_mm) / 2)
    fmt.left_indent, fmt.right_indent = Mm(margin), Mm(margin)
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(3), Pt(5)
    p_pr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p_pr.append(border)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _cell(table, row: int, col: int):
    cell = table.cell(row, col)
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cell


def _page_numbers(section) -> None:
    """No number on page 1; from page 2 a centred PAGE field at the top."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    run = p.add_run()
    run.font.size, run.font.name = Pt(13), FONT
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _wrapped(text: str, bold: bool) -> str:
    """Break header names where the PDF breaks them (Word would break anywhere)."""
    render_pdf._register_fonts()
    font = render_pdf.FONT + ("-Bold" if bold else "")
    lines = fitting.header_lines(_nfc(text), font, 13, Mm(71).pt)
    # a dash is held to the word before it, should Word's metrics break the line again
    return "\n".join(re.sub(r" ([–—-])(?= |$)", "\u00a0\\1", line) for line in lines)


def _no_cell_margins(table, twips: int = 0) -> None:
    """Cell margins left and right (none by default: the header block aligns with the page)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _fixed_widths(table, widths_mm) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _header(doc, model: PrintedReport) -> None:
    h = model.header
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_cell_margins(table)
    _fixed_widths(table, (74, 91))
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(left, _wrapped(h.authority, False), 13)
    _para(left, _wrapped(h.office, True), 13, bold=True)
    _rule(left, 25, 72)
    _para(right, NATIONAL, 12, bold=True)
    _para(right, MOTTO, 14, bold=True)
    _rule(right, 62, 93)
    _para(_cell(table, 1, 0), h.number_line, 13, after=0)
    _para(_cell(table, 1, 1), h.place_date, 14, italic=True)
    _para(doc, "", 8)
    _para(doc, h.title, 14, bold=True)
    _para(doc, h.summary, 14, bold=True)
    if h.replaces:
        _para(doc, h.replaces, 13, italic=True)
    _rule(doc, 50, 165)
    _para(doc, "", 6)
    for line in h.addressee:
        _para(doc, line, 14, after=6)


def _body(doc, model: PrintedReport) -> None:
    for block in model.body:
        if isinstance(block, Heading):
            _para(doc, block.text, 14, bold=True, italic=block.level == 2, align=LEFT, indent_mm=10,
                  after=6, line=1.15)
        else:
            _para(doc, block.text, 14, align=JUSTIFY, indent_mm=10, after=6, line=1.15)


def _signature(doc, model: PrintedReport) -> None:
    s = model.signature
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed_widths(table, (82.5, 82.5))
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for line in s.recipients:
        _para(left, line, 11, align=LEFT)
    for line in s.title_lines:
        _para(right, line, 14, bold=True)
    for _ in range(4):
        _para(right, "", 14)
    _para(right, s.name, 14, bold=True)


def _table(doc, model_table: ModelTable, size: float = 10) -> None:
    table = doc.add_table(rows=1 + len(model_table.rows), cols=len(model_table.columns))
    table.style = "Table Grid"
    for i, name in enumerate(model_table.columns):
        _para(_cell(table, 0, i), name, size, bold=True)
    for r, row in enumerate(model_table.rows, start=1):
        for c, (cell, numeric) in enumerate(zip(row, model_table.numeric, strict=True)):
            centred = model_table.columns[c] == "TT"
            text = fitting.figure_lines(cell.text) if numeric else cell.text
            _para(_cell(table, r, c), text, size, align=RIGHT if numeric else CENTER if centred else LEFT)
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    _no_cell_margins(table, CELL_MARGIN)
    render_pdf._register_fonts()
    # widths in points, as the PDF measures them: the two cell margins and a little room
    points = fitting.fitted_widths(model_table, Mm(165).pt, size, 2 * CELL_MARGIN / 20 + 4, render_pdf.FONT)
    _fixed_widths(table, [p * 25.4 / 72 for p in points])


def _appendix(doc, model: PrintedReport) -> None:
    if not model.appendix and not model.documents and not model.extra_tables:
        return
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    sizes = ((14, True, False), (14, True, False), (13, False, True))
    for index, line in enumerate(model.appendix_title):  # further lines (sources) as the third
        size, bold, italic = sizes[min(index, 2)]
        _para(doc, line, size, bold=bold, italic=italic, after=4)
    if model.appendix:
        _table(doc, model.appendix)
    if model.documents:
        _para(doc, "DANH MỤC VĂN BẢN THAM MƯU UBND BAN HÀNH", 14, bold=True, after=6)
        _table(doc, model.documents, 11)
    for title, table in model.extra_tables:
        _para(doc, title, 14, bold=True, after=6)
        _table(doc, table, 10 if len(table.columns) <= 9 else 8)


def render(model: PrintedReport) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.start_type = WD_SECTION.NEW_PAGE
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    doc.core_properties.title = _nfc(model.header.summary)
    doc.core_properties.author = _nfc(model.header.office)
    doc.core_properties.language = "vi-VN"
    _page_numbers(section)
    _header(doc, model)
    _body(doc, model)
    _signature(doc, model)
    _appendix(doc, model)
    from app.output import charts

    charts.docx_appendix(doc, model)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
