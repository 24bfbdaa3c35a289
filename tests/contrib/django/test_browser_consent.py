"""Issue 17 in the Django example shop, in a real Chromium: the informed first layer (and its height on a phone),
per-service choices, the keyboard path, the no-JavaScript settings page, axe in fi/sv/en at phone and desktop
widths. Skips locally without Chromium; fails under CI."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from rekisterikit.contrib.django.models import ConsentRecord  # noqa: E402
from tests.browser.harness import check_axe  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.urls("demo_site.urls"),
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
US = {"fi": "Yhdysvallat", "sv": "USA", "en": "United States"}


@pytest.fixture
def shop_url(live_server: Any, rk_settings: Any) -> str:
    """The example shop on Django's live server, with its statement."""
    rk_settings(STATEMENT=KALVOKESKUS)
    return str(live_server.url)


@pytest.fixture
def open_page(browser: Any) -> Any:
    """Open a page in a new context with a viewport, a language and JavaScript on or off."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] = DESKTOP, lang: str = "fi", js: bool = True) -> Any:
        context = browser.new_context(viewport=viewport, reduced_motion="reduce", java_script_enabled=js,
                                      extra_http_headers={"Accept-Language": lang})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def ran(page: Any) -> list[str]:
    """The trackers (stand-ins of GA and the Meta Pixel) that ran on the page."""
    return list(page.evaluate("window.rkDemo ? window.rkDemo.ran : []"))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_first_layer_names_the_recipients_and_passes_axe(open_page: Any, shop_url: str, lang: str,
                                                         viewport: dict[str, int]) -> None:
    """Without a click the banner names Google and Meta and the transfer to the US; on a phone it takes at most
    45 % of the screen; axe finds nothing with the banner and with the settings open."""
    page = open_page(viewport, lang)
    page.goto(shop_url + "/")
    text = page.locator(".rk-consent__panel").inner_text()
    assert ("Google Ireland Limited" in text, "Meta Platforms Ireland Limited" in text, US[lang] in text) == (
        True, True, True)
    if viewport is PHONE:
        assert page.locator(".rk-consent__panel").bounding_box()["height"] <= 0.45 * PHONE["height"]
    check_axe(page)
    page.locator(".rk-consent__summary").click()
    check_axe(page)


def test_google_on_meta_off(open_page: Any, shop_url: str) -> None:
    """Statistics and marketing ticked with Meta unticked: only Google Analytics runs; the log has the services."""
    page = open_page()
    page.goto(shop_url + "/")
    page.locator(".rk-consent__summary").click()
    page.get_by_role("checkbox", name="Tilastot").check()
    page.get_by_role("checkbox", name="Markkinointi").check()
    page.get_by_role("checkbox", name="Meta Platforms Ireland Limited").uncheck()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")
    assert ["google-analytics"] == ran(page)
    record = ConsentRecord.objects.get()
    assert ("statistics", ["google-ireland-limited-marketing", "google-ireland-limited-statistics"]) == (
        record.granted, record.details["services"])
    page.reload()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")
    assert ["google-analytics"] == ran(page)


def test_keyboard_reaches_the_banner_first(open_page: Any, shop_url: str) -> None:
    """The banner is rendered at the end of the shop's <body>, yet the first Tab lands in it; a decision by
    keyboard closes it."""
    page = open_page()
    page.goto(shop_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#rk-consent') !== null")
    page.get_by_role("button", name="Hylkää kaikki").focus()
    page.keyboard.press("Enter")
    page.locator("#rk-consent").wait_for(state="hidden")


def test_the_settings_page_without_javascript_says_saved(open_page: Any, shop_url: str) -> None:
    """Without JavaScript the settings page posts, comes back saying "saved" with a link to the shop."""
    page = open_page(js=False)
    page.goto(shop_url + "/tietosuoja/consent/settings/")
    page.get_by_role("checkbox", name="Tilastot").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna valinnat").click()
    assert page.url.endswith("/tietosuoja/consent/settings/?saved=1")
    saved = page.locator(".rk-consent__saved")
    assert ("Valintasi on tallennettu." in saved.inner_text(), "/") == (
        True, saved.get_by_role("link").get_attribute("href"))
