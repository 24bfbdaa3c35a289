"""Tests of services (derived and named), per-service choices, the allow action, GPC as a refusal with an explicit
opt-in, separate lifetimes, the what-changed line and service-aware Consent Mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentMethod,
    ConsentService,
    MemoryConsentStore,
    SQLiteConsentStore,
    services_of,
)
from rekisterikit.consent.services import EEA, service_slug
from rekisterikit.consent.state import consent_fingerprint
from rekisterikit.model import CookieCategory
from tests.consent.shop import NOW, SECRET, Clock, services_statement, shop_statement

GPC = {"Sec-GPC": "1"}


@pytest.fixture
def svc() -> ConsentService:
    """A service over the named-services statement, recording into memory, at a fixed time."""
    return ConsentService(services_statement(), ConsentConfig(secret=SECRET), MemoryConsentStore(), clock=Clock())


def cookie_of(decision: object) -> str:
    """The consent cookie as a request would send it back."""
    return f"rk_consent={decision.cookie.value}"  # type: ignore[attr-defined]


def test_derived_services_group_cookies_by_provider_and_category() -> None:
    """Without [consent.services] each provider is one service per category, keyed by a slug of its name."""
    keys = [(s.key, s.category.value, [c.name for c in s.cookies]) for s in services_of(shop_statement())]
    assert [("testikauppa-oy", "preferences", ["lang"]),
            ("google-ireland-ltd", "statistics", ["_ga", "_ga_*"]),
            ("meta-platforms-ireland-ltd", "marketing", ["_fbp", "fr"])] == keys


def test_a_provider_in_two_categories_gets_one_service_per_category() -> None:
    """The same provider in statistics and marketing gives two keys, suffixed with the category."""
    keys = [s.key for s in services_of(services_statement().__class__(
        controller=services_statement().controller, cookies=services_statement().cookies))]
    assert ["google-ireland-limited-statistics", "google-ireland-limited-marketing",
            "meta-platforms-ireland-limited"] == keys


def test_named_services_claim_their_cookies_and_countries_outside_the_eea() -> None:
    """Named services own the cookies they list; a service's data leaving the EU/EEA is known from the cookie."""
    services = {s.key: s for s in services_of(services_statement())}
    assert ["google-analytics", "google-ads", "meta-pixel", "youtube"] == list(services)
    assert (["_fbp"], ["US"]) == ([c.name for c in services["meta-pixel"].cookies],
                                  [c.code for c in services["meta-pixel"].outside_eea])
    assert ((), "Google Ireland Limited") == (services["youtube"].cookies, services["youtube"].receiver)
    assert 30 == len(EEA)
    assert "aeiou-oy" == service_slug("Äeiöu Oy")


def test_ticking_one_service_allows_only_it(svc: ConsentService) -> None:
    """GA on, Meta off: the statistics category is allowed in full, marketing only for the services ticked."""
    decision = svc.decide({"rk-action": "custom", "rk-service": ["google-analytics", "google-ads"]}, locale="fi")
    state = decision.state
    assert (frozenset({CookieCategory.STATISTICS}), frozenset({"google-analytics", "google-ads"})) == (
        state.granted, state.services)
    assert (True, True, False, False) == (svc.allows(state, "google-analytics"), svc.allows(state, "google-ads"),
                                          svc.allows(state, "meta-pixel"), svc.allows(state, "marketing"))
    assert ("_fbp",) == svc.declined_cookies(state.granted, "_fbp=1; _gcl_au=2", services=state.services)
    assert frozenset({"google-analytics", "google-ads"}) == decision.record.services
    assert {"google-analytics", "google-ads", "meta-pixel", "youtube"} == set(decision.record.offered_services)


def test_a_ticked_category_without_ticked_services_allows_them_all(svc: ConsentService) -> None:
    """The no-JavaScript form: ticking "marketing" alone allows every marketing service."""
    state = svc.decide({"rk-action": "custom", "rk-category": "marketing"}, locale="fi").state
    assert (frozenset({CookieCategory.MARKETING}), frozenset({"google-ads", "meta-pixel", "youtube"})) == (
        state.granted, state.services)


def test_services_survive_the_signed_cookie(svc: ConsentService) -> None:
    """The allowed services are stored in the signed cookie and read back."""
    decision = svc.decide({"rk-action": "custom", "rk-service": "youtube"}, locale="en")
    assert frozenset({"youtube"}) == svc.read(cookie_of(decision)).services  # type: ignore[union-attr]


def test_unknown_names_fail_loudly_for_templates(svc: ConsentService) -> None:
    """Asking about a service the statement does not have is a clear error, not a silent "no"."""
    with pytest.raises(ValueError, match="unknown category or service 'youtub'"):
        svc.allows(None, "youtub")
    with pytest.raises(ConsentError, match="the statement's services: google-analytics"):
        svc.service("youtub")


