"""Issue 17 in a real Chromium, on the reference WSGI shop with named services (Google Analytics, Google Ads, Meta
Pixel, YouTube): the informed first layer and its height on a phone, per-service choices, an embed that loads
nothing before consent (request interception), dataLayer events, GPC, the keyboard path, theming in either
stylesheet order, axe in fi/sv/en at desktop and phone widths, and the proof of the words shown.

The screenshots of the first layer and the settings layer (fi, phone and desktop) are written to test-artifacts/;
the copies in docs/img/ are taken from there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.consent import ConsentMethod, MemoryConsentStore, export_proof
from tests.browser.consent_app import ConsentShop
from tests.browser.harness import ARTIFACTS, check_axe, serve_wsgi
from tests.consent.shop import services_statement

BANNER = "#rk-consent"
PANEL = ".rk-consent__panel"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
YOUTUBE = "https://www.youtube-nocookie.com/"


@pytest.fixture
def store() -> MemoryConsentStore:
    """The shop's consent log."""
    return MemoryConsentStore()


@pytest.fixture
def shop(store: MemoryConsentStore) -> ConsentShop:
    """The reference shop on the named-services statement."""
    return ConsentShop(store, services_statement())


@pytest.fixture
def base_url(shop: ConsentShop) -> Iterator[str]:
    """The shop served on 127.0.0.1."""
    with serve_wsgi(shop) as url:
        yield url


