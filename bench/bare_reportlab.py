"""The floor for a PDF export: reportlab alone rendering the same paragraphs with the same embedded font.

    python bench/bare_reportlab.py PARAGRAPHS.json OUT.pdf

``PARAGRAPHS.json`` is a list of strings (``run.py`` writes the sample report's
text there); each becomes one justified paragraph in Liberation Serif 14 pt on
A4 with the margins of the real export. No database, no template, no layout
rules: what any program printing this text with reportlab would pay.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def main(source: str, out: str) -> None:
    for suffix, name in {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}.items():
        pdfmetrics.registerFont(TTFont("Serif" + suffix, str(FONTS / f"LiberationSerif-{name}.ttf")))
    style = ParagraphStyle("body", fontName="Serif", fontSize=14, leading=16.8, alignment=TA_JUSTIFY,
                           firstLineIndent=10 * mm, spaceAfter=6)
    paragraphs = json.loads(Path(source).read_text(encoding="utf-8"))
    doc = SimpleDocTemplate(out, pagesize=A4, topMargin=20 * mm, bottomMargin=20 * mm, leftMargin=30 * mm,
                            rightMargin=15 * mm)
    doc.build([Paragraph(escape(text), style) for text in paragraphs])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
