"""Translations and locale-aware formatting: the library's gettext catalogs, dates, lists and durations.

Every function takes the locale explicitly; nothing is activated globally, so one process can render Finnish,
Swedish and English side by side. Messages live in the gettext domain ``rekisterikit`` under
``rekisterikit/locale/<fi|sv|en>/LC_MESSAGES``; ``python -m rekisterikit.render.catalogs update`` extracts them
from the code, merges them into the ``.po`` files and compiles the ``.mo`` files.

Message ids are English. Mark a string for translation by passing a string literal to :func:`gettext`,
:func:`ngettext`, :func:`pgettext` or :func:`npgettext` (or :func:`N_` where it is translated later)::

    from rekisterikit.render.i18n import gettext

    gettext("Accept all", locale="sv")  # "Godkänn alla"

Placeholders use ``str.format`` syntax (``"Updated {date}"``); the catalog check verifies that every translation
keeps the placeholders of its message id.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from typing import Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.lists import format_list as _babel_format_list
from babel.support import Translations
from babel.units import format_unit

from rekisterikit.model.values import Duration, Language

__all__ = [
    "DOMAIN",
    "LOCALES",
    "N_",
    "Translator",
    "babel_locale",
    "format_date",
    "format_duration",
    "format_list",
    "gettext",
    "language",
    "ngettext",
    "npgettext",
    "pgettext",
    "translations",
    "translator",
]

#: The gettext domain of the library's own messages.
DOMAIN = "rekisterikit"

#: The locales the library ships catalogs for, in the order statements list them.
LOCALES: tuple[Language, ...] = (Language.FI, Language.SV, Language.EN)

# Formatting follows Finnish conventions in every language: "12.7.2020" in Finnish and Finland Swedish,
# "12 July 2020" in English (CLDR en_FI), and "a, b ja c" / "a, b och c" / "a, b and c" lists.
_BABEL_LOCALES = {Language.FI: "fi_FI", Language.SV: "sv_FI", Language.EN: "en_FI"}
_DATE_FORMATS = {Language.FI: "d.M.yyyy", Language.SV: "d.M.yyyy", Language.EN: "d MMMM yyyy"}
_UNITS = (("years", "duration-year"), ("months", "duration-month"), ("weeks", "duration-week"),
          ("days", "duration-day"), ("hours", "duration-hour"), ("minutes", "duration-minute"),
          ("seconds", "duration-second"))


def language(locale: Language | str) -> Language:
    """Return the :class:`~rekisterikit.model.Language` for ``locale`` (``"fi"``, ``"sv"``, ``"en"``).

    Region suffixes are ignored, so ``"sv_FI"`` and ``"en-GB"`` work too.

    Raises:
        ValueError: the locale is not Finnish, Swedish or English.
    """
    if isinstance(locale, Language):
        return locale
    code = str(locale).replace("-", "_").split("_", 1)[0].lower()
    try:
        return Language(code)
    except ValueError:
        raise ValueError(f"unsupported locale {locale!r} (rekisterikit speaks fi, sv and en)") from None


def babel_locale(locale: Language | str) -> str:
    """The Babel locale used to format numbers, dates and lists for ``locale`` (``"fi_FI"``, ``"sv_FI"``…)."""
    return _BABEL_LOCALES[language(locale)]


@cache
def _load(lang: Language) -> Translations:
    resource = files("rekisterikit").joinpath("locale", lang.value, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        data = resource.read_bytes()
    except FileNotFoundError:  # pragma: no cover - only in a broken checkout
        raise FileNotFoundError(
            f"missing compiled catalog {resource}; run: python -m rekisterikit.render.catalogs compile") from None
    return Translations(fp=io.BytesIO(data), domain=DOMAIN)


def translations(locale: Language | str) -> Translations:
    """The library's compiled catalog for ``locale``, loaded once and cached.

    Returns:
        A :class:`babel.support.Translations` (a :class:`gettext.GNUTranslations`) for the ``rekisterikit`` domain.

    Raises:
        ValueError: the locale is not supported.
    """
    return _load(language(locale))


def gettext(message: str, *, locale: Language | str) -> str:
    """Translate ``message`` (an English message id) into ``locale``."""
    return translations(locale).gettext(message)


def ngettext(singular: str, plural: str, n: int, *, locale: Language | str) -> str:
    """Translate a message with a plural form, choosing the form for ``n``."""
    return translations(locale).ngettext(singular, plural, n)


def pgettext(context: str, message: str, *, locale: Language | str) -> str:
    """Translate ``message`` in ``context`` (for ids that read the same but translate differently)."""
    return str(translations(locale).pgettext(context, message))


def npgettext(context: str, singular: str, plural: str, n: int, *, locale: Language | str) -> str:
    """Translate a message with context and a plural form."""
    return str(translations(locale).npgettext(context, singular, plural, n))


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it; translate it later with :func:`gettext`."""
    return message


