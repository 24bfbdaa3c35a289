"""Issue 17 in the Django example shop, in a real Chromium: the informed first layer (and its height on a phone),
per-service choices, the keyboard path, the no-JavaScript settings page, axe in fi/sv/en at phone and desktop
widths, the YouTube embed on the front page (no request reaches YouTube before consent), dataLayer events, Global
Privacy Control, the shop's theme in either stylesheet order, and the lazy settings layer (the reopen link loads it,
ticked as stored, keyboard focus, saving, the fallback to the settings page). Skips locally without Chromium; fails
under CI."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

from tests.browser.datalayer import check_datalayer_events
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
    assert ("statistics", ["google-ireland-limited-marketing", "google-ireland-limited-statistics", "youtube"]) == (
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


VIDEO = "https://www.youtube-nocookie.com/embed/kalvo-asennus"


def outside(base: str, requests: list[str]) -> Any:
    """A route handler for every request that is not to the shop: recorded in ``requests`` and answered with a
    stand-in page, so nothing reaches the network."""

    def answer(route: Any) -> None:
        requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>stub</title><p>video</p>")

    return lambda url: not url.startswith(base), answer


def test_the_video_sends_nothing_to_youtube_before_consent(open_page: Any, shop_url: str) -> None:
    """The front page's YouTube video is a placeholder naming Google until the visitor allows it: no request
    leaves the shop before; "load this once" loads this iframe only and records nothing; "always allow YouTube"
    is recorded (method "embed") and the next page renders the iframe itself."""
    page = open_page()
    provider: list[str] = []
    page.context.route(*outside(shop_url, provider))
    page.goto(shop_url + "/")
    placeholder = page.locator(".rk-embed")
    assert ([], 0) == (provider, page.locator("iframe").count())
    assert "Sen lataaminen lähettää tietoja käynnistäsi vastaanottajalle Google Ireland Limited" in (
        placeholder.inner_text())
    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator("#rk-consent").wait_for(state="hidden")
    page.reload()
    assert ([], 0) == (provider, page.locator("iframe").count())
    page.get_by_role("button", name="Lataa tämän kerran").click()
    page.frame_locator("iframe.rk-embed-frame").get_by_text("video").wait_for()
    assert [VIDEO] == provider
    assert 1 == ConsentRecord.objects.count()  # loading once records nothing
    page.reload()
    assert 0 == page.locator("iframe").count()  # … and the next page asks again
    page.get_by_role("button", name="Salli aina YouTube").click()
    page.locator("iframe.rk-embed-frame").wait_for()
    record = ConsentRecord.objects.order_by("at", "pk").last()
    assert record is not None
    assert ("embed", ["youtube"]) == (record.method, record.details["services"])
    page.reload()
    assert (1, []) == (page.locator("iframe.rk-embed-frame").count(), ran(page))  # YouTube only: no GA, no pixel
    assert [VIDEO, VIDEO, VIDEO] == provider


def test_a_decision_pushes_a_datalayer_event(open_page: Any, shop_url: str) -> None:
    """Accept all pushes the rekisterikit_consent event with the categories, the services (YouTube among them) and
    Consent Mode granted; the next page pushes the stored decision; reject all pushes everything denied."""
    check_datalayer_events(open_page, shop_url + "/", "youtube")


def test_gpc_is_a_refusal_of_marketing(open_page: Any, shop_url: str) -> None:
    """With Sec-GPC: 1 the first layer says the signal is taken as a refusal of marketing; "accept all" then runs
    Google Analytics only, the video stays a placeholder and the log records the GPC."""
    page = open_page()
    provider: list[str] = []
    page.context.set_extra_http_headers({"Accept-Language": "fi", "Sec-GPC": "1"})
    page.context.route(*outside(shop_url, provider))
    page.goto(shop_url + "/")
    assert "kieltäytymisenä näistä evästeistä: markkinointi" in page.locator(".rk-consent__gpc").inner_text()
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")
    record = ConsentRecord.objects.get()
    assert (["google-analytics"], "statistics", "gpc", True) == (ran(page), record.granted, record.method, record.gpc)
    page.reload()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")
    assert (["google-analytics"], 0, []) == (ran(page), page.locator("iframe").count(), provider)


def shop_css_after_consent_css(route: Any) -> None:
    """Serve the page with the shop's stylesheet moved after rekisterikit's consent.css."""
    response = route.fetch()
    html = response.text()
    shop = re.search(r'<link rel="stylesheet" href="[^"]*/shop\.css">', html)
    assert shop is not None
    html = html.replace(shop.group(0), "", 1)
    consent = re.search(r"<link[^>]*consent\.css[^>]*>", html)
    assert consent is not None
    route.fulfill(response=response, body=html.replace(consent.group(0), consent.group(0) + shop.group(0), 1))


@pytest.mark.parametrize("shop_first", [True, False], ids=["shop-css-first", "consent-css-first"])
def test_the_shop_theme_wins_in_either_stylesheet_order(open_page: Any, shop_url: str, shop_first: bool) -> None:
    """The shop's --rk-accent (#12355b) colours the banner's buttons and the video placeholder whether shop.css
    loads before consent.css (as the template has it) or after it; consent.css's own default is #0b4f8a."""
    page = open_page()
    if not shop_first:
        page.route(shop_url + "/", shop_css_after_consent_css)
    page.goto(shop_url + "/")
    order = page.evaluate("Array.from(document.styleSheets, s => s.href.split('/').pop())")
    assert (order.index("shop.css") < order.index("consent.css")) is shop_first
    button = page.get_by_role("button", name="Hyväksy kaikki")
    embed = page.get_by_role("button", name="Salli aina YouTube")
    assert ("rgb(18, 53, 91)", "#12355b", "rgb(18, 53, 91)") == (
        button.evaluate("e => getComputedStyle(e).backgroundColor"),
        button.evaluate("e => getComputedStyle(e).getPropertyValue('--rk-accent').trim()"),
        embed.evaluate("e => getComputedStyle(e).borderColor"))


