"""Tests of the consent service: reading, deciding, re-consent, GPC, cookies to set and delete."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentMethod,
    ConsentService,
    MemoryConsentStore,
    SetCookie,
    parse_cookie_header,
    parse_form,
    safe_next,
)
from rekisterikit.model import Cookie, CookieCategory, Statement
from tests.consent.shop import SECRET, Clock, shop_cookies, shop_statement

GPC = {"Sec-GPC": "1"}


def _cookies(decision_cookie: SetCookie, **others: str) -> dict[str, str]:
    return {decision_cookie.name: decision_cookie.value, **others}


def test_no_cookie_is_no_consent(service: ConsentService) -> None:
    """Without a consent cookie the visitor must be asked."""
    assert (None, None, None) == (service.read(None), service.read({}), service.read("other=1"))


def test_accept_all_grants_every_offered_category(service: ConsentService) -> None:
    """'Accept all' grants the categories the statement declares cookies for."""
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert ({"preferences": True, "statistics": True, "marketing": True}, ConsentMethod.ACCEPT_ALL) == (
        decision.state.choices, decision.state.method)


def test_accept_all_grants_only_offered_categories(config: ConsentConfig, clock: Clock) -> None:
    """A category without declared cookies is not granted by 'accept all'."""
    statement = shop_statement(cookies=tuple(c for c in shop_cookies() if c.category is not CookieCategory.MARKETING))
    decision = ConsentService(statement, config, clock=clock).decide({"rk-action": "accept_all"}, locale="fi")
    assert frozenset({CookieCategory.PREFERENCES, CookieCategory.STATISTICS}) == decision.state.granted


def test_reject_all_grants_nothing(service: ConsentService) -> None:
    """'Reject all' declines every optional category; necessary stays allowed."""
    state = service.decide({"rk-action": "reject_all", "rk-category": "statistics"}, locale="sv").state
    assert (frozenset(), True, ConsentMethod.REJECT_ALL, "sv") == (state.granted, state.allows("necessary"),
                                                                  state.method, state.locale)


def test_custom_ignores_unknown_and_necessary(service: ConsentService) -> None:
    """A custom choice keeps the known optional categories and ignores unknown names and 'necessary'."""
    form = {"rk-action": "custom", "rk-category": ["statistics", "bogus", "necessary", "<x>"]}
    assert frozenset({CookieCategory.STATISTICS}) == service.decide(form, locale="fi").state.granted


def test_form_with_getlist_is_read_like_a_querydict(service: ConsentService) -> None:
    """Framework multi-dicts (getlist) give every ticked category."""
    class MultiDict(dict[str, str]):
        def getlist(self, key: str) -> list[str]:
            return {"rk-action": ["custom"], "rk-category": ["preferences", "marketing"]}.get(key, [])

    state = service.decide(MultiDict(), locale="fi").state
    assert frozenset({CookieCategory.PREFERENCES, CookieCategory.MARKETING}) == state.granted


def test_json_body_shape_is_accepted() -> None:
    """A JSON body {"action": …, "categories": […]} is read like the form."""
    assert ("custom", frozenset({CookieCategory.STATISTICS})) == parse_form(
        {"action": "custom", "categories": ["statistics"]})


@pytest.mark.parametrize("form", [{}, {"rk-action": "sure"}, {"rk-action": ["accept_all", "reject_all"]},
                                  {"rk-category": "statistics"}])
def test_form_without_a_valid_action_is_an_error(service: ConsentService, form: dict[str, object]) -> None:
    """A form with no, an unknown or contradictory action is refused with ConsentError (a ValueError)."""
    with pytest.raises(ConsentError, match="action"):
        service.decide(form, locale="fi")


def test_settings_page_method_is_recorded(service: ConsentService, store: MemoryConsentStore) -> None:
    """A decision from the settings page is recorded with method 'settings'."""
    decision = service.decide({"rk-action": "custom"}, locale="fi", method=ConsentMethod.SETTINGS)
    assert [ConsentMethod.SETTINGS] == [r.method for r in store.history(decision.state.consent_id)]


def test_decision_round_trips_through_the_cookie(service: ConsentService) -> None:
    """The cookie of a decision reads back as the same state, from a mapping or a Cookie header."""
    decision = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi")
    header = f"a=1; {decision.cookie.name}={decision.cookie.value}; b=2"
    assert (decision.state, decision.state) == (service.read(_cookies(decision.cookie)), service.read(header))


def test_expired_consent_asks_again(service: ConsentService, clock: Clock) -> None:
    """After max_age (default 365 days) the consent is no longer read."""
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    clock.now += dt.timedelta(days=364)
    assert service.read(_cookies(decision.cookie)) is not None
    clock.now += dt.timedelta(days=1)
    assert service.read(_cookies(decision.cookie)) is None


def test_max_age_is_configurable(statement: Statement, clock: Clock) -> None:
    """A shorter max_age expires sooner and sets a matching cookie Max-Age."""
    service = ConsentService(statement, ConsentConfig(secret=SECRET, max_age=dt.timedelta(days=180)), clock=clock)
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    clock.now += dt.timedelta(days=181)
    assert (180 * 86400, None) == (decision.cookie.max_age, service.read(_cookies(decision.cookie)))


def test_fingerprint_change_asks_again(service: ConsentService, config: ConsentConfig, clock: Clock) -> None:
    """A consent given before a marketing cookie was added is not valid for the new statement."""
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    new_cookie = Cookie(name="_gcl_au", provider="Google Ireland Ltd", category=CookieCategory.MARKETING)
    changed = ConsentService(shop_statement(cookies=(*shop_cookies(), new_cookie)), config, clock=clock)
    assert changed.read(_cookies(decision.cookie)) is None


def test_immaterial_change_keeps_consent(service: ConsentService, config: ConsentConfig, clock: Clock) -> None:
    """A change outside the cookie declaration (a new statement version) keeps the consent."""
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    edited = ConsentService(shop_statement(changes=None, cites=("Tietosuojalaki 1050/2018",)), config, clock=clock)
    assert edited.version != service.version
    assert decision.state == edited.read(_cookies(decision.cookie))


def test_changing_a_decision_keeps_the_consent_id(service: ConsentService, store: MemoryConsentStore) -> None:
    """A later decision with the old cookie continues the same consent, and its history has both records."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi")
    second = service.decide({"rk-action": "reject_all"}, cookies=_cookies(first.cookie), locale="fi")
    history = store.history(first.state.consent_id)
    assert first.state.consent_id == second.state.consent_id
    assert [ConsentMethod.ACCEPT_ALL, ConsentMethod.REJECT_ALL] == [r.method for r in history]
    assert frozenset(CookieCategory(c) for c in ("preferences", "statistics", "marketing")) == history[1].withdrawn


