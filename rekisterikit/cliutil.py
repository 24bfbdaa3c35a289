"""What every ``rekisterikit`` subcommand shares: files and globs, ``-`` for standard input, the output file rule,
the message locale and the exit statuses.

The library never imports this module; only the command line does.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rekisterikit.errors import LoadError, RekisterikitError

if TYPE_CHECKING:
    from rekisterikit.model import Language, Statement

__all__ = [
    "EXIT_CODES",
    "STDIN",
    "CliFileError",
    "default_locale",
    "expand_files",
    "for_each_file",
    "format_load_error",
    "language",
    "load_statement",
    "print_load_error",
    "report_file_error",
    "write_output",
]

#: The name that stands for standard input (or output) wherever a file is expected.
STDIN = "-"

#: The exit statuses every subcommand's ``--help`` lists unless it gives its own.
EXIT_CODES: Mapping[int, str] = {
    0: "success",
    1: "findings at the --fail-on level (check, lint)",
    2: "unusable input: a file that cannot be read or loaded, an output that cannot be written, bad usage",
}

_GLOB_CHARS = frozenset("*?[")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_LANGUAGES = ("fi", "sv", "en")


class CliFileError(RekisterikitError, OSError):
    """A file the command line was asked to read or write cannot be used; the message is one line."""


def default_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line's human output when ``--locale`` is not given.

    The first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides (``fi_FI.UTF-8`` → ``fi``,
    ``sv_FI`` → ``sv``); any other language, ``C`` or ``POSIX``, or none set, gives English.
    """
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            language = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
            return language if language in _LANGUAGES else "en"
    return "en"


def expand_files(patterns: Iterable[str]) -> list[str]:
    """The files named on the command line, with glob patterns expanded (sorted) and ``-`` kept as it is.

    A pattern that matches nothing stays in the list, so that reading it reports the missing file. A file named
    twice is read once.
    """
    files: list[str] = []
    for pattern in patterns:
        if pattern != STDIN and _GLOB_CHARS & set(pattern) and not Path(pattern).exists():
            matches = sorted(glob.glob(pattern, recursive=True))
            files.extend(matches or [pattern])
        else:
            files.append(pattern)
    return list(dict.fromkeys(files))


def load_statement(name: str, *, stdin_format: str | None = None) -> Statement:
    """Load the statement in file ``name``, or from standard input when ``name`` is ``-``.

    Standard input is JSON when ``stdin_format`` says so or, without it, when its first non-blank character is
    ``{``; TOML otherwise.

    Raises:
        LoadError: the input cannot be read or does not describe a valid statement.
    """
    from rekisterikit.load import load, loads

    if name != STDIN:
        return load(name)
    try:
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError([f"the input is not UTF-8 text ({exc.reason} at byte {exc.start}) @ $"],
                        source="<stdin>") from None
    fmt = stdin_format or ("json" if text.lstrip().startswith("{") else "toml")
    return loads(text, "json" if fmt == "json" else "toml", source="<stdin>")


def format_load_error(exc: LoadError) -> list[str]:
    """The lines a :class:`~rekisterikit.LoadError` prints: ``file:line:column: message @ $.path``."""
    positions: Sequence[tuple[int, int] | None] = getattr(exc, "positions", ()) or ()
    lines = []
    for i, problem in enumerate(exc.problems):
        position = positions[i] if i < len(positions) else None
        where = exc.source or ""
        if position is not None and where:
            where += f":{position[0]}:{position[1]}"
        lines.append(f"{where}: {problem}" if where else problem)
    return lines


def print_load_error(exc: LoadError) -> None:
    """Print a load error on standard error, one line per problem."""
    for line in format_load_error(exc):
        print(line, file=sys.stderr)


def report_file_error(command: str, exc: BaseException) -> None:
    """Print a file error as the one line ``rekisterikit COMMAND: message``."""
    print(f"rekisterikit {command}: {exc}", file=sys.stderr)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def write_output(path: str, text: str, *, force: bool) -> None:
    """Write ``text`` (UTF-8) to ``path``: the output rule of ``render -o`` and ``import -o``.

    An existing file is overwritten only with ``force``; a folder, a missing folder or an unwritable place is
    refused. ``-`` writes to standard output.

    Raises:
        CliFileError: the file cannot be written; the message names the file and the reason on one line.
    """
    if path == STDIN:
        sys.stdout.write(text)
        return
    target = Path(path)
    if target.is_dir():
        raise CliFileError(f"cannot write {path}: it is a folder (give a file name, e.g. {target / 'out'})")
    if target.exists() and not force:
        raise CliFileError(f"{path} exists (use --force to overwrite)")
    try:
        with target.open("w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as exc:
        raise CliFileError(f"cannot write {path}: {_os_reason(exc)}") from None


def for_each_file(files: Sequence[str], action: Callable[[str], int]) -> int:
    """Run ``action`` on every file and return the worst exit status; a file that does not load is status 2.

    The load errors of one file are printed and the others still run, as ruff and black do.
    """
    worst = 0
    for name in files:
        try:
            status = action(name)
        except LoadError as exc:
            print_load_error(exc)
            status = 2
        worst = max(worst, status)
    return worst


def language(value: str | None) -> Language:
    """The :class:`~rekisterikit.model.Language` of a ``--locale`` value, or of the environment when ``None``."""
    from rekisterikit.model import Language

    return Language(value or default_locale())
