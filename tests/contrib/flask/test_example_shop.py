"""Tests of examples/flask_shop with Flask's test client: the shop works, and rekisterikit is wired into it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.consent import SQLiteConsentStore
from rekisterikit.contrib.flask import get_state
from rekisterikit.load import load

from .conftest import BASE

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def shop(tmp_path: Path) -> Flask:
    """The example shop with its instance folder in a temporary directory."""
    from examples.flask_shop import create_app

    return create_app({"TESTING": True}, instance_path=str(tmp_path / "instance"))


@pytest.fixture
def client(shop: Flask) -> FlaskClient:
    """A test client of the shop."""
    return shop.test_client()


def form_token(html: str) -> str:
    """The shop's own form token in a page."""
    match = re.search(r'name="form_token" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


def test_uses_the_corrected_monalisa_statement(shop: Flask) -> None:
    """The shop publishes examples/statements/monalisa-corrected.toml, in fi, sv and en."""
    statement = load(ROOT / "examples" / "statements" / "monalisa-corrected.toml")
    state = get_state(shop)
    assert (statement.version, ("fi", "sv", "en")) == (state.statement.version, state.locales)
    assert isinstance(state.store, SQLiteConsentStore)


def test_buy_something(client: FlaskClient, shop: Flask) -> None:
    """Products → add to cart → cart → checkout (with validation) → thanks; the order is stored."""
    home = client.get("/").get_data(as_text=True)
    assert "Kosteuttava kasvovoide 50 ml" in home
    token = form_token(home)
    added = client.post("/cart/add", data={"sku": "seerumi", "form_token": token})
    assert (303, "/") == (added.status_code, added.headers["Location"])
    client.post("/cart/add", data={"sku": "seerumi", "form_token": token})
    cart = client.get("/cart").get_data(as_text=True)
    assert "Ostoskori (2)" in cart
    assert "84,00\xa0€" in cart
    invalid = client.post("/checkout", data={"name": "", "email": "nope", "address": "", "form_token": token})
    assert 3 == invalid.get_data(as_text=True).count('aria-invalid="true"')
    done = client.post("/checkout", data={"name": "Maija Meikäläinen", "email": "maija@example.fi",
                                          "address": "Kauppakatu 1, Turku", "form_token": token})
    assert (303, "/thanks/1") == (done.status_code, done.headers["Location"])
    assert 1 == shop.extensions["shop_orders"]()
    assert "Ostoskori (0)" in client.get("/thanks/1").get_data(as_text=True)


def test_shop_forms_need_their_token(client: FlaskClient) -> None:
    """The shop's own forms refuse a POST without the session's form token."""
    assert 400 == client.post("/cart/add", data={"sku": "seerumi"}).status_code


def test_every_page_has_banner_link_and_gated_scripts(client: FlaskClient) -> None:
    """Each shop page carries the banner, the settings link, consent.js and the two gated stand-in scripts."""
    for path in ("/", "/cart"):
        html = client.get(path).get_data(as_text=True)
        assert 'id="rk-consent"' in html
        assert 'data-rk-open>Evästeasetukset</a>' in html
        assert '/privacy/static/rekisterikit/consent.js' in html
        assert 'data-rk-category="statistics" data-src="/static/analytics-stub.js"' in html
        assert 'data-rk-category="marketing" data-src="/static/pixel-stub.js"' in html


def test_statement_pages_in_the_shop_layout(client: FlaskClient) -> None:
    """The statement pages use the shop's layout and link the other languages."""
    for lang, heading in (("fi", "Tietosuojaseloste"), ("sv", "Dataskyddsbeskrivning"), ("en", "Privacy notice")):
        html = client.get(f"/privacy/{lang}").get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        assert "Monalisa Verkkokauppa" in html
        assert heading in html


def test_every_cookie_the_shop_sets_is_declared(client: FlaskClient, shop: Flask) -> None:
    """Every cookie the shop sets while browsing, buying and consenting carries a name its statement declares."""
    responses = [client.get("/")]
    html = responses[0].get_data(as_text=True)
    responses.append(client.post("/cart/add", data={"sku": "naamio", "form_token": form_token(html)}))
    token = re.search(r'name="rk-csrf" value="([^"]+)"', html)
    assert token is not None
    responses.append(client.post("/privacy/consent", data={"rk-action": "accept_all", "rk-csrf": token.group(1)},
                                 headers={"Origin": BASE}))
    names = {h.split("=", 1)[0] for r in responses for h in r.headers.getlist("Set-Cookie")}
    declared = get_state(shop).statement.cookies
    assert {"sessionid", "csrftoken", "rk_consent"} == names
    assert [] == [n for n in names if not any(c.matches(n) for c in declared)]


def test_consent_is_logged_in_sqlite(client: FlaskClient, shop: Flask) -> None:
    """A decision in the shop is recorded in the SQLite consent log with the statement it was given on."""
    html = client.get("/").get_data(as_text=True)
    token = re.search(r'name="rk-csrf" value="([^"]+)"', html)
    assert token is not None
    client.post("/privacy/consent", data={"rk-action": "reject_all", "rk-csrf": token.group(1)},
                headers={"Origin": BASE})
    store = get_state(shop).store
    assert isinstance(store, SQLiteConsentStore)
    [record] = store.all()
    assert ("reject_all", get_state(shop).statement.version) == (record.method.value, record.version)
    assert store.statement_json(record.version) is not None


@pytest.mark.parametrize("name", ["kalvokeskus", "monalisa", "ompelijan-paratiisi", "confetti", "webstrella"])
def test_the_shop_runs_on_each_corrected_statement(name: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """REKISTERIKIT_STATEMENT=<seed shop> starts the shop on that shop's corrected statement: its statement page in
    each of its languages, and the banner exactly when the statement has cookies that need consent."""
    from examples.flask_shop import create_app

    monkeypatch.setenv("REKISTERIKIT_STATEMENT", name)
    app = create_app({"TESTING": True}, instance_path=str(tmp_path / "instance"))
    statement = load(ROOT / "examples" / "statements" / f"{name}-corrected.toml")
    assert statement.version == get_state(app).statement.version
    client = app.test_client()
    for lang in ("fi", "sv", "en"):
        page = client.get(f"/privacy/{lang}")
        assert (200, True) == (page.status_code, statement.controller.name in page.get_data(as_text=True))
    banner = 'id="rk-consent"' in client.get("/").get_data(as_text=True)
    assert any(c.needs_consent for c in statement.cookies) == banner
