"""The linter's lexicons: per-language data files of heading and term patterns, compiled once.

The lexicons are package data (``rekisterikit/lint/lexicons/<fi|sv|en>.toml`` plus ``common.toml`` for terms that
read the same in every language). Each entry has a ``catches`` text saying what it is meant to catch and a list of
regular-expression ``patterns``; a pattern is matched case-insensitively at the start of a word, and a space in it
matches any white space, so one stem (``säilyt\\w*``) catches the inflected forms of a Finnish word. A pattern
must match up to the end of a word: ``ei`` catches *ei* but not *eivät*; write ``\\w*`` where a stem may go on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from attrs import define

from rekisterikit.model.values import Language

__all__ = ["Entry", "Lexicon", "compile_patterns", "first_chars", "fold", "lexicon"]

_FLAGS = re.IGNORECASE | re.UNICODE


def _alternatives(patterns: tuple[str, ...]) -> str:
    return "|".join(p.replace(" ", r"\s+") for p in patterns)


def compile_patterns(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Compile lexicon patterns into one regular expression anchored at the start of a word.

    A literal space in a pattern becomes ``\\s+``. The expression ignores case; the term scanner of
    :class:`Lexicon` instead matches the lower-cased text, which is several times faster.
    """
    return re.compile(rf"(?<!\w)(?:{_alternatives(patterns)})(?!\w)", _FLAGS)


def _group_end(pattern: str, start: int) -> int:
    depth = 0
    j = start
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = pattern.index("]", j + 1) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_alternatives(pattern: str) -> list[str]:
    parts: list[str] = []
    depth = start = j = 0
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = pattern.index("]", j + 1) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:j])
            start = j + 1
        j += 1
    parts.append(pattern[start:])
    return parts


def _optional(pattern: str, at: int) -> bool:
    return at < len(pattern) and (pattern[at] in "?*" or pattern.startswith("{0", at))


