"""Language detection by stop-word scoring.

Each lexicon lists frequent function words of its language (``ja``, ``on``, ``ei`` / ``och``, ``att``, ``det`` /
``the``, ``and``, ``of``). A text's score for a language is how many of its words are in that list; the highest
score wins, and a tie or a text without any such word falls back to the given default (Finnish unless told
otherwise). It is crude but reliable on statements, which are long and full of function words; ``--lang``
overrides it.
"""

from __future__ import annotations

import re
from collections import Counter

from rekisterikit.lint.lexicon import lexicon
from rekisterikit.model.values import Language

__all__ = ["detect_language", "language_scores"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_scores(text: str) -> dict[Language, int]:
    """How many words of ``text`` are stop words of each language."""
    words = Counter(_WORD.findall(text.lower()))
    scores: dict[Language, int] = {}
    for lang in Language:
        stopwords = lexicon(lang).stopwords
        scores[lang] = sum(n for w, n in words.items() if w in stopwords)
    return scores


def detect_language(text: str, default: Language = Language.FI, *, minimum: int = 1,
                    margin: float = 1.0) -> Language:
    """The language of ``text``: the one with the most stop words.

    Args:
        text: the text.
        default: the answer when no language scores at least ``minimum`` or the best two tie.
        minimum: the least score that counts as evidence.
        margin: how many times the runner-up's score the winner needs (1.0: any lead).

    Returns:
        The detected language, or ``default``.
    """
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < minimum or top == second or top < second * margin:
        return default
    return best
