"""Which of a report's one-line texts were typed in a legacy font: office profile and template labels.

Narrative, tasks and document summaries are checked where they are validated; these are the texts
the operator rarely looks at again but that print on every page (a TCVN3 authority line prints as
"CÉNG HOΜ X·…").
"""
from __future__ import annotations

import msgspec

from app.domain.model import ReportData
from app.domain.text import LegacyText, detect_legacy

PROFILE_FIELDS = (
    ("authority", "Cơ quan chủ quản"), ("name", "Tên cơ quan"), ("place", "Địa danh"),
    ("signer_title", "Chức danh người ký"), ("signer_name", "Người ký"), ("deputy_title", "Chức danh cấp phó"),
    ("addressee", "Kính gửi"),
)


class LegacyField(msgspec.Struct, frozen=True):
    section: str  # section code, "" for the office profile
    indicator: str | None
    field: str  # the field's name as the window shows it: "Cơ quan chủ quản", "Tên chỉ tiêu DT_01"
    legacy: LegacyText


def legacy_fields(data: ReportData) -> list[LegacyField]:
    """Every office-profile field and template label of ``data`` that looks typed in TCVN3/VNI."""
    profile = data.profile
    found = [(("", None, label), getattr(profile, name)) for name, label in PROFILE_FIELDS]
    found += [(("", None, f"Nơi nhận {i}"), text) for i, text in enumerate(profile.recipients, 1)]
    for top in data.template.sections:
        for section in top.walk():
            found.append(((section.code, None, f"Tên mục {section.number or section.code}"), section.title))
            found += [((section.code, ind.code, f"Tên chỉ tiêu {ind.code}"), ind.label) for ind in section.indicators]
    out = []
    for (section, indicator, label), text in found:
        legacy = detect_legacy(text or "")
        if legacy:
            out.append(LegacyField(section, indicator, label, legacy))
    return out
