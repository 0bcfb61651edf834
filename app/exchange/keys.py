"""Each office's Ed25519 signing key, and the public keys this installation trusts.

The private key never enters the database (whose backups may go to the shared
folder): it lives in ``<database>.keys`` beside the database file, created
readable by the user only. The database records each local office's public
key, so a copy of the database opened elsewhere without its key file refuses
to sign instead of quietly making a new key the parent would reject.

Trust in another office's key is recorded once, after the operator has
compared its fingerprint. One key belongs to one office: trusting a key
already trusted for another office, or for one of this installation's own
offices, is refused.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import os
from pathlib import Path

import msgspec
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.digest import sha256_hex
from app.domain.codes import OfficeCode
from app.domain.model import OfficeProfile
from app.errors import InputError, NotFoundError, UserError, describe_os_error
from app.exchange.keyformat import MAX_KEY_FILE, MAX_PRIVATE_FILE, KeyFile, PrivateKeys
from app.formats import decode
from app.fsutil import fsync_dir, read_limited, temp_path
from app.storage import exchange, keyring
from app.storage.store import Store, now

KEY_FORMAT = "baocao-key"
_MEMORY: dict[int, dict[str, str]] = {}


def fingerprint(public_raw: bytes) -> str:
    """A short fingerprint to read aloud: 5 groups of 4 hex digits."""
    digest = sha256_hex(public_raw)[:20].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 20, 4))


class PublicKey(msgspec.Struct, frozen=True):
    office_code: str
    raw: bytes
    office: dict | None = None  # id, level and profile from a key file, to register the office

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    @property
    def text(self) -> str:
        return base64.b64encode(self.raw).decode()

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
            return True
        except (InvalidSignature, ValueError):
            return False


def key_file(store: Store) -> Path | None:
    """Where the private keys of this database's offices live: ``<database>.keys``."""
    path = keyring.database_file(store.db)
    return Path(path).with_suffix(".keys") if path else None


def _private_keys(store: Store) -> dict[str, str]:
    path = key_file(store)
    if path is None:
        return _MEMORY.setdefault(id(store.db), {})
    if not path.exists():
        return {}
    try:
        raw = read_limited(path, MAX_PRIVATE_FILE, what="tệp khóa")
    except UserError as exc:
        raise UserError(f"Không đọc được tệp khóa ký {path}: {exc}") from exc
    return dict(decode(raw, PrivateKeys, source=f"Tệp khóa ký {path}"))


def _save_private_keys(store: Store, keys: dict[str, str]) -> None:
    path = key_file(store)
    if path is None:
        _MEMORY[id(store.db)] = keys
        return
    _write_private(path, json.dumps(keys, indent=2).encode())


def _write_private(target: Path, data: bytes) -> None:
    """Write a secret so that it is never readable by others, not even for a moment."""
    tmp = temp_path(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp khóa ký {target}: {describe_os_error(exc)}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def signing_key(store: Store, office_code: str) -> Ed25519PrivateKey:
    """The office's private key, made at its first use.

    Refuses (UserError saying where the key file belongs) when this database
    already signed with a key the key file beside it lacks: a copy of the
    database opened at another path must not sign with a new key.
    """
    office = store.office(office_code)
    if not office.is_local:
        raise UserError(f"{office.code} là đơn vị của máy khác (nhận qua thư mục dùng chung); máy này không ký "
                        "thay đơn vị đó.")
    keys = _private_keys(store)
    recorded = keyring.own(store.db, office.code)
    if office.code in keys:
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(keys[office.code]))
        public = PublicKey(office.code, key.public_key().public_bytes_raw())
        if recorded is None:
            with store.db.atomic():
                keyring.set_own(store.db, keyring.KeyRecord(office.code, public.text, public.fingerprint, now()))
        elif recorded.public_key != public.text:
            raise UserError(_missing_key(store, office.code, recorded.fingerprint, "khác khóa"))
        return key
    if recorded is not None or exchange.has_sent(store.db, office.code):
        raise UserError(_missing_key(store, office.code, recorded.fingerprint if recorded else None, "thiếu khóa"))
    key = Ed25519PrivateKey.generate()
    public = PublicKey(office.code, key.public_key().public_bytes_raw())
    keys[office.code] = base64.b64encode(key.private_bytes_raw()).decode()
    _save_private_keys(store, keys)
    with store.db.atomic():
        keyring.set_own(store.db, keyring.KeyRecord(office.code, public.text, public.fingerprint, now()))
        store.audit(office.code, "key", office.code, None, public.fingerprint)
    return key


