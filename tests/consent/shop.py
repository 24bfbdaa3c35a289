"""The consent tests' shop: a statement with cookies in every category, a secret and a settable clock.

Shared with the browser tests and the framework adapters' tests.
"""

from __future__ import annotations

import datetime as dt

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