_DIGITS = frozenset("0123456789")
_INFIX = (r"\w*", r"\w+")


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` when any word character can.

    Used to try a term only at the word starts that can begin it. Understands literals, escaped literals, ``\\d``,
    simple ``[…]`` classes and (optional) groups of alternatives; anything else (``\\w*…``) gives ``None``.
    """
    if not pattern:
        return None
    c = pattern[0]
    if c == "(":
        end = _group_end(pattern, 0)
        inner = pattern[1:end]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return None
        found: set[str] = set()
        for alternative in _top_alternatives(inner):
            chars = first_chars(alternative)
            if chars is None:
                return None
            found |= chars
        if _optional(pattern, end + 1):
            rest = pattern[end + 2:].lstrip(" ") if pattern[end + 1] in "?*" else None
            after = first_chars(rest) if rest else None
            if after is None:
                return None
            found |= after
        return frozenset(found)
    if c == "[":
        end = pattern.index("]", 1)
        body = pattern[1:end]
        if not body or body[0] == "^" or "-" in body[1:-1] or "\\" in body or _optional(pattern, end + 1):
            return None
        return frozenset(body)
    if c == "\\":
        if len(pattern) < 2 or _optional(pattern, 2):
            return None
        if pattern[1] == "d":
            return _DIGITS
        return None if pattern[1].isalnum() else frozenset(pattern[1])
    if c in ".^$|)*+?{ " or _optional(pattern, 1):
        return None
    return frozenset(c)


def fold(text: str) -> str:
    """``text`` in lower case, character for character (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@define(frozen=True, kw_only=True)
class Entry:
    """One lexicon entry: what it catches and its compiled patterns.

    Attributes:
        key: the entry's name (``"retention"``), the same in every language.
        catches: what the entry is meant to catch, in words.
        patterns: the source patterns.
        regex: the compiled alternation of the patterns, ignoring case.
        folded: for text already in lower case (see :func:`fold`), which is much faster: the patterns that start
            at a word start (``None`` if every pattern is a compound infix).
        starts: the characters a ``folded`` match can start with (``None``: any), to try it only where it can.
        infix: for lower-case text, the compound patterns (``\\w*eväst\\w*``) without their leading ``\\w*``:
            found anywhere, then extended back to the start of the word.
        label: for a heading, the heading the linter names when the section is absent.
    """

    key: str
    catches: str
    patterns: tuple[str, ...]
    regex: re.Pattern[str]
    folded: re.Pattern[str] | None
    starts: frozenset[str] | None
    infix: re.Pattern[str] | None = None
    label: str | None = None


    def find_folded(self, folded: str) -> int | None:
        """Where the entry first matches in lower-case text (see :func:`fold`), or ``None``."""
        found: list[int] = []
        if self.folded is not None:
            match = self.folded.search(folded)
            if match is not None:
                found.append(match.start())
        if self.infix is not None:
            match = self.infix.search(folded)
            if match is not None:
                start = match.start()
                while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                    start -= 1
                found.append(start)
        return min(found) if found else None


@define(frozen=True, kw_only=True)
class Lexicon:
    """The compiled lexicon of one language.

    Attributes:
        language: the language.
        stopwords: frequent function words, for language detection.
        headings: section kind → entry matching its headings.
        terms: term key → entry, including the language-independent ones.
    """

    language: Language
    stopwords: frozenset[str]
    headings: Mapping[str, Entry]
    terms: Mapping[str, Entry]

    def term(self, key: str) -> Entry:
        """The term entry ``key``.

        Raises:
            KeyError: the lexicon has no such term.
        """
        return self.terms[key]

    def label(self, kind: str) -> str:
        """The heading named for an absent section of ``kind``."""
        entry = self.headings.get(kind)
        return entry.label if entry is not None and entry.label else kind


def _read(name: str) -> dict[str, Any]:
    data = files("rekisterikit.lint").joinpath("lexicons", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


def _entries(table: Mapping[str, Any], where: str) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for key, value in table.items():
        catches = value.get("catches", "")
        patterns = tuple(value.get("patterns", ()))
        if not catches.strip() or not patterns:
            raise ValueError(f"lexicon entry {where}.{key} needs 'catches' and 'patterns'")
        anchored = tuple(p for p in patterns if not p.startswith(_INFIX))
        infixes = tuple(p[3:] for p in patterns if p.startswith(_INFIX))
        try:
            regex = compile_patterns(patterns)
            folded = re.compile(rf"(?<!\w)(?:{_alternatives(anchored)})(?!\w)") if anchored else None
            infix = re.compile(rf"(?:{_alternatives(infixes)})(?!\w)") if infixes else None
        except re.error as exc:
            raise ValueError(f"lexicon entry {where}.{key}: bad pattern ({exc})") from None
        starts: set[str] | None = set()
        for pattern in anchored:
            chars = first_chars(pattern)
            if chars is None or starts is None:
                starts = None
            else:
                starts |= chars
        entries[key] = Entry(key=key, catches=catches, patterns=patterns, regex=regex, folded=folded,
                             starts=frozenset(starts) if starts is not None else None, infix=infix,
                             label=value.get("label"))
    return entries


@cache
def lexicon(language: Language | str) -> Lexicon:
    """The compiled lexicon of ``language`` (``"fi"``, ``"sv"``, ``"en"``), loaded once.

    Raises:
        ValueError: a lexicon file is malformed (a missing ``catches``, a bad pattern).
    """
    lang = Language(language)
    data = _read(f"{lang.value}.toml")
    common = _read("common.toml")
    terms = _entries(data.get("terms", {}), f"{lang.value}.terms")
    for key, entry in _entries(common.get("terms", {}), "common.terms").items():
        terms.setdefault(key, entry)
    return Lexicon(language=lang, stopwords=frozenset(data.get("stopwords", ())),
                   headings=_entries(data.get("headings", {}), f"{lang.value}.headings"), terms=terms)