# Babel parses a locale identifier on every call that gets a string; the three locales are parsed once. Dates, lists
# and durations are formatted once per distinct value (a statement repeats the same few durations across dozens of
# cookies and the same list shapes in every purpose); the caches are bounded, the values small and immutable.


@cache
def _babel(lang: Language) -> Locale:
    return Locale.parse(_BABEL_LOCALES[lang])


def format_date(date: dt.date, *, locale: Language | str) -> str:
    """Format a date the Finnish way: ``12.7.2020`` (fi, sv) or ``12 July 2020`` (en)."""
    return _format_date(date, language(locale))


@lru_cache(maxsize=256)
def _format_date(date: dt.date, lang: Language) -> str:
    return _babel_format_date(date, _DATE_FORMATS[lang], locale=_babel(lang))


def format_list(items: Iterable[str], *, locale: Language | str,
                style: Literal["standard", "or"] = "standard") -> str:
    """Join ``items`` as a sentence list: ``"nimi, sähköpostiosoite ja puhelinnumero"``.

    Args:
        items: the items, already in ``locale``.
        locale: the language.
        style: ``"standard"`` joins with *and* (ja, och), ``"or"`` with *or* (tai, eller).
    """
    values = tuple(items)
    if not values:
        return ""
    return _format_list(values, language(locale), style)


@lru_cache(maxsize=1024)
def _format_list(values: tuple[str, ...], lang: Language, style: Literal["standard", "or"]) -> str:
    return _babel_format_list(list(values), style=style, locale=_babel(lang))


def format_duration(duration: Duration, *, locale: Language | str) -> str:
    """Format a duration in words: ``"2 vuotta"``, ``"1 år och 6 månader"``, ``"for the session"``."""
    return _format_duration(duration, language(locale))


@lru_cache(maxsize=1024)
def _format_duration(duration: Duration, lang: Language) -> str:
    if duration.session:
        return gettext("for the session", locale=lang)
    babel = _babel(lang)
    parts = [format_unit(getattr(duration, field), unit, length="long", locale=babel)
             for field, unit in _UNITS if getattr(duration, field)]
    if not parts:
        parts = [format_unit(0, "duration-day", length="long", locale=babel)]
    return format_list(parts, locale=lang)


class Translator:
    """The i18n functions bound to one locale, for code that translates many messages in a row.

    Its methods carry the standard gettext names, so the message extractor finds ``t.gettext("…")`` calls.
    """

    __slots__ = ("_translations", "language")

    def __init__(self, locale: Language | str) -> None:
        self.language: Language = language(locale)
        self._translations = translations(self.language)

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a message with a plural form for ``n``."""
        return self._translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """Translate ``message`` in ``context``."""
        return str(self._translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """Translate a message with context and a plural form."""
        return str(self._translations.npgettext(context, singular, plural, n))

    def format_date(self, date: dt.date) -> str:
        """Format a date (see :func:`format_date`)."""
        return _format_date(date, self.language)

    def format_list(self, items: Iterable[str], style: Literal["standard", "or"] = "standard") -> str:
        """Join items as a sentence list (see :func:`format_list`)."""
        values = tuple(items)
        return _format_list(values, self.language, style) if values else ""

    def format_duration(self, duration: Duration) -> str:
        """Format a duration in words (see :func:`format_duration`)."""
        return _format_duration(duration, self.language)


@cache
def _translator(lang: Language) -> Translator:
    return Translator(lang)


def translator(locale: Language | str) -> Translator:
    """The cached :class:`Translator` for ``locale``."""
    return _translator(language(locale))
