"""The linter's entry points: lint a text, a document or a file into a :class:`~rekisterikit.findings.Report`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from attrs import define

from rekisterikit.findings import Finding, Report, Requirement
from rekisterikit.lint.analysis import Analysis
from rekisterikit.lint.checks import Decision, Outcome, run_checks
from rekisterikit.lint.document import Document, Format, document_from_text, read_document
from rekisterikit.lint.structure import Structure, parse
from rekisterikit.model.values import Language

__all__ = ["LintResult", "lint_document", "lint_file", "lint_text"]


@define(frozen=True, kw_only=True)
class LintResult:
    """The outcome of linting one statement.

    Attributes:
        report: the findings, in the same shape as ``check``'s.
        decisions: for every requirement code, whether the text provides it, lacks it, or it does not apply.
        language: the statement's (dominant) language.
        structure: the sections and sentences found.
        analysis: the term index, for tools built on the linter (the importer).
    """

    report: Report
    decisions: Mapping[Requirement, Decision]
    language: Language
    structure: Structure
    analysis: Analysis

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The report's findings."""
        return self.report.findings

    def outcome(self, requirement: Requirement) -> Outcome:
        """Whether the text provides ``requirement``."""
        return self.decisions[requirement].outcome

    @property
    def missing(self) -> frozenset[Requirement]:
        """The requirement codes of the items the text lacks (findings of *missing* rules)."""
        from rekisterikit.lint.rules import rule

        return frozenset(f.requirement for f in self.report.findings if rule(f.rule).missing)


def lint_document(document: Document, *, language: Language | str | None = None) -> LintResult:
    """Lint a reduced document.

    Args:
        document: the statement, reduced to lines.
        language: read the whole text as this language instead of detecting it per section.
    """
    structure = parse(document, Language(language) if language is not None else None)
    analysis = Analysis(structure)
    findings, decisions = run_checks(analysis)
    report = Report(findings=tuple(findings), source=document.source, statement_version=None)
    return LintResult(report=report, decisions=decisions, language=structure.language, structure=structure,
                      analysis=analysis)


def lint_text(text: str, *, format: Format | None = None, language: Language | str | None = None,  # noqa: A002
              source: str | None = None) -> LintResult:
    """Lint a statement given as text.

    Args:
        text: the statement (plain text, Markdown or HTML).
        format: ``"txt"``, ``"md"`` or ``"html"``; detected from ``source`` and the text when ``None``.
        language: read the text as this language (``"fi"``, ``"sv"``, ``"en"``) instead of detecting it.
        source: a name for the input, shown in the report.

    Returns:
        The result, with the report and the per-requirement decisions.
    """
    return lint_document(document_from_text(text, format, source=source), language=language)


def lint_file(path: str | Path, *, format: Format | None = None,  # noqa: A002
              language: Language | str | None = None) -> LintResult:
    """Lint a statement file (``.txt``, ``.md``, ``.html``).

    Raises:
        UnreadableInput: the file is missing, binary or empty.
    """
    return lint_document(read_document(path, format), language=language)
