"""Tests of the blueprint: the statement pages, the settings page, the consent endpoints and the static files."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.consent import MemoryConsentStore
from rekisterikit.contrib.flask import get_state
from rekisterikit.render import render

from .conftest import AppFactory, csrf_token, post_consent


def store_of(app: Flask) -> MemoryConsentStore:
    """The app's memory consent store."""
    store = get_state(app).store
    assert isinstance(store, MemoryConsentStore)
    return store


def test_index_redirects_to_the_request_language(make_app: AppFactory) -> None:
    """/privacy/ redirects to the statement in the request's language."""
    assert "/privacy/fi" == make_app().test_client().get("/privacy/").headers["Location"]
    app = make_app(REKISTERIKIT_LOCALE_SELECTOR=lambda: "en")
    assert "/privacy/en" == app.test_client().get("/privacy/").headers["Location"]


def test_statement_page_per_language(client: FlaskClient, app: Flask) -> None:
    """/privacy/<lang> is a full page in that language with the rendered statement, language links and banner."""
    for lang in ("fi", "sv", "en"):
        response = client.get(f"/privacy/{lang}")
        html = response.get_data(as_text=True)
        assert (200, lang) == (response.status_code, response.headers["Content-Language"])
        assert f'<html lang="{lang}">' in html
        assert str(render(get_state(app).statement, locale=lang)) in html
        assert 'hreflang="sv" lang="sv"' in html
        assert 'data-rk-consent' in html
        assert re.search(rf'href="/privacy/{lang}"[^>]*aria-current="page"', html)


def test_unknown_language_is_404(client: FlaskClient) -> None:
    """A language the app does not offer is not found."""
    assert 404 == client.get("/privacy/de").status_code


def test_statement_page_etag_and_304(client: FlaskClient) -> None:
    """The statement page has an ETag from the statement version; If-None-Match with it answers 304 without a
    body, and the tag changes with the language and the visitor's consent."""
    client.get("/privacy/fi")  # the first visit sets the CSRF nonce cookie, which the page depends on
    first = client.get("/privacy/fi")
    etag = first.headers["ETag"]
    assert ("private, no-cache", "Cookie") == (first.headers["Cache-Control"], first.headers["Vary"])
    again = client.get("/privacy/fi", headers={"If-None-Match": etag})
    assert (304, b"", etag) == (again.status_code, again.data, again.headers["ETag"])
    assert etag != client.get("/privacy/sv").headers["ETag"]
    post_consent(client, {"rk-action": "accept_all"})
    changed = client.get("/privacy/fi", headers={"If-None-Match": etag})
    assert 200 == changed.status_code
    assert etag != changed.headers["ETag"]


def test_etag_follows_the_statement_version(make_app: AppFactory, statement_file: object) -> None:
    """Two apps with different statements give different tags for the same request."""
    from rekisterikit.load import loads

    from .conftest import STATEMENT

    other = loads(STATEMENT.replace("Tilausten käsittely", "Tilausten hoito"))
    one = make_app().test_client().get("/privacy/fi").headers["ETag"]
    two = make_app(REKISTERIKIT_STATEMENT=other).test_client().get("/privacy/fi").headers["ETag"]
    assert one != two


def test_etag_can_be_turned_off(make_app: AppFactory) -> None:
    """REKISTERIKIT_STATEMENT_ETAG = False serves the page without an ETag."""
    response = make_app(REKISTERIKIT_STATEMENT_ETAG=False).test_client().get("/privacy/fi")
    assert (200, None) == (response.status_code, response.headers.get("ETag"))


def test_accept_all_as_json(client: FlaskClient, app: Flask) -> None:
    """A background POST gets the decision as JSON, the signed cookie, and the decision is in the store."""
    response = post_consent(client, {"rk-action": "accept_all", "rk-locale": "sv"})
    body = response.get_json()
    assert (200, "no-store") == (response.status_code, response.headers["Cache-Control"])
    assert ["preferences", "statistics", "marketing"] == body["consent"]["granted"]
    assert "granted" == body["consent_mode"]["ad_storage"]
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("rk_consent="))
    assert "Max-Age=31536000" in cookie
    assert "SameSite=Lax" in cookie
    assert "HttpOnly" not in cookie
    [record] = store_of(app).all()
    assert ("accept_all", "sv", body["consent"]["id"]) == (record.method.value, record.locale, record.consent_id)


def test_form_post_redirects_to_next(client: FlaskClient) -> None:
    """A plain form POST redirects (303) to rk-next when it is a path on this site, else to /."""
    ok = post_consent(client, {"rk-action": "reject_all", "rk-next": "/products?page=2"}, json=False)
    assert (303, "/products?page=2") == (ok.status_code, ok.headers["Location"])
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        refused = post_consent(client, {"rk-action": "reject_all", "rk-next": evil}, json=False)
        assert (303, "/") == (refused.status_code, refused.headers["Location"])


def test_custom_choice_and_deletion_of_declined_cookies(client: FlaskClient, app: Flask) -> None:
    """A custom choice grants the ticked categories and deletes the cookies of the others."""
    token = csrf_token(client)
    client.set_cookie("_ga", "1")
    client.set_cookie("_fbp", "2")
    response = post_consent(client, {"rk-action": "custom", "rk-category": ["statistics", "necessary", "bogus"]},
                            token=token)
    body = response.get_json()
    assert (["statistics"], ["_fbp"]) == (body["consent"]["granted"], body["delete_cookies"])
    headers = response.headers.getlist("Set-Cookie")
    assert 1 == sum(h.startswith("_fbp=;") and "Max-Age=0" in h for h in headers)
    assert not any(h.startswith("_ga=") for h in headers)
    assert ["custom"] == [r.method.value for r in store_of(app).all()]


