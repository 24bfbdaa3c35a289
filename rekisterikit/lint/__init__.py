"""The legacy-statement linter and importer: from a privacy statement in prose to findings and a statement file.

``lint_file("tietosuojaseloste.html")`` reads a ``.txt``, ``.md`` or ``.html`` statement in Finnish, Swedish or
English, finds its sections, decides for every requirement code whether the text provides it, and flags what it
says wrongly (repealed law, invalid cookie consent, a signed paper request, vague wording). The findings have the
same shape as the structured validators' (:class:`~rekisterikit.findings.Report`).
"""

from rekisterikit.lint.checks import Decision, Outcome
from rekisterikit.lint.document import Document, UnreadableInput, read_document
from rekisterikit.lint.linter import LintResult, lint_document, lint_file, lint_text
from rekisterikit.lint.rules import RULES, LintRule

__all__ = [
    "RULES",
    "Decision",
    "Document",
    "LintResult",
    "LintRule",
    "Outcome",
    "UnreadableInput",
    "lint_document",
    "lint_file",
    "lint_text",
    "read_document",
]
