"""Real-browser tests: every test here is marked ``browser`` and gets the shared fixtures."""

from __future__ import annotations

import pytest

from tests.browser.fixtures import browser, page, page_without_js

__all__ = ["browser", "page", "page_without_js"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
