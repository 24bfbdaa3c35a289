"""Paths shared by the linter tests: the test data and the published seed statements beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
#: The five published statements, in the shared folder beside the repository checkout (``../shared/seeds``).
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The seed statements, or a skip when the shared folder is not beside the checkout."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed statements are not in {SEEDS} (the shared folder beside the checkout)")
    return SEEDS
