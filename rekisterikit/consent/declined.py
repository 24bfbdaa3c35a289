"""Which of a request's cookies a consent decision declines: precomputed once per statement, answered per request.

:class:`DeclinedIndex` turns the statement's first-party cookie declarations (per optional category, and per
service for a category allowed in part) into a table of exact names and one expression of every ``*`` pattern.
A request is then answered by looking up each of *its* cookies — a handful — instead of walking every declared
cookie, so the cost does not grow with the statement. The answer, including its order, is the one
:meth:`ConsentService.declined_cookies <rekisterikit.consent.ConsentService.declined_cookies>` has always given:
the categories' cookies in category and declaration order, then the services', each ``*`` pattern's matches in
the request's order, every name once, never a kept (necessary or consent) cookie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase, translate

from attrs import define

from rekisterikit.model import CookieCategory

__all__ = ["DeclinedIndex", "Source"]


@define(frozen=True)
class Source:
    """One declared first-party cookie name or pattern: of a whole category, or of one service in it."""

    category: CookieCategory
    service: str | None
    pattern: str


class DeclinedIndex:
    """The declared first-party cookies of the optional categories and services, indexed by name.

    Args:
        sources: every declaration in the order answers list them.
        keep: names and ``*`` patterns never to decline (the consent cookie, the necessary cookies).
    """

    def __init__(self, sources: Sequence[Source], keep: Iterable[str]) -> None:
        self.sources = tuple(sources)
        self._exact: dict[str, list[int]] = {}
        self._patterns: list[tuple[int, str]] = []
        for index, source in enumerate(self.sources):
            if "*" in source.pattern:
                self._patterns.append((index, source.pattern))
            else:
                self._exact.setdefault(source.pattern, []).append(index)
        self._any_pattern = _union(p for _, p in self._patterns)
        keep = tuple(keep)
        self._keep_exact = frozenset(k for k in keep if "*" not in k)
        self._keep_pattern = _union(k for k in keep if "*" in k)

    def _kept(self, name: str) -> bool:
        return name in self._keep_exact or (self._keep_pattern is not None and
                                            self._keep_pattern.fullmatch(name) is not None)

    def declined(self, names: Iterable[str], granted: frozenset[CookieCategory], partly: frozenset[CookieCategory],
                 allowed: frozenset[str] | None) -> tuple[str, ...]:
        """The request's cookie ``names`` that the decision declines, in the documented order.

        Args:
            names: the request's cookie names, in the request's order.
            granted: the categories granted whole.
            partly: the categories allowed in part (some of their services).
            allowed: the allowed services, or ``None`` when the decision names none.
        """
        ranked: list[tuple[int, int, str]] = []
        for position, name in enumerate(dict.fromkeys(names)):
            best: tuple[int, int] | None = None
            for index in self._exact.get(name, ()):
                if self._declines(self.sources[index], granted, partly, allowed):
                    best = (index, -1)
                    break
            if self._any_pattern is not None and self._any_pattern.fullmatch(name) is not None:
                for index, pattern in self._patterns:
                    if best is not None and index > best[0]:
                        break
                    if fnmatchcase(name, pattern) and self._declines(self.sources[index], granted, partly, allowed):
                        best = (index, position)
                        break
            if best is not None and not self._kept(name):
                ranked.append((*best, name))
        ranked.sort()
        return tuple(name for _, _, name in ranked)

    @staticmethod
    def _declines(source: Source, granted: frozenset[CookieCategory], partly: frozenset[CookieCategory],
                  allowed: frozenset[str] | None) -> bool:
        if source.service is None:
            return source.category not in granted and source.category not in partly
        return (allowed is not None and source.service not in allowed and source.category not in granted
                and source.category in partly)


def _union(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One expression that fully matches any of the ``*`` patterns (``fnmatch`` syntax), or ``None`` for none."""
    parts = [translate(p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None
