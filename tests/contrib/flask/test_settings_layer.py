"""The lazy settings layer in Flask: a decided visitor's page carries a placeholder, not the hidden form; the
``rekisterikit.consent_layer`` endpoint serves the form with the visitor's ticks and a CSRF token made for the
request, uncached."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.contrib.flask.csrf import _check_token
from rekisterikit.load import loads
from tests.consent.shop import SERVICES_TOML

from .conftest import STATEMENT, AppFactory, post_consent
from .test_consent_services import JINJA_BANNER

LAYER = "/privacy/consent/layer"
BANNER = "{{ consent_scripts() }}{{ consent_link() }}{{ consent_banner() }}"


def decide(client: FlaskClient, *categories: str) -> None:
    """Record a custom choice of ``categories`` (or reject all without any) through the endpoint."""
    data = {"rk-action": "custom", "rk-category": list(categories)} if categories else {"rk-action": "reject_all"}
    assert 200 == post_consent(client, data).status_code


def shop(make_app: AppFactory, **config: object) -> Flask:
    """A test app with a ``/tpl?t=<template>`` page that renders the template it is given."""
    from flask import render_template_string, request

    app = make_app(**config)

    @app.get("/tpl")
    def tpl() -> str:
        return render_template_string(request.args["t"])

    return app


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    """The default test app, with the ``/tpl`` page."""
    return shop(make_app)


def page(client: FlaskClient, template: str = BANNER, **kwargs: object) -> str:
    """GET the ``/tpl`` page rendering ``template``."""
    response = client.get("/tpl?t=" + quote(template), **kwargs)
    assert 200 == response.status_code
    return response.get_data(as_text=True)


def cookies_set(response: object) -> dict[str, str]:
    """The Set-Cookie headers of a response by cookie name."""
    return {h.split("=", 1)[0]: h for h in response.headers.getlist("Set-Cookie")}  # type: ignore[attr-defined]


def layer_url(html: str) -> str:
    """The placeholder's layer URL."""
    found = re.search(r'data-rk-layer="([^"]+)"', html)
    assert found is not None, html
    return html_module.unescape(found.group(1))


def test_a_decided_visitor_gets_a_placeholder_of_a_few_hundred_bytes(app: Flask, client: FlaskClient) -> None:
    """After a decision consent_banner() is a hidden placeholder naming the layer URL (in the banner's language)
    and the visitor's granted categories: no form, no CSRF token, under 400 bytes."""
    decide(client, "statistics")
    html = page(client, "{{ consent_banner() }}")
    assert ("<form" in html, "rk-csrf" in html, f'data-rk-layer="{LAYER}?lang=fi"' in html,
            'data-rk-granted="statistics"' in html, 'data-rk-decided="true"' in html, html.endswith(" hidden></div>")
            ) == (False, False, True, True, True, True)
    assert len(html.encode()) < 400, html
    assert f'data-rk-layer="{LAYER}?lang=en"' in page(client, "{{ consent_banner('en') }}")


def test_an_undecided_visitor_still_gets_the_whole_first_layer(app: Flask, client: FlaskClient) -> None:
    """Before a decision the banner is inline and visible, with its form and CSRF token (it informs first)."""
    html = page(client)
    assert ("<form" in html, 'name="rk-csrf"' in html, "data-rk-layer" in html, 'data-rk-decided="false"' in html
            ) == (True, True, False, True)


def test_a_decided_visitors_page_sets_no_csrf_cookie(app: Flask) -> None:
    """A page whose only form would have been the hidden banner computes no token, so it sets no nonce cookie."""
    client = app.test_client()
    decide(client, "statistics")
    client.delete_cookie("rk_csrf")
    response = client.get("/page")
    assert "rk_csrf" not in cookies_set(response)
    assert "rk-csrf" not in response.get_data(as_text=True)


