"""Tests of the consent endpoints' CSRF protection: Origin/Referer check, signed double-submit token, Flask-WTF."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.consent import MemoryConsentStore
from rekisterikit.contrib.flask import get_state
from rekisterikit.contrib.flask.csrf import origin_of

from .conftest import BASE, AppFactory, csrf_token, post_consent

ACCEPT = {"rk-action": "accept_all"}


def records(app: Flask) -> int:
    """How many consent records the app's store holds."""
    store = get_state(app).store
    assert isinstance(store, MemoryConsentStore)
    return len(store.all())


def test_same_origin_with_token_is_accepted(client: FlaskClient, app: Flask) -> None:
    """The banner's own request (same Origin, valid token) is accepted."""
    assert (200, 1) == (post_consent(client, ACCEPT).status_code, records(app))


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost.evil.example", "null",
                                    "http://localhost:8080", "https://localhost"])
def test_foreign_origin_is_refused_even_with_a_token(client: FlaskClient, app: Flask, origin: str) -> None:
    """A POST whose Origin is not this site is refused (403) and records nothing, whatever token it carries."""
    response = post_consent(client, ACCEPT, origin=origin)
    assert (403, 0) == (response.status_code, records(app))
    assert "Origin" in response.get_json()["error"]
    assert not any(h.startswith("rk_consent=") for h in response.headers.getlist("Set-Cookie"))


def test_foreign_referer_is_refused(client: FlaskClient, app: Flask) -> None:
    """Without Origin, a Referer from another site is refused."""
    token = csrf_token(client)
    response = client.post("/privacy/consent", data={**ACCEPT, "rk-csrf": token},
                           headers={"Referer": "https://evil.example/page", "Accept": "application/json"})
    assert (403, 0) == (response.status_code, records(app))


def test_missing_token_is_refused(client: FlaskClient, app: Flask) -> None:
    """A same-origin POST without the token is refused (403): a plain form on any page of the site cannot forge
    consent either."""
    csrf_token(client)
    response = client.post("/privacy/consent", data=ACCEPT, headers={"Origin": BASE, "Accept": "application/json"})
    assert (403, 0) == (response.status_code, records(app))
    assert "missing" in response.get_json()["error"]


def test_plain_refusal_is_text(client: FlaskClient) -> None:
    """A refused plain form POST gets a short text answer, not HTML."""
    response = client.post("/privacy/consent", data=ACCEPT, headers={"Origin": "https://evil.example"})
    assert (403, "text/plain") == (response.status_code, response.mimetype)


def test_wrong_token_or_missing_cookie_is_refused(make_app: AppFactory) -> None:
    """A token made for another visitor's nonce, or signed with another secret, fails."""
    app = make_app()
    client = app.test_client()
    csrf_token(client)
    other = csrf_token(app.test_client())
    assert 403 == post_consent(client, ACCEPT, token=other).status_code
    stranger = make_app(SECRET_KEY="some-other-secret-0123456789abcdef").test_client()
    foreign_token = csrf_token(stranger)
    nonce = stranger.get_cookie("rk_csrf").value  # type: ignore[union-attr]
    victim = app.test_client()
    victim.set_cookie("rk_csrf", nonce)
    response = victim.post("/privacy/consent", data={**ACCEPT, "rk-csrf": foreign_token},
                           headers={"Origin": BASE, "Accept": "application/json"})
    assert (403, "request refused: the CSRF token is not valid") == (response.status_code,
                                                                     response.get_json()["error"])
    assert 0 == records(app)


def test_token_without_its_cookie_is_refused(app: Flask) -> None:
    """A token copied to a client that lacks the nonce cookie is refused."""
    token = csrf_token(app.test_client())
    client = app.test_client()
    response = client.post("/privacy/consent", data={**ACCEPT, "rk-csrf": token},
                           headers={"Origin": BASE, "Accept": "application/json"})
    assert (403, 0) == (response.status_code, records(app))


def test_token_of_an_old_secret_is_accepted(make_app: AppFactory) -> None:
    """After a secret rotation, tokens made with a SECRET_KEY_FALLBACKS secret still verify."""
    old = make_app(SECRET_KEY="the-old-secret-0123456789abcdefgh")
    client = old.test_client()
    token = csrf_token(client)
    new = make_app(SECRET_KEY="the-new-secret-0123456789abcdefgh",
                   SECRET_KEY_FALLBACKS=["the-old-secret-0123456789abcdefgh"])
    moved = new.test_client()
    moved.set_cookie("rk_csrf", client.get_cookie("rk_csrf").value)  # type: ignore[union-attr]
    assert 200 == post_consent(moved, ACCEPT, token=token).status_code


