"""Translations of the window's own strings (gettext catalogs managed with babel).

Source strings are Vietnamese, the default language; ``resources/locale/en`` holds English.
Use ``_("…")`` for every string the operator reads.
"""
from __future__ import annotations

import gettext

from app import paths

DOMAIN = "baocao"
_current: gettext.NullTranslations = gettext.NullTranslations()


def install(language: str) -> None:
    """Switch the window's language ("vi" or "en"); widgets built afterwards use it."""
    global _current
    if language == "vi":
        _current = gettext.NullTranslations()
        return
    _current = gettext.translation(DOMAIN, localedir=str(paths.resource("locale")), languages=[language])


def _(message: str) -> str:
    return _current.gettext(message)


def language() -> str:
    return "vi" if type(_current) is gettext.NullTranslations else "en"
