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


CORE = "core"  # the core's messages, numbered fields: "Mục {0}: chưa nhập {1} chỉ tiêu ({2})."
_core_patterns: list | None = None


def _compile_core() -> list:
    """(pattern, English) for each message of the English core catalog, most specific first."""
    import re
    import string

    from babel.messages.pofile import read_po

    with open(paths.resource("locale", "en", "LC_MESSAGES", f"{CORE}.po"), "rb") as handle:
        catalog = read_po(handle)
    patterns = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        pieces, literal = [], 0
        for text, field, _spec, _conversion in string.Formatter().parse(message.id):
            pieces.append(re.escape(text))
            literal += len(text)
            if field is not None:
                pieces.append("(.*?)")
        patterns.append((literal, re.compile("".join(pieces), re.DOTALL), message.string))
    patterns.sort(key=lambda item: -item[0])
    return [(pattern, english) for _literal, pattern, english in patterns]


def core(message: str, _depth: int = 0) -> str:
    """A message from the core in the window's language (the core writes Vietnamese).

    In English, the message is matched against the core catalog and its fields
    (numbers, names, and messages nested in it) put into the English; one that
    matches nothing is shown as written.
    """
    global _core_patterns
    if language() == "vi" or not message:
        return message
    if _core_patterns is None:
        _core_patterns = _compile_core()
    for pattern, english in _core_patterns:
        match = pattern.fullmatch(message)
        if match:
            fields = [core(value, _depth + 1) if _depth < 3 else value for value in match.groups()]
            return english.format(*fields)
    return message
