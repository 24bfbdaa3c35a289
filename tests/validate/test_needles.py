"""The literal-needle prefilter of Context.search_texts: faster, and never changes what a rule finds."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.model import LocalizedText, Statement
from rekisterikit.testing.strategies import statements
from rekisterikit.validate.context import Context
from rekisterikit.validate.needles import needles
from rekisterikit.validate.rules import misc, retention


def _patterns() -> list[re.Pattern[str]]:
    """Every module-level pattern of the built-in rules that search_texts is used with, and a few more."""
    found = [v for m in (misc, retention) for v in vars(m).values() if isinstance(v, re.Pattern)]
    return [*found, re.compile(r"\bab"), re.compile(r"(abc|abd)e\w"), re.compile(r"x*abc")]


def _brute_force(ctx: Context, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    out = []
    for path, value, lowered in ctx.texts:
        originals = value.texts() if isinstance(value, LocalizedText) else (value,)
        for original, low in zip(originals, lowered, strict=True):
            match = pattern.search(low)
            if match is not None:
                same = len(original) == len(low)
                out.append((path, original[match.start():match.end()] if same else match.group(0)))
                break
    return out


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"abc|abd", ("abc", "abd")),
    (r"\bhetil\b|5(?<!\w5)23/1999", ("523/1999", "hetil")),
    (r"ip[- ]osoit\w*", ("ip osoit", "ip-osoit")),
    (r"(?:kopplas|förknippas) inte", ("förknippas inte", "kopplas inte")),
    (r"ab|x\w+", None),
    (r"\w+abc", None),
])
def test_needles_are_the_literal_prefixes_of_every_match(pattern: str, expected: tuple[str, ...] | None) -> None:
    """Zero-width parts are skipped, small character sets and alternatives expanded; short prefixes give None."""
    assert expected == needles(re.compile(pattern))


_WORDS = ["henkilötietolaki", "523/1999", "ip-osoite", "ei yhdistetä henkilöllisyyteen", "selain", "anonyymi",
          "rekisteriseloste", "kielto-oikeus", "privacy shield", "not linked to your identity", "hetil", "x523/1999",
          "asiakassuhteen ajan", "voidaan poistaa pyynnöstä", "tietoja", "ja", "\0", "İ", "ß"]


@settings(max_examples=80, deadline=None)
@given(statements(), st.data())
def test_the_prefilter_finds_exactly_what_a_full_search_finds(statement: Statement, data: st.DataObject) -> None:
    """For generated statements sprinkled with trigger words, search_texts equals a search of every text."""
    words = data.draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6))
    statement = attrs.evolve(statement, cites=(*statement.cites, " ".join(words), "".join(words)))
    ctx = Context(statement)
    for pattern in _patterns():
        assert _brute_force(ctx, pattern) == list(ctx.search_texts(pattern))
