"""The consent banner in a real Chromium: first visit, reject, accept, reload, reopen, no JavaScript, axe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.consent import ConsentMethod, MemoryConsentStore
from rekisterikit.model import CookieCategory
from tests.browser.consent_app import ConsentShop
from tests.browser.harness import check_axe, save_screenshot, serve_wsgi

BANNER = "#rk-consent"


@pytest.fixture
def store() -> MemoryConsentStore:
    """The shop's consent log."""
    return MemoryConsentStore()


@pytest.fixture
def shop(store: MemoryConsentStore) -> ConsentShop:
    """The test shop."""
    return ConsentShop(store)


@pytest.fixture
def base_url(shop: ConsentShop) -> Iterator[str]:
    """The shop served on 127.0.0.1."""
    with serve_wsgi(shop) as url:
        yield url


def _consent_cookie(page: Any) -> str | None:
    values = [c["value"] for c in page.context.cookies() if c["name"] == "rk_consent"]
    return values[0] if values else None


def _gated_runs(page: Any) -> int:
    return int(page.evaluate("window.rkGatedRuns || 0"))


def test_banner_appears_on_first_visit_with_equal_buttons(page: Any, base_url: str) -> None:
    """On a first visit the banner shows, with "accept all" and "reject all" of equal size and weight."""
    page.goto(base_url + "/")
    banner = page.locator(BANNER)
    assert banner.is_visible()
    accept = page.get_by_role("button", name="Hyväksy kaikki")
    reject = page.get_by_role("button", name="Hylkää kaikki")
    a, r = accept.bounding_box(), reject.bounding_box()
    assert (round(a["width"]), round(a["height"])) == (round(r["width"]), round(r["height"]))
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).backgroundColor, getComputedStyle(e).fontSize]"
    assert accept.evaluate(style) == reject.evaluate(style)
    assert page.locator("main h1").is_visible()  # no cookie wall: the page is there and usable


def test_reject_all_stores_a_rejection_and_runs_no_gated_script(page: Any, base_url: str, shop: ConsentShop,
                                                                 store: MemoryConsentStore) -> None:
    """Reject all hides the banner in the background, stores a rejection, and the gated script never loads."""
    page.goto(base_url + "/")
    page.evaluate("window.rkNoReload = 1")
    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator(BANNER).wait_for(state="hidden")
    (record,) = store.all()
    assert (ConsentMethod.REJECT_ALL, frozenset()) == (record.method, record.granted)
    assert (1, 0, 0) == (page.evaluate("window.rkNoReload"), _gated_runs(page), shop.requests["/gated.js"])
    assert _consent_cookie(page) is not None


def test_accept_all_runs_the_gated_script_without_reload(page: Any, base_url: str,
                                                         store: MemoryConsentStore) -> None:
    """Accept all activates the deferred statistics script at once, without reloading the page."""
    page.goto(base_url + "/")
    page.evaluate("window.rkNoReload = 1")
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    assert (1, False) == (page.evaluate("window.rkNoReload"), page.locator(BANNER).is_visible())
    assert [ConsentMethod.ACCEPT_ALL] == [r.method for r in store.all()]


def test_reload_keeps_the_choice(page: Any, base_url: str) -> None:
    """After a reload the banner stays hidden and the accepted script runs on load."""
    page.goto(base_url + "/")
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    page.reload()
    page.wait_for_function("window.rkGatedRuns === 1")
    assert not page.locator(BANNER).is_visible()


def test_settings_link_reopens_the_banner_and_saves_a_custom_choice(page: Any, base_url: str,
                                                                     store: MemoryConsentStore) -> None:
    """The footer link reopens the banner with the settings; a custom choice is saved in the background."""
    page.goto(base_url + "/")
    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.get_by_role("link", name="Evästeasetukset").click()
    page.locator(BANNER).wait_for(state="visible")
    assert page.url == base_url + "/"
    checkbox = page.get_by_role("checkbox", name="Tilastot")
    assert not checkbox.is_checked()
    checkbox.check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    assert [ConsentMethod.REJECT_ALL, ConsentMethod.CUSTOM] == [r.method for r in store.all()]
    assert frozenset({CookieCategory.STATISTICS}) == store.all()[-1].granted


def test_withdrawal_reloads_and_deletes_the_declined_cookies(page: Any, base_url: str,
                                                             store: MemoryConsentStore) -> None:
    """Withdrawing statistics after accepting deletes its cookie, records the withdrawal and stops the script."""
    page.goto(base_url + "/")
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    assert "_ga" in {c["name"] for c in page.context.cookies()}
    page.get_by_role("link", name="Evästeasetukset").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Hylkää kaikki").click()
    page.wait_for_load_state()
    assert (0, False) == (_gated_runs(page), page.locator(BANNER).is_visible())
    assert "_ga" not in {c["name"] for c in page.context.cookies()}
    assert {CookieCategory.STATISTICS, CookieCategory.MARKETING, CookieCategory.PREFERENCES} == set(
        store.all()[-1].withdrawn)


def test_keyboard_reaches_the_buttons_with_a_visible_focus(page: Any, base_url: str,
                                                           store: MemoryConsentStore) -> None:
    """The banner is usable by keyboard: Tab reaches "accept all", its focus ring shows, Enter submits."""
    page.goto(base_url + "/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.value") == "accept_all":
            break
    focused = page.locator(":focus")
    assert "accept_all" == focused.get_attribute("value")
    assert "none" != focused.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("Enter")
    page.wait_for_function("window.rkGatedRuns === 1")
    assert [ConsentMethod.ACCEPT_ALL] == [r.method for r in store.all()]


