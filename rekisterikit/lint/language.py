"""Language detection by stop-word scoring.

Each lexicon lists frequent function words of its language (``ja``, ``on``, ``ei`` / ``och``, ``att``, ``det`` /
``the``, ``and``, ``of``). A text's score for a language is how many of its words are in that list; the highest
score wins, and a tie or a text without any such word falls back to the given default (Finnish unless told
otherwise). It is crude but reliable on statements, which are long and full of function words; ``--lang``
overrides it.

A word is what :data:`WORD` matches: a run of letters, optionally joined to a second run by an apostrophe. The
scoring does not run that expression over the text, which costs most of the time on a large statement; it reaches
the same words with the string and bytes methods of the standard library (see :func:`stopword_codes`), and a
differential test holds the two to the same scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rekisterikit.lint.lexicon import lexicon
from rekisterikit.model.values import Language

__all__ = [
    "BREAK_CODE",
    "MARKS",
    "SEPARATOR",
    "WORD",
    "apostrophe_chunks",
    "code_table",
    "detect_language",
    "is_letter",
    "language_scores",
    "language_scores_many",
    "stopword_codes",
    "stopword_codes_of",
    "stopword_table",
    "word_bytes",
]

#: A word: letters (``[^\W\d_]``: a word character that is neither a decimal digit nor ``_``), optionally joined
#: to more letters by one apostrophe (``it's``, ``don’t``).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WORD = WORD

_LANGUAGES = tuple(Language)
#: One byte per language in the code strings of :func:`stopword_codes`, in :class:`Language` order.
MARKS = tuple(bytes([ord("a") + i]) for i in range(len(_LANGUAGES)))
#: Joins texts for :func:`word_bytes`: upper case, so never a word of a lower-cased text.
SEPARATOR = " RKTEXTBREAK "
_BREAK = b"RKTEXTBREAK"
#: The mark of the text break in the code strings (what :data:`SEPARATOR` becomes).
BREAK_CODE = b"|"
_ENCODING = ("utf-8", "surrogatepass")  # a lone surrogate (from a JSON escape) is a non-letter, not an error

#: ASCII bytes as the word scan sees them: letters stay, the apostrophe stays, every other ASCII byte separates
#: words (digits, ``_`` and punctuation are not letters). Bytes of non-ASCII characters are handled per character.
_ASCII_WORDS = bytes(c if chr(c).isalpha() or c == ord("'") or c >= 0x80 else ord(" ") for c in range(256))
_ASCII = bytes(range(0x80))


def is_letter(char: str) -> bool:
    """Whether ``char`` is a letter in the sense of :data:`WORD` (``[^\\W\\d_]``).

    ``\\w`` is :meth:`str.isalnum` or ``_`` and ``\\d`` is :meth:`str.isdecimal` for the regular-expression engine,
    so a letter is an alphanumeric character that is not a decimal digit (a test checks every code point).
    """
    return char.isalnum() and not char.isdecimal()


@cache
def _stopword_languages() -> dict[str, tuple[Language, ...]]:
    """Every stop word of every lexicon, with the languages whose stop word it is."""
    table: dict[str, list[Language]] = {}
    for lang in Language:
        for word in lexicon(lang).stopwords:
            table.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in table.items()}


def _code(langs: tuple[Language, ...]) -> bytes:
    return b"".join(MARKS[_LANGUAGES.index(lang)] for lang in langs)


@cache
def stopword_table() -> dict[bytes, bytes]:
    """Each stop word (UTF-8) with the marks of its languages, and the text break with its own mark."""
    codes = {word.encode(*_ENCODING): _code(langs) for word, langs in _stopword_languages().items()}
    codes[_BREAK] = BREAK_CODE
    return codes


def word_bytes(joined: str) -> bytes:
    """``joined`` as UTF-8 with every character that is neither a letter nor an apostrophe made a space.

    Non-ASCII letters keep their bytes; the typographic apostrophe becomes ``'``. UTF-8 is self-synchronising, so
    replacing a character's bytes never touches another character. Split on white space, the result is the words
    of :data:`WORD`, except that a chunk holding an apostrophe may be more than one word
    (:func:`apostrophe_chunks`).
    """
    raw = joined.encode(*_ENCODING)
    if not raw.isascii():
        others = set(raw.translate(None, _ASCII).decode(*_ENCODING))
        for char in others:
            if not is_letter(char):
                raw = raw.replace(char.encode(*_ENCODING), b"'" if char == "’" else b" ")
    return raw.translate(_ASCII_WORDS)


def apostrophe_chunks(words: bytes) -> set[bytes]:
    """The space-separated chunks of :func:`word_bytes` output that hold an apostrophe."""
    found: set[bytes] = set()
    position = words.find(b"'")
    while position != -1:
        start = words.rfind(b" ", 0, position) + 1
        end = words.find(b" ", position)
        if end == -1:
            end = len(words)
        found.add(words[start:end])
        position = words.find(b"'", end)
    return found


def code_table(words: bytes, chunks: list[bytes]) -> dict[bytes, bytes]:
    """Every distinct chunk of :func:`word_bytes` output (``chunks`` is ``words.split()``) with its code: the marks
    of its stop words, ``b""`` for the others, and the break between texts.

    A chunk with an apostrophe may be one word (``it's``) or several (``a'b'c`` is ``a'b`` and ``c``): it is read
    with :data:`WORD` itself. Every other chunk is exactly one word.
    """
    table = dict.fromkeys(chunks, b"")
    for word, code in stopword_table().items():
        if word in table:
            table[word] = code
    extra = apostrophe_chunks(words)
    if extra:
        languages = _stopword_languages()
        for chunk in extra:
            found = (languages.get(word) for word in _WORD.findall(chunk.decode(*_ENCODING)))
            table[chunk] = b"".join(_code(langs) for langs in found if langs is not None)
    return table


def stopword_codes_of(words: bytes, chunks: list[bytes] | None = None,
                      table: dict[bytes, bytes] | None = None) -> list[bytes]:
    """:func:`stopword_codes` of texts already read by :func:`word_bytes` (joined with :data:`SEPARATOR`).

    ``chunks`` (``words.split()``) and ``table`` (:func:`code_table`) when the caller has them already.
    """
    if chunks is None:
        chunks = words.split()
    if table is None:
        table = code_table(words, chunks)
    return b"".join(map(table.__getitem__, chunks)).split(BREAK_CODE)


def stopword_codes(lowered: Sequence[str]) -> list[bytes]:
    """For each lower-cased text, one mark per stop word in it per language it is a stop word of.

    The marks are ``b"a"``, ``b"b"``, ``b"c"`` in :class:`Language` order, so ``code.count(b"a")`` is the text's
    Finnish score. All texts are read in one pass: joined, encoded, every non-letter made a space, split into
    words, and each word looked up (:data:`WORD` itself reads only the few chunks that hold an apostrophe).
    """
    if not lowered:
        return []
    return stopword_codes_of(word_bytes(SEPARATOR.join(lowered)))


def _scores(code: bytes) -> dict[Language, int]:
    return {lang: code.count(mark) for lang, mark in zip(_LANGUAGES, MARKS, strict=True)}


def language_scores(text: str) -> dict[Language, int]:
    """How many words of ``text`` are stop words of each language."""
    return _scores(stopword_codes([text.lower()])[0])


def language_scores_many(texts: list[str]) -> list[dict[Language, int]]:
    """:func:`language_scores` of each text, with one pass over all of them."""
    return [_scores(code) for code in stopword_codes([text.lower() for text in texts])]


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
