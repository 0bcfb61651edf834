"""The offices the picker offers: code, a readable name, and whether the office is the operator's own."""
from __future__ import annotations

import msgspec

from app.domain.model import Office

_LONG = (("LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "LĐTBXH"), ("LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "LĐTBXH"),
         ("ỦY BAN NHÂN DÂN", "UBND"), ("UỶ BAN NHÂN DÂN", "UBND"))


class OfficeChoice(msgspec.Struct, frozen=True):
    code: str
    name: str  # "Sở LĐTBXH Thừa Thiên Huế"
    own: bool  # False for an office known here only through the packages or keys it sent

    @property
    def label(self) -> str:
        return f"{self.code} – {self.name}" if self.name else self.code


def short_name(name: str, place: str) -> str:
    """“SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI”, “Thừa Thiên Huế” → “Sở LĐTBXH Thừa Thiên Huế”."""
    text = " ".join(name.split())
    for long, short in _LONG:
        text = text.replace(long, short)
    if text.isupper():  # printed names are upper case; the picker shows them as a sentence would
        words = text.split(" ")  # “SỞ NỘI VỤ” → “Sở Nội vụ”: the kind of office, then its field
        text = " ".join(w if w in ("LĐTBXH", "UBND") else w.capitalize() if i < 2 else w.lower()
                        for i, w in enumerate(words))
    return f"{text} {place}".strip() if place and place.lower() not in text.lower() else text


def choices(offices: list[Office]) -> list[OfficeChoice]:
    """The operator's own offices first, then those received from subordinates, each group by code."""
    out = []
    for office in offices:
        profile = office.current if office.profiles else None
        name = short_name(profile.name, profile.place) if profile else ""
        out.append(OfficeChoice(office.code, name, office.origin != "remote"))
    return sorted(out, key=lambda c: (not c.own, c.code))