def _missing_key(store: Store, office: str, recorded: str | None, why: str) -> str:
    where = key_file(store)
    known = f" (vân tay {recorded})" if recorded else ""
    problem = "có khóa khác với khóa" if why == "khác khóa" else "không có khóa ký"
    return (f"Tệp khóa {where} {problem} mà cơ sở dữ liệu này đã dùng để ký cho {office}{known}. "
            f"Tệp khóa phải nằm cạnh cơ sở dữ liệu: hãy chép tệp <tên cũ>.keys từ chỗ cũ thành {where}, hoặc "
            "khôi phục bằng lệnh “restore” (giữ khóa của máy này). Không tạo khóa mới, vì đơn vị cấp trên sẽ "
            "từ chối gói ký bằng khóa lạ.")


def own_public_key(store: Store, office_code: str) -> PublicKey:
    key = signing_key(store, office_code)
    return PublicKey(store.office(office_code).code, key.public_key().public_bytes_raw())


def export_key(store: Store, office_code: str, target: Path | str) -> PublicKey:
    """Write the office's public key with its fingerprint (for the consolidating office)."""
    from app.exchange.transfer import _profile_dict
    from app.fsutil import write_atomic

    public = own_public_key(store, office_code)
    office = store.office(office_code)
    data = {"format": KEY_FORMAT, "office": office.code, "office_id": office.id, "level": office.level,
            "profile": _profile_dict(office.current),
            "public_key": public.text, "fingerprint": public.fingerprint, "exported": now()}
    write_atomic(target, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())
    return public


