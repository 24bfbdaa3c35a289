"""Tests of rekisterikit.render.core: render() and render_cookie_table() across formats, and the render cache."""

from __future__ import annotations

import json
import threading

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from rekisterikit import Statement
from rekisterikit.model import Directives, Ignore
from rekisterikit.render import FORMATS, cache_clear, cache_info, render, render_cookie_table
from tests.render.samples import full, hostile_statements


@settings(max_examples=60)
@given(hostile_statements(), st.sampled_from(["fi", "sv", "en"]), st.sampled_from(FORMATS))
def test_rendering_never_raises(statement: Statement, locale: str, format: str) -> None:  # noqa: A002
    """Any valid statement renders in every language and format; JSON output always parses."""
    output = render(statement, locale=locale, format=format)
    assert output
    if format == "json":
        assert statement.version == json.loads(output)["version"]


def test_html_is_markup_and_other_formats_are_str() -> None:
    """HTML is Markup; text, Markdown and JSON are plain strings."""
    assert isinstance(render(full(), locale="fi"), Markup)
    assert {str} == {type(render(full(), locale="fi", format=f)) for f in ("text", "markdown", "json")}
    assert isinstance(render_cookie_table(full(), locale="fi"), Markup)
    assert str is type(render_cookie_table(full(), locale="fi", format="text"))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"locale": "de"}, "unsupported locale 'de'"),
    ({"locale": "fi", "format": "pdf"}, "unknown format 'pdf'"),
    ({"locale": "fi", "format": "text", "full_page": True}, "full_page applies to the html format only"),
])
def test_bad_arguments_are_value_errors(kwargs: dict[str, object], message: str) -> None:
    """An unknown locale or format, or full_page outside HTML, raises ValueError with the reason."""
    with pytest.raises(ValueError, match=message):
        render(full(), **kwargs)  # type: ignore[call-overload]


def test_locale_with_region_is_accepted() -> None:
    """sv_FI renders the Swedish statement."""
    assert render(full(), locale="sv_FI") == render(full(), locale="sv")


def test_second_render_is_a_cache_hit() -> None:
    """Rendering the same statement again in the same locale and format is a cache hit returning equal output."""
    cache_clear()
    first = render(full(), locale="fi", format="text")
    second = render(full(), locale="fi", format="text")
    assert first == second
    assert (1, 1) == cache_info()[:2]


def test_cache_keys_on_locale_format_and_options() -> None:
    """Each locale, format and option combination is its own entry."""
    cache_clear()
    statement = full()
    outputs = {render(statement, locale=lc, format=f) for lc in ("fi", "sv", "en") for f in FORMATS}
    render(statement, locale="fi", full_page=True)
    render(statement, locale="fi", heading_level=2)
    render_cookie_table(statement, locale="fi")
    assert 12 == len(outputs)
    assert (0, 15, 15) == (cache_info().hits, cache_info().misses, cache_info().currsize)


def test_cache_does_not_leak_between_statements() -> None:
    """A statement with different content never gets another statement's rendering; equal content (directives
    aside, which are not published) shares the entry."""
    cache_clear()
    a = full()
    b = attrs.evolve(a, controller=attrs.evolve(a.controller, name="Toinen Oy"))
    c = attrs.evolve(a, directives=Directives(ignore=(Ignore(rule="RK-X", reason="test"),)))
    assert "Toinen Oy" not in render(a, locale="fi")
    assert "Toinen Oy" in render(b, locale="fi")
    assert render(a, locale="fi") == render(c, locale="fi")
    assert (2, 2) == cache_info()[:2]


def test_cache_is_bounded() -> None:
    """The cache keeps at most maxsize renderings, dropping the least recently used."""
    cache_clear()
    base = full()
    for n in range(cache_info().maxsize + 10):
        render(attrs.evolve(base, controller=attrs.evolve(base.controller, name=f"Kauppa {n}")), locale="fi",
               format="text")
    assert cache_info().maxsize == cache_info().currsize


def test_concurrent_renders_agree() -> None:
    """Threads rendering at once all get the same result."""
    cache_clear()
    statement = full()
    results: list[str] = []

    def work() -> None:
        results.append(render(statement, locale="sv", format="markdown"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 1 == len(set(results))
    assert 8 == len(results)


def test_same_statement_same_version_and_bytes() -> None:
    """The version is a stable content hash; the same statement renders to the same bytes."""
    cache_clear()
    first = render(full(), locale="en", format="json")
    cache_clear()
    assert first == render(full(), locale="en", format="json")
    assert full().version == json.loads(first)["version"]
    assert full().version.startswith("sha256:")


def test_package_re_exports_render() -> None:
    """``from rekisterikit import render, render_cookie_table`` gives the functions, not the subpackage."""
    import rekisterikit
    from rekisterikit.render import core

    assert (core.render, core.render_cookie_table) == (rekisterikit.render, rekisterikit.render_cookie_table)


def test_a_hit_returns_the_cached_object_for_every_spelling_of_the_arguments() -> None:
    """"fi", "fi_FI" and Language.FI share one entry; each spelling's later calls return the very same object."""
    from rekisterikit.model import Language

    cache_clear()
    statement = full()
    outputs = [render(statement, locale=spelling) for spelling in ("fi", "fi_FI", Language.FI) for _ in range(2)]
    assert all(output is outputs[0] for output in outputs)
    assert (5, 1, 1) == (cache_info().hits, cache_info().misses, cache_info().currsize)


def test_bad_arguments_still_raise_after_good_ones_were_cached() -> None:
    """The lock-free hit path never answers for arguments that were not checked: a bad format still raises."""
    statement = full()
    render(statement, locale="fi")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(statement, locale="fi", format="pdf")
    with pytest.raises(ValueError, match="full_page applies to the html format only"):
        render(statement, locale="fi", format="text", full_page=True)


def test_an_evicted_entry_is_rendered_again() -> None:
    """When the LRU bound drops an entry, its fast-path alias goes with it: the next call is a miss, not stale."""
    cache_clear()
    base = full()
    first = render(base, locale="en", format="text")
    for n in range(cache_info().maxsize):
        render(attrs.evolve(base, controller=attrs.evolve(base.controller, name=f"Kauppa {n}")), locale="fi",
               format="text")
    misses = cache_info().misses
    assert first == render(base, locale="en", format="text")
    assert misses + 1 == cache_info().misses