def test_no_origin_or_referer_falls_back_to_the_token_only_when_the_app_opts_out(make_app: AppFactory) -> None:
    """With REKISTERIKIT_CSRF_REQUIRE_ORIGIN off, a request with neither header is decided by the token alone."""
    client = make_app(REKISTERIKIT_CSRF_REQUIRE_ORIGIN=False).test_client()
    assert 200 == post_consent(client, ACCEPT, origin=None).status_code
    refused = client.post("/privacy/consent", data=ACCEPT, headers={"Accept": "application/json"})
    assert 403 == refused.status_code


def test_an_attackers_nonce_and_token_replayed_in_another_browser_are_refused(app: Flask) -> None:
    """The attacker's own nonce and token, planted in another browser with no Origin/Referer: 403, no record."""
    attacker = app.test_client()
    token = csrf_token(attacker)
    nonce = attacker.get_cookie("rk_csrf")
    assert nonce is not None
    victim = app.test_client()
    victim.set_cookie("rk_csrf", nonce.value)
    form = victim.post("/privacy/consent", data={**ACCEPT, "rk-csrf": token})
    background = victim.post("/privacy/consent", data={**ACCEPT, "rk-csrf": token},
                             headers={"Accept": "application/json"})
    assert (403, 403) == (form.status_code, background.status_code)
    assert victim.get_cookie("rk_consent") is None


def test_over_https_the_nonce_cookie_is_host_only_and_cannot_be_planted(app: Flask) -> None:
    """Over HTTPS the nonce is __Host-rk_csrf (Secure, no Domain); a plain rk_csrf planted by a subdomain is ignored."""
    secure = app.test_client()
    page = secure.get("/page", base_url="https://shop.test")
    [header] = [h for h in page.headers.getlist("Set-Cookie") if "rk_csrf=" in h]
    assert header.startswith("__Host-rk_csrf=")
    assert {"Secure", "Path=/", "HttpOnly"} <= {part.strip() for part in header.split(";")}
    assert "domain=" not in header.lower()
    attacker = app.test_client()
    token = csrf_token(attacker)
    nonce = attacker.get_cookie("rk_csrf")
    assert nonce is not None
    victim = app.test_client()
    victim.set_cookie("rk_csrf", nonce.value, domain="shop.test")
    planted = victim.post("/privacy/consent", base_url="https://shop.test", data={**ACCEPT, "rk-csrf": token},
                          headers={"Origin": "https://shop.test", "Accept": "application/json"})
    assert 403 == planted.status_code


def test_nonce_cookie_attributes(client: FlaskClient) -> None:
    """The nonce cookie is HttpOnly, SameSite=Lax, site-wide, and set only when the request had none."""
    first = client.get("/page")
    [header] = [h for h in first.headers.getlist("Set-Cookie") if h.startswith("rk_csrf=")]
    assert {"HttpOnly", "SameSite=Lax", "Path=/"} <= {part.strip() for part in header.split(";")}
    assert not any(h.startswith("rk_csrf=") for h in client.get("/page").headers.getlist("Set-Cookie"))


def test_origin_mode(make_app: AppFactory) -> None:
    """In 'origin' mode a same-origin POST needs no token, and a POST with neither header is refused."""
    app = make_app(REKISTERIKIT_CSRF="origin")
    client = app.test_client()
    ok = client.post("/privacy/consent", data=ACCEPT, headers={"Origin": BASE, "Accept": "application/json"})
    referer = client.post("/privacy/consent", data=ACCEPT,
                          headers={"Referer": BASE + "/page", "Accept": "application/json"})
    bare = client.post("/privacy/consent", data=ACCEPT, headers={"Accept": "application/json"})
    foreign = client.post("/privacy/consent", data=ACCEPT,
                          headers={"Origin": "https://evil.example", "Accept": "application/json"})
    assert (200, 200, 403, 403) == (ok.status_code, referer.status_code, bare.status_code, foreign.status_code)
    assert "neither an Origin nor a Referer" in bare.get_json()["error"]


