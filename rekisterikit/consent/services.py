"""Services: who receives data in each optional category, derived from the statement.

A *service* is what a visitor can allow on its own inside a category: "Google Analytics on, Meta Pixel off".
Services come from the statement:

* each ``[[consent.services]]`` entry the shop names (with its cookies, hosts and description);
* every other non-necessary cookie is grouped by its provider: one service per provider and category, keyed by a
  slug of the provider's name (``"Meta Platforms Ireland Limited"`` → ``meta-platforms-ireland-limited``; when
  the same provider has cookies in two categories, the category is appended: ``google-ireland-limited-marketing``);
  a cookie without a provider belongs to the controller.

For each service the countries where the data is processed are collected from its cookies, the registers'
recipients of the same name, and the registers' transfers naming it; :attr:`Service.outside_eea` lists those
outside the EU/EEA, which the first layer of the banner names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from attrs import define

from rekisterikit.model import Cookie, CookieCategory, Country, LocalizedText, Statement

__all__ = ["EEA", "Service", "outside_eea", "service_slug", "services_in", "services_of"]

#: The EU member states and the other EEA states (Iceland, Liechtenstein, Norway), ISO 3166-1 alpha-2.
EEA: frozenset[str] = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",  # the 27 EU member states
    "IS", "LI", "NO",  # EEA, not EU
})


def outside_eea(countries: Iterable[Country]) -> tuple[Country, ...]:
    """The countries of ``countries`` outside the EU/EEA, sorted, without repeats."""
    return tuple(sorted({c for c in countries if c.code not in EEA}))


def service_slug(name: str) -> str:
    """A service key from a provider name: ASCII lower case, words joined with ``-`` (at most 48 characters)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:48].strip("-")
    return slug or "service"


@define(frozen=True, kw_only=True)
class Service:
    """A service the visitor may allow on its own.

    Attributes:
        key: the service's key (``"google-analytics"``), in forms, the cookie, the log and templates.
        name: the name the visitor sees.
        category: its optional category.
        provider: the company that receives the data (``None``: the controller itself).
        cookies: the declared cookies that belong to it.
        countries: where its data is processed, as far as the statement says.
        hosts: host names it loads content from (for embeds).
        description: the shop's description of it.
        privacy_url: the provider's privacy notice.
        named: the shop named it in ``[[consent.services]]`` (rather than it being derived from a provider).
    """

    key: str
    name: str
    category: CookieCategory
    provider: str | None
    cookies: tuple[Cookie, ...] = ()
    countries: tuple[Country, ...] = ()
    hosts: tuple[str, ...] = ()
    description: LocalizedText | None = None
    privacy_url: str | None = None
    named: bool = False

    @property
    def outside_eea(self) -> tuple[Country, ...]:
        """The countries outside the EU/EEA where the service's data is processed."""
        return outside_eea(self.countries)

    @property
    def receiver(self) -> str:
        """Who receives the data: the provider, or the service's name when no provider is known."""
        return self.provider or self.name


def _claims(pattern: str, cookie: Cookie) -> bool:
    from fnmatch import fnmatchcase

    return cookie.name == pattern or ("*" in pattern and "*" not in cookie.name and fnmatchcase(cookie.name, pattern))


def _countries_of(statement: Statement, provider: str | None, cookies: Iterable[Cookie]) -> tuple[Country, ...]:
    found = {c.country for c in cookies if c.country is not None}
    if provider is not None:
        wanted = provider.casefold()
        for register in statement.registers:
            for recipient in register.recipients or ():
                if recipient.name is not None and recipient.name.casefold() == wanted and recipient.country:
                    found.add(recipient.country)
            for transfer in register.transfers or ():
                if transfer.country is not None and any(r.casefold() == wanted for r in transfer.recipients):
                    found.add(transfer.country)
    return tuple(sorted(found))


def services_of(statement: Statement) -> tuple[Service, ...]:
    """The services of ``statement``, in category order (preferences, statistics, marketing), named ones first.

    Only categories with a declared cookie or a named service are included; a named service with no cookies (an
    embed that sets none itself, e.g. a map) is still a service the visitor can allow.
    """
    return _derive(statement)


def _derive(statement: Statement) -> tuple[Service, ...]:
    optional = [c for c in statement.cookies if c.category is not None and c.category.needs_consent]
    named = statement.consent.services if statement.consent is not None else ()
    controller = statement.controller.name
    claimed: set[int] = set()
    result: list[Service] = []
    for entry in named:
        mine = tuple(c for i, c in enumerate(optional)
                     if i not in claimed and any(_claims(p, c) for p in entry.cookies))
        claimed.update(i for i, c in enumerate(optional) if c in mine)
        provider = entry.provider or next((c.provider for c in mine if c.provider), None)
        result.append(Service(key=entry.key, name=entry.name, category=entry.category, provider=provider,
                              cookies=mine, countries=_countries_of(statement, provider, mine), hosts=entry.hosts,
                              description=entry.description, privacy_url=entry.privacy_url, named=True))
    groups: dict[tuple[CookieCategory, str], list[Cookie]] = {}
    for index, cookie in enumerate(optional):
        if index in claimed:
            continue
        assert cookie.category is not None
        groups.setdefault((cookie.category, cookie.provider or controller), []).append(cookie)
    categories_of: dict[str, set[CookieCategory]] = {}
    for category, provider in groups:
        categories_of.setdefault(service_slug(provider), set()).add(category)
    taken = {s.key for s in result}
    for (category, provider), cookies in groups.items():
        slug = service_slug(provider)
        key = slug if len(categories_of[slug]) == 1 else f"{slug}-{category.value}"
        while key in taken:
            key += "-2"
        taken.add(key)
        result.append(Service(key=key, name=provider, category=category, provider=provider, cookies=tuple(cookies),
                              countries=_countries_of(statement, provider, cookies)))
    order = {c: i for i, c in enumerate(CookieCategory)}
    return tuple(sorted(result, key=lambda s: (order[s.category], not s.named)))


def services_in(statement: Statement, category: CookieCategory) -> tuple[Service, ...]:
    """The services of ``category``."""
    return tuple(s for s in services_of(statement) if s.category is category)
