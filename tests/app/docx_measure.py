"""How well an imported Word report matches the sample report: paragraphs, documents, figures."""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.importing.folding import fold

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "tth-2020-q1.json"
ALIKE = 0.85  # a paragraph with a corrected typo or two is still the same paragraph


@dataclass
class Measured:
    paragraphs: int
    paragraphs_right: int
    documents: int
    documents_right: int
    figures: int
    figures_right: int

    def line(self, name: str) -> str:
        return (f"{name}: đoạn đúng mục {self.paragraphs_right}/{self.paragraphs} "
                f"({100 * self.paragraphs_right / self.paragraphs:.1f}%), văn bản {self.documents_right}/"
                f"{self.documents}, số liệu đúng chỉ tiêu {self.figures_right}/{self.figures}")


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def measure(settled, truth: dict | None = None) -> Measured:
    """Compare a settled import with the sample (the ground truth)."""
    truth = truth or sample()
    expected = [(b["text"], n["section"]) for n in truth["narrative"] for b in n["blocks"]]
    expected += [(t["text"], t["section"]) for t in truth["tasks"]]
    got = [(b.text, section) for (section, _), blocks in settled.narrative.items() for b in blocks]
    got += [(t.text, t.section) for t in settled.tasks]
    right = sum(1 for text, section in expected if _placed(text, section, got))
    docs = {(d["ref"], d["issued_on"], d["doc_type"]) for d in truth["documents"]}
    mine = {(d.ref, d.issued_on.isoformat() if d.issued_on else None, d.doc_type) for d in settled.documents}
    values = {v["indicator"]: (v["number"], v["denominator"]) for v in truth["values"]}
    taken = {c: (str(v.number), str(v.denominator) if v.denominator is not None else None)
             for c, v in settled.values.items()}
    figures_right = sum(1 for code, want in values.items() if taken.get(code) == want)
    return Measured(len(expected), right, len(docs), len(docs & mine), len(values), figures_right)


def _placed(text: str, section: str, got: list[tuple[str, str]]) -> bool:
    """Whether the paragraph most like ``text`` (and alike enough) was put in ``section``."""
    wanted = _plain(text)
    best, score = None, 0.0
    for candidate, where in got:
        matcher = difflib.SequenceMatcher(None, wanted, _plain(candidate), autojunk=False)
        if matcher.real_quick_ratio() >= ALIKE and matcher.quick_ratio() >= ALIKE and matcher.ratio() > score:
            best, score = where, matcher.ratio()
    return best == section and score >= ALIKE


def _plain(text: str) -> str:
    return " ".join(fold(re.sub(r"\{[^{}]*\}", " ", text)).split())
