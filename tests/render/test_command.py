"""Tests of rekisterikit.render.command: ``rekisterikit render FILE``."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit.cli import main
from tests.render.samples import FULL


@pytest.fixture
def statement_file(tmp_path: Path) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(FULL, encoding="utf-8")
    return path


def test_render_html_fragment_to_stdout(statement_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """By default the command prints the HTML fragment in the statement's default language."""
    assert 0 == main(["render", str(statement_file)])
    out = capsys.readouterr().out
    assert out.startswith('<article class="rk-statement" lang="fi"')


def test_render_full_page_to_file(statement_file: Path, tmp_path: Path) -> None:
    """--full-page -o writes a standalone page in UTF-8."""
    out = tmp_path / "out.html"
    assert 0 == main(["render", str(statement_file), "--locale", "sv", "--full-page", "-o", str(out)])
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="sv">')


@pytest.mark.parametrize(("fmt", "start"), [("text", "Privacy notice\n"), ("markdown", "# Privacy notice\n"),
                                            ("json", '{\n  "format": "rekisterikit/rendered-statement"')])
def test_render_other_formats(statement_file: Path, capsys: pytest.CaptureFixture[str], fmt: str,
                              start: str) -> None:
    """--format selects text, Markdown or JSON."""
    assert 0 == main(["render", str(statement_file), "--locale", "en", "--format", fmt])
    assert capsys.readouterr().out.startswith(start)


def test_full_page_needs_html(statement_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--full-page with another format is a usage error (exit 2)."""
    assert 2 == main(["render", str(statement_file), "--format", "text", "--full-page"])
    assert "--full-page needs --format html" in capsys.readouterr().err


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be loaded is reported without a traceback, exit 2."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[controller]\n", encoding="utf-8")
    assert 2 == main(["render", str(bad)])
    assert "controller" in capsys.readouterr().err