def test_always_allow_youtube_without_javascript(open_page: Any, shop_url: str) -> None:
    """Without JavaScript the placeholder offers only "always allow YouTube" (a form with the CSRF token); it
    records the service and comes back to the front page with the video."""
    page = open_page(js=False)
    provider: list[str] = []
    page.context.route(*outside(shop_url, provider))
    page.goto(shop_url + "/")
    assert (False, 0) == (page.get_by_role("button", name="Lataa tämän kerran").is_visible(),
                          page.locator("iframe").count())
    with page.expect_navigation():
        page.get_by_role("button", name="Salli aina YouTube").click()
    assert (shop_url + "/", 1) == (page.url, page.locator("iframe.rk-embed-frame").count())
    record = ConsentRecord.objects.get()
    assert ("embed", ["youtube"]) == (record.method, record.details["services"])


def decide_statistics(page: Any, shop_url: str) -> None:
    """Open the shop, choose statistics only, and reload: the visitor has decided."""
    page.goto(shop_url + "/")
    page.locator(".rk-consent__summary").click()
    page.get_by_role("checkbox", name="Tilastot").check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")
    page.reload()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 1")


def test_the_reopen_link_loads_the_settings_layer(open_page: Any, shop_url: str) -> None:
    """A decided visitor's page has no settings form, only the placeholder; the reopen link (by keyboard) loads
    the layer once, opens it with the settings shown and focus on its title, ticked as stored; saving records the
    new choice, closes it and gives focus back to the link; Escape closes it again without a new request."""
    page = open_page()
    decide_statistics(page, shop_url)
    layer_requests: list[str] = []
    page.on("request", lambda r: layer_requests.append(r.url) if "/consent/layer/" in r.url else None)
    assert (0, 1) == (page.locator("#rk-consent form").count(), page.locator("#rk-consent[data-rk-layer]").count())
    link = page.get_by_role("link", name="Evästeasetukset")
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#rk-consent .rk-consent__form").wait_for(state="visible")
    assert ([shop_url + "/tietosuoja/consent/layer/?next=%2F"], "rk-title", True) == (
        layer_requests, page.evaluate("document.activeElement.id"),
        page.locator("#rk-consent .rk-consent__settings").evaluate("e => e.open"))
    assert (True, False) == (page.get_by_role("checkbox", name="Tilastot").is_checked(),
                             page.get_by_role("checkbox", name="Markkinointi").is_checked())
    assert "Suostumuksesi tunnus on" in page.locator("#rk-consent").inner_text()  # the stored consent's id
    check_axe(page)
    page.get_by_role("checkbox", name="Markkinointi").check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.locator("#rk-consent").wait_for(state="hidden")
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 2")
    record = ConsentRecord.objects.order_by("at", "pk").last()
    assert record is not None
    assert ("custom", "statistics marketing") == (record.method, record.granted)
    assert page.evaluate("document.activeElement.classList.contains('rk-consent-reopen')")
    page.keyboard.press("Enter")
    page.locator("#rk-consent").wait_for(state="visible")
    assert "rk-title" == page.evaluate("document.activeElement.id")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#rk-consent') !== null")
    page.keyboard.press("Escape")
    page.locator("#rk-consent").wait_for(state="hidden")
    assert (1, True) == (len(layer_requests),
                         page.evaluate("document.activeElement.classList.contains('rk-consent-reopen')"))


