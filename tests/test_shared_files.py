"""Tests that need the shared seed files skip locally with directions, and fail under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import shared_files


def test_missing_seeds_skip_locally_saying_how_to_get_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CI=true a missing seed folder is a skip whose reason says where to put the files."""
    monkeypatch.setattr(shared_files, "SEEDS", tmp_path / "seeds")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as info:
        shared_files.require_seeds()
    assert "../shared/seeds" in str(info.value)
    assert "REKISTERIKIT_SHARED" in str(info.value)


def test_missing_seeds_fail_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under CI=true the same test fails instead of skipping."""
    monkeypatch.setattr(shared_files, "SEEDS", tmp_path / "seeds")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        shared_files.require_seeds()


def test_an_empty_seed_folder_counts_as_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder without the seed texts is no better than none."""
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(shared_files, "SEEDS", tmp_path / "seeds")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        shared_files.require_seeds()
    (tmp_path / "seeds" / "000_x.txt").write_text("seed", encoding="utf-8")
    assert tmp_path / "seeds" == shared_files.require_seeds()
