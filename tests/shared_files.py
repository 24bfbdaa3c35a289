"""The files the tests read from the shared folder beside the checkout (``../shared``): the five published seed
statements the examples model.

They are not in the repository. Locally a test that needs them skips, saying how to get them; under ``CI=true`` it
fails, because a CI run that silently skips them would not test what it claims to.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["SEEDS", "SHARED", "require_seeds"]

#: The shared folder: ``$REKISTERIKIT_SHARED``, or ``shared`` beside the checkout.
SHARED = Path(os.environ.get("REKISTERIKIT_SHARED") or Path(__file__).resolve().parents[2] / "shared")
#: The published seed statements (``000_….txt`` … ``004_….txt``).
SEEDS = SHARED / "seeds"


def require_seeds() -> Path:
    """The seed folder; a skip (locally) or a failure (under ``CI=true``) when it is missing."""
    if SEEDS.is_dir() and any(SEEDS.glob("*.txt")):
        return SEEDS
    message = (f"the published seed statements are not in {SEEDS}. They are the team's shared files, not part of "
               "the repository: put the shared folder beside the checkout (so that ../shared/seeds/000_*.txt "
               "exists), or set REKISTERIKIT_SHARED to the folder that holds seeds/")
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: these tests must run)")
    pytest.skip(message)
