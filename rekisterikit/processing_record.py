"""``rekisterikit processing-record FILE``: the record of processing activities (GDPR 30(1)) from a statement.

The record is built from the published statement and its internal ``[record]`` part (data subjects, security
measures), in Finnish, Swedish or English, as a printable HTML page, CSV, XLSX (the ``xlsx`` extra) or JSON. What
the record lacks that Art. 30(1) requires is printed to standard error, one line each; ``--strict`` makes that exit 1.

The command lives outside :mod:`rekisterikit.records` because it may write a workbook through the ``xlsx`` extra
(:mod:`rekisterikit.xlsx`), which the core never imports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["EXIT_CODES", "add_arguments", "run"]

#: The exit statuses of ``rekisterikit processing-record``.
EXIT_CODES = {0: "the record was written", 1: "with --strict: the record lacks something Art. 30(1) requires",
              2: "the statement cannot be read, or bad usage (xlsx to the terminal, openpyxl missing)"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``processing-record`` arguments."""
    parser.add_argument("file", metavar="FILE", help="statement file (.toml or .json)")
    parser.add_argument("--format", choices=["html", "csv", "xlsx", "json"], default="html",
                        help="output format (default: html, a printable page)")
    parser.add_argument("--locale", choices=["fi", "sv", "en"], default=None,
                        help="language of the headings and texts (default: the statement's default language)")
    parser.add_argument("-o", "--output", metavar="OUT", default=None,
                        help="write to this file instead of standard output (required for xlsx)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when the record lacks something Art. 30(1) requires")


def run(args: argparse.Namespace) -> int:
    """Build the record and print or write it."""
    from rekisterikit.load import load
    from rekisterikit.records.art30 import render_record
    from rekisterikit.validate import validate

    if args.format == "xlsx" and args.output is None:
        print("rekisterikit processing-record: --format xlsx needs -o FILE.xlsx", file=sys.stderr)
        return 2
    statement = load(args.file)
    locale = args.locale or statement.default_language
    output: str | bytes
    if args.format == "xlsx":
        from rekisterikit.xlsx import render_record_xlsx

        try:
            output = render_record_xlsx(statement, locale=locale)
        except ImportError as exc:
            print(f"rekisterikit processing-record: {exc}", file=sys.stderr)
            return 2
    else:
        output = str(render_record(statement, locale=locale, format=args.format))
    report = validate(statement, select=["RK-RECORD"])
    for finding in report.findings:
        print(f"{args.file}: {finding.rule}: {finding.message.resolve(locale)[0]} @ {finding.path}",
              file=sys.stderr)
    if args.output is None:
        sys.stdout.write(str(output))  # bytes only for xlsx, which needs -o
    elif isinstance(output, bytes):
        Path(args.output).write_bytes(output)
    else:
        Path(args.output).write_text(str(output), encoding="utf-8", newline="")
    return 1 if args.strict and report.findings else 0