def test_withdraw_declines_everything_and_records_it(service: ConsentService, store: MemoryConsentStore) -> None:
    """Withdrawal turns every category off and records what was withdrawn, with the subject."""
    first = service.decide({"rk-action": "custom", "rk-category": "statistics"}, locale="fi", subject="cust-7")
    decision = service.withdraw(cookies=_cookies(first.cookie), locale="fi", subject="cust-7")
    assert (frozenset(), frozenset({CookieCategory.STATISTICS})) == (decision.state.granted, decision.record.withdrawn)
    assert 2 == len(store.for_subject("cust-7"))


def test_choose_records_an_api_decision(service: ConsentService) -> None:
    """A programmatic choice is recorded with method 'api'."""
    decision = service.choose(["preferences"], locale="en")
    assert (frozenset({CookieCategory.PREFERENCES}), ConsentMethod.API) == (decision.state.granted,
                                                                            decision.record.method)


def test_service_records_every_decision(service: ConsentService, store: MemoryConsentStore) -> None:
    """With a store, each decision is recorded before it is returned, with the statement version."""
    decision = service.decide({"rk-action": "reject_all"}, locale="fi")
    assert [decision.record] == store.all()
    assert (service.version, service.fingerprint) == (decision.record.version, decision.record.fingerprint)
    assert store.statement_json(service.version) is not None


