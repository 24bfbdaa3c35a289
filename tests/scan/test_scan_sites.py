"""The scanner in Chromium against the test sites: the broken shop and a page with another consent manager.

One scan of each site is shared by the tests that read it (module-scoped), so the module runs a handful of scans.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.scan import Pass, ScanResult, scan
from tests.browser.harness import serve_wsgi
from tests.scan.sites import BROKEN_STATEMENT, OTHER_STATEMENT, broken_shop, other_cmp_site


def _on_test_host(base: str, host: str) -> str:
    return base.replace("127.0.0.1", host) + "/"


@pytest.fixture(scope="module")
def broken_url() -> Iterator[str]:
    """The broken shop on 127.0.0.1, as http://www.broken.test:PORT/."""
    with serve_wsgi(broken_shop) as base:
        yield _on_test_host(base, "www.broken.test")


@pytest.fixture(scope="module")
def broken(scan_browser: Any, broken_url: str) -> ScanResult:
    """All four passes over three pages of the broken shop, held against its statement."""
    return scan(broken_url, statement=BROKEN_STATEMENT, pages=3, browser=scan_browser, offline=True,
                stand_ins=True, accept_selector="#accept", reject_selector="#reject", reopen_selector="#settings")


def test_the_broken_shop_yields_exactly_the_expected_findings_each_once(broken: ScanResult) -> None:
    """Each of the six defects is found, each finding once, and nothing else is reported."""
    expected = sorted([
        # 1. analytics before consent: its two cookies and its two hosts
        ("RK-SCAN-BEFORE-CONSENT", "$.cookies[1]"), ("RK-SCAN-BEFORE-CONSENT", "$.cookies[2]"),
        ("RK-SCAN-BEFORE-CONSENT", '$.scan.hosts["www.googletagmanager.com"]'),
        ("RK-SCAN-BEFORE-CONSENT", '$.scan.hosts["region1.google-analytics.com"]'),
        ("RK-SCAN-NECESSARY-TRACKER", "$.cookies[4]"),  # 2. _gcl_au declared necessary
        ("RK-SCAN-UNDECLARED", '$.scan.cookies["promo_seen"]'),  # 3. an undeclared cookie
        ("RK-SCAN-DURATION", "$.cookies[3].duration"),  # 4. _fbp lives 90 days, declared one month
        ("RK-SCAN-AFTER-WITHDRAWAL", "$.cookies[3]"),  # 5. _fbp left on .broken.test
        ("RK-SCAN-UNDECLARED-HOST", '$.scan.hosts["c.clarity.ms"]'),  # 6. an undeclared US host …
        ("RK-SCAN-TRANSFER", '$.scan.hosts["c.clarity.ms"]'),  # … not disclosed as a transfer
    ])
    assert expected == sorted((f.rule, f.path) for f in broken.report.findings)


def test_findings_name_the_cookie_the_domain_and_the_article(broken: ScanResult) -> None:
    """The withdrawal finding names the parent domain; the transfer finding the provider and country."""
    by_rule = {f.rule: f for f in broken.report.findings}
    left, transfer = by_rule["RK-SCAN-AFTER-WITHDRAWAL"], by_rule["RK-SCAN-TRANSFER"]
    assert ('"_fbp" (.broken.test, marketing)' in left.message.resolve("en")[0], "GDPR 7(3); 917/2014 205 §",
            "Microsoft Corporation" in transfer.message.resolve("fi")[0],
            "US" in transfer.message.resolve("sv")[0]) == (
        True, left.article, True, True)


