"""Literal needles of a regular expression: a fast prefilter for searching many texts.

:func:`needles` reads a compiled pattern's syntax tree and returns literal strings such that every match of the
pattern starts with one of them, or ``None`` when the pattern has no such prefixes of a useful length. Searching a
large statement for the needles with :meth:`str.find` (a C loop) and running the regular expression only on the
texts that contain one is much faster than running an expression with many alternatives over every text.

Zero-width parts (``\\b``, look-ahead and look-behind) are skipped: they consume no characters, so the literals
around them are still contiguous in the text.

Two refinements use the needles further. When a pattern matches case-sensitively and its needles are written in
lower case (:func:`match_starts`), every match starts exactly where a needle does, so the expression need only be
tried at those places (``pattern.match(text, position)``, leftmost first, finds what ``pattern.search`` finds).
And a needle can only occur in a text whose words hold its letter and digit runs (:func:`pieces`): checking those
against the statement's vocabulary proves most needles absent without reading the statement's text again.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from rekisterikit.lint.language import is_letter

__all__ = ["MIN_LENGTH", "Piece", "match_starts", "needles", "pieces"]

#: The shortest needle worth searching for; shorter prefixes make the pattern fall back to a full search.
MIN_LENGTH = 3
#: The most needles one pattern may have.
MAX_NEEDLES = 64

try:  # the regular-expression parser of the standard library (``sre_parse`` before Python 3.11)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re module is laid out otherwise: no prefilter
    _p = _c = None


class _TooMany(Exception):
    pass


class _CaseInsensitive(Exception):
    pass


def _prefixes(items: Any, strict: bool = False) -> tuple[list[str], bool]:
    """The literal prefixes of a sequence of nodes, and whether the whole sequence was literal."""
    acc = [""]
    for op, av in items:
        if op is _c.LITERAL:
            acc = [a + chr(av) for a in acc]
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        elif op is _c.IN and len(av) <= 4 and all(kind is _c.LITERAL for kind, _ in av):
            acc = [a + chr(code) for a in acc for _, code in av]  # a small set such as [ -]
        elif op is _c.BRANCH or op is _c.SUBPATTERN:
            if strict and op is _c.SUBPATTERN and av[1] & re.IGNORECASE:  # (?i:…) inside the pattern
                raise _CaseInsensitive
            alternatives = av[1] if op is _c.BRANCH else [av[3]]
            parts = [_prefixes(alt, strict) for alt in alternatives]
            acc = [a + s for a in acc for found, _ in parts for s in found]
            if len(acc) > MAX_NEEDLES:
                raise _TooMany
            if not all(complete for _, complete in parts):
                return acc, False
        else:
            return acc, False
    return acc, True


@cache
def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case literals one of which starts every match of ``pattern``, or ``None`` when there are none.

    Cached per pattern (compiled patterns are hashable and live as long as their module).
    """
    if _p is None or pattern.flags & re.VERBOSE:
        return None
    try:
        found, _ = _prefixes(_p.parse(pattern.pattern, pattern.flags))
    except (_TooMany, re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    lowered = sorted({n.lower() for n in found})
    if not lowered or any(len(n) < MIN_LENGTH for n in lowered):
        return None
    return tuple(lowered)


@cache
def match_starts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """:func:`needles`, when they are exactly the starts of the pattern's matches in lower-cased text.

    That is so when the pattern matches case-sensitively (no ``re.IGNORECASE``, no ``(?i:…)`` around a needle's
    literals), its needles are written in lower case and none holds ``\\0`` (the separator of the texts). Then a
    match in a lower-cased text starts where one of them occurs, and nowhere else. ``None`` otherwise.
    """
    found = needles(pattern)
    if found is None or pattern.flags & re.IGNORECASE or _p is None:
        return None
    try:
        raw, _ = _prefixes(_p.parse(pattern.pattern, pattern.flags), strict=True)
    except (_CaseInsensitive, _TooMany, re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    if any(n != n.lower() or "\0" in n for n in raw):
        return None
    return found


class Piece(NamedTuple):
    """A run of letters or of ASCII digits in a needle, and whether the needle bounds it on either side."""

    text: bytes
    digits: bool
    starts_word: bool
    ends_word: bool


def _kind(char: str) -> int:
    if "0" <= char <= "9":
        return 2
    return 1 if is_letter(char) else 0


@cache
def pieces(needle: str) -> tuple[Piece, ...]:
    """The maximal runs of letters (as :func:`rekisterikit.lint.language.is_letter` has them) and of ASCII digits
    in ``needle``, as UTF-8.

    Where the needle occurs in a text, each of its runs lies in one run of the same kind in the text: the whole of it
    when the needle has other characters on both sides of the run (``starts_word`` and ``ends_word``), its start
    or end when on one side. A run with nothing of the needle before it may begin anywhere in the text's run.
    """
    found: list[Piece] = []
    i = 0
    while i < len(needle):
        kind = _kind(needle[i])
        if not kind:
            i += 1
            continue
        j = i
        while j < len(needle) and _kind(needle[j]) == kind:
            j += 1
        found.append(Piece(needle[i:j].encode("utf-8", "surrogatepass"), kind == 2, i > 0, j < len(needle)))
        i = j
    return tuple(found)
