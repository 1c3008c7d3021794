"""Provides the app's own labels in the agent's language: `_()` and `ngettext()` over gettext catalogues.

The catalogues live in `supportterm/locale/<lang>/LC_MESSAGES/supportterm.{po,mo}` (tools/i18n.py extracts,
updates and compiles them). The language is chosen once, by `activate()`, before the UI modules are
imported: Textual reads binding descriptions at class definition. Until then every label is English,
so tests and headless commands never depend on the machine's locale.

Order of choice (`resolve`): config `ui_language` when it names a language, else `SUPPORTTERM_LANG`, else
the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set), else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "supportterm"
LANGUAGES = ("en", "ru", "az")
"""Languages with a catalogue; English is the source language and needs none."""
UI_LANGUAGE_CHOICES = ("auto", *LANGUAGES)
"""Values config.toml's `ui_language` accepts."""
LOCALE_DIR = Path(__file__).parent / "locale"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations | None = None
"""None: English, and gettext not even imported (headless commands start ~1 ms sooner)."""
_language = "en"


def language_of(value: str) -> str | None:
    """The catalogue language a locale name means ("az_AZ.UTF-8" -> "az"), or None when there is none."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def resolve(ui_language: str = "auto", environ: Mapping[str, str] | None = None) -> str:
    """The language to show: the configured one, else SUPPORTTERM_LANG, else the locale, else English."""
    if ui_language in LANGUAGES:
        return ui_language
    environ = os.environ if environ is None else environ
    chosen = language_of(environ.get("SUPPORTTERM_LANG", ""))
    if chosen:
        return chosen
    for name in _LOCALE_VARIABLES:
        value = environ.get(name)
        if value:  # POSIX: the first variable that is set decides, even "C" (which means English)
            return language_of(value) or "en"
    return "en"


def activate(language: str) -> str:
    """Load the catalogue of `language` for every later `_()` call; returns the language in effect."""
    global _translations, _language
    if language not in LANGUAGES or language == "en":
        _translations, _language = None, "en"
        return _language
    import gettext

    _translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    _language = language if isinstance(_translations, gettext.GNUTranslations) else "en"
    return _language


def current_language() -> str:
    """The language `_()` translates into now."""
    return _language


def _(message: str) -> str:
    """`message` in the active language (itself when the catalogue lacks it, e.g. a user's view title)."""
    return _translations.gettext(message) if _translations is not None and message else message


def pgettext(context: str, message: str) -> str:
    """`message` as translated for one place (`context`), where the same English word needs another
    translation: "high" is "высокий" in a sentence but "выс" in the inbox's 4-cell priority column."""
    return _translations.pgettext(context, message) if _translations is not None and message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase that fits `count` in the active language (Russian has three)."""
    if _translations is None:
        return singular if count == 1 else plural
    return _translations.ngettext(singular, plural, count)
