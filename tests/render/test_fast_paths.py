"""The builder's and the formatters' fast paths (issue 18) give what the general paths give."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.lists import format_list as babel_format_list
from hypothesis import given
from hypothesis import strategies as st

from rekisterikit.model import Duration, Language, LocalizedText
from rekisterikit.render import i18n
from rekisterikit.render.document.base import _CONTROLS, BuilderBase, _merge, clean_text
from rekisterikit.render.document.tree import Span
from tests.render.samples import full

LANGS = st.sampled_from(list(Language))


def _clean_reference(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def test_every_removed_character_is_unprintable() -> None:
    """clean_text returns a printable text as it is: sound only if nothing it removes is printable."""
    assert [] == [c for c in map(chr, range(0x110000)) if _CONTROLS.fullmatch(c) and c.isprintable()]


@given(st.text())
def test_clean_text_is_the_full_cleaning(text: str) -> None:
    assert _clean_reference(text) == clean_text(text)


@given(LANGS, st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()))
def test_shop_text_in_its_own_language_is_the_resolved_text(lang: Language, fi: str | None, sv: str | None,
                                                            en: str | None) -> None:
    if fi is None and sv is None and en is None:
        fi = "x"
    try:
        text = LocalizedText(fi=fi, sv=sv, en=en)
    except ValueError:
        return
    builder = BuilderBase(full(), lang)
    value, actual = text.resolve(lang, fallbacks=(builder.default,))
    expected = (Span(text=clean_text(" ".join(value.split())), lang=actual if actual is not lang else None),)
    assert expected == builder.shop(text)


@given(st.lists(st.text(), max_size=4))
def test_plain_is_what_merging_the_spans_makes(parts: list[str]) -> None:
    builder = BuilderBase(full(), Language.FI)
    assert _merge([builder.span(p) for p in parts]) == builder.plain(*parts)


@given(st.sampled_from(["{provider} receives the data", "a {x} b {y}", "{x}", "no placeholder", "{x}{y} ({x})"]),
       st.text(), st.text(), st.text())
def test_plain_fmt_is_fmt_of_plain_values(template: str, x: str, y: str, suffix: str) -> None:
    builder = BuilderBase(full(), Language.SV)
    values = {"provider": x, "x": x, "y": y}
    used = {k: v for k, v in values.items() if "{" + k + "}" in template}
    expected = _merge([*builder.fmt(template, **used), builder.span(suffix)])
    assert expected == builder.plain_fmt(template, suffix, **used)


DURATIONS = st.one_of(st.just(Duration(session=True)), st.builds(
    Duration, years=st.integers(0, 3), months=st.integers(0, 13), weeks=st.integers(0, 2), days=st.integers(0, 40),
    hours=st.integers(0, 25), minutes=st.integers(0, 61), seconds=st.integers(0, 61)))


@given(DURATIONS, LANGS)
def test_cached_duration_is_babels(duration: Duration, lang: Language) -> None:
    from babel.units import format_unit

    locale = i18n.babel_locale(lang)
    if duration.session:
        expected = i18n.gettext("for the session", locale=lang)
    else:
        parts = [format_unit(getattr(duration, f), unit, length="long", locale=locale)
                 for f, unit in i18n._UNITS if getattr(duration, f)] or [
            format_unit(0, "duration-day", length="long", locale=locale)]
        expected = babel_format_list(parts, locale=locale)
    assert expected == i18n.format_duration(duration, locale=lang)
    assert expected == i18n.translator(lang).format_duration(duration)


@given(st.dates(min_value=dt.date(1900, 1, 1)), LANGS)
def test_cached_date_is_babels(date: dt.date, lang: Language) -> None:
    expected = babel_format_date(date, i18n._DATE_FORMATS[lang], locale=i18n.babel_locale(lang))
    assert expected == i18n.format_date(date, locale=lang) == i18n.translator(lang).format_date(date)


@given(st.lists(st.text(), max_size=4), LANGS, st.sampled_from(["standard", "or"]))
def test_cached_list_is_babels(items: list[str], lang: Language, style: Literal["standard", "or"]) -> None:
    expected = babel_format_list(items, style=style, locale=i18n.babel_locale(lang)) if items else ""
    assert expected == i18n.format_list(items, locale=lang, style=style)
    assert expected == i18n.translator(lang).format_list(iter(items), style=style)
