"""Translations of the window's own strings (gettext catalogs managed with babel).

Source strings are Vietnamese, the default language; ``resources/locale/en`` holds English.
Use ``_("…")`` for every string the operator reads. Qt's own dialogs (file, print,
message boxes) speak Vietnamese through ``resources/locale/qtbase_vi.qm``, built from
``qtbase_vi.ts`` with ``pyside6-lrelease`` (Qt ships no Vietnamese of its own).
"""
from __future__ import annotations

import gettext

from app import paths

DOMAIN = "baocao"
QT_CATALOG = "qtbase_vi.qm"
_current: gettext.NullTranslations = gettext.NullTranslations()
_qt: list = []  # the installed QTranslator (kept alive while installed)


def install(language: str) -> None:
    """Switch the window's language ("vi" or "en"); widgets built afterwards use it."""
    global _current
    install_qt(language)
    if language == "vi":
        _current = gettext.NullTranslations()
        return
    _current = gettext.translation(DOMAIN, localedir=str(paths.resource("locale")), languages=[language])


def install_qt(language: str) -> bool:
    """Qt's own strings ("OK" → "Đồng ý", file and print dialogs) in ``language``; True when loaded.

    English is Qt's own language; Vietnamese comes from the catalog shipped here.
    Needs a running QApplication; without one nothing changes.
    """
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return False
    while _qt:
        app.removeTranslator(_qt.pop())
    if language != "vi":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # calendar, month names
    translator = QTranslator(app)
    if not translator.load(str(paths.resource("locale", QT_CATALOG))):
        return False
    app.installTranslator(translator)
    _qt.append(translator)
    return True


def _(message: str) -> str:
    return _current.gettext(message)


def language() -> str:
    return "vi" if type(_current) is gettext.NullTranslations else "en"
