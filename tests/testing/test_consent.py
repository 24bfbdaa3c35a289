"""consent_cookie_value and consent_state: cookies the shop's own consent service accepts."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit import loads
from rekisterikit.consent import ConsentConfig, ConsentError, ConsentService
from rekisterikit.model import CookieCategory
from rekisterikit.testing import consent_cookie_value, consent_state

SECRET = "test-secret-with-enough-bytes"
STATEMENT = loads('''
[controller]
name = "Esimerkki Oy"
email = "tietosuoja@esimerkki.fi"

[[cookies]]
name = "_ga"
party = "first"
category = "statistics"
purpose = "Kävijätilastot"
duration = "P2Y"
''')


def test_the_service_reads_the_cookie_as_the_chosen_consent() -> None:
    """The value is signed and bound so that ConsentService.read returns exactly the accepted categories."""
    service = ConsentService(STATEMENT, ConsentConfig(secret=SECRET))
    state = service.read({"rk_consent": consent_cookie_value(STATEMENT, ["statistics"], secret=SECRET)})
    assert state is not None
    assert frozenset({CookieCategory.STATISTICS}) == state.granted
    rejected = service.read({"rk_consent": consent_cookie_value(STATEMENT, secret=SECRET)})
    assert rejected is not None
    assert frozenset() == rejected.granted


def test_categories_the_statement_does_not_offer_are_not_granted() -> None:
    """As with the banner, only offered categories are granted; 'necessary' may be named and changes nothing."""
    state = consent_state(STATEMENT, ["necessary", "statistics", "marketing"], locale="sv")
    assert frozenset({CookieCategory.STATISTICS}) == state.granted
    assert "sv" == state.locale


def test_a_cookie_signed_with_another_secret_or_too_old_is_no_consent() -> None:
    """The service rejects a value signed with another secret, and one older than the maximum age."""
    service = ConsentService(STATEMENT, ConsentConfig(secret=SECRET))
    other = consent_cookie_value(STATEMENT, ["statistics"], secret="another-secret-of-enough-bytes")
    old = consent_cookie_value(STATEMENT, ["statistics"], secret=SECRET,
                               given_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert service.read({"rk_consent": other}) is None
    assert service.read({"rk_consent": old}) is None


def test_bad_input_is_refused() -> None:
    """A short secret and an unknown category name raise."""
    with pytest.raises(ConsentError):
        consent_cookie_value(STATEMENT, secret="short")
    with pytest.raises(ValueError, match="unknown cookie category 'stats'"):
        consent_state(STATEMENT, ["stats"])