def test_without_store_the_record_is_returned(statement: Statement, config: ConsentConfig) -> None:
    """Without a store the adapter gets the record to keep itself."""
    decision = ConsentService(statement, config).decide({"rk-action": "reject_all"}, locale="fi")
    assert (decision.state.consent_id, frozenset(statement_categories())) == (
        decision.record.consent_id, decision.record.offered)


def statement_categories() -> set[CookieCategory]:
    """The optional categories of the test shop."""
    return {CookieCategory.PREFERENCES, CookieCategory.STATISTICS, CookieCategory.MARKETING}


def test_invalid_locale_is_an_error(service: ConsentService) -> None:
    """A locale that is not a language code is refused."""
    with pytest.raises(ConsentError, match="locale"):
        service.decide({"rk-action": "reject_all"}, locale="fi;drop")


# -- GPC ---------------------------------------------------------------------------------------------------


def test_gpc_turns_marketing_off_on_read(service: ConsentService) -> None:
    """Under Sec-GPC: 1 a stored marketing consent reads as off, flagged gpc."""
    decision = service.decide({"rk-action": "accept_all"}, locale="fi")
    state = service.read(_cookies(decision.cookie), GPC)
    assert state is not None
    assert (False, True, True) == (state.allows("marketing"), state.allows("statistics"), state.gpc)


@pytest.mark.parametrize("headers", [{"sec-gpc": "1"}, {"HTTP_SEC_GPC": "1"}, {"SEC-GPC": " 1 "}])
def test_gpc_header_forms(service: ConsentService, headers: dict[str, str]) -> None:
    """The signal is found in any header case and in a WSGI environ."""
    decision = service.decide({"rk-action": "accept_all"}, headers=headers, locale="fi")
    assert (False, ConsentMethod.GPC) == (decision.state.allows("marketing"), decision.state.method)


@pytest.mark.parametrize("headers", [None, {}, {"Sec-GPC": "0"}, {"Sec-GPC": "yes"}])
def test_no_gpc_signal(service: ConsentService, headers: dict[str, str] | None) -> None:
    """Only the exact value 1 is the signal."""
    assert not service.gpc(headers)


def test_accept_all_under_gpc_is_recorded_as_gpc(service: ConsentService, store: MemoryConsentStore) -> None:
    """Accepting all under GPC grants everything but marketing and records method 'browser privacy signal'."""
    decision = service.decide({"rk-action": "accept_all"}, headers=GPC, locale="fi")
    record = store.all()[0]
    assert (frozenset({CookieCategory.PREFERENCES, CookieCategory.STATISTICS}), ConsentMethod.GPC, True) == (
        decision.state.granted, record.method, record.gpc)


def test_refresh_persists_gpc_over_a_stored_marketing_consent(service: ConsentService,
                                                              store: MemoryConsentStore) -> None:
    """A stored marketing consent under GPC is rewritten: new cookie, record with method gpc and withdrawal."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi", cookies="_fbp=1")
    decision = service.refresh(_cookies(first.cookie, _fbp="x"), GPC)
    assert decision is not None
    assert (ConsentMethod.GPC, frozenset({CookieCategory.MARKETING}), ("_fbp",)) == (
        decision.record.method, decision.record.withdrawn, decision.delete_cookies)
    assert service.refresh(_cookies(decision.cookie), GPC) is None
    assert 2 == len(store.history(first.state.consent_id))


def test_refresh_without_gpc_does_nothing(service: ConsentService) -> None:
    """Without the signal there is nothing to rewrite."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert (None, None) == (service.refresh(_cookies(first.cookie)), service.refresh(None, GPC))


