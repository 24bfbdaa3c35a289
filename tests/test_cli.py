"""The command line: `show`, exit statuses, errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rekisterikit.cli import main

from .test_load import BROKEN, MINIMAL


def test_show_prints_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`show` prints the controller, the purposes with their bases and the version."""
    path = tmp_path / "s.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert 0 == main(["show", str(path)])
    out = capsys.readouterr().out
    assert "Controller: Confetti (no business id)" in out
    assert "tilaukset  contract" in out
    assert "Recipients: not stated" in out
    assert "Statement sha256:" in out


def test_show_unreadable_input_exits_2_listing_every_problem(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A bad file gives exit status 2 and one line per problem with its path, and no traceback."""
    path = tmp_path / "bad.toml"
    path.write_text(BROKEN, encoding="utf-8")
    assert 2 == main(["show", str(path)])
    err = capsys.readouterr().err
    assert f"{path}:2:1: required field missing @ $.controller.name" in err
    assert "(check digit) @ $.controller.business_id" in err
    assert "invalid legal basis 'asiakassuhde'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", [None, "controller = [", "\x00\x01"])
def test_missing_or_garbage_file_exits_2(tmp_path: Path, content: str | None,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or garbage content is exit status 2 with a message."""
    path = tmp_path / "x.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert 2 == main(["show", str(path)])
    assert "@ $" in capsys.readouterr().err


def test_python_m_entry_point(tmp_path: Path) -> None:
    """`python -m rekisterikit` runs the same command line in a fresh interpreter."""
    path = tmp_path / "s.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "rekisterikit", "show", str(path)],
                          capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
    assert "Confetti" in done.stdout
    done = subprocess.run([sys.executable, "-m", "rekisterikit", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.stdout.startswith("rekisterikit ")