def test_bad_action_is_400(client: FlaskClient, app: Flask) -> None:
    """A POST without a valid action is refused with 400 and nothing is stored."""
    response = post_consent(client, {"rk-action": "everything"})
    assert (400, "unknown consent action 'everything'") == (response.status_code, response.get_json()["error"])
    assert [] == store_of(app).all()


def test_json_body_is_accepted(client: FlaskClient) -> None:
    """A JSON body with the token in the X-RK-CSRF header is handled like the form."""
    token = csrf_token(client)
    response = client.post("/privacy/consent", json={"action": "custom", "categories": ["marketing"]},
                           headers={"Origin": "http://localhost", "X-RK-CSRF": token, "Accept": "application/json"})
    assert (200, ["marketing"]) == (response.status_code, response.get_json()["consent"]["granted"])
    bad = client.post("/privacy/consent", data="[1]", content_type="application/json",
                      headers={"Origin": "http://localhost", "X-RK-CSRF": token, "Accept": "application/json"})
    assert 400 == bad.status_code


def test_status_json(client: FlaskClient) -> None:
    """GET /privacy/consent reports no consent (banner needed), then the consent with its expiry."""
    before = client.get("/privacy/consent").get_json()
    assert (None, True, "denied") == (before["consent"], before["banner_needed"], before["consent_mode"]["ad_storage"])
    assert ["preferences", "statistics", "marketing"] == before["offered"]
    post_consent(client, {"rk-action": "custom", "rk-category": "statistics"})
    after = client.get("/privacy/consent")
    body = after.get_json()
    assert ("no-store", False, ["statistics"]) == (after.headers["Cache-Control"], body["banner_needed"],
                                                   body["consent"]["granted"])
    assert body["consent"]["expires_at"] > body["consent"]["given_at"]


def test_withdraw(client: FlaskClient, app: Flask) -> None:
    """POST /privacy/consent/withdraw turns every optional category off and records what was withdrawn."""
    post_consent(client, {"rk-action": "custom", "rk-category": ["statistics", "marketing"]})
    client.set_cookie("_ga", "1")
    response = post_consent(client, {"rk-source": "settings"}, path="/privacy/consent/withdraw")
    assert ([], ["_ga"]) == (response.get_json()["consent"]["granted"], response.get_json()["delete_cookies"])
    last = store_of(app).all()[-1]
    assert ("settings", {"statistics", "marketing"}) == (last.method.value, {c.value for c in last.withdrawn})
    assert [] == client.get("/privacy/consent").get_json()["consent"]["granted"]


def test_withdraw_needs_csrf(client: FlaskClient) -> None:
    """The withdrawal endpoint is CSRF-protected like the consent endpoint."""
    response = client.post("/privacy/consent/withdraw", headers={"Origin": "https://evil.example"})
    assert 403 == response.status_code


def test_settings_page(client: FlaskClient) -> None:
    """/privacy/cookies shows the settings form (recorded as 'settings') and no second banner."""
    html = client.get("/privacy/cookies").get_data(as_text=True)
    assert 'name="rk-source" value="settings"' in html
    assert 'id="rk-consent"' not in html  # the settings form, not a second banner
    token = re.search(r'name="rk-csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    response = client.post("/privacy/consent", data={"rk-action": "custom", "rk-category": "preferences",
                                                     "rk-source": "settings", "rk-csrf": token,
                                                     "rk-next": "/privacy/cookies"},
                           headers={"Origin": "http://localhost"})
    assert (303, "/privacy/cookies?saved=1") == (response.status_code, response.headers["Location"])
    checked = client.get("/privacy/cookies?saved=1").get_data(as_text=True)
    assert re.search(r'value="preferences"[^>]* checked', checked)
    assert 'class="rk-consent__saved" role="status"' in checked  # the no-JavaScript page says "saved"
    assert 'class="rk-consent__saved"' not in client.get("/privacy/cookies").get_data(as_text=True)


def test_subject_is_recorded(make_app: AppFactory) -> None:
    """REKISTERIKIT_SUBJECT links the decision to the logged-in customer's reference."""
    app = make_app(REKISTERIKIT_SUBJECT=lambda: "customer-42")
    post_consent(app.test_client(), {"rk-action": "reject_all"})
    assert ["customer-42"] == [r.subject for r in store_of(app).all()]


def test_static_files_are_served(client: FlaskClient) -> None:
    """The blueprint serves consent.js and consent.css from the package."""
    js = client.get("/privacy/static/rekisterikit/consent.js")
    css = client.get("/privacy/static/rekisterikit/consent.css")
    assert (200, 200) == (js.status_code, css.status_code)
    assert b"data-rk-open" in js.data
    assert b".rk-consent" in css.data
    js.close()
    css.close()


def test_url_prefix_is_configurable(make_app: AppFactory) -> None:
    """REKISTERIKIT_URL_PREFIX moves every route, and the helpers follow."""
    app = make_app(REKISTERIKIT_URL_PREFIX="/tietosuoja/")
    client = app.test_client()
    assert 200 == client.get("/tietosuoja/fi").status_code
    assert 'action="/tietosuoja/consent"' in client.get("/page").get_data(as_text=True)
