"""``rekisterikit check FILE…``: validate statement files and report the findings.

Several files, glob patterns and ``-`` (standard input) are accepted; the exit status is the worst of them: 0 when
no finding reaches ``--fail-on`` (default ``error``), 1 when one does, 2 when a file cannot be read or an option
names an unknown rule.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from rekisterikit.model import Language

__all__ = ["EXIT_CODES", "add_arguments", "report_dict", "run", "use_colour"]

#: The exit statuses ``check --help`` lists.
EXIT_CODES = {
    0: "no finding at the --fail-on level in any file",
    1: "a finding at the --fail-on level (default: error) in at least one file",
    2: "a file cannot be read or loaded, or an option names an unknown rule",
}


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` arguments."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="statement files (.toml or .json), glob patterns, or - for standard input")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of the messages and headings (default: from LANG, else en); JSON output "
                             "carries every language's message")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                        help="output format (default: text); several files give a JSON array or one SARIF run "
                             "per file")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                        help="exit with status 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--select", action="append", metavar="RULE",
                        help="run only these rules: ids, id prefixes (RK-COOKIE) or requirement codes (retention); "
                             "repeat or separate with commas")
    parser.add_argument("--ignore", action="append", metavar="RULE",
                        help="do not run these rules (same forms as --select)")
    parser.add_argument("--color", "--colour", dest="colour", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (default: auto, when writing to a terminal and NO_COLOR is "
                             "unset)")


def use_colour(choice: str, stream: object) -> bool:
    """Whether to colour text output: ``always``, ``never``, or on a terminal when NO_COLOR is unset."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def report_dict(report: Any, locale: Language) -> dict[str, Any]:
    """The JSON object of one report: each finding's ``message`` in ``locale`` and ``messages`` in fi, sv and en."""
    data: dict[str, Any] = report.to_dict(locale)
    for finding, item in zip(report.findings, data["findings"], strict=True):
        item["messages"] = {lang.value: finding.message.resolve(lang)[0] for lang in Language}
    return data


def run(args: argparse.Namespace) -> int:
    """Load, validate and report every file; return the worst exit status."""
    import rekisterikit.validate.rules  # noqa: F401 - registers the built-in rules before selecting
    from rekisterikit.cliutil import expand_files, language, load_statement, print_load_error
    from rekisterikit.errors import LoadError
    from rekisterikit.validate import REGISTRY, UnknownRuleError, validate
    from rekisterikit.validate.output import to_sarif, to_text

    select, ignore = _selectors(args.select), _selectors(args.ignore) or []
    try:
        rules = REGISTRY.select(select, ignore)
    except UnknownRuleError as exc:
        print(f"rekisterikit check: {exc}", file=sys.stderr)
        return 2
    locale = language(args.locale)
    files = expand_files(args.files)
    quiet = getattr(args, "quiet", False)
    worst = 0
    json_reports: list[dict[str, Any]] = []
    sarif_runs: list[dict[str, Any]] = []
    sarif_log: dict[str, Any] | None = None
    for name in files:
        try:
            statement = load_statement(name)
        except LoadError as exc:
            print_load_error(exc)
            worst = 2
            continue
        source = "<stdin>" if name == "-" else name
        report = validate(statement, select=select, ignore=ignore, source=source)
        status = 1 if report.fails(args.fail_on) else 0
        worst = max(worst, status)
        if args.format == "json":
            json_reports.append(report_dict(report, locale))
        elif args.format == "sarif":
            log = to_sarif(report, rules, locale)
            sarif_log = sarif_log or log
            sarif_runs.extend(log["runs"])
        elif not (quiet and status == 0):
            sys.stdout.write(to_text(report, locale, colour=use_colour(args.colour, sys.stdout)))
    if args.format == "json" and json_reports:
        data: Any = json_reports[0] if len(files) == 1 else json_reports
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "sarif" and sarif_log is not None:
        sarif_log["runs"] = sarif_runs
        sys.stdout.write(json.dumps(sarif_log, ensure_ascii=False, indent=2) + "\n")
    return worst
