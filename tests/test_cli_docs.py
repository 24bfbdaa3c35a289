"""docs/cli.md is generated from the argument parser, and every docs page is in the mkdocs navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rekisterikit.cli import COMMANDS, build_parser
from rekisterikit.clidocs import main, render

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"


def test_committed_cli_reference_is_up_to_date() -> None:
    """docs/cli.md equals the page generated from the parser: regenerate with python -m rekisterikit.clidocs --write."""
    assert render() == PAGE.read_text(encoding="utf-8")


def test_every_command_option_and_exit_status_is_in_the_reference() -> None:
    """Each subcommand has a section, each of its options a row, and its exit statuses are listed."""
    page = render()
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, _, _ in COMMANDS:
        assert f"\n## `rekisterikit {name}`\n" in page, name
        section = page.split(f"\n## `rekisterikit {name}`\n", 1)[1].split("\n## ", 1)[0]
        for action in sub.choices[name]._actions:
            for option in action.option_strings:
                assert f"`{option}`" in section, (name, option)
        assert "exit status:" in section, name


def test_check_mode_reports_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check exits 1 for a stale page and 0 after --write."""
    path = tmp_path / "cli.md"
    path.write_text("stale\n", encoding="utf-8")
    assert 1 == main(["--check", str(path)])
    assert "out of date" in capsys.readouterr().err
    assert 0 == main(["--write", str(path)])
    assert 0 == main(["--check", str(path)])


def test_every_docs_page_is_in_the_navigation() -> None:
    """mkdocs.yml's nav lists every page under docs/ and nothing that does not exist."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    listed = set(re.findall(r":\s+(\S+\.md)\s*$", nav, flags=re.MULTILINE))
    pages = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert pages == listed
