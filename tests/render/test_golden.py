"""Golden-file tests: every example statement in fi, sv and en and in every format renders exactly as reviewed.

After an intended change, regenerate with ``python -m tests.render.regen`` and review ``git diff tests/render/golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.regen import GOLDEN, expected_files, rendering

FILES = expected_files()


@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: p.name)
def test_rendering_matches_golden_file(path: Path) -> None:
    """The rendering equals the reviewed golden file (regenerate: python -m tests.render.regen)."""
    assert path.exists(), f"missing {path.name}: run python -m tests.render.regen"
    assert path.read_text(encoding="utf-8") == rendering(*FILES[path])


def test_no_stale_golden_files() -> None:
    """Every golden file belongs to an existing example, locale and format."""
    assert [] == sorted(p.name for p in GOLDEN.iterdir() if p not in FILES)


def test_every_example_has_goldens() -> None:
    """There are goldens for all example statements (7 or more) in 3 locales and 4 formats."""
    examples = {p.name.split(".")[0] for p in FILES}
    assert len(examples) >= 7
    assert len(examples) * 12 == len(FILES)
