"""Literal needles of a regular expression: a fast prefilter for searching many texts.

:func:`needles` reads a compiled pattern's syntax tree and returns literal strings such that every match of the
pattern starts with one of them, or ``None`` when the pattern has no such prefixes of a useful length. Searching a
large statement for the needles with :meth:`str.find` (a C loop) and running the regular expression only on the
texts that contain one is much faster than running an expression with many alternatives over every text.

Zero-width parts (``\\b``, look-ahead and look-behind) are skipped: they consume no characters, so the literals
around them are still contiguous in the text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["MIN_LENGTH", "needles"]

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


def _prefixes(items: Any) -> tuple[list[str], bool]:
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
            alternatives = av[1] if op is _c.BRANCH else [av[3]]
            parts = [_prefixes(alt) for alt in alternatives]
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