def test_without_javascript_the_form_works(page_without_js: Any, base_url: str, store: MemoryConsentStore) -> None:
    """Without JavaScript the banner posts a plain form, the server redirects back and the banner is gone."""
    page = page_without_js
    page.goto(base_url + "/?lang=sv")
    page.get_by_role("button", name="Avvisa alla").click()
    page.wait_for_url(base_url + "/?lang=sv")
    assert not page.locator(BANNER).is_visible()
    assert [ConsentMethod.REJECT_ALL] == [r.method for r in store.all()]
    page.get_by_role("link", name="Kakinställningar").click()
    page.wait_for_url(base_url + "/cookie-settings?lang=sv")
    page.get_by_role("checkbox", name="Statistik").check()
    page.get_by_role("button", name="Spara val").click()
    page.wait_for_url(base_url + "/cookie-settings?lang=sv&saved=1")
    assert (ConsentMethod.SETTINGS, frozenset({CookieCategory.STATISTICS})) == (store.all()[-1].method,
                                                                                 store.all()[-1].granted)
    assert page.get_by_role("checkbox", name="Statistik").is_checked()
    # the no-JS settings page says "saved" after the POST, with the consent id and a link back to the shop
    saved = page.locator(".rk-consent__saved")
    assert saved.is_visible()
    assert "/?lang=sv" == saved.get_by_role("link").get_attribute("href")
    assert store.all()[-1].consent_id in page.locator(".rk-consent__id").inner_text()


def test_settings_page_with_javascript_saves_in_the_background(page: Any, base_url: str,
                                                                store: MemoryConsentStore) -> None:
    """On the settings page a choice is saved in the background, confirmed, and the allowed script runs."""
    page.goto(base_url + "/cookie-settings?lang=en")
    page.evaluate("window.rkNoReload = 1")
    page.get_by_role("checkbox", name="Statistics").check()
    page.get_by_role("button", name="Save choices").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    assert "Your choices have been saved." == page.get_by_role("status").text_content()
    assert (1, ConsentMethod.SETTINGS) == (page.evaluate("window.rkNoReload"), store.all()[-1].method)
    page.reload()
    page.wait_for_function("window.rkGatedRuns === 1")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_axe_finds_no_violations(page: Any, base_url: str, lang: str) -> None:
    """axe-core reports no violations with the banner open, with its settings open, and on the settings page."""
    page.goto(f"{base_url}/?lang={lang}")
    check_axe(page)
    page.locator(".rk-consent__summary").click()
    page.locator(".rk-consent__cookies > summary").first.click()
    check_axe(page)
    page.goto(f"{base_url}/cookie-settings?lang={lang}")
    check_axe(page)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_screenshots(page: Any, base_url: str, lang: str) -> None:
    """Screenshots of the banner and its settings in Finnish and Swedish are saved as test artefacts."""
    page.goto(f"{base_url}/?lang={lang}")
    first = save_screenshot(page, f"consent-banner-{lang}")
    page.locator(".rk-consent__summary").click()
    page.locator(".rk-consent__cookies > summary").nth(2).click()
    settings = page.locator(".rk-consent__panel").screenshot(path=str(first.with_name(
        f"consent-settings-{lang}.png")))
    assert first.stat().st_size > 10_000
    assert len(settings) > 10_000


def test_gpc_is_a_refusal_of_marketing_and_an_explicit_opt_in_is_kept(browser: Any, base_url: str,
                                                                      store: MemoryConsentStore) -> None:
    """Under Sec-GPC: 1 the banner says the signal is taken as a refusal of marketing; "accept all" leaves marketing
    off (recorded as gpc); ticking marketing yourself afterwards is an explicit opt-in, recorded and kept."""
    context = browser.new_context(extra_http_headers={"Sec-GPC": "1"}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(base_url + "/?lang=en")
        note = page.locator(".rk-consent__gpc")
        assert "as a refusal of these cookies: marketing" in note.inner_text()
        page.locator(".rk-consent__summary").click()
        marketing = page.get_by_role("checkbox", name="Marketing")
        assert (False, True) == (marketing.is_checked(), marketing.is_enabled())
        check_axe(page)
        page.get_by_role("button", name="Accept all").click()
        page.wait_for_function("window.rkGatedRuns === 1")
        (record,) = store.all()
        assert (ConsentMethod.GPC, False, True) == (record.method, CookieCategory.MARKETING in record.granted,
                                                    record.gpc)
        page.reload()
        page.get_by_role("link", name="Cookie settings").click()
        page.get_by_role("checkbox", name="Marketing").check()
        page.get_by_role("button", name="Save choices").click()
        page.locator(BANNER).wait_for(state="hidden")
        last = store.all()[-1]
        assert (ConsentMethod.CUSTOM, True, True, True) == (
            last.method, CookieCategory.MARKETING in last.granted, last.gpc, last.gpc_optin)
        page.reload()
        assert "marketing" in page.locator(BANNER).get_attribute("data-rk-granted")
        assert 2 == len(store.all())  # the opt-in is not undone (nor re-recorded) by the next request's signal
    finally:
        context.close()
