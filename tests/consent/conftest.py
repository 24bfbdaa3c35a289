"""Fixtures for the consent tests: a shop statement with cookies in every category, a config and a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit.consent import ConsentConfig, ConsentService, MemoryConsentStore
from rekisterikit.model import (
    Controller,
    Cookie,
    CookieCategory,
    Country,
    Duration,
    LocalizedText,
    Party,
    Statement,
)

SECRET = "test-secret-0123456789abcdef"
NOW = dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=dt.UTC)


def shop_cookies() -> tuple[Cookie, ...]:
    """The cookies of the test shop: necessary, preferences, statistics (with a pattern) and marketing."""
    def text(fi: str, en: str) -> LocalizedText:
        return LocalizedText(fi=fi, en=en)

    return (
        Cookie(name="sessionid", provider="Testikauppa Oy", party=Party.FIRST, category=CookieCategory.NECESSARY,
               purpose=text("Istunto", "Session"), duration=Duration(weeks=2)),
        Cookie(name="lang", provider="Testikauppa Oy", party=Party.FIRST, category=CookieCategory.PREFERENCES,
               purpose=text("Kielivalinta", "Language choice"), duration=Duration(years=1)),
        Cookie(name="_ga", provider="Google Ireland Ltd", party=Party.FIRST, category=CookieCategory.STATISTICS,
               purpose=text("Kävijätilastot", "Visitor statistics"), duration=Duration(years=2),
               country=Country("US")),
        Cookie(name="_ga_*", provider="Google Ireland Ltd", party=Party.FIRST, category=CookieCategory.STATISTICS,
               purpose=text("Istuntotilastot", "Session statistics"), duration=Duration(years=2)),
        Cookie(name="_fbp", provider="Meta Platforms Ireland Ltd", party=Party.FIRST,
               category=CookieCategory.MARKETING, purpose=text("Mainonta", "Advertising"),
               duration=Duration(months=3)),
        Cookie(name="fr", provider="Meta Platforms Ireland Ltd", party=Party.THIRD, domain=".facebook.com",
               category=CookieCategory.MARKETING, purpose=text("Mainonta", "Advertising"),
               duration=Duration(months=3)),
    )


def shop_statement(**changes: object) -> Statement:
    """A small statement with every cookie category; keyword arguments replace fields."""
    fields: dict[str, object] = {
        "controller": Controller(name="Testikauppa Oy", email="tietosuoja@testikauppa.fi"),
        "cookies": shop_cookies(),
    }
    fields.update(changes)
    return Statement(**fields)  # type: ignore[arg-type]


class Clock:
    """A settable clock for the service."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def statement() -> Statement:
    """The test shop's statement."""
    return shop_statement()


@pytest.fixture
def config() -> ConsentConfig:
    """A consent config with the test secret."""
    return ConsentConfig(secret=SECRET)


@pytest.fixture
def clock() -> Clock:
    """A clock fixed at 2026-03-01 12:00 UTC."""
    return Clock()


@pytest.fixture
def store() -> MemoryConsentStore:
    """An empty in-memory consent store."""
    return MemoryConsentStore()


@pytest.fixture
def service(statement: Statement, config: ConsentConfig, store: MemoryConsentStore, clock: Clock) -> ConsentService:
    """A consent service over the test shop, recording into the memory store."""
    return ConsentService(statement, config, store, clock=clock)
