"""The literal-needle prefilter of Context.search_texts: faster, and never changes what a rule finds."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.model import LocalizedText, Statement
from rekisterikit.testing.strategies import statements
from rekisterikit.validate import needles as needles_module
from rekisterikit.validate.context import Context
from rekisterikit.validate.needles import Piece, index_pieces, needles, piece_finder, piece_key, pieces
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


_needs_automaton = pytest.mark.skipif(needles_module._aho is None, reason="ahocorasick-rs is not installed")
_WORD = st.text(alphabet="abcäö12", min_size=1, max_size=8)


class _FreshIndex:
    """The process-wide index of pieces emptied for a test, and put back after it."""

    def __enter__(self) -> None:
        self.saved = (dict(needles_module._INDEXED), needles_module._AUTOMATON, needles_module._BUILDS[0])
        needles_module._INDEXED.clear()
        needles_module._AUTOMATON = None
        needles_module._BUILDS[0] = 0

    def __exit__(self, *_: object) -> None:
        needles_module._INDEXED.clear()
        needles_module._INDEXED.update(self.saved[0])
        needles_module._AUTOMATON = self.saved[1]
        needles_module._BUILDS[0] = self.saved[2]


@_needs_automaton
@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, max_size=12), st.lists(st.tuples(_WORD, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_the_piece_automaton_finds_what_a_pass_finds(words: list[str], asked: list[tuple[str, bool, bool]]) -> None:
    """piece_finder's one pass finds exactly the indexed keys (a word's start, its end, anywhere in a word) that
    ``in`` finds in a vocabulary joined between line breaks."""
    joined = b"\n" + b"\n".join(w.encode() for w in words) + b"\n"
    keys = [piece_key(Piece(text.encode(), False, starts, ends)) for text, starts, ends in asked]
    with _FreshIndex():
        index_pieces(keys)
        finder = piece_finder()
        assert finder is not None
        covered, find = finder
        assert covered == set(keys)
        assert find(joined) == {key for key in keys if key in joined}


def test_without_the_automaton_there_is_no_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ahocorasick-rs (or with nothing indexed) the pieces are looked for by passes."""
    with _FreshIndex():
        assert piece_finder() is None
        index_pieces([b"abc"])
        monkeypatch.setattr(needles_module, "_aho", None)
        assert piece_finder() is None


_ASKED = ["ip-osoit", "esim.", "bl.a.", "kävijä", "anonymis", "523/1999", "ei yhdistetä", "muut vastaav", "x1",
          "tietosuoja", "etc", "such as", "2019", "ja", "vastaav", "ää", "b1c", "abc "]


@_needs_automaton
@settings(max_examples=60, deadline=None)
@given(statements(text=st.lists(st.sampled_from([*_ASKED, "ip-osoite", "esimerkki", "tietosuojaseloste", "1999",
                                                 "xabc", "abcx", "kävijät", "ääni", "muut vastaavat"]),
                                min_size=1, max_size=4).map(" ".join)))
def test_the_context_answers_the_same_with_and_without_the_automaton(statement: Statement) -> None:
    """Context._may_occur (each needle's pieces in the vocabulary) gives the same answers when its pieces are read
    from the automaton's one pass as when each is looked for by passes."""
    with _FreshIndex():
        by_passes = Context(statement)
        expected = [by_passes._may_occur(needle) for needle in _ASKED]  # indexes the pieces looked for by passes
        index_pieces(piece_key(p) for needle in _ASKED for p in pieces(needle) if not (p.starts_word and p.ends_word))
        fast = Context(statement)
        assert fast._found_pieces is not None
        assert [fast._may_occur(needle) for needle in _ASKED] == expected


@_needs_automaton
def test_the_index_and_its_automaton_stop_growing() -> None:
    """Past MAX_INDEXED keys nothing more is indexed, and past MAX_BUILDS the automaton is not made again: the keys
    indexed after it are looked for by passes (not covered)."""
    with _FreshIndex():
        index_pieces(f"k{i}".encode() for i in range(needles_module.MAX_INDEXED + 5))
        assert len(needles_module._INDEXED) == needles_module.MAX_INDEXED
    with _FreshIndex():
        finders = []
        for i in range(needles_module.MAX_BUILDS + 2):
            index_pieces([f"key{i}".encode()])
            finders.append(piece_finder())
        assert needles_module._BUILDS[0] == needles_module.MAX_BUILDS
        last = finders[-1]
        assert last is not None
        assert last[0] == {f"key{i}".encode() for i in range(needles_module.MAX_BUILDS)}
        assert last[1](b"\nkey1\nkey17\n") == {b"key1"}