def test_the_inline_hidden_form_can_be_kept(make_app: AppFactory) -> None:
    """REKISTERIKIT_LAZY_SETTINGS_LAYER=False renders the hidden form for a decided visitor, as before."""
    app = shop(make_app, REKISTERIKIT_LAZY_SETTINGS_LAYER=False)
    client = app.test_client()
    decide(client, "statistics")
    html = page(client, "{{ consent_banner() }}")
    assert ("<form" in html, "data-rk-layer" in html, " hidden>" in html,
            'name="rk-category" value="statistics" checked' in html) == (True, False, True, True)


def test_the_layer_has_the_visitors_ticks_and_a_valid_csrf_token(app: Flask, client: FlaskClient) -> None:
    """The layer is the banner with the stored choice ticked, a token that passes the CSRF check for this
    visitor's nonce, and ?next= as the return path."""
    decide(client, "statistics")
    response = client.get(LAYER + "?next=" + quote("/kassa/?a=1&b=2"))
    html = response.get_data(as_text=True)
    assert (200, "text/html; charset=utf-8") == (response.status_code, response.headers["Content-Type"])
    assert ('name="rk-category" value="statistics" checked' in html, 'value="marketing" checked' in html,
            'name="rk-next" value="/kassa/?a=1&amp;b=2"' in html, 'data-rk-decided="true"' in html,
            'name="rk-locale" value="fi"' in html) == (True, False, True, True, True)
    token = re.search(r'name="rk-csrf" value="([^"]+)"', html)
    assert token is not None
    nonce = client.get_cookie("rk_csrf")
    assert nonce is not None
    with app.test_request_context("/privacy/consent", method="POST", data={"rk-csrf": token.group(1)},
                                  headers={"Cookie": f"rk_csrf={nonce.value}"}):
        from rekisterikit.contrib.flask import get_state

        _check_token(__import__("flask").request, get_state())  # raises CsrfRefused if it were not valid


def test_saving_from_the_layer_records_the_new_choice(app: Flask, client: FlaskClient) -> None:
    """A plain form POST of the layer's fields (token included) records the new choice and returns to ?next=."""
    decide(client, "statistics")
    html = client.get(LAYER + "?next=/kassa/").get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    response = client.post("/privacy/consent", data={**fields, "rk-action": "custom", "rk-category": "marketing"},
                           headers={"Origin": "http://localhost"})
    assert (303, "/kassa/") == (response.status_code, response.headers["Location"])
    assert 'data-rk-granted="marketing"' in page(client, "{{ consent_banner() }}")


def test_the_layer_follows_the_language_of_the_placeholder(app: Flask, client: FlaskClient) -> None:
    """?lang= (the placeholder's) chooses the layer's language; an unknown one falls back to the request's."""
    decide(client, "statistics")
    english = client.get(layer_url(page(client, "{{ consent_banner('en') }}")))
    assert ('lang="en"' in english.get_data(as_text=True), english.headers["Content-Language"]) == (True, "en")
    assert 'name="rk-locale" value="fi"' in client.get(LAYER + "?lang=xx").get_data(as_text=True)


def test_the_layer_is_the_inline_banner_byte_for_byte(make_app: AppFactory) -> None:
    """Apart from the CSRF token, the layer is what the inline hidden banner was for the same page."""
    lazy, inline = shop(make_app), shop(make_app, REKISTERIKIT_LAZY_SETTINGS_LAYER=False)
    token = re.compile(r'name="rk-csrf" value="[^"]+"')
    for categories in ((), ("statistics",), ("preferences", "marketing")):
        lazy_client, inline_client = lazy.test_client(), inline.test_client()
        decide(lazy_client, *categories)
        consent = lazy_client.get_cookie("rk_consent")
        assert consent is not None
        inline_client.set_cookie("rk_consent", consent.value)  # the same visitor (same secret and statement)
        path = "/tpl?t=" + quote("{{ consent_banner() }}")
        layer = lazy_client.get(LAYER + "?next=" + quote(path)).get_data(as_text=True)
        expected = inline_client.get(path).get_data(as_text=True)
        assert "<form" in layer
        assert token.sub("", expected) == token.sub("", layer)


