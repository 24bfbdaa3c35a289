"""Language detection by stop-word scoring.

Each lexicon lists frequent function words of its language (``ja``, ``on``, ``ei`` / ``och``, ``att``, ``det`` /
``the``, ``and``, ``of``). A text's score for a language is how many of its words are in that list; the highest
score wins, and a tie or a text without any such word falls back to the given default (Finnish unless told
otherwise). It is crude but reliable on statements, which are long and full of function words; ``--lang``
overrides it.
"""

from __future__ import annotations

import re
from functools import cache

from rekisterikit.lint.lexicon import lexicon
from rekisterikit.model.values import Language

__all__ = ["detect_language", "language_scores", "language_scores_many"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _stopword_languages() -> dict[str, tuple[Language, ...]]:
    """Every stop word of every lexicon, with the languages whose stop word it is."""
    table: dict[str, list[Language]] = {}
    for lang in Language:
        for word in lexicon(lang).stopwords:
            table.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in table.items()}


def language_scores(text: str) -> dict[Language, int]:
    """How many words of ``text`` are stop words of each language."""
    table = _stopword_languages()
    scores = dict.fromkeys(Language, 0)
    for word in _WORD.findall(text.lower()):
        langs = table.get(word)
        if langs is not None:
            for lang in langs:
                scores[lang] += 1
    return scores


#: Joins texts for :func:`language_scores_many`: upper case, so never a word of a lower-cased text.
_SEPARATOR = " RKTEXTBREAK "


def language_scores_many(texts: list[str]) -> list[dict[Language, int]]:
    """:func:`language_scores` of each text, with one pass of the word pattern over all of them."""
    table = _stopword_languages()
    everything = _SEPARATOR.join(text.lower() for text in texts)
    results: list[dict[Language, int]] = []
    scores = dict.fromkeys(Language, 0)
    for word in _WORD.findall(everything):
        if word == "RKTEXTBREAK":
            results.append(scores)
            scores = dict.fromkeys(Language, 0)
            continue
        langs = table.get(word)
        if langs is not None:
            for lang in langs:
                scores[lang] += 1
    if texts:
        results.append(scores)
    return results


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
