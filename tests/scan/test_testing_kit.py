"""The testing kit's ``scan_app`` and ``rekisterikit_scan`` fixture against live WSGI servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.load import load
from rekisterikit.model import Statement
from rekisterikit.scan import Pass
from rekisterikit.testing.scan import scan_app
from tests.browser.harness import chromium_executable, serve_wsgi
from tests.scan.sites import BROKEN_STATEMENT, OTHER_STATEMENT, broken_shop, other_cmp_site

OTHER = {"accept_selector": ".cmp-yes", "reject_selector": ".cmp-no", "reopen_selector": ".cmp-reopen"}


@pytest.fixture(scope="module")
def broken_live() -> Iterator[str]:
    """The broken shop's live URL (http://127.0.0.1:PORT), as a shop's suite would have it."""
    with serve_wsgi(broken_shop) as base:
        yield base


def test_scan_app_fails_with_the_findings(scan_browser: Any, broken_live: str) -> None:
    """On the broken shop, under its parent-domain host name, the assertion lists each finding on a line."""
    with pytest.raises(AssertionError) as caught:
        scan_app(broken_live, BROKEN_STATEMENT, host="www.broken.test", pages=1, browser=scan_browser,
                 accept_selector="#accept", reject_selector="#reject", reopen_selector="#settings")
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("rekisterikit scan of http://www.broken.test:")
    assert any("RK-SCAN-AFTER-WITHDRAWAL" in line and ".broken.test" in line for line in lines[1:])


@pytest.fixture
def rekisterikit_statement() -> Statement:
    """The shop's statement, as a shop's conftest provides it (overriding the plugin's fixture)."""
    return load(OTHER_STATEMENT)


def test_the_fixture_passes_a_compliant_site(scan_browser: Any, rekisterikit_scan: Any) -> None:
    """The fixture takes the statement from ``rekisterikit_statement`` and returns the result when nothing is
    found (the page with another consent manager)."""
    with serve_wsgi(other_cmp_site) as base:
        result = rekisterikit_scan(base, host="www.other.test", pages=2, browser=scan_browser, **OTHER)
    accepted = result.get(Pass.ACCEPT)
    assert accepted is not None
    assert load(OTHER_STATEMENT).version == result.report.statement_version
    assert ("www.other.test", True) == (result.url.split("//")[1].split(":")[0],
                                        any(c.domain == ".other.test" for c in accepted.cookies))


@pytest.mark.browser
def test_scan_app_launches_its_own_chromium(broken_live: str) -> None:
    """Without a browser, scan_app starts the system Chromium in a thread of its own (host-mapped) and
    finds the defects all the same."""
    chromium_executable()  # skips locally (fails under CI) without Chromium
    with pytest.raises(AssertionError, match="RK-SCAN-BEFORE-CONSENT"):
        scan_app(broken_live, BROKEN_STATEMENT, host="www.broken.test", pages=1,
                 passes=[Pass.NO_DECISION], fail_on="error")
