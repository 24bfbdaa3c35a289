"""``rekisterikit render FILE``: print or write a statement as HTML, text, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``render`` arguments."""
    parser.add_argument("file", help="statement file (.toml or .json)")
    parser.add_argument("--locale", choices=["fi", "sv", "en"], default=None,
                        help="language (default: the statement's default language)")
    parser.add_argument("--format", choices=["html", "text", "markdown", "json"], default="html",
                        help="output format (default: html)")
    parser.add_argument("--full-page", action="store_true",
                        help="html only: a standalone printable page instead of a fragment to embed")
    parser.add_argument("--heading-level", type=int, default=1, choices=range(1, 6), metavar="{1-5}",
                        help="heading level of the title in html and markdown (default: 1)")
    parser.add_argument("-o", "--output", metavar="OUT", default=None,
                        help="write to this file (UTF-8) instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Load the file, render it and print or write the result."""
    from rekisterikit.load import load
    from rekisterikit.render import render

    if args.full_page and args.format != "html":
        print("rekisterikit render: --full-page needs --format html", file=sys.stderr)
        return 2
    statement = load(args.file)
    output = render(statement, locale=args.locale or statement.default_language, format=args.format,
                    full_page=args.full_page, heading_level=args.heading_level)
    if args.output:
        Path(args.output).write_text(str(output), encoding="utf-8")
    else:
        sys.stdout.write(str(output))
    return 0
