"""Where printed lines break and how wide table columns are, measured with the embedded font's
metrics (the same in PDF and DOCX): official names in the header block, appendix columns."""
from __future__ import annotations

import functools
import re
import unicodedata

from reportlab.pdfbase import pdfmetrics

from app.output.model import Table

DASHES = ("–", "—", "-")
BREAK_BEFORE = ("VÀ", "HUYỆN", "TỈNH", "QUẬN", "THỊ", "THÀNH")  # a name's natural line starts


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(unicodedata.normalize("NFC", text), font, size)


def header_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Break a header line where an official name breaks best: between words, as few lines as
    possible, then at the most natural places (before "VÀ" or a place's "HUYỆN", "TỈNH", after a
    dash), then the first lines as long as possible. Never before a dash: it stays with the word
    before it ("PHÒNG LAO ĐỘNG –" / "THƯƠNG BINH VÀ XÃ HỘI")."""
    words = text.split()
    if _width(text, font, size) <= width or len(words) < 2:
        return [text]
    fits = functools.cache(lambda a, b: _width(" ".join(words[a:b]), font, size) <= width)

    @functools.cache
    def best(start: int) -> tuple | None:
        """(lines, -natural breaks, the cuts negated) of the best cutting of words[start:]."""
        choices = []
        for end in range(start + 1, len(words) + 1):
            if not fits(start, end) or (end < len(words) and words[end] in DASHES):
                continue
            tail = (0, 0, ()) if end == len(words) else best(end)
            if tail is not None:
                natural = end < len(words) and _natural(words, end)
                choices.append((tail[0] + 1, tail[1] - natural, (-end, *tail[2])))
        return min(choices, default=None)

    found = best(0)
    if found is None:
        return [text]
    cuts = [-c for c in found[2]]
    return [" ".join(words[a:b]) for a, b in zip((0, *cuts[:-1]), cuts, strict=True)]


def _natural(words: list[str], cut: int) -> bool:
    return words[cut] in BREAK_BEFORE or words[cut - 1] in DASHES


_WORD = re.compile(r"[ \n]+")  # a no-break space holds words together


def figure_lines(text: str) -> str:
    """A figure cell held together ("ước khoảng 1.200"), its as-of date on a line of its own."""
    figure, _, when = text.partition(" (")
    return figure.replace(" ", "\u00a0") + (f"\n({when}".replace(" ", "\u00a0") if when else "")


NO_WRAP = ("TT", "Đơn vị tính", "Đơn vị")  # columns whose cells never wrap ("lượt người")


def fitted_widths(model_table: Table, total: float, size: float, padding: float, font: str) -> list[float]:
    """Column widths (points) summing to ``total``: the table's proportions, widened so that no
    word breaks inside and the number and unit columns never wrap, the room taken from the
    columns that have most to spare (as they are when not all of it fits)."""
    share = sum(model_table.widths)
    widths = [total * w / share for w in model_table.widths]
    needs = []
    for c, name in enumerate(model_table.columns):
        texts = [figure_lines(cell[c].text) if model_table.numeric[c] else cell[c].text
                 for cell in model_table.rows]
        words = [(w, font + "-Bold") for w in name.split()] + [(w, font) for t in texts for w in _WORD.split(t)]
        if name in NO_WRAP:
            words += [(t, font) for t in texts]
        needs.append(max((_width(w, f, size) for w, f in words), default=0) + padding)
    if sum(needs) > total:  # a label's long word may break rather than a figure or a unit
        needs = [n if model_table.numeric[c] or name in NO_WRAP else 0
                 for c, (n, name) in enumerate(zip(needs, model_table.columns, strict=True))]
    if sum(needs) > total:
        return widths  # too many columns to fit: the proportions
    for _ in range(len(widths)):
        short = sum(max(0.0, n - w) for n, w in zip(needs, widths, strict=True))
        spare = [max(0.0, w - n) for n, w in zip(needs, widths, strict=True)]
        if short <= 0.01 or sum(spare) <= 0:
            break
        take = min(short, sum(spare))
        widths = [max(w, n) if n > w else w - take * s / sum(spare)
                  for n, w, s in zip(needs, widths, spare, strict=True)]
    return widths
