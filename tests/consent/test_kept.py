"""The answers the adapters keep between requests (rekisterikit.consent.kept): the same as the service's, never
kept for a forged or expired cookie, and never past the consent's end."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit.consent import ConsentService, kept
from rekisterikit.model import CookieCategory
from tests.consent.shop import Clock


@pytest.fixture(autouse=True)
def _empty() -> None:
    kept.clear()


def _cookies(service: ConsentService) -> dict[str, str]:
    decision = service.decide({"rk-action": "reject_all", "rk-category": "statistics"}, locale="fi")
    return {service.config.cookie_name: decision.cookie.value}


def test_a_kept_read_is_the_services_answer(service: ConsentService) -> None:
    """Read twice, the kept answer equals the service's own, and the second read verifies nothing."""
    cookies = _cookies(service)
    first = kept.read(service, cookies, None)
    assert first is not None
    assert first == service.read(cookies, None)
    assert kept.read(service, cookies, None) is first


def test_a_forged_cookie_is_never_kept(service: ConsentService) -> None:
    """A value with a broken signature is no consent on every read: nothing is kept for it."""
    cookies = _cookies(service)
    name = service.config.cookie_name
    forged = {name: cookies[name][:-2] + ("AA" if not cookies[name].endswith("AA") else "BB")}
    assert (None, None) == (kept.read(service, forged, None), kept.read(service, forged, None))


def test_a_kept_consent_ends_when_it_would(service: ConsentService, clock: Clock) -> None:
    """Past the shorter of max_age and reject_max_age after it was given, the consent is read anew (and has ended
    when the service says so)."""
    cookies = _cookies(service)
    assert kept.read(service, cookies, None) is not None
    clock.now += max(service.config.max_age, service.config.reject_max_age) + dt.timedelta(days=1)
    assert service.read(cookies, None) is None
    assert kept.read(service, cookies, None) is None


def test_the_gpc_signal_is_part_of_the_key(service: ConsentService) -> None:
    """With Sec-GPC the kept answer is the service's answer under GPC, not the one kept without it."""
    cookies = _cookies(service)
    assert kept.read(service, cookies, None) == service.read(cookies, None)
    gpc = {"Sec-GPC": "1"}
    assert kept.read(service, cookies, gpc) == service.read(cookies, gpc)


def test_kept_declined_cookies_are_the_services(service: ConsentService) -> None:
    """The declined cookies kept per grant and names equal the service's, for each grant."""
    jar = {"_ga": "1", "_fbp": "2", "other": "3"}
    for granted in (frozenset(), frozenset({CookieCategory.STATISTICS}), frozenset(CookieCategory)):
        assert tuple(service.declined_cookies(granted, jar)) == kept.declined_cookies(service, granted, jar)
        assert kept.declined_cookies(service, granted, jar) == kept.declined_cookies(service, granted, jar)