def test_trusted_origins(make_app: AppFactory) -> None:
    """An origin listed in REKISTERIKIT_TRUSTED_ORIGINS may post (e.g. the shop's other hostname)."""
    app = make_app(REKISTERIKIT_TRUSTED_ORIGINS=["https://www.shop.example/"])
    client = app.test_client()
    assert 200 == post_consent(client, ACCEPT, origin="https://WWW.shop.example").status_code
    assert 403 == post_consent(client, ACCEPT, origin="https://shop.example").status_code


def test_origin_of() -> None:
    """origin_of keeps scheme, host and port, lower-cased, and rejects non-http URLs."""
    assert ("https://shop.example:8443", None, None) == (origin_of("HTTPS://Shop.Example:8443/a?b"),
                                                         origin_of("javascript:alert(1)"), origin_of("/relative"))


# -- Flask-WTF ---------------------------------------------------------------------------------------------------


@pytest.fixture
def wtf_app(make_app: AppFactory) -> Flask:
    """An app protected by Flask-WTF's CSRFProtect, initialised before rekisterikit."""
    flask_wtf = pytest.importorskip("flask_wtf.csrf")
    app = make_app(init=False)
    flask_wtf.CSRFProtect(app)
    from rekisterikit.contrib.flask import RekisteriKit

    RekisteriKit(app)
    return app


def wtf_token(client: FlaskClient) -> str:
    """The Flask-WTF token the banner carries."""
    html = client.get("/page").get_data(as_text=True)
    assert 'name="rk-csrf"' not in html
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


def test_flask_wtf_token_is_used_in_the_banner_and_accepted(wtf_app: Flask) -> None:
    """With CSRFProtect the banner carries Flask-WTF's csrf_token, and a POST with it is accepted."""
    client = wtf_app.test_client()
    token = wtf_token(client)
    response = client.post("/privacy/consent", data={**ACCEPT, "csrf_token": token},
                           headers={"Origin": BASE, "Accept": "application/json"})
    assert (200, 1) == (response.status_code, records(wtf_app))
    header = client.post("/privacy/consent", json={"action": "reject_all"},
                         headers={"Origin": BASE, "Accept": "application/json", "X-CSRFToken": token})
    assert 200 == header.status_code


def test_flask_wtf_refuses_missing_token(wtf_app: Flask) -> None:
    """Without the token CSRFProtect refuses the POST before the view (400), and nothing is recorded."""
    client = wtf_app.test_client()
    wtf_token(client)
    response = client.post("/privacy/consent", data=ACCEPT, headers={"Origin": BASE})
    assert (400, 0) == (response.status_code, records(wtf_app))


def test_flask_wtf_exempt_blueprint_is_still_checked(make_app: AppFactory) -> None:
    """When the app exempts the blueprint from CSRFProtect, the view still checks Flask-WTF's token itself."""
    flask_wtf = pytest.importorskip("flask_wtf.csrf")
    from rekisterikit.contrib.flask import RekisteriKit

    app = make_app(init=False)
    protect = flask_wtf.CSRFProtect(app)
    RekisteriKit(app)
    protect.exempt(app.blueprints["rekisterikit"])
    client = app.test_client()
    token = wtf_token(client)
    refused = client.post("/privacy/consent", data=ACCEPT, headers={"Origin": BASE, "Accept": "application/json"})
    accepted = client.post("/privacy/consent", data={**ACCEPT, "csrf_token": token},
                           headers={"Origin": BASE, "Accept": "application/json"})
    assert (403, 200) == (refused.status_code, accepted.status_code)
    assert "CSRF token is missing" in refused.get_json()["error"]


def test_the_statement_etag_follows_the_host_prefixed_nonce_over_https(app: Flask) -> None:
    """Over HTTPS the statement page's ETag depends on __Host-rk_csrf (the page's banner carries its token)."""
    first = app.test_client(use_cookies=False).get("/privacy/fi", base_url="https://shop.test",
                                                   headers={"Cookie": "__Host-rk_csrf=" + "a" * 32})
    second = app.test_client(use_cookies=False).get("/privacy/fi", base_url="https://shop.test",
                                                    headers={"Cookie": "__Host-rk_csrf=" + "b" * 32})
    assert first.headers["ETag"] != second.headers["ETag"]
