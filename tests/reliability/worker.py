"""A child process that works the core as an operator would and acknowledges each finished step.

``python worker.py MODE DB [TARGET or BASE]`` where MODE is:
- ``save``: figures and whole-section narratives, one transaction each; prints ``ACK <kind> <key> <value>``
  after each commit (the parent kills it at a random moment);
- ``export``: renders and writes the report PDF over TARGET again and again (atomic replace);
- ``import``: imports the dump file TARGET into DB under a fresh revision number each time.
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.commands import cli_actions
from app.domain.model import Block  # noqa: E402
from app.exchange import transfer
from app.storage import db as dbmod
from app.storage.store import Store  # noqa: E402


def ack(*parts) -> None:
    sys.stdout.write("ACK " + " ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def saves(store: Store, base: int) -> None:
    """Numbers only grow (from ``base``, which each run raises), so "at least the last
    acknowledged value" is a real check across runs."""
    report = store.report("TTH", "2020-Q1")
    codes = ["VL_MOI", "VL_NN", "TTLD_TU_VAN", "NCC_QUA", "BTXH_QUA", "DON_THU"]
    for n in itertools.count(base + 1):
        code = codes[n % len(codes)]
        store.content.enter(report, code, str(1000 + n))
        ack("value", code, 1000 + n)
        version = f"v{n}"
        blocks = [Block(f"{version} đoạn {i}: đã giải quyết việc làm cho {{VL_MOI}}.") for i in range(5)]
        store.content.set_narrative(report, "TE", "results", blocks)
        ack("narrative", "TE", version)


def exports(store: Store, target: Path) -> None:
    for n in itertools.count(1):
        cli_actions.export_report(store, "TTH", "2020-Q1", "pdf", target)
        ack("export", n, target.stat().st_size)


def imports(store: Store, source: Path) -> None:
    data = transfer.read_file(source)
    for n in itertools.count(2):
        data["report"]["revision"] = n
        data["report"]["id"] = f"rev-{n}"
        for doc in data["documents"]:
            doc["id"] = f"{doc['id'].split(':')[0]}:{n}"
        transfer.import_data(store, data)
        ack("import", n, len(data["values"]))


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    store = Store(dbmod.open_database(db).db)
    if mode == "export":  # load the renderer and fonts first: kills then land inside writes, not imports
        cli_actions.export_report(store, "TTH", "2020-Q1", "pdf", Path(sys.argv[3]).with_suffix(".warm.pdf"))
    ack("ready")
    if mode == "save":
        saves(store, int(sys.argv[3]))
    elif mode == "export":
        exports(store, Path(sys.argv[3]))
    elif mode == "import":
        imports(store, Path(sys.argv[3]))


if __name__ == "__main__":
    main()
