"""Tests of examples/django_shop: products, cart, checkout, accounts, and rekisterikit on every page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.urls("demo_site.urls")]


@pytest.fixture(autouse=True)
def shop_statement(rk_settings: Any) -> None:
    """The shop runs on the corrected Kalvokeskus statement, as in its settings."""
    rk_settings(STATEMENT=KALVOKESKUS)


def test_the_shop_settings_pass_the_system_checks() -> None:
    """The shop's configuration passes manage.py check, rekisterikit's checks included."""
    from demo_site import settings as shop_settings

    assert str(shop_settings.REKISTERIKIT["STATEMENT"]) == KALVOKESKUS
    call_command("check", "--tag", "rekisterikit")


def test_products_page_has_banner_and_gated_trackers(client: Client) -> None:
    """The product list shows the products, the banner, and Google Analytics and the Pixel as inert scripts."""
    html = client.get("/").content.decode()
    assert ("Turvakalvo" in html, 'id="rk-consent"' in html, html.count('type="text/plain"'),
            "gtag('consent','default'" in html) == (True, True, 2, True)


def test_accepting_statistics_starts_analytics_only(client: Client) -> None:
    """After consenting to statistics, GA is a real script, the Pixel stays inert."""
    client.post("/tietosuoja/consent/", {"rk-action": "custom", "rk-category": "statistics"})
    html = client.get("/").content.decode()
    assert ('<script src="/static/demo_shop/gtag-stub.js"' in html, 'data-src="/static/demo_shop/pixel-stub.js"'
            in html, 'id="stats-note"' in html) == (True, True, True)


def test_cart_and_checkout_create_an_order(client: Client) -> None:
    """Add to cart, check out with the form: an order with its lines is stored and the cart emptied."""
    from demo_shop.models import Order

    client.post("/ostoskori/lisaa/turvakalvo/", {"quantity": "2"})
    client.post("/ostoskori/lisaa/koristekalvo/", {"quantity": "1"})
    assert "Turvakalvo" in client.get("/ostoskori/").content.decode()
    bad = client.post("/kassa/", {"name": "Maija", "email": "maija@example.fi", "address": "Katu 1",
                                  "postal_code": "123", "city": "Turku"})
    response = client.post("/kassa/", {"name": "Maija", "email": "maija@example.fi", "address": "Katu 1",
                                       "postal_code": "20100", "city": "Turku"})
    order = Order.objects.get()
    assert (200, "/kiitos/", 2 * 4290 + 2990, "0") == (bad.status_code, response["Location"], order.total_cents,
                                                      client.get("/").content.decode().split("Ostoskori (")[1][0])


def test_register_login_and_my_orders(client: Client) -> None:
    """A customer registers (signed in at once), sees their orders, signs out and in again."""
    response = client.post("/rekisteroidy/", {"username": "maija", "email": "maija@example.fi",
                                              "password1": "Kalvo-salasana-77", "password2": "Kalvo-salasana-77"})
    assert (302, 200) == (response.status_code, client.get("/tilaukset/").status_code)
    client.post("/kirjaudu-ulos/")
    assert 302 == client.get("/tilaukset/").status_code
    client.post("/kirjaudu/", {"username": "maija", "password": "Kalvo-salasana-77"})
    assert 200 == client.get("/tilaukset/").status_code


def test_statement_page_of_the_shop(client: Client) -> None:
    """The shop's statement is at /tietosuoja/ in Finnish by default."""
    response = client.get("/tietosuoja/")
    assert ("fi", True) == (response["Content-Language"], "Kalvokeskus" in response.content.decode())


@pytest.mark.parametrize("name", ["kalvokeskus", "monalisa", "ompelijan-paratiisi", "confetti", "webstrella"])
def test_the_shop_runs_on_each_corrected_statement(name: str, client: Client, rk_settings: Any) -> None:
    """REKISTERIKIT_STATEMENT=<seed shop> names the shop's statement: with it the statement page answers in each
    language, and the banner shows exactly when the statement has cookies that need consent."""
    from demo_site.settings import statement_path

    from rekisterikit import load

    path = statement_path(name)
    assert path.name == f"{name}-corrected.toml"
    rk_settings(STATEMENT=str(path))
    statement = load(path)
    for lang in ("fi", "sv", "en"):
        page = client.get(f"/tietosuoja/{lang}/")
        assert (200, True) == (page.status_code, statement.controller.name in page.content.decode())
    banner = 'id="rk-consent"' in client.get("/").content.decode()
    assert any(c.needs_consent for c in statement.cookies) == banner
