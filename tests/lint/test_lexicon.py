"""The lexicons: complete and parallel in fi/sv/en, every entry says what it catches, stems catch inflections."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisterikit.lint.lexicon import compile_patterns, first_chars, fold, lexicon
from rekisterikit.model import Language


def _raw(name: str) -> dict[str, object]:
    return tomllib.loads(files("rekisterikit.lint").joinpath("lexicons", name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["fi.toml", "sv.toml", "en.toml", "common.toml"])
def test_every_entry_says_what_it_catches_in_lower_case_patterns(name: str) -> None:
    """Each entry has a non-empty `catches` and lower-case patterns (the scanner matches folded text)."""
    data = _raw(name)
    problems = []
    for section in ("headings", "terms"):
        for key, entry in data.get(section, {}).items():  # type: ignore[attr-defined]
            if len(entry.get("catches", "").strip()) < 10:
                problems.append(f"{section}.{key}: no catches")
            for pattern in entry["patterns"]:
                if re.sub(r"\\[a-z]", "", pattern) != re.sub(r"\\[a-z]", "", pattern).lower():
                    problems.append(f"{section}.{key}: upper case in {pattern!r}")
    assert [] == problems


def test_the_three_languages_have_the_same_entries() -> None:
    """A check can rely on every term and heading kind existing in every language."""
    keys = {lang: (set(lexicon(lang).terms), set(lexicon(lang).headings)) for lang in Language}
    assert keys[Language.FI] == keys[Language.SV] == keys[Language.EN]


@pytest.mark.parametrize(("lang", "key", "text"), [
    ("fi", "retention", "säilytysaika"), ("fi", "retention", "Tiedot säilytetään"), ("fi", "retention", "säilyttää"),
    ("fi", "retention", "poistetaan"), ("fi", "basis_legitimate_interest", "oikeutetun edun perusteella"),
    ("fi", "basis_legitimate_interest", "oikeutettuun etuumme"), ("fi", "cookie", "analytiikkaevästeet"),
    ("fi", "cookie", "Evästeiden"), ("fi", "rekisteriseloste", "asiakasrekisteriseloste"),
    ("fi", "right_access", "oikeus tarkistaa"), ("fi", "right_access", "pääsyä tietoihisi"),
    ("fi", "negation", "luovuttamatta"), ("fi", "hetil", "Henkilötietolain"), ("sv", "hetil", "personuppgiftslagen"),
    ("sv", "retention", "sparas"), ("sv", "cookie", "tredjepartskakor"), ("en", "retention", "retained"),
    ("en", "cookie_implied", "By using this website you agree"), ("en", "privacy_shield", "EU-US Privacy Shield"),
])
def test_stems_catch_inflected_and_compound_forms(lang: str, key: str, text: str) -> None:
    """Finnish is matched on stems, with consonant gradation (etu/edun) and compounds (analytiikkaeväste)."""
    assert lexicon(lang).term(key).regex.search(text) is not None


@pytest.mark.parametrize(("lang", "key", "text"), [
    ("fi", "negation", "eilen"), ("fi", "retention_time", "ajantasalla"), ("sv", "exception", "utomstående"),
    ("en", "vague", "you may lodge a complaint"), ("en", "vague", "someone"), ("fi", "right_access", "tarkastus"),
])
def test_a_pattern_matches_whole_words_only(lang: str, key: str, text: str) -> None:
    """`ei` is not `eilen`, `ajan` is not `ajantasalla`, the permissive "you may" is not hedging."""
    assert lexicon(lang).term(key).regex.search(text) is None


@pytest.mark.parametrize(("pattern", "expected"), [
    ("säilyt\\w*", frozenset("s")), ("(eu|eta)\\w* ulkopuol\\w*", frozenset("e")),
    ("(sisäi\\w* )?raportoin\\w*", frozenset("sr")), ("\\d+ vuotta", frozenset("0123456789")),
    ("[ps]ois", frozenset("ps")), ("\\w*eväst\\w*", None), ("(?=x)y", None), ("a?b", None),
])
def test_first_chars_of_a_pattern(pattern: str, expected: frozenset[str] | None) -> None:
    """The characters a match can begin with, or None when it cannot be told."""
    assert expected == first_chars(pattern)


@given(st.text(alphabet="aäöåAÄÖÅİıßẞ ΣςσéÉ", max_size=40))
def test_fold_keeps_offsets(text: str) -> None:
    """Folding to lower case never changes the length, so match offsets stay valid for the original text."""
    folded = fold(text)
    assert len(text) == len(folded)
    assert folded == folded.lower() or any(len(c.lower()) != 1 for c in text)


def test_compiled_patterns_ignore_case_and_span_line_breaks() -> None:
    """A space in a pattern matches any white space, including a line break in wrapped text."""
    regex = compile_patterns(("oikeus tarkastaa",))
    assert regex.search("Oikeus\ntarkastaa") is not None
