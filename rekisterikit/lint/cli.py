"""``rekisterikit lint FILE``: lint a privacy statement written in prose (``.txt``, ``.md``, ``.html``).

Options, output formats and exit statuses mirror ``rekisterikit check``: 0 when no finding reaches ``--fail-on``
(default ``error``), 1 when one does, 2 when the file cannot be read or an option names an unknown rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from rekisterikit.findings import Finding, Report
from rekisterikit.model import Language

__all__ = ["add_arguments", "run", "sarif", "select_findings"]

_MIME = {"txt": "text/plain", "md": "text/markdown", "html": "text/html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``lint`` arguments."""
    parser.add_argument("file", help="statement in prose (.txt, .md or .html)")
    parser.add_argument("--lang", choices=[lang.value for lang in Language], default=None,
                        help="read the text as this language (default: detected per section)")
    parser.add_argument("--input-format", choices=("txt", "md", "html"), default=None,
                        help="how to read the file (default: from its suffix or content)")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of the messages (default: from LANG, else en); JSON output carries every "
                             "language's message")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                        help="exit with status 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--select", action="append", metavar="RULE",
                        help="report only these rules: ids, id prefixes (RK-LINT-COOKIE) or requirement codes "
                             "(retention); repeat or separate with commas")
    parser.add_argument("--ignore", action="append", metavar="RULE",
                        help="do not report these rules (same forms as --select)")
    parser.add_argument("--color", "--colour", dest="colour", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (default: auto)")


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def _matches(finding: Finding, selector: str) -> bool:
    return (finding.rule == selector or finding.rule.startswith(selector.rstrip("-") + "-")
            or finding.requirement.value == selector)


def select_findings(report: Report, select: Iterable[str] | None, ignore: Iterable[str]) -> Report:
    """The report with only the findings ``select`` names (all when ``None``), minus those ``ignore`` names.

    Raises:
        ValueError: a selector names no lint rule, rule-id prefix or requirement code.
    """
    from rekisterikit.findings import Requirement
    from rekisterikit.lint.rules import RULES

    select = list(select) if select is not None else None
    ignore = list(ignore)
    known = {r.id for r in RULES.values()} | {r.value for r in Requirement}
    for selector in [*(select or ()), *ignore]:
        if selector not in known and not any(i.startswith(selector.rstrip("-") + "-") for i in RULES):
            raise ValueError(f"unknown rule, rule prefix or requirement code {selector!r}")
    kept = tuple(f for f in report.findings
                 if (select is None or any(_matches(f, s) for s in select))
                 and not any(_matches(f, s) for s in ignore))
    return Report(findings=kept, source=report.source, statement_version=report.statement_version)


def sarif(report: Report, locale: Language | str, input_format: str = "txt") -> dict[str, Any]:
    """The report as SARIF 2.1.0, built by ``check``'s formatter, with each finding's quoted line as its region."""
    from rekisterikit.lint.rules import RULES
    from rekisterikit.validate.output import to_sarif
    from rekisterikit.validate.registry import Rule

    rules = [Rule(id=r.id, requirement=r.requirement, severity=r.severity, article=r.article,
                  title=(r.message.en or r.id).split(" (")[0].split(";")[0].rstrip("."), message=r.message,
                  check=lambda ctx: (), trigger=r.message.en or "", origin="rekisterikit lint")
             for r in RULES.values()]
    log = to_sarif(report, rules, locale)
    run = log["runs"][0]
    for result, finding in zip(run["results"], report.findings, strict=True):
        if finding.evidence is None:
            continue
        for location in result["locations"]:
            physical = location.get("physicalLocation")
            if physical is not None:
                physical["region"] = {"startLine": finding.evidence.line,
                                      "snippet": {"text": finding.evidence.quote}}
    for artifact in run.get("artifacts", ()):
        artifact["mimeType"] = _MIME.get(input_format, "text/plain")
    return log


def run(args: argparse.Namespace) -> int:
    """Read, lint and report; return the exit status."""
    from rekisterikit.cliutil import language
    from rekisterikit.lint.document import UnreadableInput, read_document
    from rekisterikit.lint.linter import lint_document
    from rekisterikit.validate.cli import report_dict, use_colour
    from rekisterikit.validate.output import to_text

    try:
        document = read_document(args.file, args.input_format)
    except UnreadableInput as exc:
        print(f"rekisterikit lint: {exc}", file=sys.stderr)
        return 2
    if document.truncated:
        print(f"rekisterikit lint: {args.file}: only the first 8 MB were read", file=sys.stderr)
    result = lint_document(document, language=args.lang)
    try:
        report = select_findings(result.report, _selectors(args.select), _selectors(args.ignore) or [])
    except ValueError as exc:
        print(f"rekisterikit lint: {exc}", file=sys.stderr)
        return 2
    locale = language(args.locale)
    if args.format == "json":
        sys.stdout.write(json.dumps(report_dict(report, locale), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "sarif":
        sys.stdout.write(json.dumps(sarif(report, locale, document.format), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(report, locale, colour=use_colour(args.colour, sys.stdout)))
    return 1 if report.fails(args.fail_on) else 0
