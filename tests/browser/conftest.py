"""Real-browser tests: every test here is marked ``browser``.

The shared fixtures (``browser``, ``page``, ``page_without_js``) are registered once for the whole suite in
tests/conftest.py (``pytest_plugins``): two registrations would start two Playwright instances in one thread,
which Playwright's sync API refuses when the Django adapter's browser tests run in the same session.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
