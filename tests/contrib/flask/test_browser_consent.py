"""Issue 17 in the Flask example shop, in a real Chromium: the informed first layer (and its height on a phone),
axe at phone and desktop widths with the settings open, the keyboard path past the shop's skip link, statistics on
and marketing off, and the no-JavaScript settings page. Skipped locally without Chromium, failed under CI."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("flask", reason="the Flask adapter needs Flask")

from flask import Flask
from werkzeug.serving import make_server

from tests.browser.harness import check_axe

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The example shop served by werkzeug on 127.0.0.1."""
    from examples.flask_shop import create_app

    shop: Flask = create_app(instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, shop, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a page in a new context with a viewport and JavaScript on or off."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] = DESKTOP, js: bool = True) -> Any:
        context = browser.new_context(viewport=viewport, reduced_motion="reduce", java_script_enabled=js)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_first_layer_names_the_recipients_and_passes_axe(open_page: Any, base_url: str,
                                                         viewport: dict[str, int]) -> None:
    """Without a click the banner names Google and Meta and the transfer to the US; on a phone it takes at most
    45 % of the screen; axe finds nothing with the banner and with the settings open."""
    page = open_page(viewport)
    page.goto(base_url + "/")
    text = page.locator(".rk-consent__panel").inner_text()
    assert ("Google Ireland Limited" in text, "Meta Platforms Ireland Limited" in text, "Yhdysvallat" in text) == (
        True, True, True)
    if viewport is PHONE:
        assert page.locator(".rk-consent__panel").bounding_box()["height"] <= 0.45 * PHONE["height"]
    check_axe(page)
    page.locator(".rk-consent__summary").click()
    check_axe(page)


def test_keyboard_skip_link_then_the_banner(open_page: Any, base_url: str) -> None:
    """The shop's skip link stays first in the tab order, the banner comes next; opened from the footer link,
    Escape closes it and focus returns to the link."""
    page = open_page()
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#rk-consent') !== null")
    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator("#rk-consent").wait_for(state="hidden")
    link = page.get_by_role("link", name="Evästeasetukset")
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#rk-consent").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator("#rk-consent").wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('rk-consent-reopen')")


def test_statistics_on_marketing_off(open_page: Any, base_url: str) -> None:
    """Only the statistics stand-in runs when statistics is chosen and marketing is not."""
    page = open_page()
    page.goto(base_url + "/")
    page.locator(".rk-consent__summary").click()
    page.get_by_role("checkbox", name="Tilastot").check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("document.documentElement.hasAttribute('data-stats-loaded')")
    assert not page.evaluate("document.documentElement.hasAttribute('data-pixel-loaded')")


def test_the_settings_page_without_javascript_says_saved(open_page: Any, base_url: str) -> None:
    """Without JavaScript the settings page posts and comes back saying "saved", with a link to the shop."""
    page = open_page(js=False)
    page.goto(base_url + "/privacy/cookies")
    page.get_by_role("checkbox", name="Tilastot").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna valinnat").click()
    assert page.url.endswith("saved=1")
    saved = page.locator(".rk-consent__saved")
    assert ("Valintasi on tallennettu." in saved.inner_text(), "/") == (
        True, saved.get_by_role("link").get_attribute("href"))
