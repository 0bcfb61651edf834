"""Office codes: the one value type that names an office everywhere.

A code names the office's folder in the shared folder and starts every package
file name, so it is checked in one place, whoever asks (office add, import,
sync, keys, file names): ASCII capital letters, digits and "-" (never "_",
which separates the parts of a package name), 1 to 20 characters, not
starting with "-", never a name Windows reserves (CON, NUL, COM1…).
"""
from __future__ import annotations

import re
import unicodedata

from app.errors import InputError

WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                              *(f"LPT{i}" for i in range(1, 10))})
_SHAPE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,19}", re.ASCII)
MAX_LENGTH = 20


class OfficeCode(str):
    """A checked office code (a ``str``, so it prints, compares and keys dicts as one)."""

    __slots__ = ()

    def __new__(cls, text: object) -> OfficeCode:
        return str.__new__(cls, _checked(text))

    @classmethod
    def parse(cls, text: object) -> OfficeCode:
        """The code typed or read (trimmed, upper-cased); InputError naming it when it is not one."""
        return text if isinstance(text, OfficeCode) else cls(text)

    @classmethod
    def exact(cls, text: str) -> OfficeCode | None:
        """The code when ``text`` is one exactly as written (no trimming, no case change), else None."""
        if _SHAPE.fullmatch(text) and text not in WINDOWS_RESERVED:
            return str.__new__(cls, text)
        return None


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"Mã đơn vị phải là chữ, không phải {type(text).__name__}.")
    code = unicodedata.normalize("NFC", text).strip().upper()
    shown = code if len(code) <= 40 else code[:40] + "…"
    if not _SHAPE.fullmatch(code):
        raise InputError(f"Mã đơn vị “{shown}” không hợp lệ: chỉ gồm chữ cái không dấu (A–Z), số và dấu “-”, "
                         f"tối đa {MAX_LENGTH} ký tự, không bắt đầu bằng “-”.")
    if code in WINDOWS_RESERVED:
        raise InputError(f"Mã đơn vị “{code}” trùng tên Windows dành riêng; hãy chọn mã khác.")
    return code


def is_office_code(text: object) -> bool:
    try:
        OfficeCode.parse(text)
    except InputError:
        return False
    return True
