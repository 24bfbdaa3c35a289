"""The term index: one scan per term and language, mapped back to units; the fast scan equals a plain scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.lint.analysis import Analysis
from rekisterikit.lint.document import document_from_text
from rekisterikit.lint.lexicon import lexicon
from rekisterikit.lint.structure import parse

WORDS = ["säilytetään", "kuusi", "vuotta", "analytiikkaevästeet", "Evästeiden", "oikeutetun", "edun", "ei",
         "luovuteta", "ellei", "Google", "Privacy", "Shield", "tarkastusoikeus", "henkilötietolain", "523/1999",
         "asiakassuhteen", "perusteella", "2010/87/EU", "_ga", "2", "vuotta", "mm.", "kuten", "suostumus", "peruuttaa",
         "sparas", "kakor", "we", "may", "retain", "cookies", "by", "using", "this", "site", "you", "agree", "\n", ".",
         ",", "Ä", "İ"]


def _analysis(text: str) -> Analysis:
    return Analysis(parse(document_from_text(text, "txt")))


def test_hits_map_to_the_sentence_they_are_in() -> None:
    """A term is reported with the unit it occurs in and the text as written."""
    analysis = _analysis("Tiedot säilytetään kuusi vuotta. Evästeiden avulla seurataan kävijöitä.")
    assert [(0, "säilytetään")] == [(h.unit, h.text) for h in analysis.hits("retention")]
    assert [(1, "Evästeiden")] == [(h.unit, h.text) for h in analysis.hits("cookie")]
    assert frozenset({1}) == analysis.units_with("cookie")


@settings(max_examples=100)
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_the_fast_scan_finds_what_a_plain_scan_finds(words: list[str]) -> None:
    """Trying terms only at the word starts that can begin them, on folded text, loses no match."""
    analysis = _analysis(" ".join(words))
    # Each section is read with the lexicon of its own language (a text mixing languages can have sections of two),
    # so each unit is compared with its section's lexicon, not the document's.
    sections = analysis.structure.sections
    lexicons = {u.index: lexicon(sections[u.section].language) for u in analysis.units}
    keys = {key for lex in lexicons.values() for key in lex.terms}
    for key in keys:
        expected = {u.index for u in analysis.units
                    if key in lexicons[u.index].terms and lexicons[u.index].terms[key].regex.search(u.text)}
        assert expected == {h.unit for h in analysis.hits(key)}, key