@pytest.fixture
def context_factory(browser: Any) -> Iterator[Any]:
    """New browser contexts (viewport, headers, JavaScript), all closed after the test."""
    opened: list[Any] = []

    def make(viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        context = browser.new_context(viewport=viewport, reduced_motion="reduce", **options)
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


def ran(page: Any) -> list[str]:
    """The stand-in trackers that ran on the page."""
    return list(page.evaluate("window.rkRan || []"))


def _inside_viewport(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""s => Array.from(document.querySelectorAll(s)).every(e => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; })""", selector))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_first_layer_names_purposes_recipients_and_transfers_and_is_short_on_a_phone(
        context_factory: Any, base_url: str, lang: str) -> None:
    """Without a click, the banner names per category its purpose and the companies that receive data, and that
    data goes to the United States; on a 375×667 phone it takes at most 45 % of the viewport."""
    page = context_factory(PHONE).new_page()
    page.goto(f"{base_url}/?lang={lang}")
    panel = page.locator(PANEL)
    text = panel.inner_text()
    us = {"fi": "Yhdysvallat", "sv": "USA", "en": "United States"}[lang]
    assert ("Google Ireland Limited" in text, "Meta Platforms Ireland Limited" in text, us in text) == (
        True, True, True)
    assert not page.locator(".rk-consent__settings").evaluate("e => e.open")
    assert _inside_viewport(page, ".rk-consent__overview-item")  # visible, not clipped or scrolled away
    height = panel.bounding_box()["height"]
    assert height <= 0.45 * PHONE["height"], f"{lang}: the banner is {height:.0f} px of {PHONE['height']}"
    check_axe(page)


def test_screenshots_for_the_docs(context_factory: Any, shop: ConsentShop, base_url: str) -> None:
    """The first layer and the settings layer in Finnish, on a phone and a desktop, in the default theme."""
    shop.theme = False
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = context_factory(viewport).new_page()
        page.goto(base_url + "/?lang=fi")
        page.screenshot(path=str(ARTIFACTS / f"consent-first-layer-fi-{name}.png"))
        page.locator(".rk-consent__summary").click()
        page.locator(PANEL).screenshot(path=str(ARTIFACTS / f"consent-settings-fi-{name}.png"))
        assert (ARTIFACTS / f"consent-settings-fi-{name}.png").stat().st_size > 5000


def test_ga_on_meta_off_runs_only_ga(context_factory: Any, base_url: str, store: MemoryConsentStore) -> None:
    """Marketing ticked with the Meta Pixel unticked: only the Google Analytics stand-in runs, now and after a
    reload; the log holds the services chosen."""
    page = context_factory().new_page()
    page.goto(base_url + "/?lang=en")
    page.locator(".rk-consent__summary").click()
    page.get_by_role("checkbox", name="Statistics").check()
    page.get_by_role("checkbox", name="Marketing").check()  # ticks every marketing service …
    page.get_by_role("checkbox", name="Meta Pixel (Meta Platforms Ireland Limited)").uncheck()  # … but this one
    assert page.get_by_role("checkbox", name="Marketing").evaluate("e => e.indeterminate")
    page.get_by_role("button", name="Save choices").click()
    page.wait_for_function("(window.rkRan || []).length === 1")
    assert ["google-analytics"] == ran(page)
    (record,) = store.all()
    assert frozenset({"google-analytics", "google-ads", "youtube"}) == record.services
    page.reload()
    page.wait_for_function("(window.rkRan || []).length === 1")
    assert ["google-analytics"] == ran(page)


def test_an_embed_sends_nothing_to_the_provider_before_consent(context_factory: Any, base_url: str,
                                                               store: MemoryConsentStore) -> None:
    """No request reaches YouTube before consent; "load this once" loads this one iframe and stores nothing;
    "always allow YouTube" is recorded and the iframe then comes from the server."""
    context = context_factory()
    provider: list[str] = []

    def answer(route: Any) -> None:
        provider.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>stub</title><p>video</p>")

    context.route("**/*youtube*/**", answer)
    page = context.new_page()
    page.goto(base_url + "/video?lang=en")
    page.get_by_role("button", name="Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.reload()
    assert ([], 0) == (provider, page.locator("iframe").count())
    assert "Loading it sends data about your visit to Google Ireland Limited" in page.locator(".rk-embed").inner_text()
    page.get_by_role("button", name="Load this once").click()
    page.frame_locator("iframe.rk-embed-frame").get_by_text("video").wait_for()
    assert [YOUTUBE + "embed/rk-test"] == provider
    assert 1 == len(store.all())  # loading once records nothing
    page.reload()
    assert 0 == page.locator("iframe").count()  # … and the next page asks again
    page.get_by_role("button", name="Always allow YouTube").click()
    page.locator("iframe.rk-embed-frame").wait_for()
    assert (ConsentMethod.EMBED, frozenset({"youtube"})) == (store.all()[-1].method, store.all()[-1].services)
    page.reload()
    assert 1 == page.locator("iframe.rk-embed-frame").count()


def test_every_decision_pushes_a_datalayer_event(context_factory: Any, base_url: str) -> None:
    """Each decision pushes {event: "rekisterikit_consent", …} with the categories, services and Consent Mode; a
    later page with a stored decision pushes one with source "stored"."""
    page = context_factory().new_page()
    page.goto(base_url + "/?lang=en")
    page.get_by_role("button", name="Accept all").click()
    page.wait_for_function("(window.dataLayer || []).some(e => e.event === 'rekisterikit_consent')")
    event = page.evaluate("window.dataLayer.filter(e => e.event === 'rekisterikit_consent')[0]")
    assert ("decision", "accept_all", ["statistics", "marketing"], "granted") == (
        event["rekisterikit_source"], event["rekisterikit_method"], event["rekisterikit_categories"],
        event["rekisterikit_consent_mode"]["ad_storage"])
    assert {"google-analytics", "meta-pixel", "youtube", "google-ads"} == set(event["rekisterikit_services"])
    page.reload()
    page.wait_for_function("(window.dataLayer || []).some(e => e.event === 'rekisterikit_consent')")
    assert "stored" == page.evaluate(
        "window.dataLayer.filter(e => e.event === 'rekisterikit_consent')[0].rekisterikit_source")


def test_keyboard_path(context_factory: Any, base_url: str) -> None:
    """The banner is first in the tab order; from the settings link focus moves into it, Escape closes a reopened
    banner and focus returns to the link, and so it does after a decision."""
    page = context_factory().new_page()
    page.goto(base_url + "/?lang=en")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#rk-consent') !== null")
    page.get_by_role("button", name="Reject all").focus()
    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="hidden")
    link = page.get_by_role("link", name="Cookie settings")
    link.focus()
    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="visible")
    assert "rk-title" == page.evaluate("document.activeElement.id")
    page.keyboard.press("Escape")
    page.locator(BANNER).wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('rk-consent-reopen')")
    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="visible")
    page.get_by_role("button", name="Reject all").focus()
    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('rk-consent-reopen')")


def test_the_first_banner_is_not_closed_by_escape(context_factory: Any, base_url: str) -> None:
    """On a first visit Escape does not dismiss the banner: the visitor has not decided."""
    page = context_factory().new_page()
    page.goto(base_url + "/?lang=en")
    page.get_by_role("button", name="Accept all").focus()
    page.keyboard.press("Escape")
    assert page.locator(BANNER).is_visible()


@pytest.mark.parametrize("theme_first", [True, False])
def test_theming_works_in_either_stylesheet_order(context_factory: Any, shop: ConsentShop, base_url: str,
                                                  theme_first: bool) -> None:
    """The shop's --rk-accent on .rk-consent wins whether its stylesheet loads before or after consent.css."""
    shop.theme_first = theme_first
    page = context_factory().new_page()
    page.goto(base_url + "/?lang=en")
    colour = page.get_by_role("button", name="Accept all").evaluate("e => getComputedStyle(e).backgroundColor")
    assert "rgb(122, 31, 92)" == colour


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_with_the_settings_open_and_on_the_settings_page(context_factory: Any, base_url: str, lang: str,
                                                             viewport: dict[str, int]) -> None:
    """axe-core finds no violations with the settings layer open, on the embed page and on the settings page."""
    page = context_factory(viewport).new_page()
    page.goto(f"{base_url}/video?lang={lang}")
    page.locator(".rk-consent__summary").click()
    check_axe(page)
    page.goto(f"{base_url}/cookie-settings?lang={lang}")
    check_axe(page)


def test_gpc_refusal_is_worded_and_recorded(context_factory: Any, base_url: str, store: MemoryConsentStore) -> None:
    """Under GPC the first layer says the signal is a refusal of marketing; accept all leaves the pixel off."""
    page = context_factory(extra_http_headers={"Sec-GPC": "1"}).new_page()
    page.goto(base_url + "/?lang=fi")
    assert "kieltäytymisenä näistä evästeistä: markkinointi" in page.locator(".rk-consent__gpc").inner_text()
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("(window.rkRan || []).length === 1")
    assert (["google-analytics"], ConsentMethod.GPC) == (ran(page), store.all()[-1].method)


def test_the_proof_holds_the_version_and_the_texts_shown(context_factory: Any, base_url: str, shop: ConsentShop,
                                                         store: MemoryConsentStore) -> None:
    """The proof export of a decision made in Swedish has the library version and the Swedish buttons' words."""
    import rekisterikit

    page = context_factory().new_page()
    page.goto(base_url + "/?lang=sv")
    page.get_by_role("button", name="Avvisa alla").click()
    page.locator(BANNER).wait_for(state="hidden")
    (receipt,) = export_proof(store.all(), store=store, statements=[shop.service.statement])["receipts"]
    extra = receipt["rekisterikit"]
    shown = page.locator(PANEL).evaluate("e => Array.from(e.querySelectorAll('button')).map(b => b.textContent)")
    assert rekisterikit.__version__ == extra["libraryVersion"]
    assert {extra["bannerTexts"]["accept_all"], extra["bannerTexts"]["reject_all"]} <= set(shown)
