"""``rekisterikit import FILE -o draft.toml``: a draft statement file from a statement in prose.

Exit status: 0 when the draft was written, 2 when the input cannot be read or the output file exists (without
``--force``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rekisterikit.model import Language

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``import`` arguments."""
    parser.add_argument("file", help="statement in prose (.txt, .md or .html)")
    parser.add_argument("-o", "--output", metavar="DRAFT.toml", default=None,
                        help="write the draft here (default: standard output)")
    parser.add_argument("-f", "--force", action="store_true", help="overwrite the output file if it exists")
    parser.add_argument("--lang", choices=[lang.value for lang in Language], default=None,
                        help="read the text as this language (default: detected)")
    parser.add_argument("--input-format", choices=("txt", "md", "html"), default=None,
                        help="how to read the file (default: from its suffix or content)")


def run(args: argparse.Namespace) -> int:
    """Import the file and write the draft; return the exit status."""
    from rekisterikit.lint.document import UnreadableInput
    from rekisterikit.lint.importer import import_file

    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        print(f"rekisterikit import: {output} exists (use --force to overwrite)", file=sys.stderr)
        return 2
    try:
        imported = import_file(args.file, format=args.input_format, language=args.lang)
    except UnreadableInput as exc:
        print(f"rekisterikit import: {exc}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(imported.toml)
    else:
        from rekisterikit.cliutil import CliFileError, write_output

        try:
            write_output(str(output), imported.toml, force=args.force)
        except CliFileError as exc:
            print(f"rekisterikit import: {exc}", file=sys.stderr)
            return 2
        print(f"{output}: draft written, {len(imported.todos)} TODO(s); next: rekisterikit check {output}",
              file=sys.stderr)
    return 0
