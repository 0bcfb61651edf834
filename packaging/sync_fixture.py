"""A province's database and a shared folder of signed district packages, for the bundle's sync check.

    python packaging/sync_fixture.py DATABASE FOLDER [COUNT]

Made with the checkout's Python (preparation only); the bundle then syncs the folder on its own. COUNT
(default 80) is above the number from which a sync reads files in a worker process, so the check runs
that process from the frozen executable too.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    import sync_bench

    from app.commands.cli_actions import load_sample
    from app.domain.model import OfficeProfile
    from app.exchange import keys, prefetch, transfer
    from app.storage import db as dbmod
    from app.storage.store import Store

    database, folder = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 80
    assert count >= prefetch.MIN_FILES
    source = Store(dbmod.open_database(None).db)
    load_sample(source)
    base = transfer.dump(source, "TTH", "2020-Q1")
    base.pop("files", None)
    base["report"]["status"] = "complete"
    share, publics = sync_bench.make_packages(folder, count, base)
    store = Store(dbmod.open_database(database).db)
    store.add_office("HUE", "province", OfficeProfile(dt.date(2000, 1, 1), "SỞ", "UBND", "Huế", "SNV"))
    with store.db.atomic():
        for code, raw in publics:
            keys.trust(store, keys.PublicKey(code, raw))
    store.db.close()
    print(share)


if __name__ == "__main__":
    main()
