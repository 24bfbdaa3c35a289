"""Where the lexicon's terms occur in a statement: one pass per term and language, indexed by unit.

Each section is matched with the lexicon of its own language, so a bilingual statement (Finnish and Swedish
halves) is read with both. A term's regular expression runs over the lower-cased text of all units of a language
(joined with a separator no pattern crosses), only at the word starts that can begin it, and matches are mapped
back to units by offset. Compound patterns (``\\w*eväst\\w*``) are searched for their stem and extended back to
the start of the word, which avoids the backtracking a leading ``\\w*`` costs at every word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from attrs import define

from rekisterikit.lint.lexicon import fold, lexicon
from rekisterikit.lint.structure import Structure, Unit
from rekisterikit.model.values import Language

__all__ = ["Analysis", "Hit"]

_SEPARATOR = "\x00"
_WORD_START = re.compile(r"(?<!\w)\w")
# Above this many candidate word starts per character of text, one full scan is cheaper than trying each start
# (measured on CPython 3.11; trying word starts wins on statement text for almost every term).
_MATCH_COST = 2


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@define(frozen=True, kw_only=True)
class Hit:
    """A term found in a unit: the unit's index, the matched text and where it starts in the scanned text."""

    unit: int
    text: str
    start: int = 0


class Analysis:
    """The term index of one statement; terms are matched on first use and cached."""

    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        self._texts: dict[Language, tuple[str, str, list[int], list[int]]] = {}
        by_language: dict[Language, list[Unit]] = {}
        for unit in structure.units:
            lang = structure.sections[unit.section].language
            by_language.setdefault(lang, []).append(unit)
        for lang, units in by_language.items():
            offsets: list[int] = []
            indices: list[int] = []
            position = 0
            for unit in units:
                offsets.append(position)
                indices.append(unit.index)
                position += len(unit.text) + 1
            text = _SEPARATOR.join(u.text for u in units)
            self._texts[lang] = (text, fold(text), offsets, indices)
        self._hits: dict[str, tuple[Hit, ...]] = {}
        self._units: dict[tuple[tuple[str, ...], bool], frozenset[int]] = {}
        self._starts: dict[Language, dict[str, list[int]]] = {}
        self._by_unit: dict[str, dict[int, dict[str, None]]] = {}
        self._sections: dict[tuple[str, ...], frozenset[int]] = {}

    @property
    def units(self) -> tuple[Unit, ...]:
        """All units of the statement."""
        return self.structure.units

    def _word_starts(self, lang: Language) -> dict[str, list[int]]:
        """Word-start offsets of the folded text of ``lang``, by first character."""
        index = self._starts.get(lang)
        if index is None:
            index = {}
            for match in _WORD_START.finditer(self._texts[lang][1]):
                index.setdefault(match.group(), []).append(match.start())
            self._starts[lang] = index
        return index

    def _scan(self, key: str) -> tuple[Hit, ...]:
        found: list[Hit] = []
        for lang, (text, folded, offsets, indices) in self._texts.items():
            entry = lexicon(lang).term(key)
            spans: list[tuple[int, int]] = []
            if entry.folded is not None and entry.starts is None:
                spans = [m.span() for m in entry.folded.finditer(folded)]
            elif entry.folded is not None and entry.starts is not None:
                starts = self._word_starts(lang)
                lists = [starts[c] for c in entry.starts if c in starts]
                if sum(map(len, lists)) * _MATCH_COST > len(folded):
                    spans = [m.span() for m in entry.folded.finditer(folded)]
                else:
                    # Try the term only at word starts that can begin it: far fewer attempts than a full scan.
                    match = entry.folded.match
                    for positions in lists:
                        for position in positions:
                            m = match(folded, position)
                            if m is not None:
                                spans.append(m.span())
            if entry.infix is not None:
                # Compounds: find the stem anywhere and take the match from the start of its word.
                for m in entry.infix.finditer(folded):
                    start = m.start()
                    while start > 0 and _is_word_char(folded[start - 1]):
                        start -= 1
                    spans.append((start, m.end()))
            for start, end in spans:
                if start != end:
                    found.append(Hit(unit=indices[bisect_right(offsets, start) - 1], text=text[start:end],
                                     start=start))
        found.sort(key=lambda h: (h.unit, h.start))
        return tuple(found)

    def offset(self, unit: int) -> int:
        """Where ``unit`` starts in the scanned text of its language (a :class:`Hit`'s ``start`` minus this is the
        hit's position in the unit's text)."""
        lang = self.structure.sections[self.structure.units[unit].section].language
        _, _, offsets, indices = self._texts[lang]
        return offsets[bisect_left(indices, unit)]

    def hits(self, key: str) -> tuple[Hit, ...]:
        """Every occurrence of term ``key``, ordered by unit."""
        cached = self._hits.get(key)
        if cached is None:
            cached = self._hits[key] = self._scan(key)
        return cached

    def units_with(self, *keys: str, headings: bool = False) -> frozenset[int]:
        """Indices of the units where any of the terms ``keys`` occurs (headings only if ``headings``)."""
        cache_key = (keys, headings)
        cached = self._units.get(cache_key)
        if cached is not None:
            return cached
        units = self.structure.units
        result = frozenset(h.unit for key in keys for h in self.hits(key) if headings or not units[h.unit].heading)
        self._units[cache_key] = result
        return result

    def terms_in(self, key: str, unit: int) -> tuple[str, ...]:
        """The texts of term ``key`` found in ``unit``, in order, lower case, without repeats."""
        by_unit = self._by_unit.get(key)
        if by_unit is None:
            by_unit = {}
            for hit in self.hits(key):
                by_unit.setdefault(hit.unit, {}).setdefault(" ".join(hit.text.split()).lower(), None)
            self._by_unit[key] = by_unit
        return tuple(by_unit.get(unit, ()))

    def in_sections(self, *kinds: str) -> frozenset[int]:
        """Body units of the sections about any of ``kinds``."""
        cached = self._sections.get(kinds)
        if cached is None:
            cached = self._sections[kinds] = self.structure.units_in(kinds)
        return cached

    def body(self) -> frozenset[int]:
        """Every unit that is not a heading."""
        return frozenset(u.index for u in self.structure.units if not u.heading)

    def first(self, units: Iterable[int]) -> Unit | None:
        """The earliest of ``units``, or ``None``."""
        chosen = min(units, default=None)
        return None if chosen is None else self.structure.units[chosen]
