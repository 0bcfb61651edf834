"""Key files: an office's public key file (carried to the consolidating office) and the
private key file kept beside the database, both decoded with typed schemas."""
from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from app.formats import Day, Line, Stamp

KEY_FORMAT = "baocao-key"
MAX_KEY_FILE = 256 * 1024
MAX_PRIVATE_FILE = 1024 * 1024
Base64Key = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Code = Annotated[str, msgspec.Meta(max_length=64)]  # checked as an OfficeCode after decoding


class ProfileFile(msgspec.Struct, forbid_unknown_fields=True):
    """An office's names as a key file carries them, to register the office before its first report."""

    valid_from: Day
    name: Line
    authority: Line
    place: Line
    symbol: Line
    parent_code: Code | None = None
    signer_title: Line = ""
    signer_name: Line = ""
    deputy: bool = False
    deputy_title: Line = ""
    recipients: Annotated[list[Line], msgspec.Meta(max_length=200)] = []
    addressee: Line = ""


class KeyFile(msgspec.Struct, forbid_unknown_fields=True):
    """``keys export`` output (format ``baocao-key``)."""

    format: Literal["baocao-key"]
    office: Code
    public_key: Base64Key
    office_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    level: Literal["province", "district", "commune"] | None = None
    profile: ProfileFile | None = None
    fingerprint: Annotated[str, msgspec.Meta(max_length=64)] = ""
    exported: Stamp = ""


#: ``<database>.keys``: office code → base64 of the raw Ed25519 private key.
PrivateKeys = Annotated[dict[Code, Base64Key], msgspec.Meta(max_length=10_000)]