def test_gpc_can_be_disabled(statement: Statement, clock: Clock) -> None:
    """With gpc=False in the config the signal is ignored."""
    service = ConsentService(statement, ConsentConfig(secret=SECRET, gpc=False), clock=clock)
    decision = service.decide({"rk-action": "accept_all"}, headers=GPC, locale="fi")
    assert (True, ConsentMethod.ACCEPT_ALL) == (decision.state.allows("marketing"), decision.state.method)


# -- cookies to set and delete -------------------------------------------------------------------------------


def test_declined_first_party_cookies_are_deleted(service: ConsentService) -> None:
    """Rejecting deletes the request's first-party cookies of declined categories, patterns expanded."""
    cookies = "sessionid=s; rk_consent=x; _ga=1; _ga_ABC123=2; _ga_XYZ=3; _fbp=4; lang=fi; unrelated=5"
    decision = service.decide({"rk-action": "reject_all"}, cookies=cookies, locale="fi")
    assert ("lang", "_ga", "_ga_ABC123", "_ga_XYZ", "_fbp") == decision.delete_cookies
    assert ["lang=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax"] == [
        c.header() for c in decision.expire[:1]]


def test_granted_categories_keep_their_cookies(service: ConsentService) -> None:
    """Cookies of granted categories are not deleted."""
    decision = service.decide({"rk-action": "custom", "rk-category": "statistics"}, cookies="_ga=1; _fbp=2",
                              locale="fi")
    assert ("_fbp",) == decision.delete_cookies


def test_consent_cookie_attributes(service: ConsentService) -> None:
    """The consent cookie is readable by JavaScript, SameSite=Lax, a year long, Secure only over HTTPS."""
    plain = service.decide({"rk-action": "accept_all"}, locale="fi").cookie
    secure = service.decide({"rk-action": "accept_all"}, locale="fi", https=True).cookie
    assert (False, "Lax", 365 * 86400, False, True) == (plain.httponly, plain.samesite, plain.max_age,
                                                       plain.secure, secure.secure)
    header = secure.header()
    assert header.startswith("rk_consent=v3.")
    assert "; Secure" in header
    assert "HttpOnly" not in header


def test_secure_can_be_forced(statement: Statement) -> None:
    """secure=True sets Secure even on plain HTTP (behind a TLS proxy)."""
    service = ConsentService(statement, ConsentConfig(secret=SECRET, secure=True, domain=".shop.fi", path="/shop"))
    cookie = service.decide({"rk-action": "reject_all"}, locale="fi").cookie
    assert (True, ".shop.fi", "/shop") == (cookie.secure, cookie.domain, cookie.path)
    assert "Domain=.shop.fi" in cookie.header()


def test_set_cookie_size_is_checked() -> None:
    """A Set-Cookie header over 4096 bytes is refused."""
    with pytest.raises(ConsentError, match="too long"):
        SetCookie(name="x", value="a" * 5000, max_age=1).header()


def test_samesite_none_needs_secure() -> None:
    """SameSite=None without Secure is refused (browsers drop such cookies)."""
    with pytest.raises(ConsentError, match="Secure"):
        SetCookie(name="x", value="a", max_age=1, samesite="None").header()


def test_config_validation() -> None:
    """A bad cookie name, max age or SameSite is a configuration error."""
    with pytest.raises(ConsentError):
        ConsentConfig(secret=SECRET, cookie_name="bad name")
    with pytest.raises(ConsentError):
        ConsentConfig(secret=SECRET, max_age=dt.timedelta(0))
    with pytest.raises(ConsentError):
        ConsentConfig(secret=SECRET, samesite="lax")  # type: ignore[arg-type]


def test_config_repr_hides_the_secret() -> None:
    """The secret never shows in a repr (logs, tracebacks)."""
    assert SECRET not in repr(ConsentConfig(secret=SECRET, old_secrets=[SECRET + "x"]))


def test_to_json_shape(service: ConsentService) -> None:
    """The background answer has the consent, the Consent Mode parameters and the cookies to delete."""
    data = service.decide({"rk-action": "custom", "rk-category": "statistics"}, cookies="_fbp=1",
                          locale="fi").to_json()
    assert (["statistics"], "granted", "denied", ["_fbp"]) == (
        data["consent"]["granted"], data["consent_mode"]["analytics_storage"], data["consent_mode"]["ad_storage"],
        data["delete_cookies"])


