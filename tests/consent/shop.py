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




SERVICES_TOML = '''
languages = ["fi", "sv", "en"]

[controller]
name = "Testikauppa Oy"
email = "tietosuoja@testikauppa.fi"

[[cookies]]
name = "sessionid"
provider = "Testikauppa Oy"
party = "first"
category = "necessary"
duration = "P2W"
purpose = { fi = "Istunto", sv = "Session", en = "Session" }

[[cookies]]
name = "_ga"
provider = "Google Ireland Limited"
party = "first"
category = "statistics"
duration = "P2Y"
country = "IE"
purpose = { fi = "Kävijätilastot", sv = "Besöksstatistik", en = "Visitor statistics" }

[[cookies]]
name = "_gcl_au"
provider = "Google Ireland Limited"
party = "first"
category = "marketing"
duration = "P3M"
country = "IE"
purpose = { fi = "Mainonnan mittaus", sv = "Annonsmätning", en = "Ad measurement" }

[[cookies]]
name = "_fbp"
provider = "Meta Platforms Ireland Limited"
party = "first"
category = "marketing"
duration = "P3M"
country = "US"
purpose = { fi = "Mainonta", sv = "Annonsering", en = "Advertising" }

[[consent.services]]
key = "google-analytics"
name = "Google Analytics"
category = "statistics"
cookies = ["_ga"]

[[consent.services]]
key = "google-ads"
name = "Google Ads"
category = "marketing"
cookies = ["_gcl_au"]

[[consent.services]]
key = "meta-pixel"
name = "Meta Pixel"
category = "marketing"
cookies = ["_fbp"]

[[consent.services]]
key = "youtube"
name = "YouTube"
category = "marketing"
provider = "Google Ireland Limited"
hosts = ["www.youtube-nocookie.com", "www.youtube.com"]
description = { fi = "Tuotevideot", sv = "Produktvideor", en = "Product videos" }
'''


def services_statement(extra: str = "") -> Statement:
    """A statement with named services: Google Analytics (statistics), Google Ads, Meta Pixel (data to the US) and
    YouTube (marketing); ``extra`` TOML is appended (e.g. ``[consent.texts.fi]``)."""
    from rekisterikit import loads

    return loads(SERVICES_TOML + extra, source="services statement")