def test_the_layer_is_never_cached_and_sets_no_cookie_it_does_not_need(app: Flask, client: FlaskClient) -> None:
    """no-store and private, Vary: Cookie, noindex; a visitor who has the nonce cookie gets no Set-Cookie."""
    decide(client, "statistics")
    response = client.get(LAYER)
    cache_control = {p.strip() for p in response.headers["Cache-Control"].split(",")}
    assert ({"no-store", "private"} <= cache_control, "public" in cache_control,
            "Cookie" in response.headers["Vary"], response.headers["X-Robots-Tag"], cookies_set(response)) == (
        True, False, True, "noindex", {})


def test_the_first_layer_request_gets_the_nonce_cookie_its_form_needs(app: Flask, client: FlaskClient) -> None:
    """Without the nonce cookie the layer sets one (the token in the form is made from it), privately."""
    decide(client)
    client.delete_cookie("rk_csrf")
    response = client.get(LAYER)
    cache_control = {p.strip() for p in response.headers["Cache-Control"].split(",")}
    assert ("rk_csrf" in cookies_set(response), {"no-store", "private"} <= cache_control) == (True, True)


def test_a_foreign_next_is_ignored(app: Flask, client: FlaskClient) -> None:
    """?next= must be a path on this site: anything else returns to "/" (no open redirect through the form)."""
    decide(client)
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        html = client.get(LAYER + "?next=" + quote(evil)).get_data(as_text=True)
        assert 'name="rk-next" value="/"' in html


def test_the_layer_answers_get_only(client: FlaskClient) -> None:
    """POST to the layer is 405."""
    assert 405 == client.post(LAYER).status_code


def test_an_undecided_visitor_gets_the_visible_first_layer(client: FlaskClient) -> None:
    """A visitor whose consent has gone (or who never had one) gets the visible first layer from the endpoint."""
    html = client.get(LAYER).get_data(as_text=True)
    assert ('data-rk-decided="false"' in html, "<form" in html, " hidden>" in html) == (True, True, False)


def test_no_layer_without_optional_cookies(make_app: AppFactory) -> None:
    """A statement without optional cookies has no banner: the layer is 404 and the banner empty."""
    app = shop(make_app, REKISTERIKIT_STATEMENT=loads(STATEMENT.split("[[cookies]]")[0]))
    client = app.test_client()
    assert (404, "") == (client.get(LAYER).status_code, page(client, "{{ consent_banner() }}"))


def test_a_shops_banner_template_is_served_as_the_layer(make_app: AppFactory, tmp_path: Path) -> None:
    """With REKISTERIKIT_BANNER_TEMPLATE the page has rekisterikit's placeholder and the layer is the shop's
    template, with the visitor's choice ticked."""
    path = tmp_path / "own.toml"
    path.write_text(SERVICES_TOML, encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "my_banner.html").write_text(JINJA_BANNER, encoding="utf-8")
    app = shop(make_app, REKISTERIKIT_STATEMENT=str(path), REKISTERIKIT_BANNER_TEMPLATE="my_banner.html")
    app.template_folder = str(folder)
    client = app.test_client()
    decide(client, "statistics")
    html = page(client, "{{ consent_banner() }}")
    layer = client.get(LAYER).get_data(as_text=True)
    assert ('class="rk-consent mine"' in html, "data-rk-layer" in html, 'class="rk-consent mine"' in layer,
            'data-rk-granted="statistics"' in layer, 'name="rk-csrf"' in layer) == (False, True, True, True, True)


def test_the_layer_url_follows_the_script_root(app: Flask, client: FlaskClient) -> None:
    """Under a prefix (SCRIPT_NAME) the placeholder names the layer under that prefix, and at the root not."""
    decide(client, "statistics")
    for _ in range(2):
        mounted = page(client, "{{ consent_banner() }}", base_url="http://localhost/kauppa/")
        assert 'data-rk-layer="/kauppa/privacy/consent/layer?lang=fi"' in mounted
        assert f'data-rk-layer="{LAYER}?lang=fi"' in page(client, "{{ consent_banner() }}")
