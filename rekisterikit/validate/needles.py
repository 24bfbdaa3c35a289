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
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from itertools import accumulate
from typing import Any, NamedTuple

__all__ = [
    "MIN_LENGTH",
    "Joined",
    "Needs",
    "Piece",
    "Plan",
    "Text",
    "alternatives",
    "automaton_available",
    "index_pieces",
    "joinable",
    "match_starts",
    "may_match",
    "needles",
    "piece_finder",
    "piece_key",
    "pieces",
    "plan",
    "possible",
    "search",
    "twin",
    "whole_pieces",
    "word_literals",
]

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
    # A letter as rekisterikit.lint.language.is_letter has it (the class [^\W\d_]), without importing the linter.
    return 1 if char.isalnum() and not char.isdecimal() else 0


@cache
def pieces(needle: str) -> tuple[Piece, ...]:
    """The maximal runs of letters (as ``rekisterikit.lint.language.is_letter`` has them) and of ASCII digits
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


@cache
def whole_pieces(needle: str) -> tuple[Piece, ...]:
    """:func:`pieces` of a needle found with no letter or digit run going on past either of its ends: its first run
    starts a run of the text and its last run ends one (made once per needle)."""
    runs = list(pieces(needle))
    if runs:
        runs[0] = runs[0]._replace(starts_word=True)
        runs[-1] = runs[-1]._replace(ends_word=True)
    return tuple(runs)


def _required(items: Any) -> list[str] | None:
    """Literals one of which every match of a sequence of nodes contains, or ``None`` when none was found.

    Of the groups :func:`_required_all` finds, the one whose shortest literal is longest, then the one with fewest
    literals.
    """
    candidates = _required_all(items)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _required_all(items: Any) -> list[list[str]]:
    """Groups of literals such that every match of a sequence of nodes contains one literal of each group.

    A run of literal nodes (zero-width parts between them skipped) is required as a whole; a group, an alternation
    (one of its alternatives' literals) or a repeat of at least once is required as its body is.
    """
    candidates: list[list[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            if op is not _c.AT and _has_case_flags(av[1]):
                raise _CaseInsensitive
            continue
        if run:
            candidates.append([run])
            run = ""
        found: list[str] | None = None
        if op is _c.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE:
                raise _CaseInsensitive
            found = _required(av[3])
        elif op is _c.BRANCH:
            parts = [_required(alt) for alt in av[1]]
            found = None if any(p is None for p in parts) else [s for p in parts if p for s in p]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE) and av[0] >= 1:
            found = _required(av[2])
        elif op is _ATOMIC:
            found = _required(av)
        elif _has_case_flags(av):
            raise _CaseInsensitive
        if found:
            candidates.append(found)
    if run:
        candidates.append([run])
    return candidates


def _has_case_flags(av: Any) -> bool:
    """Whether a node's argument holds a group that turns case-insensitive matching on or off."""
    if isinstance(av, _p.SubPattern):
        return any(_node_has_case_flags(op, sub) for op, sub in av.data)
    if isinstance(av, (list, tuple)):
        return any(_has_case_flags(x) for x in av)
    return False


def _node_has_case_flags(op: Any, av: Any) -> bool:
    if op is _c.SUBPATTERN and (av[1] | av[2]) & re.IGNORECASE:
        return True
    return _has_case_flags(av)


_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", object()) if _c is not None else None
_ATOMIC = getattr(_c, "ATOMIC_GROUP", object()) if _c is not None else None


class Plan(NamedTuple):
    """How :func:`search` may skip work for a pattern."""

    ignore_case: bool
    starts: tuple[str, ...] | None
    #: For each top-level alternative, groups of literals: a match of it holds a literal of each group.
    required: tuple[tuple[tuple[str, ...], ...], ...] | None
    #: The literals of the first group of every alternative: a match holds one of them (a quick first test).
    quick: tuple[str, ...] | None


def _latin1(strings: Iterable[str] | None) -> bool:
    return strings is not None and all(ord(c) < 0x100 for s in strings for c in s)


def _branches(parsed: Any) -> list[Any]:
    """The top-level alternatives of a parsed pattern (the pattern itself when it is not an alternation)."""
    if len(parsed.data) == 1 and parsed.data[0][0] is _c.BRANCH:
        return list(parsed.data[0][1][1])
    return [parsed]


def _required_by_branch(parsed: Any, lower: bool) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    entries = []
    for branch in _branches(parsed):
        groups = [g for g in _required_all(branch.data) if min(map(len, g)) >= 2]
        if not groups:
            return None
        entries.append(tuple(tuple(sorted({s.lower() for s in g} if lower else set(g))) for g in groups))
    return tuple(entries)


@cache
def plan(pattern: re.Pattern[str]) -> Plan | None:
    """What :func:`search` knows of ``pattern``: the literals its matches start with and, for each of its top-level
    alternatives, groups of literals of which a match holds one each; ``None`` when neither is known.

    A case-insensitive pattern's literals are lower-cased and kept only when they are Latin-1: on a Latin-1 text
    the expression engine's case-insensitive match of a Latin-1 character is exactly equality in lower case, and
    lower-casing keeps every position (a test checks both over all 256 × 256 pairs).
    """
    if _p is None:
        return None
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    starts: tuple[str, ...] | None = None
    required: tuple[tuple[tuple[str, ...], ...], ...] | None = None
    try:
        raw, _ = _prefixes(parsed, strict=True)
        if raw and all(len(s) >= MIN_LENGTH for s in raw):
            starts = tuple(sorted({s.lower() for s in raw} if ignore_case else set(raw)))
    except (_CaseInsensitive, _TooMany, RecursionError, TypeError, ValueError, AttributeError):
        starts = None
    try:
        required = _required_by_branch(parsed, ignore_case)
    except (_CaseInsensitive, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        required = None
    if ignore_case:
        starts = starts if _latin1(starts) else None
        if required is not None and not _latin1(s for entry in required for group in entry for s in group):
            required = None
    if starts is None and required is None:
        return None
    quick = None if required is None else tuple(sorted({s for entry in required for s in entry[0]}))
    return Plan(ignore_case, starts, required, quick)


#: Texts shorter than this are searched as they are: the expression is quicker than looking for literals first,
#: unless it is case-insensitive and starts with no literal (then its twin runs on the lower-cased text).
SHORT = 80
#: plan() and twin() by the pattern's id: hashing a compiled pattern hashes its code, which costs more than the
#: search.
_PLANS: dict[int, tuple[re.Pattern[str], Plan | None, re.Pattern[str] | None, bool]] = {}


def _entry(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], Plan | None, re.Pattern[str] | None, bool]:
    """The pattern, its plan, its twin, and whether a short text is searched as it is."""
    entry = _PLANS.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # the entry keeps its pattern alive, so the id stays its own
        known = plan(pattern)
        as_is = known is None or not known.ignore_case or known.starts is not None
        entry = _PLANS[id(pattern)] = (pattern, known, twin(pattern), as_is)
    return entry


def _plan_of(pattern: re.Pattern[str]) -> Plan | None:
    return _entry(pattern)[1]


def _lower_latin1(code: int) -> bool:
    """Whether a character of a pattern is Latin-1 and its own lower case. (A character outside Latin-1 may match a
    Latin-1 one case-insensitively: ``μ`` the micro sign ``µ``, ``ſ`` an ``s``.)"""
    return code < 0x100 and chr(code).lower() == chr(code)


def _lower_case_only(items: Any) -> bool:
    """Whether a parsed pattern names only Latin-1 characters in lower case (in literals, sets and ranges), and no
    group in it turns case-insensitive matching on or off."""
    for op, av in items:
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            if not _lower_latin1(av):
                return False
        elif op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL and not _lower_latin1(value):
                    return False
                if kind is _c.RANGE and not all(map(_lower_latin1, range(value[0], value[1] + 1))):
                    return False
        elif op is _c.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE or not _lower_case_only(av[3]):
                return False
        elif op is _c.BRANCH:
            if not all(_lower_case_only(alt) for alt in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE):
            if not _lower_case_only(av[2]):
                return False
        elif op is _ATOMIC:
            if not _lower_case_only(av):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _lower_case_only(av[1]):
                return False
        elif op is _c.GROUPREF_EXISTS:
            if not all(branch is None or _lower_case_only(branch) for branch in av[1:]):
                return False
        elif op not in (_c.ANY, _c.AT, _c.GROUPREF, _c.CATEGORY):
            return False  # a node not read here: no twin
    return True


@cache
def twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive pattern that names no upper-case character: the same pattern, case-sensitive, which on
    the lower-cased form of a Latin-1 text matches where the pattern matches in the text; else ``None``.

    On Latin-1 text the engine's case-insensitive match of a character is equality in lower case, and lower-casing
    keeps every position (:func:`plan`); a pattern all in lower case then asks of the lower-cased text exactly
    what it asks of the text, case-insensitively. The case-insensitive engine is several times slower.
    """
    if _p is None or not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        if not _lower_case_only(parsed.data):
            return None
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    except (re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        return None


def _is_latin1(text: str) -> bool:
    # Encoding with "ignore" drops what Latin-1 lacks without raising (an exception costs more than the encoding).
    return text.isascii() or len(text.encode("latin-1", "ignore")) == len(text)


class Text(NamedTuple):
    """A text prepared for :func:`may_match` against many patterns: lower-cased once, and whether it is Latin-1."""

    text: str
    lower: str
    latin1: bool

    @classmethod
    def of(cls, text: str) -> Text:
        """Prepare ``text``."""
        return cls(text, text.lower(), _is_latin1(text))


def may_match(pattern: re.Pattern[str], text: str | Text) -> bool:
    """Whether ``pattern`` may match in ``text`` or in any part of it; ``False`` proves that it matches nowhere.

    ``False`` when, for every top-level alternative, the text lacks a literal that alternative's matches hold
    (:func:`plan`); a part of a text lacks what the whole lacks, so several texts can be ruled out at once by
    joining them. Pass a :class:`Text` to check one text against many patterns.
    """
    known = _plan_of(pattern)
    if known is None or known.required is None:
        return True
    if not isinstance(text, Text):
        text = Text.of(text)
    hay = text.lower if known.ignore_case else text.text
    if known.ignore_case and not text.latin1:
        return True
    return any(map(hay.__contains__, known.quick or ())) and possible(known.required, hay)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, faster when the pattern has literals to look for (:func:`plan`).

    When the text lacks, for every alternative, a literal that alternative's matches hold, there is no match;
    otherwise the expression is tried only where one of the literals every match starts with occurs, leftmost
    first, which finds the match ``pattern.search`` finds. A case-insensitive pattern without such literals runs
    as its case-sensitive :func:`twin` on the lower-cased text, and the match found there is taken again from
    the text itself. A case-insensitive pattern on a text that is not all Latin-1 is searched as is.
    """
    _, known, same, as_is = _entry(pattern)
    if known is None or (as_is and len(text) < SHORT):
        return pattern.search(text)
    if known.ignore_case:
        if not _is_latin1(text):
            return pattern.search(text)
        hay = text.lower()
    else:
        hay = text
    if known.required is not None and not (any(map(hay.__contains__, known.quick or ()))
                                           and possible(known.required, hay)):
        return None
    if same is not None:  # one pass of the case-sensitive twin: quicker than looking for each start literal
        found = same.search(hay)
        return None if found is None else pattern.match(text, found.start())
    if known.starts is None:
        return pattern.search(text)
    positions: set[int] = set()
    for start in known.starts:
        position = hay.find(start)
        while position != -1:
            positions.add(position)
            position = hay.find(start, position + 1)
    for position in sorted(positions):
        match = pattern.match(text, position)
        if match is not None:
            return match
    return None


#: The zero-width position that reads a line break as it reads a text's edge (``\B`` does not: the engine never
#: matches it in an empty text, but between two line breaks it does).
_AT_EDGE_SAFE = ("AT_BOUNDARY",)
#: The classes that never match a line break.
_CLASS_SAFE = ("CATEGORY_WORD", "CATEGORY_DIGIT", "CATEGORY_NOT_SPACE")


def _never_newline(items: Any, dotall: bool) -> bool:
    """Whether no part of a parsed pattern consumes ``\\n``, and every zero-width part reads a line break as it reads
    the start or end of the text (only ``\\b``, and look-arounds made of such parts)."""
    for op, av in items:
        if op is _c.LITERAL:
            if av == 0x0A:
                return False
        elif op is _c.ANY:
            if dotall:
                return False
        elif op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL and value == 0x0A:
                    return False
                if kind is _c.RANGE and value[0] <= 0x0A <= value[1]:
                    return False
                if kind is _c.CATEGORY and str(value) not in _CLASS_SAFE:
                    return False
                if kind is _c.NEGATE or kind not in (_c.LITERAL, _c.RANGE, _c.CATEGORY):
                    return False
        elif op is _c.AT:
            if str(av) not in _AT_EDGE_SAFE:
                return False
        elif op is _c.SUBPATTERN:
            if not _never_newline(av[3], (dotall or bool(av[1] & re.DOTALL)) and not av[2] & re.DOTALL):
                return False
        elif op is _c.BRANCH:
            if not all(_never_newline(alt, dotall) for alt in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE):
            if not _never_newline(av[2], dotall):
                return False
        elif op is _ATOMIC:
            if not _never_newline(av, dotall):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _never_newline(av[1], dotall):
                return False
        elif op is not _c.GROUPREF:  # a back reference matches what its group matched: no line break
            return False
    return True


_JOINABLE: dict[int, tuple[re.Pattern[str], bool]] = {}


def joinable(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` finds in texts joined by ``\\n`` exactly the matches it finds in each text: none of its
    parts matches a line break, and its only zero-width parts (``\\b``, look-arounds of such parts) read
    the line break between two texts as they read a text's start or end (a test tries every rule pattern)."""
    entry = _JOINABLE.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # the entry keeps its pattern alive, so the id stays its own
        try:
            known = _p is not None and _never_newline(_p.parse(pattern.pattern, pattern.flags).data,
                                                       bool(pattern.flags & re.DOTALL))
        except (re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
            known = False
        entry = _JOINABLE[id(pattern)] = (pattern, known)
    return entry[1]


def _word_edge(node: Any, direction: int) -> str | None:
    """``"b"`` for ``\\b``, ``"w"`` for ``(?<!\\w)`` (``direction`` -1) or ``(?!\\w)`` (1), else ``None``."""
    op, av = node
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return "b"
    if op is _c.ASSERT_NOT and av[0] == direction:
        body = list(av[1].data) if isinstance(av[1], _p.SubPattern) else list(av[1])
        if len(body) == 1 and body[0][0] is _c.IN and list(body[0][1]) == [(_c.CATEGORY, _c.CATEGORY_WORD)]:
            return "w"
    return None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_WORD_LITERALS: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def word_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a pattern made only of literals with a word edge on both sides (``(?<!\\w)(?:google|youtube)(?!\\w)``,
    ``\\bhotjar\\b``), the literals, lower-cased when the pattern ignores case; else ``None``.

    Where such a pattern matches, no word character (``\\w``: letters, digits, ``_``) precedes or follows the
    literal it matched, so its first and last runs of letters or digits are whole runs of the text (a ``\\b`` counts
    only beside a literal's word character, where it means just that). A case-insensitive pattern qualifies only with
    Latin-1 literals (:func:`plan`).
    """
    entry = _WORD_LITERALS.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # the entry keeps its pattern alive, so the id stays its own
        entry = _WORD_LITERALS[id(pattern)] = (pattern, _word_literals(pattern))
    return entry[1]


def _word_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if _p is None or pattern.flags & re.VERBOSE:
        return None
    try:
        data = list(_p.parse(pattern.pattern, pattern.flags).data)
    except (re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        return None
    if len(data) < 3:
        return None
    before, after = _word_edge(data[0], -1), _word_edge(data[-1], 1)
    if before is None or after is None:
        return None
    middle = data[1:-1]
    alternatives = middle[0][1][1] if len(middle) == 1 and middle[0][0] is _c.BRANCH else [middle]
    found: list[str] = []
    for alternative in alternatives:
        if not alternative or not all(op is _c.LITERAL for op, _ in alternative):
            return None
        literal = "".join(chr(code) for _, code in alternative)
        if (before == "b" and not _is_word_char(literal[0])) or (after == "b" and not _is_word_char(literal[-1])):
            return None
        found.append(literal)
    if pattern.flags & re.IGNORECASE:
        found = [literal.lower() for literal in found]
        if not _latin1(found):
            return None
    return tuple(found)

class Joined:
    """Texts joined by line breaks, to find with few passes of a pattern which of them it matches
    (:meth:`next_match`).

    Made once for a set of texts and asked about many patterns; what is found for a pattern is kept (by the pattern's
    id, for as long as the object lives: one validation), so asking about the texts in order reads the joined text
    at most once per pattern.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = list(texts)
        self._joined = "\n".join(self.texts)
        self._starts = list(accumulate(map(len, self.texts[:-1]), lambda at, n: at + n + 1, initial=0))
        self._prepared: Text | None = None
        self._known: dict[int, tuple[int, int | None]] = {}  # (from, the first text from there it matches)

    def next_match(self, pattern: re.Pattern[str], index: int = 0) -> int | None:
        """The index of the first text from ``index`` on in which ``pattern.search`` finds a match, or ``None``."""
        known = self._known.get(id(pattern))
        if known is not None and known[0] <= index and (known[1] is None or index <= known[1]):
            return known[1]  # nothing matches between where the last search began and what it found
        found = self._next(pattern, index)
        self._known[id(pattern)] = (index, found)
        return found

    def _next(self, pattern: re.Pattern[str], index: int) -> int | None:
        if index >= len(self.texts):
            return None
        if self._prepared is None:
            self._prepared = Text.of(self._joined)
        prepared = self._prepared
        _, known, same, _ = _entry(pattern)
        if not joinable(pattern):
            if not may_match(pattern, prepared):  # a literal every match holds is in none of the texts
                return None
            return next((i for i in range(index, len(self.texts)) if search(pattern, self.texts[i])), None)
        begin = self._starts[index]
        if known is not None and known.starts is not None and (prepared.latin1 or not known.ignore_case):
            # Every match starts where one of the start literals occurs (in the lower-cased text when the pattern
            # ignores case, which keeps every position of Latin-1 text): the expression is tried only there,
            # leftmost first, as search() does in one text.
            at = self._first_from(pattern, known, prepared, begin)
        else:
            if not may_match(pattern, prepared):
                return None
            hay, expression = (prepared.lower, same) if same is not None and prepared.latin1 else (prepared.text,
                                                                                                     pattern)
            match = expression.search(hay, begin)
            at = None if match is None else match.start()
        return None if at is None else bisect_right(self._starts, at) - 1

    @staticmethod
    def _first_from(pattern: re.Pattern[str], known: Plan, prepared: Text, begin: int) -> int | None:
        """Where the leftmost match of ``pattern`` from ``begin`` on starts, found by trying the expression only where
        a start literal of ``known`` occurs."""
        hay = prepared.lower if known.ignore_case else prepared.text
        text = prepared.text
        ahead = {start: hay.find(start, begin) for start in known.starts or ()}
        ahead = {start: position for start, position in ahead.items() if position != -1}
        while ahead:
            position = min(ahead.values())
            if pattern.match(text, position) is not None:
                return position
            for start in [s for s, p in ahead.items() if p == position]:
                following = hay.find(start, position + 1)
                if following == -1:
                    del ahead[start]
                else:
                    ahead[start] = following
        return None

#: What a match needs besides its start: groups of literals, one of each in the text; ``None``: nothing known.
Needs = tuple[tuple[str, ...], ...] | None


@cache
def alternatives(pattern: re.Pattern[str]) -> dict[str, tuple[Needs, ...]] | None:
    """For a pattern with :func:`match_starts`: for each needle, what a match starting with it needs elsewhere.

    The pattern's top-level alternatives are read one by one; for each needle, one entry per alternative that can
    start with it: ``None`` when nothing more is known, else groups of literals such that the match holds one
    literal of each group. A text that lacks a literal of some group of every entry of a needle has no match where
    that needle occurs. ``None`` when the pattern cannot be read so.
    """
    if match_starts(pattern) is None:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        needs: dict[str, list[Needs]] = {}
        for branch in _branches(parsed):
            starts, _ = _prefixes(branch, strict=True)
            groups = [g for g in _required_all(branch.data) if min(map(len, g)) >= 2]
            entry = tuple(tuple(g) for g in groups) or None
            for start in set(starts):
                needs.setdefault(start, []).append(entry)
    except (_CaseInsensitive, _TooMany, re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        return None
    return {start: tuple(entries) for start, entries in needs.items()}


def possible(needs: tuple[Needs, ...], text: str) -> bool:
    """Whether ``text`` has what one of the entries of :func:`alternatives` for a needle asks."""
    contains = text.__contains__
    for entry in needs:
        if entry is None:
            return True
        for group in entry:
            if not any(map(contains, group)):
                break
        else:
            return True
    return False


def _optional(name: str) -> Any:
    """The module ``name``, or ``None`` when it is not installed."""
    from importlib import import_module

    try:
        return import_module(name)
    except ImportError:  # pragma: no cover - depends on what is installed
        return None


#: An optional fast path (issue 18): with ``ahocorasick-rs``, every piece is looked for in one pass over a vocabulary;
#: without it, one pass per piece (the same answers: a test holds the two equal).
_aho = _optional("ahocorasick_rs")

#: The most keys the process-wide index of pieces holds, and the most times its automaton is made: past them, a
#: piece is looked for by passes as without the automaton (a rule that made its patterns from the statements' texts
#: would otherwise index every statement's pieces and make the automaton again for each).
MAX_INDEXED = 1024
MAX_BUILDS = 16
#: What validation has looked for by passes over a vocabulary (:func:`piece_key` of pieces), in order: the keys come
#: from the rules' patterns (about 120 for the built-in rules on the benchmark statement), not from the statements,
#: so they are kept for the life of the process as the patterns' plans are (:func:`plan`, :func:`needles`).
_INDEXED: dict[bytes, None] = {}
#: The automaton over the keys :data:`_INDEXED` held when it was made, those keys, and the same as a set.
_AUTOMATON: tuple[Any, tuple[bytes, ...], frozenset[bytes]] | None = None
_BUILDS = [0]  # how many times the automaton was made


def piece_key(piece: Piece) -> bytes:
    """What a piece that is no word of a vocabulary is looked for as in the vocabulary joined between line breaks: at
    a word's start (``\\n`` and the text), at its end (the text and ``\\n``), or anywhere in a word (the text)."""
    if piece.starts_word:
        return b"\n" + piece.text
    if piece.ends_word:
        return piece.text + b"\n"
    return piece.text


def automaton_available() -> bool:
    """Whether the optional ``ahocorasick-rs`` is installed (without it, nothing is indexed)."""
    return _aho is not None


def index_pieces(keys: Iterable[bytes]) -> None:
    """Add keys (:func:`piece_key`) to the process-wide index (:func:`piece_finder`); past :data:`MAX_INDEXED`, no
    more."""
    for key in keys:
        if len(_INDEXED) >= MAX_INDEXED:
            return
        _INDEXED.setdefault(key, None)


def piece_finder() -> tuple[frozenset[bytes], Any] | None:
    """The indexed keys (:func:`index_pieces`) and a function that gives those of them occurring in a text, all found
    in one pass; ``None`` without the optional ``ahocorasick-rs`` or before any key was indexed. The automaton is
    made again when keys were indexed since it was made, at most :data:`MAX_BUILDS` times."""
    global _AUTOMATON  # noqa: PLW0603 - one automaton per process, made again only as the index grows
    if _aho is None or not _INDEXED:
        return None
    made = _AUTOMATON
    if made is None or (len(made[1]) != len(_INDEXED) and _BUILDS[0] < MAX_BUILDS):
        _BUILDS[0] += 1
        keys = tuple(_INDEXED)
        automaton = _aho.BytesAhoCorasick(list(keys), implementation=_aho.Implementation.DFA)
        made = _AUTOMATON = (automaton, keys, frozenset(keys))
    automaton, keys, covered = made

    def find(text: bytes) -> set[bytes]:
        return {keys[index] for index, _, _ in automaton.find_matches_as_indexes(text, overlapping=True)}

    return covered, find
