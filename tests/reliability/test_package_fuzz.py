"""Mutated, truncated and re-signed packages against sync: no crash, no partial import, and
every rejection says why."""
import base64
import datetime as dt
import json
import shutil

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.model import OfficeProfile
from app.exchange import keys, package, sync
from app.reporting import issuing
from app.storage import db as dbmod
from app.storage.store import Store
from tests.reliability.conftest import scale

STATS = {"packages": 0, "rejected": 0}


def _make_original(root):
    share = root / "share"
    share.mkdir()
    opened = dbmod.open_database(root / "phuloc.sqlite3")
    store = Store(opened.db)
    store.add_office("PHULOC", "district", OfficeProfile(dt.date(2000, 1, 1), "PHÒNG", "UBND", "Phú Lộc", "LĐTBXH",
                                                         parent_code="HUE"))
    report = store.open_report("PHULOC", "2020-Q1")
    store.content.enter(report, "VL_MOI", "1.200")
    store.content.enter(report, "VL_NN", "12")
    issuing.mark_complete(store, report)
    keys.export_key(store, "PHULOC", root / "phuloc.key")
    path = package.submit(store, "PHULOC", "2020-Q1", share)
    opened.close()
    return path.name, path.read_bytes()


ORIGINAL: dict = {}


def _original(tmp_path_factory):
    if not ORIGINAL:
        root = tmp_path_factory.mktemp("origin")
        name, data = _make_original(root)
        ORIGINAL.update(name=name, data=data, key=root / "phuloc.key")
    return ORIGINAL


def _parts(data: bytes) -> tuple[dict, dict]:
    header, _, body = data.partition(b"\n")
    return json.loads(header), json.loads(body)


def _resign(data: bytes, mutate) -> tuple[str, bytes]:
    header, body = _parts(data)
    mutate(body)
    raw = package.canonical(body)
    header["signature"] = base64.b64encode(Ed25519PrivateKey.generate().sign(raw)).decode()
    return f"{body['office']}_{body['seq']:06d}_{package.body_hash(body)[:16]}", json.dumps(header).encode() + b"\n" + raw


mutations = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("resign"), st.sampled_from(["VL_MOI", "office_id", "seq", "prev", "period", "kind"]),
              st.integers(0, 9999)),
)


def _apply(original, mutation) -> tuple[str, bytes]:
    name, data = original["name"], original["data"]
    kind, where, what = mutation
    if kind == "flip":
        i = where % len(data)
        return name, data[:i] + bytes([data[i] ^ what]) + data[i + 1:]
    if kind == "truncate":
        return name, data[: where % len(data)]
    if kind == "insert":
        i = where % len(data)
        return name, data[:i] + what + data[i:]

    def change(body):
        if where == "VL_MOI":
            body["report"]["values"][0]["number"] = str(what)
        elif where == "seq":
            body["seq"] = 1
        else:
            body[where] = str(what)

    return _resign(data, change)


@settings(max_examples=scale(50, 500), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations)
def test_mutated_packages_never_crash_or_half_import(tmp_path_factory, mutation):
    original = _original(tmp_path_factory)
    root = tmp_path_factory.mktemp("fuzz")
    share = root / "share" / "outbox" / "PHULOC"
    share.mkdir(parents=True)
    name, data = _apply(original, mutation)
    if not package.NAME.match(name):
        name = original["name"]
    (share / name).write_bytes(data)
    opened = dbmod.open_database(root / "hue.sqlite3")
    store = Store(opened.db)
    keys.trust(store, keys.read_key_file(original["key"]))
    result = sync.sync(store, root / "share")
    STATS["packages"] += 1
    assert len(result.outcomes) == 1
    outcome = result.outcomes[0]
    assert outcome.reason
    imported = store.find_report("PHULOC", "2020-Q1")
    if outcome.status == "accepted":  # only the authentic content gets in (whitespace may differ)
        assert name == original["name"]
        assert _parts(data)[1] == _parts(original["data"])[1] and imported is not None
    else:
        STATS["rejected"] += outcome.status != "accepted"
        assert outcome.status in ("rejected", "held"), outcome
        assert imported is None  # nothing from a rejected package
        assert store.db.execute("SELECT count(*) FROM figure").fetchone()[0] == 0
    assert (share / name).read_bytes() == data  # the file is left untouched
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    opened.close()
    shutil.rmtree(root)


def teardown_module():
    print(f"\npackage fuzzing: {STATS['packages']} mutated packages synced, {STATS['rejected']} rejected "
          "with a reason, none half imported")