def test_banner_needed_only_with_optional_cookies(config: ConsentConfig) -> None:
    """A shop with only necessary cookies needs no banner."""
    necessary_only = shop_statement(cookies=shop_cookies()[:1])
    assert (False, True) == (ConsentService(necessary_only, config).banner_needed,
                             ConsentService(shop_statement(), config).banner_needed)


def test_parse_cookie_header_survives_bad_pairs() -> None:
    """A malformed pair does not hide the other cookies; the first of repeated names wins."""
    assert {"a": "1", "b": "two words", "c": "3"} == parse_cookie_header('junk; a=1; =x; b="two words"; c=3; a=9')


@pytest.mark.parametrize(("value", "expected"), [
    ("/kassa?x=1", "/kassa?x=1"), ("//evil.example/", "/"), ("https://evil.example/", "/"), ("/\\evil", "/"),
    ("", "/"), (None, "/"), ("/ok\r\nSet-Cookie: x", "/"), (["/"], "/"),
])
def test_safe_next(value: object, expected: str) -> None:
    """Only same-site paths are followed after a form POST (no open redirect)."""
    assert expected == safe_next(value)


def test_a_replayed_stale_cookie_under_gpc_is_recorded_once(service: ConsentService, store: MemoryConsentStore,
                                                            statement: Statement, config: ConsentConfig,
                                                            clock: Clock) -> None:
    """200 GETs with Sec-GPC: 1 and one stale accept-all cookie write one GPC record, in every process."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi")
    stale = _cookies(first.cookie)
    for _ in range(200):
        clock.now += dt.timedelta(seconds=1)
        decision = service.refresh(stale, GPC)
        assert decision is not None
        assert CookieCategory.MARKETING not in decision.state.granted
    # Another process (a fresh service, nothing remembered) writing to the same log adds nothing either.
    ConsentService(statement, config, store, clock=clock).refresh(stale, GPC)
    methods = [r.method for r in store.history(first.state.consent_id)]
    assert [ConsentMethod.ACCEPT_ALL, ConsentMethod.GPC] == methods


def test_gpc_after_a_new_accept_all_is_recorded_again(service: ConsentService, store: MemoryConsentStore,
                                                      clock: Clock) -> None:
    """A visitor who grants marketing again and then sends GPC gets a second GPC record: it is a new change."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert service.refresh(_cookies(first.cookie), GPC) is not None
    clock.now += dt.timedelta(minutes=5)
    again = service.decide({"rk-action": "accept_all"}, locale="fi", cookies=_cookies(first.cookie))
    assert service.refresh(_cookies(again.cookie), GPC) is not None
    methods = [r.method for r in store.history(first.state.consent_id)]
    assert [ConsentMethod.ACCEPT_ALL, ConsentMethod.GPC, ConsentMethod.ACCEPT_ALL, ConsentMethod.GPC] == methods


def test_gpc_after_an_identical_decision_in_the_same_second_is_recorded_again(service: ConsentService,
                                                                            store: MemoryConsentStore) -> None:
    """Accept all, GPC, accept all again within the same second (a byte-identical cookie), GPC: two GPC records.

    Found by the HTTP load test: the second change was taken for a replay of the first."""
    first = service.decide({"rk-action": "accept_all"}, locale="fi")
    assert service.refresh(_cookies(first.cookie), GPC) is not None
    again = service.decide({"rk-action": "accept_all"}, locale="fi", cookies=_cookies(first.cookie))
    assert again.cookie.value == first.cookie.value
    assert service.refresh(_cookies(again.cookie), GPC) is not None
    assert service.refresh(_cookies(again.cookie), GPC) is not None  # a replay: no third record
    methods = [r.method for r in store.history(first.state.consent_id)]
    assert 2 == methods.count(ConsentMethod.GPC)
