"""The lock-free hit path of render() and render_cookie_table(): counted, kept in the LRU order, never stale."""

from __future__ import annotations

import attrs
import pytest

from rekisterikit.render import cache_clear, cache_info, core, render, render_cookie_table
from tests.render.samples import full


def _other(n: int) -> object:
    base = full()
    return attrs.evolve(base, controller=attrs.evolve(base.controller, name=f"Kauppa {n}"))


def test_an_entry_hit_often_keeps_its_place_in_the_lru_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every _REFRESH lock-free hits the entry moves to the end of the LRU order, so filling the cache afterwards
    evicts the entries that were not used, not the one hit all the time."""
    monkeypatch.setattr(core, "_REFRESH", 4)
    cache_clear()
    statement = full()
    first = render(statement, locale="fi", format="text")
    for n in range(cache_info().maxsize - 1):
        render(_other(n), locale="fi", format="text")  # type: ignore[call-overload]
    for _ in range(4):  # the fourth hit refreshes the entry
        assert first is render(statement, locale="fi", format="text")
    render(_other(-1), locale="fi", format="text")  # type: ignore[call-overload]
    misses = cache_info().misses
    assert first is render(statement, locale="fi", format="text")
    assert misses == cache_info().misses


def test_an_entry_not_refreshed_is_evicted_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The counter-test: with the refresh out of reach, the same sequence evicts the entry and renders it again."""
    monkeypatch.setattr(core, "_REFRESH", 10**9)
    cache_clear()
    statement = full()
    render(statement, locale="fi", format="text")
    for n in range(cache_info().maxsize - 1):
        render(_other(n), locale="fi", format="text")  # type: ignore[call-overload]
    for _ in range(4):
        render(statement, locale="fi", format="text")
    render(_other(-1), locale="fi", format="text")  # type: ignore[call-overload]
    misses = cache_info().misses
    render(statement, locale="fi", format="text")
    assert misses + 1 == cache_info().misses


def test_hits_of_both_functions_are_counted() -> None:
    """A lock-free hit of render() and of render_cookie_table() each count as one hit."""
    cache_clear()
    statement = full()
    render(statement, locale="sv")
    render_cookie_table(statement, locale="sv")
    for _ in range(3):
        render(statement, locale="sv")
        render_cookie_table(statement, locale="sv")
    assert (6, 2, 2) == (cache_info().hits, cache_info().misses, cache_info().currsize)


def test_a_changed_statement_is_never_answered_from_the_cache() -> None:
    """An edited statement (a new version) renders anew in both functions; the old one still hits its own entry."""
    cache_clear()
    statement = full()
    before, table = render(statement, locale="en"), render_cookie_table(statement, locale="en", format="json")
    edited = attrs.evolve(statement, controller=attrs.evolve(statement.controller, name="Muutettu Oy"))
    assert "Muutettu Oy" in render(edited, locale="en")
    assert "Muutettu Oy" not in before
    assert (0, 3) == cache_info()[:2]
    assert before is render(statement, locale="en")
    assert table is render_cookie_table(statement, locale="en", format="json")


@pytest.mark.parametrize("kwargs", [{"locale": ["fi"]}, {"locale": "fi", "format": ["html"]},
                                    {"locale": "fi", "heading_level": {}}])
def test_unhashable_arguments_are_checked_not_crashed_on(kwargs: dict[str, object]) -> None:
    """Unhashable arguments skip the hit path and get the ordinary argument errors."""
    statement = full()
    render(statement, locale="fi")
    with pytest.raises((ValueError, TypeError)):
        render(statement, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize("kwargs", [{"locale": ["fi"]}, {"locale": "fi", "format": ["html"]}])
def test_unhashable_arguments_of_the_cookie_table_are_checked(kwargs: dict[str, object]) -> None:
    statement = full()
    render_cookie_table(statement, locale="fi")
    with pytest.raises((ValueError, TypeError)):
        render_cookie_table(statement, **kwargs)  # type: ignore[call-overload]


def test_render_has_no_closure_cells() -> None:
    """The hit path's functions keep no cells (a nested function's variables would be set up on every hit)."""
    assert () == core.render.__code__.co_cellvars
    assert () == core.render_cookie_table.__code__.co_cellvars
