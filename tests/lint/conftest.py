"""Paths shared by the linter tests: the test data and the published seed statements beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_files import require_seeds

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    """The seed statements: a skip saying how to get them when they are missing, a failure under CI=true."""
    return require_seeds()
