"""The example shop in a real Chromium, served by Django's live server: the whole consent journey and axe.

First visit (banner, no tracker ran), reject, reload, reopen the settings and choose statistics (Google Analytics
starts without a reload), accept all (the Meta Pixel starts), reload (both run from the server-side gate), every
decision in the database; axe-core finds no violations on the shop page with the banner, the settings and the
statement page. Skips locally without Chromium; fails under CI.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from rekisterikit.contrib.django.models import ConsentRecord  # noqa: E402
from tests.browser.harness import check_axe, save_screenshot  # noqa: E402
from tests.contrib.django.conftest import KALVOKESKUS  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.urls("demo_site.urls"),
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BANNER = "#rk-consent"

# Playwright's sync API runs an event loop in this thread; Django refuses database calls from a thread with a
# running loop unless told that it is safe (it is: the calls are synchronous and the loop is Playwright's own).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def shop_url(live_server: Any, rk_settings: Any) -> str:
    """The example shop on Django's live server, with its statement."""
    rk_settings(STATEMENT=KALVOKESKUS)
    return str(live_server.url)


def ran(page: Any) -> list[str]:
    """The trackers (local stand-ins of GA and the Meta Pixel) that ran on the page."""
    return list(page.evaluate("window.rkDemo ? window.rkDemo.ran : []"))


def methods() -> list[tuple[str, str]]:
    """(method, granted) of every consent record, oldest first."""
    return [(r.method, r.granted) for r in ConsentRecord.objects.order_by("at", "id")]


def test_consent_journey_in_the_example_shop(page: Any, shop_url: str) -> None:
    """First visit, reject, reload, reopen and choose statistics, accept all, reload: trackers follow the choice."""
    page.set_extra_http_headers({"Accept-Language": "fi"})
    page.goto(shop_url + "/")
    assert (True, []) == (page.locator(BANNER).is_visible(), ran(page))
    assert page.get_by_role("heading", name="Ikkunakalvot").is_visible()  # no cookie wall
    save_screenshot(page, "django-shop-first-visit")

    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator(BANNER).wait_for(state="hidden")
    assert ([("reject_all", "")], []) == (methods(), ran(page))

    page.reload()
    assert (False, []) == (page.locator(BANNER).is_visible(), ran(page))

    page.get_by_role("link", name="Evästeasetukset").click()
    page.locator(BANNER).wait_for(state="visible")
    page.get_by_role("checkbox", name="Tilastot").check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.indexOf('google-analytics') >= 0")
    assert (["google-analytics"], ("custom", "statistics")) == (ran(page), methods()[-1])

    page.get_by_role("link", name="Evästeasetukset").click()
    page.locator(BANNER).wait_for(state="visible")
    page.get_by_role("button", name="Hyväksy kaikki").click()
    page.wait_for_function("window.rkDemo.ran.indexOf('meta-pixel') >= 0")
    assert ("accept_all", "statistics marketing") == methods()[-1]

    page.reload()
    page.wait_for_function("window.rkDemo && window.rkDemo.ran.length === 2")
    assert (False, ["google-analytics", "meta-pixel"], True) == (
        page.locator(BANNER).is_visible(), sorted(ran(page)), page.locator("#stats-note").is_visible())
    assert 3 == ConsentRecord.objects.count()


def test_the_form_works_without_javascript_through_the_shop(browser: Any, shop_url: str) -> None:
    """With JavaScript off the banner is a plain form: accept all redirects back and the banner is gone."""
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(shop_url + "/ostoskori/")
        page.get_by_role("button", name="Hyväksy kaikki").click()
        page.wait_for_url(shop_url + "/ostoskori/")
        assert (False, [("accept_all", ConsentRecord.objects.get().granted)]) == (
            page.locator(BANNER).is_visible(), methods())
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/tietosuoja/", "/tietosuoja/sv/", "/tietosuoja/consent/settings/"])
def test_axe_finds_no_violations(page: Any, shop_url: str, path: str) -> None:
    """axe-core finds no accessibility violations on the shop page with the banner open, the statement and the
    settings page."""
    page.set_extra_http_headers({"Accept-Language": "fi"})
    page.goto(shop_url + path)
    if path == "/":
        page.get_by_text("Valitse evästeet").click()  # open the category details, so that axe checks them too
    check_axe(page)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_default_statement_page_fits_a_phone(browser: Any, shop_url: str, rk_settings: Any, lang: str) -> None:
    """At 375 px the library's own page has no horizontal scroll: the cookie table becomes cards (was 829 px)."""
    rk_settings(STATEMENT=KALVOKESKUS, PAGE_TEMPLATE="rekisterikit/statement_page.html")
    context = browser.new_context(viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{shop_url}/tietosuoja/{lang}/")
        assert page.locator("#rk-cookie-table").count() == 1
        assert 375 >= page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()


def test_withdrawal_without_javascript_removes_parent_domain_tracker_cookies(browser: Any, live_server: Any,
                                                                            rk_settings: Any) -> None:
    """On www.shop.test the tracker stand-ins set _ga, _ga_<id> and _fbp on .shop.test, as gtag.js and the pixel do;
    rejecting on the settings page with JavaScript off removes them (the server expires them on every parent
    domain up to the registrable domain), not only host-only cookies of those names."""
    from tests.browser.harness import CHROMIUM_ARGS, chromium_executable

    rk_settings(STATEMENT=KALVOKESKUS)
    port = live_server.url.rsplit(":", 1)[1]
    shop = f"http://www.shop.test:{port}"
    chromium = browser.browser_type.launch(
        executable_path=chromium_executable(), headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1"])
    try:
        with_js = chromium.new_context(locale="fi-FI")
        page = with_js.new_page()
        page.goto(shop + "/")
        page.get_by_role("button", name="Hyväksy kaikki").click()
        page.wait_for_function("window.rkDemo && window.rkDemo.ran.length >= 2")
        trackers = {c["name"]: c["domain"] for c in with_js.cookies() if c["name"].startswith(("_ga", "_fbp"))}
        assert {"_ga": ".shop.test", "_ga_DEMO000000": ".shop.test", "_fbp": ".shop.test"} == trackers

        without_js = chromium.new_context(locale="fi-FI", java_script_enabled=False)
        without_js.add_cookies(with_js.cookies())
        page = without_js.new_page()
        page.goto(shop + "/tietosuoja/consent/settings/")
        page.get_by_role("button", name="Hylkää kaikki").click()
        page.wait_for_load_state()
        left = sorted(c["name"] for c in without_js.cookies() if c["name"].startswith(("_ga", "_fbp")))
        assert [] == left
    finally:
        chromium.close()
