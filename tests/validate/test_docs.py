"""The rule reference is generated from the registry and the committed page matches it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekisterikit.validate.docs import builtin_rules, main, render

PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_committed_rule_reference_is_up_to_date() -> None:
    """docs/rules.md equals the generated page: regenerate it with python -m rekisterikit.validate.docs --write."""
    assert render() == PAGE.read_text(encoding="utf-8")


def test_every_rule_has_a_section_with_its_example_finding() -> None:
    """Each built-in rule has a heading (the SARIF helpUri anchor) and, with an example, the finding it gives."""
    page = render()
    for rule in builtin_rules():
        assert f"\n### {rule.id}\n" in page, rule.id
        assert f"](#{rule.id.lower()})" in page, rule.id
    assert page.count("Finding: *") == sum(1 for r in builtin_rules() if r.example is not None)


def test_check_mode_reports_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check exits 1 for a stale file and 0 for a fresh one; --write writes the page."""
    path = tmp_path / "rules.md"
    path.write_text("stale\n", encoding="utf-8")
    assert 1 == main(["--check", str(path)])
    assert "out of date" in capsys.readouterr().err
    assert 0 == main(["--write", str(path)])
    assert 0 == main(["--check", str(path)])
