"""Dated reference data the transfer rules use: the EEA, the Commission's adequacy decisions and providers whose
processing commonly involves transfers outside the EEA.

The lists are package data (``rekisterikit/data/eea.json``, ``adequacy.json`` and ``providers.json``), each with an
``as_of`` date and its sources, so that a change in the law is a data change reviewed like any other, not a code
change.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from attrs import define

from rekisterikit.validate.needles import search

__all__ = ["AdequacyDecision", "CountryList", "Provider", "adequacy", "eea", "providers"]


@define(frozen=True, kw_only=True)
class AdequacyDecision:
    """A Commission decision that a third country ensures an adequate level of protection (GDPR 45)."""

    country: str
    name: str
    decision: str
    date: dt.date
    scope: str | None = None
    framework: str | None = None
    valid_until: dt.date | None = None
    verified: str = "M"


@define(frozen=True, kw_only=True)
class CountryList:
    """A dated list of reference data and where it comes from."""

    as_of: dt.date
    sources: tuple[str, ...]
    codes: frozenset[str]


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("rekisterikit.data").joinpath(name).read_text("utf-8"))
    return data


@cache
def eea() -> CountryList:
    """The EEA countries (ISO 3166-1 alpha-2 codes), from ``rekisterikit/data/eea.json``."""
    data = _read("eea.json")
    return CountryList(as_of=dt.date.fromisoformat(data["as_of"]), sources=tuple(data["sources"]),
                       codes=frozenset(m["code"] for m in data["members"]))


@cache
def adequacy() -> tuple[dt.date, dict[str, AdequacyDecision]]:
    """The date of the adequacy list and its decisions by country code, from ``rekisterikit/data/adequacy.json``."""
    data = _read("adequacy.json")
    decisions = {}
    for d in data["decisions"]:
        until = d.get("valid_until")
        decisions[d["country"]] = AdequacyDecision(
            country=d["country"], name=d["name"], decision=d["decision"], date=dt.date.fromisoformat(d["date"]),
            scope=d.get("scope"), framework=d.get("framework"), verified=d.get("verified", "M"),
            valid_until=dt.date.fromisoformat(until) if until else None)
    return dt.date.fromisoformat(data["as_of"]), decisions


@define(frozen=True, kw_only=True)
class Provider:
    """A service provider (group) whose processing commonly involves transfers outside the EEA.

    Attributes:
        name: the group's name (``"Google"``).
        country: where the group is headquartered (ISO 3166-1 alpha-2).
        pattern: matches the provider's names in free text (whole words, case-insensitive).
        cookies: ``fnmatch`` patterns of the cookie names it sets (``"_ga_*"``).
    """

    name: str
    country: str
    pattern: re.Pattern[str]
    cookies: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        """Whether ``text`` names the provider."""
        return search(self.pattern, text) is not None

    def sets_cookie(self, cookie_name: str) -> bool:
        """Whether a cookie called ``cookie_name`` (or a declared pattern) is one of the provider's."""
        names, globs = _cookie_matcher(self.cookies)
        return cookie_name in names or (globs is not None and globs.match(cookie_name) is not None)


@cache
def _cookie_matcher(cookies: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The provider's cookie names, and its ``fnmatch`` patterns as one expression: a name is the provider's when
    it is one of the names or ``fnmatchcase`` matches it with one of the patterns (the same translation)."""
    globs = [fnmatch.translate(c) for c in cookies]
    return frozenset(cookies), re.compile("|".join(f"(?:{g})" for g in globs)) if globs else None


@cache
def providers() -> tuple[dt.date, tuple[Provider, ...]]:
    """The date of the provider list and its entries, from ``rekisterikit/data/providers.json``."""
    data = _read("providers.json")
    entries = tuple(
        Provider(name=p["name"], country=p["country"], cookies=tuple(p.get("cookies", ())),
                 pattern=re.compile(r"(?<!\w)(?:" + "|".join(p["patterns"]) + r")(?!\w)", re.IGNORECASE))
        for p in data["providers"])
    return dt.date.fromisoformat(data["as_of"]), entries