def read_key_file(path: Path | str) -> PublicKey:
    """A public key file, checked: an ordinary file of at most 256 KB, typed, a valid office code."""
    source = f"Tệp khóa {path}"
    data = decode(read_limited(path, MAX_KEY_FILE, what="tệp khóa"), KeyFile, source=source)
    try:
        code = OfficeCode.parse(data.office)
    except InputError as exc:
        raise InputError(f"{source}: trường “office”: {exc}") from None
    try:
        raw = base64.b64decode(data.public_key, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise InputError(f"{source}: trường “public_key”: không phải khóa công khai Ed25519.") from None
    office = None
    if data.office_id and data.level and data.profile:
        office = {"office_id": data.office_id, "level": data.level, "profile": data.profile}
    public = PublicKey(code, raw, office)
    if data.fingerprint and data.fingerprint != public.fingerprint:
        raise InputError(f"{source}: dấu vân tay ghi trong tệp khóa không khớp với khóa: tệp đã bị sửa.")
    return public


def trust(store: Store, public: PublicKey, *, replace: bool = False) -> str:
    """Record trust in ``public`` for its office; a different key needs ``replace``.

    Refused (UserError showing both offices and the fingerprint) when the key
    is already trusted for another office or is one of this installation's
    own keys, and when the code is one of this installation's own offices.
    """
    code = OfficeCode.parse(public.office_code)
    _check_foreign(store, code, public)
    existing = trusted_key(store, code)
    if existing and existing.raw == public.raw:
        return public.fingerprint
    if existing and not replace:
        raise UserError(
            f"Đã tin cậy một khóa khác của {code} (vân tay {existing.fingerprint}). "
            "Nếu đơn vị đã đổi khóa, hãy xác nhận thay thế."
        )
    with store.db.atomic():
        keyring.set_trusted(store.db, keyring.KeyRecord(code, public.text, public.fingerprint, now()))
        store.audit(code, "trust", code, existing.fingerprint if existing else None, public.fingerprint)
        _register(store, code, public)
    return public.fingerprint


def _check_foreign(store: Store, code: str, public: PublicKey) -> None:
    local = store.find_office(code)
    if local is not None and local.is_local:
        raise UserError(f"{code} là đơn vị của chính máy này; không tin cậy khóa từ nơi khác cho nó "
                        f"(vân tay {public.fingerprint}).")
    others = [c for c in keyring.offices_trusting(store.db, public.text) if c != code]
    if others:
        raise UserError(f"Khóa có vân tay {public.fingerprint} đã được tin cậy cho đơn vị {others[0]}; không tin "
                        f"cậy nó cho {code}. Mỗi khóa chỉ thuộc một đơn vị: hãy lấy tệp khóa đúng của {code}.")
    mine = keyring.own_offices_of(store.db, public.text)
    if mine:
        raise UserError(f"Khóa có vân tay {public.fingerprint} là khóa ký của {mine[0]} trên chính máy này; "
                        f"không tin cậy nó cho {code}.")


def _register(store: Store, code: str, public: PublicKey) -> None:
    """Know a trusted office before its first report (so a missing report shows as missing)."""
    info = public.office
    if not info or store.find_office(code):
        return
    if keyring.office_id_taken(store.db, info["office_id"]):
        raise InputError(f"Tệp khóa ghi mã định danh của một đơn vị khác đã có, không phải của {code}.")
    p = info["profile"]
    profile = OfficeProfile(
        valid_from=dt.date.fromisoformat(p.valid_from), name=p.name, authority=p.authority,
        place=p.place, symbol=p.symbol, parent_code=p.parent_code, signer_title=p.signer_title,
        signer_name=p.signer_name, deputy=p.deputy, deputy_title=p.deputy_title,
        recipients=tuple(p.recipients), addressee=p.addressee)
    store.add_office(code, info["level"], profile, office_id=info["office_id"])
    keyring.mark_remote(store.db, code)


def trusted_key(store: Store, office_code: str) -> PublicKey | None:
    record = keyring.trusted(store.db, office_code.strip().upper())
    return PublicKey(record.office_code, base64.b64decode(record.public_key)) if record else None


class TrustedKeys:
    """The trusted keys as they stand now, read in one query (a sync reads them once: no package changes them)."""

    def __init__(self, store: Store) -> None:
        self._keys: dict[str, PublicKey] = {}
        self._holders: dict[str, list[str]] = {}
        for record in keyring.all_trusted(store.db):
            self._keys[record.office_code] = PublicKey(record.office_code, base64.b64decode(record.public_key))
            self._holders.setdefault(record.public_key, []).append(record.office_code)

    def key(self, office: str) -> PublicKey | None:
        return self._keys.get(office)

    def others(self, key: PublicKey) -> list[str]:
        """The other offices the same key is trusted for (none, in a database kept by today's rules)."""
        return [code for code in self._holders.get(key.text, []) if code != key.office_code]


def trusted(store: Store) -> list[tuple[str, str, str]]:
    """(office, fingerprint, trusted at) for every trusted key."""
    return [(r.office_code, r.fingerprint, r.at) for r in keyring.all_trusted(store.db)]


def default_office(store: Store) -> str:
    """The office this installation signs for when none is named: the only local one."""
    from app.reporting import settings

    rows = store.local_offices()
    if len(rows) == 1:
        return rows[0].code
    chosen = settings.load(store).office
    if chosen:
        return chosen
    if not rows:
        raise NotFoundError("Chưa có đơn vị nào; hãy tạo đơn vị trước.")
    raise InputError("Cơ sở dữ liệu có nhiều đơn vị; hãy ghi rõ --office.")
