"""Fixtures of the Django adapter tests (Django settings: tests/contrib/django/settings.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rekisterikit.consent import FIELD_ACTION, FIELD_CATEGORY, FIELD_NEXT

KALVOKESKUS = str(Path(__file__).resolve().parents[3] / "examples" / "statements" / "kalvokeskus-corrected.toml")


@pytest.fixture
def rk_settings(settings: Any) -> Callable[..., None]:
    """Change keys of the REKISTERIKIT setting for one test: ``rk_settings(STATEMENT=…, GPC=False)``."""
    original = dict(settings.REKISTERIKIT)

    def change(**values: Any) -> None:
        settings.REKISTERIKIT = {**original, **values}

    return change


def post_decision(client: Any, action: str, *categories: str, next_url: str | None = None, **extra: Any) -> Any:
    """POST a banner decision (form fields) to the consent endpoint and return the response."""
    data: dict[str, Any] = {FIELD_ACTION: action, FIELD_CATEGORY: list(categories)}
    if next_url is not None:
        data[FIELD_NEXT] = next_url
    return client.post("/privacy/consent/", data, **extra)

