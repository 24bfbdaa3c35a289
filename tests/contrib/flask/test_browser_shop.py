"""examples/flask_shop in a real Chromium, served by werkzeug's WSGI server on 127.0.0.1.

First visit, reject, accept, reload, reopen the settings and withdraw, the records in the SQLite consent log, the
no-JavaScript path, and axe-core on every state. Skipped locally without Chromium or Playwright, failed under CI.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("flask", reason="the Flask adapter needs Flask")

from flask import Flask
from werkzeug.serving import make_server

from rekisterikit.consent import ConsentMethod, SQLiteConsentStore
from rekisterikit.contrib.flask import get_state
from rekisterikit.model import CookieCategory
from tests.browser.harness import check_axe, save_screenshot

# The fixtures ``page`` and ``page_without_js`` come from tests.browser.fixtures, registered once for the whole
# suite in tests/conftest.py (a second registration would start a second Playwright in the same thread).

pytestmark = pytest.mark.browser

BANNER = "#rk-consent"
ACCEPT, REJECT, SAVE = "Hyväksy kaikki", "Hylkää kaikki", "Tallenna valinnat"


@pytest.fixture
def shop(tmp_path: Path) -> Flask:
    """The example shop with its consent log and orders in a temporary instance folder."""
    from examples.flask_shop import create_app

    return create_app(instance_path=str(tmp_path / "instance"))


@pytest.fixture
def base_url(shop: Flask) -> Iterator[str]:
    """The shop served by werkzeug's threaded WSGI server on 127.0.0.1 (a free port)."""
    server = make_server("127.0.0.1", 0, shop, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def records(shop: Flask) -> list[Any]:
    """The consent log's records, oldest first."""
    store = get_state(shop).store
    assert isinstance(store, SQLiteConsentStore)
    return store.all()


def cookie_names(page: Any) -> set[str]:
    """The names of the cookies the browser holds for the shop."""
    return {c["name"] for c in page.context.cookies()}


def loaded(page: Any) -> tuple[bool, bool]:
    """Whether the statistics and the marketing stand-in scripts have run on the page."""
    return (page.evaluate("document.documentElement.hasAttribute('data-stats-loaded')"),
            page.evaluate("document.documentElement.hasAttribute('data-pixel-loaded')"))


def test_first_visit_reject_accept_reload_reopen(page: Any, base_url: str, shop: Flask) -> None:
    """The whole consent journey on the shop's front page, checked in the browser and in the consent log."""
    # First visit: the banner shows over a usable page, nothing optional has run or been set.
    page.goto(base_url + "/")
    assert page.locator(BANNER).is_visible()
    assert page.get_by_role("heading", name="Tuotteet", level=1).is_visible()
    assert ((False, False), set()) == (loaded(page), cookie_names(page) & {"_ga", "_fbp", "rk_consent"})
    check_axe(page)
    save_screenshot(page, "flask-shop-first-visit")

    # Reject all: the banner closes in the background, a rejection is logged, still nothing runs.
    page.get_by_role("button", name=REJECT).click()
    page.locator(BANNER).wait_for(state="hidden")
    [rejection] = records(shop)
    assert (ConsentMethod.REJECT_ALL, frozenset(), "fi") == (rejection.method, rejection.granted, rejection.locale)
    assert (False, False) == loaded(page)
    assert "rk_consent" in cookie_names(page)

    # Reload: the choice is remembered, the banner stays closed.
    page.reload()
    assert (False, False, False) == (page.locator(BANNER).is_visible(), *loaded(page))

    # Reopen from the footer link and accept all: both scripts run at once, without a reload.
    page.get_by_role("link", name="Evästeasetukset").click()
    page.locator(BANNER).wait_for(state="visible")
    check_axe(page)
    page.evaluate("window.rkNoReload = 1")
    page.get_by_role("button", name=ACCEPT).click()
    page.wait_for_function("document.documentElement.hasAttribute('data-pixel-loaded')")
    assert (1, (True, True)) == (page.evaluate("window.rkNoReload"), loaded(page))
    assert {"_ga", "_fbp"} <= cookie_names(page)
    acceptance = records(shop)[-1]
    assert (ConsentMethod.ACCEPT_ALL, rejection.consent_id) == (acceptance.method, acceptance.consent_id)
    assert {CookieCategory.STATISTICS, CookieCategory.MARKETING} <= acceptance.granted

    # Reload: the server now renders the scripts as real scripts; no banner.
    page.reload()
    assert (False, (True, True)) == (page.locator(BANNER).is_visible(), loaded(page))

    # Reopen the settings, untick marketing and save: a withdrawal, so the page reloads without the pixel.
    page.get_by_role("link", name="Evästeasetukset").click()
    page.locator(BANNER).wait_for(state="visible")
    assert page.locator(BANNER + " details.rk-consent__settings").evaluate("d => d.open")  # reopened with settings
    marketing = page.locator("#rk-cat-marketing")
    assert marketing.is_checked()
    marketing.uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name=SAVE).click()
    assert (True, False) == loaded(page)
    custom = records(shop)[-1]
    assert (ConsentMethod.CUSTOM, frozenset({CookieCategory.MARKETING})) == (custom.method, custom.withdrawn)
    assert [rejection.consent_id] * 3 == [r.consent_id for r in records(shop)]
    check_axe(page)
    save_screenshot(page, "flask-shop-after-withdrawal")


def test_statement_and_settings_pages_are_accessible(page: Any, base_url: str) -> None:
    """The statement pages in the shop layout (fi, sv, en) and the settings page pass axe-core."""
    for path in ("/privacy/fi", "/privacy/sv", "/privacy/en"):
        page.goto(base_url + path)
        assert page.locator("#rk-consent").is_visible()
        check_axe(page)
    page.goto(base_url + "/privacy/cookies")
    check_axe(page)
    save_screenshot(page, "flask-shop-settings", full_page=True)


def test_without_javascript_the_banner_is_a_form(page_without_js: Any, base_url: str, shop: Flask) -> None:
    """Without JavaScript, "accept all" posts the form, the server records it and redirects back to the page."""
    page = page_without_js
    page.goto(base_url + "/cart")
    with page.expect_navigation():
        page.get_by_role("button", name=ACCEPT).click()
    assert page.url == base_url + "/cart"
    assert not page.locator(BANNER).is_visible()
    assert [ConsentMethod.ACCEPT_ALL] == [r.method for r in records(shop)]


def test_checkout_with_consent_banner(page: Any, base_url: str, shop: Flask) -> None:
    """A visitor can shop through the banner-free checkout after deciding, and the checkout page is accessible."""
    page.goto(base_url + "/")
    page.get_by_role("button", name=REJECT).click()
    page.locator(BANNER).wait_for(state="hidden")
    page.locator(".shop-product", has_text="Käsivoide 75 ml").get_by_role("button", name="Lisää ostoskoriin").click()
    page.get_by_role("link", name="Ostoskori (1)").click()
    page.get_by_role("link", name="Kassalle").click()
    check_axe(page)
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label("Sähköposti").fill("maija@example.fi")
    page.get_by_label("Toimitusosoite").fill("Kauppakatu 1, Turku")
    page.get_by_role("button", name="Vahvista tilaus").click()
    assert page.get_by_role("heading", name="Kiitos tilauksestasi!").is_visible()
    assert 1 == shop.extensions["shop_orders"]()
