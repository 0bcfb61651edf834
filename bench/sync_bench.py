"""The shared-folder benchmarks: sync and consolidation of many packages, rescans, and the peak
memory of a sync over junk files (run from ``run.py``, which prints the table)."""
from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.commands.cli_actions import load_sample
from app.domain.model import OfficeProfile
from app.exchange import consolidate, keys, package, packageformat, sync, transfer
from app.storage import db as dbmod
from app.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
Row = Callable[[str, str, str, str, "bool | None"], None]


def make_packages(folder: Path, count: int, base: dict) -> tuple[Path, list[tuple[str, bytes]]]:
    """``count`` offices under HUE, each with its own key, each submitting one signed report."""
    share = folder / f"share{count}"
    publics = []
    for i in range(count):
        code = f"X{i:04d}"
        key = Ed25519PrivateKey.generate()
        data = copy.deepcopy(base)
        office_id = f"00000000-0000-4000-8000-{i:012d}"
        data["office"].update(id=office_id, code=code)
        for profile in data["office"]["profiles"]:
            profile.update(parent_code="HUE", authority=f"UBND XÃ {i}")
        data["report"]["id"] = f"10000000-0000-4000-8000-{i:012d}"
        for doc in data["documents"]:
            doc["id"] = f"{doc['id']}-{i}"
        data["values"][0]["number"] = str(100 + i)
        body = {"format": package.FORMAT, "format_version": package.FORMAT_VERSION, "kind": "report",
                "office": code, "office_id": office_id, "seq": 1, "prev": None, "created": "2020-04-10T01:00:00+00:00",
                "period": "2020-Q1", "revision": 1, "report": data, "pdf": None, "pdf_sha256": None}
        raw = package.canonical(body)
        digest = package.body_hash(body)
        target = share / "outbox" / code / f"{code}_000001_{digest[:16]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(packageformat.write(raw, key.sign(raw), ""))
        publics.append((code, key.public_key().public_bytes_raw()))
    return share, publics


def bench_sync(folder: Path, sizes: list[int], row: Row) -> None:
    source = dbmod.open_database(None)
    src = Store(source.db)
    load_sample(src)
    base = transfer.dump(src, "TTH", "2020-Q1")
    base.pop("files", None)
    base["report"]["status"] = "complete"
    for count in sizes:
        share, publics = make_packages(folder, count, base)
        opened = dbmod.open_database(folder / f"hue{count}.sqlite3")
        store = Store(opened.db)
        store.add_office("HUE", "province", OfficeProfile(dt.date(2000, 1, 1), "SỞ", "UBND", "Huế", "SNV"))
        with store.db.atomic():
            for code, raw in publics:
                keys.trust(store, keys.PublicKey(code, raw))
        start = time.perf_counter()
        result = sync.sync(store, share)
        summed = consolidate.consolidate(store, "HUE", "2020-Q1")
        elapsed = time.perf_counter() - start
        assert result.count("accepted") == count and len(summed.submissions) == count
        target = {100: None, 1000: 2.5, 3321: 8.0}.get(count)
        row(f"Đồng bộ + tổng hợp {count:,} báo cáo".replace(",", "."), f"{elapsed:.2f} s",
            f"{count / elapsed:.0f} gói/giây, kiểm chữ ký và nhập từng gói", f"≤ {target:g} s".replace(".", ",")
            if target else "", elapsed <= target if target else None)
        start = time.perf_counter()
        again = sync.sync(store, share)
        rescan = time.perf_counter() - start
        assert again.skipped == count
        if count == max(sizes):
            row(f"Quét lại {count:,} gói không đổi".replace(",", "."), f"{rescan:.3f} s", "chỉ xét tệp mới",
                "≤ 0,1 s", rescan <= 0.1)
        if count == max(sizes):
            import resource

            mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            row(f"Bộ nhớ đỉnh: đồng bộ {count:,} gói".replace(",", "."), f"{mib:.0f} MiB",
                "RSS đỉnh của tiến trình đo (cả phần chuẩn bị gói)", "≤ 200 MiB", mib <= 200)
        opened.close()
        shutil.rmtree(share)
    bench_sync_memory(folder, base, 31, row)


def _junk_files(share: Path, size: int) -> None:
    """Four files of ``[{},{},…]`` with correct name hashes: two under trusted offices, two under unknown ones."""
    junk = b"[" + b"{}," * (size // 3 - 1) + b"{}]"
    signature = base64.b64encode(b"\1" * 64)
    forms = {
        "X0000": b'{"format":"baocao-package","format_version":2,"signature":"' + signature + b'"}\n' + junk,
        "X0001": b'{"package":{"a":' + junk + b'},"signature":"' + signature + b'"}',
        "JUNK1": junk,
        "JUNK2": b'{"format":"baocao-package","format_version":2,"signature":"' + signature + b'"}\n' + junk,
    }
    for code, data in forms.items():
        signed = data.partition(b"\n")[2] if data.startswith(b'{"format"') else data
        target = share / "outbox" / code / f"{code}_000002_{hashlib.sha256(signed).hexdigest()[:16]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def bench_sync_memory(folder: Path, base: dict, junk_mib: int, row: Row) -> None:
    """Peak memory of ``sync`` over four junk files of ``junk_mib`` MB and 100 valid packages."""
    share, publics = make_packages(folder, 100, base)
    _junk_files(share, junk_mib * 1024 * 1024)
    path = folder / "hue-junk.sqlite3"
    opened = dbmod.open_database(path)
    store = Store(opened.db)
    store.add_office("HUE", "province", OfficeProfile(dt.date(2000, 1, 1), "SỞ", "UBND", "Huế", "SNV"))
    with store.db.atomic():
        for code, raw in publics:
            keys.trust(store, keys.PublicKey(code, raw))
    opened.close()
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "out = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True).stdout; "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, "
            "out.count('accepted'), out.count('rejected'))")
    out = subprocess.run([PY, "-c", code, PY, str(ROOT / "main.py"), "--db", str(path), "sync", "--folder",
                          str(share)], capture_output=True, text=True, check=True).stdout.split()
    mib, elapsed, accepted, rejected = int(out[0]) / 1024, float(out[1]), int(out[2]), int(out[3])
    assert accepted == 100 and rejected == 4, out
    row(f"Bộ nhớ đỉnh: đồng bộ 4 tệp rác {junk_mib} MB + 100 gói", f"{mib:.0f} MiB",
        f"{elapsed:.1f} s; chữ ký và mã băm kiểm trước khi giải mã, mỗi lần một gói", "≤ 150 MiB", mib <= 150)
    shutil.rmtree(share)
