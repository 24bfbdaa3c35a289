"""Tests of rekisterikit.render.i18n: catalogs per locale, dates, lists and durations."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit.model import Duration, Language
from rekisterikit.render import i18n


@pytest.mark.parametrize(("given", "expected"), [
    ("fi", Language.FI), ("sv_FI", Language.SV), ("en-GB", Language.EN), ("EN", Language.EN),
    (Language.SV, Language.SV),
])
def test_language_accepts_codes_with_regions(given: str, expected: Language) -> None:
    """Locale codes with region suffixes or upper case map to the statement languages."""
    assert expected == i18n.language(given)


def test_language_rejects_unsupported_locale() -> None:
    """A locale other than fi, sv or en is a ValueError naming the supported ones."""
    with pytest.raises(ValueError, match="fi, sv and en"):
        i18n.language("de")


@pytest.mark.parametrize(("locale", "expected"), [("fi", "istunnon ajan"), ("sv", "under sessionen"),
                                                  ("en", "for the session")])
def test_gettext_translates_with_explicit_locale(locale: str, expected: str) -> None:
    """The same message id comes out in each locale's language, side by side in one process."""
    assert expected == i18n.gettext("for the session", locale=locale)


def test_unknown_message_falls_back_to_its_id() -> None:
    """A message id missing from a catalog is returned unchanged (gettext convention)."""
    assert "no such message here" == i18n.gettext("no such message here", locale="fi")


def test_translations_are_cached() -> None:
    """Each locale's catalog is loaded once."""
    assert i18n.translations("fi") is i18n.translations(Language.FI)
    assert i18n.translator("sv") is i18n.translator("sv_FI")


@pytest.mark.parametrize(("locale", "expected"), [("fi", "12.7.2020"), ("sv", "12.7.2020"),
                                                  ("en", "12 July 2020")])
def test_format_date_uses_finnish_conventions(locale: str, expected: str) -> None:
    """Dates read 12.7.2020 in Finnish and Finland Swedish, 12 July 2020 in English."""
    assert expected == i18n.format_date(dt.date(2020, 7, 12), locale=locale)


@pytest.mark.parametrize(("locale", "expected"), [
    ("fi", "nimi, sähköpostiosoite ja puhelinnumero"),
    ("sv", "nimi, sähköpostiosoite och puhelinnumero"),
    ("en", "nimi, sähköpostiosoite and puhelinnumero"),
])
def test_format_list_joins_with_the_locale_conjunction(locale: str, expected: str) -> None:
    """Lists are joined with commas and the locale's 'and'."""
    assert expected == i18n.format_list(["nimi", "sähköpostiosoite", "puhelinnumero"], locale=locale)


def test_format_list_or_style_and_empty() -> None:
    """The 'or' style uses tai; an empty list is an empty string."""
    assert "a tai b" == i18n.format_list(["a", "b"], locale="fi", style="or")
    assert "" == i18n.format_list([], locale="fi")


@pytest.mark.parametrize(("duration", "locale", "expected"), [
    ("P2Y", "fi", "2 vuotta"), ("P13M", "fi", "13 kuukautta"), ("P1Y", "fi", "1 vuosi"),
    ("P1Y6M", "sv", "1 år och 6 månader"), ("P30D", "en", "30 days"), ("PT30M", "fi", "30 minuuttia"),
    ("session", "fi", "istunnon ajan"), ("session", "sv", "under sessionen"), ("P0D", "en", "0 days"),
])
def test_format_duration_in_words(duration: str, locale: str, expected: str) -> None:
    """Durations are spelled out with CLDR unit names; a session cookie lasts 'for the session'."""
    assert expected == i18n.format_duration(Duration.parse(duration), locale=locale)


def test_translator_binds_the_locale() -> None:
    """A Translator offers the same functions with the locale bound."""
    t = i18n.translator("en")
    assert ("for the session", "12 July 2020", "a and b", "6 years") == (
        t.gettext("for the session"), t.format_date(dt.date(2020, 7, 12)), t.format_list(["a", "b"]),
        t.format_duration(Duration(years=6)))
    assert ("items", "item") == (t.ngettext("item", "items", 2), t.ngettext("item", "items", 1))
    assert "x" == t.pgettext("ctx", "x")
    assert "xs" == t.npgettext("ctx", "x", "xs", 3)


def test_module_level_plural_and_context_helpers() -> None:
    """ngettext, pgettext and npgettext fall back to the id for unknown messages; N_ returns its argument."""
    assert ("one", "many", "ctx msg", "many") == (
        i18n.ngettext("one", "many", 1, locale="fi"), i18n.ngettext("one", "many", 5, locale="fi"),
        i18n.pgettext("c", "ctx msg", locale="sv"), i18n.npgettext("c", "one", "many", 2, locale="en"))
    assert "marked" == i18n.N_("marked")


def test_babel_locale_is_finnish_regional() -> None:
    """Formatting uses the Finnish regional variants of each language."""
    assert ("fi_FI", "sv_FI", "en_FI") == tuple(i18n.babel_locale(x) for x in i18n.LOCALES)
