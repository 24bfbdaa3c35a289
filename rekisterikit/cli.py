"""The ``rekisterikit`` command line.

Each subcommand lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``; heavy imports
stay inside ``run`` so that ``rekisterikit --help`` is fast. Exit status: 0 success, 1 findings at the fail level,
2 unreadable input or bad usage. A module may give its own exit statuses as ``EXIT_CODES`` (a mapping of status
to meaning) for its ``--help``; every subcommand also gets ``--version`` and ``-q/--quiet``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Mapping, Sequence
from typing import Protocol, cast

from rekisterikit.cliutil import EXIT_CODES, CliFileError, print_load_error
from rekisterikit.errors import LoadError

__all__ = ["build_parser", "exit_codes_epilog", "main"]

#: (name, module, one-line help) of every subcommand, in the order ``--help`` lists them.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("show", "rekisterikit.show", "print a readable summary of statement files"),
    ("render", "rekisterikit.render.command", "render a statement as HTML, text, Markdown or JSON (fi, sv, en)"),
    ("check", "rekisterikit.validate.cli", "check statement files against the law (GDPR, Finnish acts)"),
    ("lint", "rekisterikit.lint.cli", "lint a privacy statement written in prose (.txt, .md, .html)"),
    ("import", "rekisterikit.lint.import_cli", "make a draft statement file from a statement in prose"),
    ("saleor", "rekisterikit.contrib.saleor.cli", "publish the statement to a Saleor shop"),
    ("scan", "rekisterikit.scan.cli", "scan a site in Chromium: cookies and trackers held against the statement"),
    ("diff", "rekisterikit.records.cli_diff", "what changed between two statements, and whether it is material"),
    ("processing-record", "rekisterikit.processing_record",
     "the Art. 30 record of processing activities as HTML, CSV, XLSX or JSON"),
    ("init", "rekisterikit.init", "write a new statement file from a few questions (or options)"),
    ("completion", "rekisterikit.completion", "print a shell completion script (bash or zsh)"),
)


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def exit_codes_epilog(codes: Mapping[int, str]) -> str:
    """The ``exit status:`` section of a ``--help``."""
    return "exit status:\n" + "\n".join(f"  {status}  {meaning}" for status, meaning in sorted(codes.items()))


def _add_common_options(parser: argparse.ArgumentParser, version: str) -> None:
    options = {o for action in parser._actions for o in action.option_strings}
    if "--version" not in options:
        parser.add_argument("--version", action="version", version=version,
                            help="print rekisterikit's version and exit")
    if "--quiet" not in options and "-q" not in options:
        parser.add_argument("-q", "--quiet", action="store_true",
                            help="print only problems: nothing for a file that passes, no progress messages")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from rekisterikit import __version__

    version = f"rekisterikit {__version__}"
    parser = argparse.ArgumentParser(
        prog="rekisterikit", description="GDPR privacy statements (tietosuojaseloste) as code.",
        epilog=exit_codes_epilog(EXIT_CODES), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name, help_text in COMMANDS:
        module = cast(_Command, importlib.import_module(module_name))
        codes: Mapping[int, str] = getattr(module, "EXIT_CODES", EXIT_CODES)
        command_parser = sub.add_parser(name, help=help_text, description=help_text,
                                        epilog=exit_codes_epilog(codes),
                                        formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command_parser)
        _add_common_options(command_parser, version)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args._run(args)
    except LoadError as exc:
        print_load_error(exc)
        return 2
    except CliFileError as exc:
        print(f"rekisterikit {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"rekisterikit {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return status
