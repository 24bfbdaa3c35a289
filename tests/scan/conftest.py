"""Fixtures of the scan tests: one Chromium with test host names for the whole session, the test sites.

The browser is launched from the session's Playwright (the ``browser`` fixture of tests/browser/fixtures.py), so
the suite never runs two Playwright instances in one thread. ``*.shop.test`` and ``*.broken.test`` resolve to
127.0.0.1 inside it, so cookies set on a parent domain (``.shop.test``) are really exercised.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.scan import CHROMIUM_ARGS, host_resolver_rules
from tests.browser.harness import chromium_executable

HOSTS = {"*.shop.test": "127.0.0.1", "*.broken.test": "127.0.0.1", "broken.test": "127.0.0.1",
         "*.other.test": "127.0.0.1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that use Chromium (those requesting ``scan_browser``) as browser tests."""
    for item in items:
        if "tests/scan/" in str(item.path).replace("\\", "/") and "scan_browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def scan_browser(browser: Any) -> Iterator[Any]:
    """Chromium with the test host names mapped to 127.0.0.1, shared by every scan test."""
    args = [*CHROMIUM_ARGS, "--host-resolver-rules=" + host_resolver_rules(HOSTS)]
    mapped = browser.browser_type.launch(executable_path=chromium_executable(), args=args, headless=True)
    try:
        yield mapped
    finally:
        mapped.close()
