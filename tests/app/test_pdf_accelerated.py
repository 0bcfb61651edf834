"""PDF drawing runs on reportlab's C accelerator (rl_accel): measuring and writing text, numbers on the page."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pdf_drawing_measures_and_writes_through_the_accelerator():
    from reportlab.lib import rl_accel
    from reportlab.pdfbase import ttfonts
    from reportlab.pdfgen import canvas

    from app.output import render_pdf  # noqa: F401 - the renderer's own reportlab, fonts and all

    assert rl_accel._c_funcs, "reportlab found no _rl_accel: the pure Python fallbacks draw"
    for used in (ttfonts.instanceStringWidthTTF, canvas.fp_str, canvas.escapePDF):
        assert type(used).__name__ == "builtin_function_or_method" and used.__module__ == "_rl_accel", used


def test_the_accelerator_is_a_dependency_and_in_the_bundle():
    assert "rl_accel>=" in (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert '"_rl_accel"' in (ROOT / "packaging" / "baocao.spec").read_text(encoding="utf-8")
