"""Each office's Ed25519 signing key, and the public keys this installation trusts.

The private key never enters the database (whose backups may go to the shared
folder): it lives in ``<database>.keys`` beside the database file, readable by
the user only. Trust in another office's key is recorded once, after the
operator has compared its fingerprint (read aloud by phone, or from a key file
carried on a USB stick).
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import InputError, NotFoundError, UserError
from app.fsutil import write_atomic
from app.storage.store import Store, now

KEY_FORMAT = "baocao-key"
_MEMORY: dict[int, dict[str, str]] = {}


def fingerprint(public_raw: bytes) -> str:
    """A short fingerprint to read aloud: 5 groups of 4 hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest()[:20].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class PublicKey:
    office_code: str
    raw: bytes
    office: dict | None = None  # id, level and profile from a key file, to register the office

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
            return True
        except (InvalidSignature, ValueError):
            return False


def _key_file(store: Store) -> Path | None:
    row = store.db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]).with_suffix(".keys") if row and row[2] else None


def _private_keys(store: Store) -> dict[str, str]:
    path = _key_file(store)
    if path is None:
        return _MEMORY.setdefault(id(store.db), {})
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"Không đọc được tệp khóa {path}: {exc}") from exc


def _save_private_keys(store: Store, keys: dict[str, str]) -> None:
    path = _key_file(store)
    if path is None:
        _MEMORY[id(store.db)] = keys
        return
    write_atomic(path, json.dumps(keys, indent=2).encode())
    if os.name != "nt":
        os.chmod(path, 0o600)


def signing_key(store: Store, office_code: str) -> Ed25519PrivateKey:
    """The office's private key, made at first use."""
    office = store.office(office_code)
    keys = _private_keys(store)
    if office.code not in keys:
        key = Ed25519PrivateKey.generate()
        keys[office.code] = base64.b64encode(key.private_bytes_raw()).decode()
        _save_private_keys(store, keys)
        with store.db.atomic():
            store.audit(office.code, "key", office.code, None, fingerprint(key.public_key().public_bytes_raw()))
        return key
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(keys[office.code]))


def own_public_key(store: Store, office_code: str) -> PublicKey:
    key = signing_key(store, office_code)
    return PublicKey(store.office(office_code).code, key.public_key().public_bytes_raw())


def export_key(store: Store, office_code: str, target: Path | str) -> PublicKey:
    """Write the office's public key with its fingerprint (for the consolidating office)."""
    from app.exchange.transfer import _profile_dict

    public = own_public_key(store, office_code)
    office = store.office(office_code)
    data = {"format": KEY_FORMAT, "office": office.code, "office_id": office.id, "level": office.level,
            "profile": _profile_dict(office.current),
            "public_key": base64.b64encode(public.raw).decode(), "fingerprint": public.fingerprint,
            "exported": now()}
    write_atomic(target, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())
    return public


def read_key_file(path: Path | str) -> PublicKey:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        from app.errors import describe_os_error

        raise UserError(f"Không đọc được tệp khóa {path}: {describe_os_error(exc)}.") from exc
    try:
        data = json.loads(text)
        if data.get("format") != KEY_FORMAT:
            raise InputError(f"Tệp {path} không phải tệp khóa công khai của phần mềm.")
        raw = base64.b64decode(data["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (OSError, ValueError, KeyError, TypeError, RecursionError, AttributeError) as exc:
        raise InputError(f"Tệp khóa {path} không hợp lệ.") from exc
    office = {k: data[k] for k in ("office_id", "level", "profile") if k in data}
    public = PublicKey(str(data["office"]).upper(), raw, office or None)
    if data.get("fingerprint") and data["fingerprint"] != public.fingerprint:
        raise InputError("Dấu vân tay ghi trong tệp khóa không khớp với khóa: tệp đã bị sửa.")
    return public


def trust(store: Store, public: PublicKey, *, replace: bool = False) -> str:
    """Record trust in ``public`` for its office; a different key needs ``replace``."""
    existing = trusted_key(store, public.office_code)
    if existing and existing.raw == public.raw:
        return public.fingerprint
    if existing and not replace:
        raise UserError(
            f"Đã tin cậy một khóa khác của {public.office_code} (vân tay {existing.fingerprint}). "
            "Nếu đơn vị đã đổi khóa, hãy xác nhận thay thế."
        )
    with store.db.atomic():
        store.db.conn.execute(
            "INSERT OR REPLACE INTO trusted_key (office_code, public_key, fingerprint, trusted) VALUES (?, ?, ?, ?)",
            (public.office_code, base64.b64encode(public.raw).decode(), public.fingerprint, now()))
        store.audit(public.office_code, "trust", public.office_code,
                    existing.fingerprint if existing else None, public.fingerprint)
        _register(store, public)
    return public.fingerprint


def _register(store: Store, public: PublicKey) -> None:
    """Know a trusted office before its first report (so a missing report shows as missing)."""
    info = public.office
    if not info or store.find_office(public.office_code) or not {"office_id", "level", "profile"} <= set(info):
        return
    if store.db.execute("SELECT 1 FROM office WHERE id = ?", (info["office_id"],)).fetchone():
        raise InputError(f"Tệp khóa ghi mã định danh của một đơn vị khác đã có, không phải của {public.office_code}.")
    from app.exchange.transfer import _profile_parse

    store.db.conn.execute("INSERT INTO office (id, code, level, created, origin) VALUES (?, ?, ?, ?, 'remote')",
                          (info["office_id"], public.office_code, info["level"], now()))
    store._write_profile(info["office_id"], _profile_parse(info["profile"]))


def trusted_key(store: Store, office_code: str) -> PublicKey | None:
    row = store.db.execute("SELECT public_key FROM trusted_key WHERE office_code = ?",
                           (office_code.upper(),)).fetchone()
    return PublicKey(office_code.upper(), base64.b64decode(row[0])) if row else None


def trusted(store: Store) -> list[tuple[str, str, str]]:
    """(office, fingerprint, trusted at) for every trusted key."""
    return [tuple(r) for r in store.db.execute(
        "SELECT office_code, fingerprint, trusted FROM trusted_key ORDER BY office_code").fetchall()]


def default_office(store: Store) -> str:
    """The office this installation signs for when none is named: the only local one."""
    rows = store.local_offices()
    if len(rows) == 1:
        return rows[0].code
    setting = store.db.execute("SELECT value FROM setting WHERE key = 'office'").fetchone()
    if setting and json.loads(setting[0]):
        return json.loads(setting[0])
    if not rows:
        raise NotFoundError("Chưa có đơn vị nào; hãy tạo đơn vị trước.")
    raise InputError("Cơ sở dữ liệu có nhiều đơn vị; hãy ghi rõ --office.")


