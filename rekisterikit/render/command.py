"""``rekisterikit render FILE…``: print or write statements as HTML, text, Markdown or JSON.

One file (or ``-`` for standard input) prints to standard output or writes to ``-o OUT``. ``-o`` naming an existing
folder writes each file there as ``<name>.<html|txt|md|json>``, which is also how several files (or a glob) are
rendered at once. An existing output file is overwritten only with ``--force`` (the rule ``import -o`` follows).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["EXIT_CODES", "SUFFIXES", "add_arguments", "run"]

#: The exit statuses ``render --help`` lists.
EXIT_CODES = {
    0: "rendered",
    2: "a file cannot be read or loaded, an output cannot be written (exists without --force, missing folder), "
       "--locale names a language the statement does not publish, or bad usage",
}

#: The suffix of each format's output file when ``-o`` names a folder.
SUFFIXES = {"html": ".html", "text": ".txt", "markdown": ".md", "json": ".json", "jsonld": ".jsonld"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``render`` arguments."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="statement file (.toml or .json) or - for standard input; several files or a glob "
                             "need -o FOLDER")
    parser.add_argument("--locale", choices=["fi", "sv", "en"], default=None,
                        help="language of the statement rendered (default: the statement's default language, the "
                             "first of its languages); a language the statement does not publish exits 2")
    parser.add_argument("--format", choices=["html", "text", "markdown", "json", "jsonld"], default="html",
                        help="output format (default: html); jsonld: the statement as JSON-LD with the W3C Data "
                             "Privacy Vocabulary (DPV), for other tools")
    parser.add_argument("--previous", metavar="OLD", default=None,
                        help="add a 'what changed' section against this earlier statement (a file, or REV:PATH "
                             "from git, e.g. HEAD~1:statement.toml)")
    parser.add_argument("--full-page", action="store_true",
                        help="html only: a standalone printable page instead of a fragment to embed")
    parser.add_argument("--heading-level", type=int, default=1, choices=range(1, 6), metavar="{1-5}",
                        help="heading level of the title in html and markdown (default: 1)")
    parser.add_argument("-o", "--output", metavar="OUT", default=None,
                        help="write to this file (UTF-8), or into this existing folder as <name>.<suffix>, "
                             "instead of standard output")
    parser.add_argument("-f", "--force", action="store_true", help="overwrite output files that exist")


def _target(name: str, output: str | None, fmt: str, several: bool) -> str:
    if output is None:
        return "-"
    folder = Path(output)
    if folder.is_dir():
        stem = "statement" if name == "-" else Path(name).stem
        return str(folder / (stem + SUFFIXES[fmt]))
    if several:
        from rekisterikit.cliutil import CliFileError

        raise CliFileError(f"{output} is not a folder: several files are written into an existing folder")
    return output


def run(args: argparse.Namespace) -> int:
    """Load every file, render it and print or write the result; return the worst exit status."""
    from rekisterikit.cliutil import CliFileError, expand_files, for_each_file, load_statement, write_output
    from rekisterikit.render import render

    if args.full_page and args.format != "html":
        print("rekisterikit render: --full-page needs --format html", file=sys.stderr)
        return 2
    if args.previous is not None and args.format == "jsonld":
        print("rekisterikit render: --previous does not apply to --format jsonld", file=sys.stderr)
        return 2
    files = expand_files(args.files)
    several = len(files) > 1
    if several and args.output is None:
        print("rekisterikit render: several files need -o FOLDER (an existing folder to write them into)",
              file=sys.stderr)
        return 2
    written: set[str] = set()

    def one(name: str) -> int:
        target = _target(name, args.output, args.format, several)
        if target != "-" and target in written:
            print(f"rekisterikit render: {name}: {target} was already written by another file", file=sys.stderr)
            return 2
        statement = load_statement(name)
        published = [str(lang) for lang in statement.languages]
        if args.locale is not None and args.locale not in published:
            # Swedish headings over Finnish shop text are no Swedish notice: refuse a language it does not publish.
            print(f"rekisterikit render: {name}: the statement is not published in {args.locale!r}; its languages "
                  f"are {', '.join(published)} (add {args.locale!r} to languages and translate its texts)",
                  file=sys.stderr)
            return 2
        if args.format == "jsonld":
            from rekisterikit.records.jsonld import render_jsonld

            output: object = render_jsonld(statement)
        elif args.previous is not None:
            from rekisterikit.records.cli_diff import read_statement
            from rekisterikit.records.notice import render_with_changes

            output = render_with_changes(statement, previous=read_statement(args.previous),
                                         locale=args.locale or statement.default_language, format=args.format,
                                         full_page=args.full_page, heading_level=args.heading_level)
        else:
            output = render(statement, locale=args.locale or statement.default_language, format=args.format,
                            full_page=args.full_page, heading_level=args.heading_level)
        try:
            write_output(target, str(output), force=args.force)
        except CliFileError as exc:
            print(f"rekisterikit render: {exc}", file=sys.stderr)
            return 2
        if target != "-":
            written.add(target)
            if not getattr(args, "quiet", False):
                print(f"rekisterikit render: wrote {target}", file=sys.stderr)
        return 0

    return for_each_file(files, one)
