"""Shared fixtures: paths of the example statements."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The real-browser fixtures (browser, page, page_without_js), registered once for every test package.
pytest_plugins = ["tests.browser.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "statements"

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# `pytest --hypothesis-profile fuzz …`: the long runs whose figures docs/security.md quotes.
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("ci" if __import__("os").environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the environment's language (LC_ALL, LC_MESSAGES, LANG); tests see English unless
    they set one, whatever the developer's locale."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def examples_dir() -> Path:
    """The directory of example statement files."""
    return EXAMPLES


def pytest_configure(config: pytest.Config) -> None:
    """Select the Django tests' settings when Django and pytest-django are installed (else they skip)."""
    import importlib.util
    import os

    if importlib.util.find_spec("django") and importlib.util.find_spec("pytest_django"):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.contrib.django.settings")
        from django.conf import settings as django_settings

        django_settings.DATABASES  # noqa: B018 - loads the settings now, so pytest-django sets Django up
