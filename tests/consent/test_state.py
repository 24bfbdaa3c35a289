"""Tests of the consent state, the consent methods and the consent fingerprint."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from rekisterikit.consent.state import (
    ConsentMethod,
    ConsentState,
    consent_fingerprint,
    first_party_cookies,
    new_consent_id,
    offered_categories,
)
from rekisterikit.model import BusinessId, Controller, Cookie, CookieCategory, LocalizedText, PostalAddress
from tests.consent.shop import NOW, shop_cookies, shop_statement

YEAR = dt.timedelta(days=365)


def _state(**changes: object) -> ConsentState:
    fields: dict[str, object] = {"consent_id": "A" * 22, "version": "sha256:" + "a" * 64,
                                 "fingerprint": "sha256:" + "b" * 64, "given_at": NOW,
                                 "granted": {"statistics"}, "method": "custom", "locale": "fi"}
    fields.update(changes)
    return ConsentState(**fields)  # type: ignore[arg-type]


def test_allows_necessary_always_and_granted_categories_only() -> None:
    """Necessary is always allowed; an optional category only when granted."""
    state = _state(granted={"statistics"})
    assert (True, True, False, False) == (state.allows("necessary"), state.allows("statistics"),
                                          state.allows(CookieCategory.MARKETING), state.allows("preferences"))


def test_allows_rejects_unknown_category() -> None:
    """A misspelt category is an error, not a silent "no"."""
    with pytest.raises(ValueError, match="unknown cookie category 'statistic'"):
        _state().allows("statistic")


def test_necessary_cannot_be_granted() -> None:
    """'necessary' is not a choice, so a state cannot hold it."""
    with pytest.raises(ValueError, match="always on"):
        _state(granted={"necessary"})


def test_choices_lists_every_optional_category() -> None:
    """The choice per category covers preferences, statistics and marketing."""
    assert {"preferences": False, "statistics": True, "marketing": False} == _state().choices


def test_given_at_is_utc_to_the_second() -> None:
    """The decision time is converted to UTC and truncated to whole seconds."""
    helsinki = dt.timezone(dt.timedelta(hours=2))
    state = _state(given_at=dt.datetime(2026, 3, 1, 14, 0, 0, 999_999, tzinfo=helsinki))
    assert NOW == state.given_at


def test_naive_time_is_rejected() -> None:
    """A naive datetime is ambiguous and refused."""
    with pytest.raises(ValueError, match="timezone-aware"):
        _state(given_at=dt.datetime(2026, 3, 1))


@pytest.mark.parametrize(("age", "expired"), [
    (dt.timedelta(days=364), False),
    (YEAR - dt.timedelta(seconds=1), False),
    (YEAR, True),
    (dt.timedelta(days=400), True),
])
def test_expiry_after_max_age(age: dt.timedelta, expired: bool) -> None:
    """A consent expires exactly max_age after it was given."""
    assert expired == _state().expired(NOW + age, YEAR)


def test_consent_from_the_future_is_not_valid() -> None:
    """A consent dated more than a day ahead is treated as expired."""
    assert _state(given_at=NOW + dt.timedelta(days=2)).expired(NOW, YEAR)


def test_valid_for_needs_the_same_fingerprint() -> None:
    """A consent is in force only for a statement with the fingerprint it was given for."""
    state = _state()
    assert (True, False) == (state.valid_for(state.fingerprint, now=NOW, max_age=YEAR),
                             state.valid_for("sha256:" + "c" * 64, now=NOW, max_age=YEAR))


def test_new_consent_ids_are_random_and_url_safe() -> None:
    """Consent ids are 22 URL-safe characters and do not repeat."""
    ids = {new_consent_id() for _ in range(1000)}
    assert 1000 == len(ids)
    assert all(len(i) == 22 and _state(consent_id=i).consent_id == i for i in list(ids)[:20])


def test_method_values() -> None:
    """The recorded method names are stable strings."""
    assert ["accept_all", "reject_all", "custom", "settings", "gpc", "api", "embed"] == [m.value for m in ConsentMethod]


def test_offered_categories_are_those_with_cookies() -> None:
    """Only optional categories with a declared cookie are offered, in a fixed order."""
    only_stats = shop_statement(cookies=tuple(c for c in shop_cookies() if c.category is not CookieCategory.MARKETING))
    assert (CookieCategory.PREFERENCES, CookieCategory.STATISTICS) == offered_categories(only_stats)


def test_fingerprint_ignores_the_controller_address() -> None:
    """Fixing a typo in the controller's address keeps the fingerprint (no re-consent)."""
    before = shop_statement()
    after = shop_statement(controller=Controller(name="Testikauppa Oy", email="tietosuoja@testikauppa.fi",
                                                 address=PostalAddress(street="Kauppakatu 1", city="Turku")))
    assert before.version != after.version
    assert consent_fingerprint(before) == consent_fingerprint(after)


def test_fingerprint_changes_when_a_marketing_cookie_is_added() -> None:
    """Adding a marketing cookie changes the fingerprint (everyone is asked again)."""
    extra = Cookie(name="_gcl_au", provider="Google Ireland Ltd", category=CookieCategory.MARKETING)
    assert consent_fingerprint(shop_statement()) != consent_fingerprint(shop_statement(
        cookies=(*shop_cookies(), extra)))


@pytest.mark.parametrize("change", [
    {"provider": "Other Ltd"},
    {"purpose": LocalizedText(fi="Muu", en="Other")},
    {"name": "_ga2"},
])
def test_fingerprint_covers_provider_purpose_and_name(change: dict[str, object]) -> None:
    """A different provider, purpose or name of a statistics cookie changes the fingerprint."""
    cookies = list(shop_cookies())
    cookies[2] = attrs.evolve(cookies[2], **change)
    assert consent_fingerprint(shop_statement()) != consent_fingerprint(shop_statement(cookies=tuple(cookies)))


def test_fingerprint_ignores_necessary_cookies_and_order() -> None:
    """Changing a necessary cookie or reordering cookies keeps the fingerprint."""
    cookies = list(shop_cookies())
    cookies[0] = attrs.evolve(cookies[0], name="csrftoken")
    assert consent_fingerprint(shop_statement()) == consent_fingerprint(shop_statement(
        cookies=tuple(reversed(cookies))))


def test_fingerprint_format() -> None:
    """The fingerprint is 'sha256:' and 64 hex digits."""
    fp = consent_fingerprint(shop_statement())
    assert ("sha256:", 71) == (fp[:7], len(fp))


def test_first_party_cookies_leave_out_third_party() -> None:
    """Only the shop's own cookies can be deleted; a third-party cookie on facebook.com is left out."""
    assert ("_fbp",) == first_party_cookies(shop_statement(), CookieCategory.MARKETING)


@pytest.mark.parametrize("controller", [
    Controller(name="Toinen Kauppa Oy", email="tietosuoja@testikauppa.fi"),
    Controller(name="Testikauppa Oy", email="tietosuoja@testikauppa.fi", business_id=BusinessId("1572860-0")),
])
def test_fingerprint_changes_with_the_controller(controller: Controller) -> None:
    """Consent is given to a controller: a new name or business id asks every visitor again."""
    assert consent_fingerprint(shop_statement()) != consent_fingerprint(shop_statement(controller=controller))


def test_fingerprint_covers_a_cookie_without_a_category() -> None:
    """A cookie whose category is not stated may need consent: adding one changes the fingerprint."""
    extra = Cookie(name="_hj_session", provider="Hotjar Ltd")
    assert consent_fingerprint(shop_statement()) != consent_fingerprint(shop_statement(
        cookies=(*shop_cookies(), extra)))
