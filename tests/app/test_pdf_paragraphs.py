"""The PDF's paragraphs: plain text skips reportlab's markup parser with the same result, and each
paragraph breaks its lines once for each width it is measured at."""
from __future__ import annotations

import unicodedata

import pytest
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.platypus import Paragraph

from app.output import render_pdf

TEXTS = ["Giải quyết việc làm cho 2.607 lao động", "  lề  trái và   phải  ", "dòng một\ndòng hai", "A & B",
         "x < y > z", "ngày\u00a0\u00a0\u00a0tháng", "", " ", "\n", " \n ", "172\n(đến 31/3/2020)", "Tho\u0302i", "a\tb\r\nc"]
STYLES = [render_pdf._style("body", 14, align=TA_JUSTIFY, indent=render_pdf.INDENT, after=6),
          render_pdf._style("b", 13, bold=True), render_pdf._style("i", 14, italic=True),
          render_pdf._style("bi", 12, bold=True, italic=True), render_pdf._style("r", 10, align=TA_RIGHT)]


def _parsed(text: str, style, breaks: bool) -> Paragraph:
    """What reportlab's parser makes of the escaped text (how every paragraph was built before)."""
    marked = render_pdf.escape(unicodedata.normalize("NFC", text))
    return Paragraph(marked.replace("\n", "<br/>") if breaks else marked, style)


def _contents(value):
    """Fragments and broken lines as plain data, to compare by content."""
    if isinstance(value, (list, tuple)):
        return [_contents(item) for item in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {key: _contents(item) for key, item in vars(value).items()}
    return value


@pytest.mark.parametrize("breaks", [False, True])
@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_a_paragraph_holds_the_fragments_reportlab_parses(style, breaks):
    render_pdf._register_fonts()
    for text in TEXTS:
        ours, theirs = render_pdf._p(text, style, breaks), _parsed(text, style, breaks)
        assert _contents(ours.frags) == _contents(theirs.frags), text
        assert ours.text == theirs.text and ours.style is theirs.style
        assert ours.wrap(120, 800) == theirs.wrap(120, 800), text
        assert _contents(ours.blPara) == _contents(theirs.blPara), text


def test_lines_are_broken_once_for_each_width(monkeypatch):
    render_pdf._register_fonts()
    paragraph = render_pdf._p("Giải quyết việc làm cho 2.607 lao động, đạt 30,5% kế hoạch năm " * 3, STYLES[0])
    calls = []
    real = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, widths: calls.append(widths) or real(self, widths))
    first = paragraph.wrap(300, 800)
    assert paragraph.wrap(300, 500) == first and len(calls) == 1
    narrower = paragraph.wrap(200, 800)
    assert narrower[1] > first[1] and len(calls) == 2
    assert paragraph.wrap(300, 800) == first and len(calls) == 3
    del paragraph.blPara  # what split() does to start the paragraph over
    assert paragraph.wrap(300, 800) == first and len(calls) == 4
