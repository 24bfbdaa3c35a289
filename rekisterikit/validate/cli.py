"""``rekisterikit check FILE``: validate a statement file and report the findings.

Exit status: 0 when no finding reaches ``--fail-on`` (default ``error``), 1 when one does, 2 when the file cannot
be read or an option names an unknown rule.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from rekisterikit.model import Language

__all__ = ["add_arguments", "run", "use_colour"]


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` arguments."""
    parser.add_argument("file", help="statement file (.toml or .json)")
    parser.add_argument("--locale", choices=[lang.value for lang in Language], default=None,
                        help="language of the messages (default: the statement's default language)")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                        help="output format (default: text)")
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


def run(args: argparse.Namespace) -> int:
    """Load, validate and report; return the exit status."""
    from rekisterikit.load import load
    from rekisterikit.validate import REGISTRY, UnknownRuleError, validate
    from rekisterikit.validate.output import to_json, to_sarif, to_text

    statement = load(args.file)
    select, ignore = _selectors(args.select), _selectors(args.ignore) or []
    try:
        report = validate(statement, select=select, ignore=ignore, source=args.file)
    except UnknownRuleError as exc:
        print(f"rekisterikit check: {exc}", file=sys.stderr)
        return 2
    locale = Language(args.locale) if args.locale else statement.default_language
    if args.format == "json":
        sys.stdout.write(to_json(report, locale))
    elif args.format == "sarif":
        rules = REGISTRY.select(select, ignore)
        sys.stdout.write(json.dumps(to_sarif(report, rules, locale), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(report, locale, colour=use_colour(args.colour, sys.stdout)))
    return 1 if report.fails(args.fail_on) else 0
