"""``require_django()``: skip a test module when Django or pytest-django is missing; under CI=true, fail instead."""

from __future__ import annotations

import os

import pytest


def require_django() -> None:
    """Call at the top of a test module, before importing Django."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        import django  # noqa: F401 - CI installs everything: an ImportError here fails the run
        import pytest_django  # noqa: F401
    else:
        pytest.importorskip("django")
        pytest.importorskip("pytest_django")
