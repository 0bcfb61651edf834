"""The SHA-256 the product records of bytes: issued PDFs, scans, stored files, template fingerprints.

``hashlib`` loads OpenSSL (2–3 ms): it is imported on the first digest, not by every command or
window start that never takes one.
"""
from __future__ import annotations


def sha256_hex(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
