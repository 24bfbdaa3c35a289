"""Language detection by stop words."""

from __future__ import annotations

import pytest

from rekisterikit.lint.language import detect_language, language_scores
from rekisterikit.model import Language


@pytest.mark.parametrize(("text", "expected"), [
    ("Tietoja ei luovuteta ulkopuolisille, ja ne säilytetään kuusi vuotta.", Language.FI),
    ("Uppgifterna lämnas inte ut och de sparas i sex år.", Language.SV),
    ("We do not disclose the data and we keep it for six years.", Language.EN),
])
def test_each_language_is_recognised(text: str, expected: Language) -> None:
    """A sentence with a few function words is enough."""
    assert expected == detect_language(text)


def test_no_evidence_or_a_tie_falls_back_to_the_default() -> None:
    """Text without stop words (a list of names) gives the default language."""
    assert Language.SV == detect_language("Posti Oy, Paytrail Oyj", Language.SV)
    assert Language.FI == detect_language("")


def test_margin_demands_a_clear_winner() -> None:
    """With a margin, a mixed text keeps the default."""
    mixed = "ja ja ja and and the"
    assert {Language.FI: 3, Language.SV: 0, Language.EN: 3} == language_scores(mixed)
    assert Language.SV == detect_language(mixed, Language.SV, margin=2.0)


def test_scoring_many_texts_at_once_equals_scoring_each() -> None:
    """language_scores_many gives every text the scores language_scores gives it alone (one pass for all)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rekisterikit.lint.language import language_scores, language_scores_many

    words = st.sampled_from(["ja", "och", "the", "on", "att", "of", "Tietoja,", "(esim.", "don't", "it's", "123",
                             "RKTEXTBREAK", "rktextbreak", "a_b", "käsittelemme", " ", "\n"])
    texts = st.lists(st.lists(words, max_size=12).map(" ".join), max_size=8)

    @settings(max_examples=200, deadline=None)
    @given(texts)
    def check(items: list[str]) -> None:
        assert [language_scores(t) for t in items] == language_scores_many(items)

    check()
