"""The ``rekisterikit`` command line.

Each subcommand lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``; heavy imports
stay inside ``run`` so that ``rekisterikit --help`` is fast. Exit status: 0 success, 1 findings at the fail level,
2 unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from rekisterikit.errors import LoadError

__all__ = ["main"]

#: (name, module, one-line help) of every subcommand, in the order ``--help`` lists them.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("show", "rekisterikit.show", "print a readable summary of a statement file"),
    ("render", "rekisterikit.render.command", "render a statement as HTML, text, Markdown or JSON (fi, sv, en)"),
    ("check", "rekisterikit.validate.cli", "check a statement file against the law (GDPR, Finnish acts)"),
    ("lint", "rekisterikit.lint.cli", "lint a privacy statement written in prose (.txt, .md, .html)"),
    ("import", "rekisterikit.lint.import_cli", "make a draft statement file from a statement in prose"),
    ("saleor", "rekisterikit.contrib.saleor.cli", "publish the statement to a Saleor shop"),
    ("diff", "rekisterikit.records.cli_diff", "what changed between two statements, and whether it is material"),
)


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from rekisterikit import __version__

    parser = argparse.ArgumentParser(
        prog="rekisterikit", description="GDPR privacy statements (tietosuojaseloste) as code.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name, help_text in COMMANDS:
        module = cast(_Command, importlib.import_module(module_name))
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args._run(args)
    except LoadError as exc:
        for problem in exc.problems:
            print(f"{exc.source}: {problem}" if exc.source else problem, file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return status
