"""docs/testing.md: the plain pytest and hypothesis examples run as written (the Django and Flask recipes are run
against the example shops in tests/contrib/*/test_testing_kit.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
BLOCK = re.compile(r'```(\w+)(?: title="([^"]+)")?\n(.*?)```', re.DOTALL)


def _blocks(language: str) -> list[tuple[str | None, str]]:
    return [(title or None, body) for lang, title, body in BLOCK.findall(DOC) if lang == language]


def test_the_plain_pytest_example_runs_as_documented(pytester: pytest.Pytester) -> None:
    """The pyproject.toml snippet and tests/test_privacy.py pass against a compliant statement."""
    toml = next(body for _, body in _blocks("toml") if "rekisterikit_statement" in body)
    example = next(body for title, body in _blocks("python") if title == "tests/test_privacy.py"
                   and "def shop(" in body)
    (pytester.path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (pytester.path / "privacy").mkdir()
    shutil.copy(ROOT / "examples" / "statements" / "monalisa-corrected.toml",
                pytester.path / "privacy" / "tietosuojaseloste.toml")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_privacy.py").write_text(example, encoding="utf-8")
    result = pytester.runpytest("-p", "no:django", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_the_hypothesis_example_runs_as_documented(pytester: pytest.Pytester) -> None:
    """The strategies example passes (with few examples, to stay quick)."""
    example = next(body for title, body in _blocks("python") if title == "tests/test_statement_page.py")
    pytester.makeconftest("from hypothesis import settings\n"
                          "settings.register_profile('docs', max_examples=5, deadline=None)\n"
                          "settings.load_profile('docs')\n")
    pytester.makepyfile(test_statement_page=example)
    result = pytester.runpytest("-p", "no:django", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_failure_sample_matches_the_real_format() -> None:
    """The sample failure text has the shape assert_compliant produces."""
    sample = next(body for _, body in _blocks("text") if "is not compliant" in body)
    lines = sample.splitlines()
    assert re.fullmatch(r"\S+ is not compliant: \d+ findings at or above error", lines[0])
    assert re.fullmatch(r"  RK-[A-Z-]+ \[error\] .+", lines[1])
    assert re.fullmatch(r"    at \$\.\S+ \(line \d+\)", lines[2])