def test_allow_adds_a_service_and_keeps_the_rest(svc: ConsentService) -> None:
    """An embed's "always allow YouTube" adds youtube to the visitor's choice and is recorded as embed."""
    first = svc.decide({"rk-action": "custom", "rk-service": "google-analytics"}, locale="fi")
    allowed = svc.decide({"rk-action": "allow", "rk-service": "youtube"}, cookies=cookie_of(first), locale="fi")
    assert (frozenset({"google-analytics", "youtube"}), ConsentMethod.EMBED, first.state.consent_id) == (
        allowed.state.services, allowed.state.method, allowed.state.consent_id)


def test_gpc_refuses_marketing_without_an_opt_in(svc: ConsentService) -> None:
    """Under GPC, "accept all" leaves the marketing services off and is recorded with the method gpc."""
    decision = svc.decide({"rk-action": "accept_all"}, headers=GPC, locale="fi")
    assert (frozenset({"google-analytics"}), ConsentMethod.GPC, False) == (
        decision.state.services, decision.state.method, decision.state.gpc_optin)


def test_an_explicit_choice_under_gpc_is_an_opt_in_that_stays(svc: ConsentService) -> None:
    """Ticking marketing yourself while the browser sends GPC is an opt-in: recorded as such, kept on later
    requests that carry the signal, and not rewritten by refresh."""
    decision = svc.decide({"rk-action": "custom", "rk-category": "marketing"}, headers=GPC, locale="fi")
    assert (True, True, True) == (decision.state.gpc_optin, decision.record.gpc_optin, decision.record.gpc)
    read = svc.read(cookie_of(decision), GPC)
    assert read is not None
    assert CookieCategory.MARKETING in read.granted
    assert svc.refresh(cookie_of(decision), GPC) is None


def test_a_consent_given_without_gpc_is_refused_when_the_signal_comes(svc: ConsentService) -> None:
    """A marketing consent from before the signal is read as refused, and refresh records the change once."""
    decision = svc.decide({"rk-action": "accept_all"}, locale="fi")
    read = svc.read(cookie_of(decision), GPC)
    assert read is not None
    assert (frozenset({"google-analytics"}), True) == (read.services, read.gpc)
    refreshed = svc.refresh(cookie_of(decision), GPC)
    assert refreshed is not None
    assert (ConsentMethod.GPC, frozenset({"google-analytics"})) == (refreshed.state.method,
                                                                    refreshed.state.services)


def test_gpc_covers_is_configurable_to_a_service() -> None:
    """gpc_covers may name one service: only it is refused."""
    service = ConsentService(services_statement(), ConsentConfig(secret=SECRET, gpc_covers=("meta-pixel",)),
                             clock=Clock())
    state = service.decide({"rk-action": "accept_all"}, headers=GPC, locale="fi").state
    assert frozenset({"google-analytics", "google-ads", "youtube"}) == state.services


def test_rejections_and_acceptances_have_separate_lifetimes() -> None:
    """A rejection lasts 182 days by default, a consent 365; each expires on its own date."""
    clock = Clock()
    service = ConsentService(services_statement(), ConsentConfig(secret=SECRET), clock=clock)
    rejected = service.decide({"rk-action": "reject_all"}, locale="fi")
    accepted = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert (182 * 86400, 365 * 86400) == (rejected.cookie.max_age, accepted.cookie.max_age)
    clock.now = NOW + dt.timedelta(days=200)
    assert (None, True) == (service.read(cookie_of(rejected)), service.read(cookie_of(accepted)) is not None)


def test_the_fingerprint_covers_services() -> None:
    """Renaming a service or moving a cookie to another service asks again."""
    base = services_statement()
    renamed = services_statement().__class__(**{**{f: getattr(base, f) for f in ("controller", "cookies",
                                                                                  "languages")},
                                               "consent": None})
    assert consent_fingerprint(base) != consent_fingerprint(renamed)


def test_what_changed_names_the_new_recipient(tmp_path: Path) -> None:
    """After a material change the banner's line says what changed, from the statement the consent was given on."""
    store = SQLiteConsentStore(tmp_path / "log.sqlite3")
    old = ConsentService(shop_statement(cookies=shop_statement().cookies[:4]), ConsentConfig(secret=SECRET), store,
                         clock=Clock())
    decision = old.decide({"rk-action": "accept_all"}, locale="fi")
    new = ConsentService(shop_statement(), ConsentConfig(secret=SECRET), store, clock=Clock())
    assert new.read(cookie_of(decision)) is None
    line = new.what_changed(cookie_of(decision), locale="en")
    assert line is not None
    assert "_fbp" in line or "Meta" in line
    assert old.what_changed(cookie_of(decision), locale="en") is None
    store.close()


def test_consent_mode_follows_google_services(svc: ConsentService) -> None:
    """With Google Ads allowed and the Meta Pixel refused, Google's ad types are granted (its own services are all
    allowed) while the marketing category as such is not."""
    state = svc.decide({"rk-action": "custom", "rk-service": ["google-analytics", "google-ads", "youtube"]},
                       locale="fi").state
    mode = svc.consent_mode(state)
    assert ("granted", "granted", "denied") == (mode["analytics_storage"], mode["ad_storage"],
                                                mode["functionality_storage"])
    only_meta = svc.decide({"rk-action": "custom", "rk-service": "meta-pixel"}, locale="fi").state
    assert "denied" == svc.consent_mode(only_meta)["ad_storage"]
