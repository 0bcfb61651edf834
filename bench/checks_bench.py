"""How long the checks on text and figures take, printed as figures.

    python bench/checks_bench.py

Spell check of every text of the sample report (narrative, tasks, document summaries) with
nothing cached, then again with the lines cached (as the window sees it after a save), and
every warning of the checks for the sample and for a Quý II copied from it.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.checks import report_checks, spelling, syllables, texts  # noqa: E402
from app.commands.cli_actions import load_sample  # noqa: E402
from app.storage import db as dbmod  # noqa: E402
from app.storage.store import Store  # noqa: E402

REPEATS = 7


def _median(work, reset=None) -> float:
    times = []
    for _ in range(REPEATS):
        if reset:
            reset()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    opened = dbmod.open_database(None)
    store = Store(opened.db)
    load_sample(store)
    q1 = store.report("TTH", "2020-Q1")
    data = store.content.load(q1)
    lines = [t.text for t in texts.report_texts(data)]
    words = sum(len(line.split()) for line in lines)

    def cold():
        spelling._check.cache_clear()
        syllables._is_syllable.cache_clear()

    spell_cold = _median(lambda: texts.misspellings(data), cold)
    spell_warm = _median(lambda: texts.misspellings(data))
    q2 = store.open_report("TTH", "2020-Q2")
    store.content.copy(q1, q2.id)
    copied = store.content.load(q2)
    all_q1 = _median(lambda: report_checks(store, data))
    all_q2 = _median(lambda: report_checks(store, copied))
    print(f"Spell check, sample report ({len(lines)} texts, {words} words), nothing cached: {spell_cold * 1000:.1f} ms"
          f" (target < 200 ms: {'met' if spell_cold < 0.2 else 'not met'})")
    print(f"Spell check, sample report, lines cached: {spell_warm * 1000:.1f} ms")
    print(f"All checks, sample report: {all_q1 * 1000:.1f} ms; a Quý II copied from it "
          f"({len(report_checks(store, copied))} warnings): {all_q2 * 1000:.1f} ms")
    opened.close()


if __name__ == "__main__":
    main()
