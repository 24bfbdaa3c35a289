"""Fixtures of the validator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit import Statement, load

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def compliant() -> Statement:
    """A hand-built statement on which no rule fires."""
    return load(DATA / "compliant.toml")
