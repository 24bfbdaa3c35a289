"""Helpers shared by the linter's class tests."""

from __future__ import annotations

from rekisterikit.lint.linter import LintResult, lint_text


def lint(text: str, lang: str, fmt: str = "txt") -> LintResult:
    """``text`` linted as a statement of format ``fmt`` ("txt", "md", "html") in language ``lang``."""
    return lint_text(text, format=fmt, language=lang)  # type: ignore[arg-type]