def test_the_loaded_layer_ticks_follow_the_stored_choice_after_a_reload(open_page: Any, shop_url: str) -> None:
    """A choice saved from the loaded layer is what the next page's layer shows ticked (from the cookie)."""
    page = open_page()
    decide_statistics(page, shop_url)
    page.get_by_role("link", name="Evästeasetukset").click()
    page.get_by_role("checkbox", name="Tilastot").wait_for(state="visible")
    page.get_by_role("checkbox", name="Tilastot").uncheck()
    page.get_by_role("checkbox", name="Markkinointi").check()
    with page.expect_navigation():  # a withdrawal (statistics off) reloads the page
        page.get_by_role("button", name="Tallenna valinnat").click()
    page.get_by_role("link", name="Evästeasetukset").click()
    page.get_by_role("checkbox", name="Markkinointi").wait_for(state="visible")
    assert (False, True) == (page.get_by_role("checkbox", name="Tilastot").is_checked(),
                             page.get_by_role("checkbox", name="Markkinointi").is_checked())


def test_the_reopen_link_falls_back_to_the_settings_page(open_page: Any, shop_url: str) -> None:
    """If the layer cannot be loaded (the endpoint fails), the link goes to the settings page, as it does
    without JavaScript."""
    page = open_page()
    decide_statistics(page, shop_url)
    page.route("**/consent/layer/**", lambda route: route.fulfill(status=500, body="no"))
    with page.expect_navigation():
        page.get_by_role("link", name="Evästeasetukset").click()
    assert (page.url, True) == (shop_url + "/tietosuoja/consent/settings/",
                                page.get_by_role("checkbox", name="Tilastot").is_checked())


def test_without_javascript_the_reopen_link_is_the_settings_page(open_page: Any, shop_url: str) -> None:
    """Without JavaScript a decided visitor's reopen link leads to the settings page, ticked as stored."""
    page = open_page(js=False)
    page.goto(shop_url + "/")
    with page.expect_navigation():
        page.get_by_role("button", name="Hylkää kaikki").click()
    assert 0 == page.locator("#rk-consent form").count()
    with page.expect_navigation():
        page.get_by_role("link", name="Evästeasetukset").click()
    assert (shop_url + "/tietosuoja/consent/settings/", False) == (
        page.url, page.get_by_role("checkbox", name="Tilastot").is_checked())