def test_each_pass_records_cookies_with_their_origin_domain_and_lifetime(broken: ScanResult) -> None:
    """Header cookies and script cookies are told apart; gtag's cookies sit on the parent domain for 400 days
    (Chromium's cap on two years); the pixel's request goes to www.facebook.com only after acceptance."""
    untouched, accepted = broken.get(Pass.NO_DECISION), broken.get(Pass.ACCEPT)
    assert untouched is not None
    assert accepted is not None
    cookies = {c.name: c for c in untouched.cookies}
    ga = cookies["_ga"]
    assert (cookies["promo_seen"].set_by, cookies["promo_seen"].host_only, ga.set_by, ga.domain, ga.host_only,
            round(ga.lifetime_days or 0)) == ("header", True, "script", ".broken.test", False, 400)
    hosts = {r.host for r in untouched.requests}, {r.host for r in accepted.requests}
    assert ("www.facebook.com" in hosts[0], "www.facebook.com" in hosts[1]) == (False, True)
    assert ("selector", "selector", "selector") == tuple(
        broken.get(p).consent for p in (Pass.REJECT, Pass.ACCEPT, Pass.WITHDRAW))  # type: ignore[union-attr]


def test_the_crawl_is_same_origin_and_obeys_robots_txt(broken: ScanResult, broken_url: str) -> None:
    """Three pages, breadth-first from the start page; /hallinta/ (disallowed in robots.txt) is never opened."""
    assert [broken_url, broken_url + "tuotteet", broken_url + "tietoa"] == list(broken.pages)
    assert all(p.pages == broken.pages for p in broken.passes)


def test_without_selectors_the_other_banner_is_reported_as_not_found(scan_browser: Any, broken_url: str) -> None:
    """A consent manager the scanner does not know, and no selectors: it says it found no control to click."""
    result = scan(broken_url, statement=BROKEN_STATEMENT, pages=1, browser=scan_browser, offline=True,
                  stand_ins=True, passes=[Pass.NO_DECISION, Pass.ACCEPT], screenshots=False)
    assert [("RK-SCAN-NO-CONTROL", "$.scan.controls.accept")] == [
        (f.rule, f.path) for f in result.report.findings if f.rule == "RK-SCAN-NO-CONTROL"]


def test_another_consent_manager_scans_with_selectors(scan_browser: Any) -> None:
    """A compliant page with its own 'Allow all'/'Deny' buttons: clicked by selector, analytics runs only after
    acceptance, the withdrawal removes its parent-domain cookies, and nothing is reported."""
    with serve_wsgi(other_cmp_site) as base:
        result = scan(_on_test_host(base, "www.other.test"), statement=OTHER_STATEMENT, pages=2,
                      browser=scan_browser, offline=True,
                      stand_ins=True, accept_selector=".cmp-yes", reject_selector=".cmp-no",
                      reopen_selector=".cmp-reopen")
    accepted, withdrawn = result.get(Pass.ACCEPT), result.get(Pass.WITHDRAW)
    assert accepted is not None
    assert withdrawn is not None
    assert ([], "selector", "selector") == (list(result.report.findings), accepted.consent, withdrawn.consent)
    assert {"_ga", "_ga_OTHER"} <= {c.name for c in accepted.cookies}
    assert [("local_storage", "cmp_state")] == [(k.kind, k.key) for k in accepted.storage]
    assert {"cmp_choice"} == {c.name for c in withdrawn.final_cookies}


def test_the_sitemap_adds_pages_and_exclusions_remove_them(scan_browser: Any, broken_url: str) -> None:
    """With the sitemap, a page no link leads to is scanned; an excluded path is not, nor are the consent
    manager's own links (its 'accept' link is not a page: following it would consent)."""
    result = scan(broken_url, pages=10, sitemap=True, exclude=["/tietoa"], browser=scan_browser, offline=True,
                  passes=[Pass.NO_DECISION], screenshots=False, accept_selector="#accept", reject_selector="#reject",
                  reopen_selector="#settings")
    assert [broken_url, broken_url + "piilossa", broken_url + "tuotteet"] == list(result.pages)


def test_a_redirected_start_page_is_crawled_on_its_new_origin(scan_browser: Any, broken_url: str) -> None:
    """http://broken.test/ redirects to www.broken.test: the crawl follows the links of the new origin."""
    bare = broken_url.replace("www.broken.test", "broken.test")
    result = scan(bare, pages=3, browser=scan_browser, offline=True, passes=[Pass.NO_DECISION], screenshots=False,
                  accept_selector="#accept", reject_selector="#reject", reopen_selector="#settings")
    assert [bare, broken_url + "tuotteet", broken_url + "tietoa"] == list(result.pages)
