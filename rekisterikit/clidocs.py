"""The command-line reference (``docs/cli.md``), generated from the argument parser.

``python -m rekisterikit.clidocs --write docs/cli.md`` regenerates the page; ``--check`` exits 1 when the committed
page differs from the parser (the test suite runs the same comparison).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "render"]

_WIDTH = 100

_INTRO = """# Command line

<!-- Generated from the argument parser by `python -m rekisterikit.clidocs --write docs/cli.md`; do not edit. -->

`rekisterikit COMMAND [options]`, or `python -m rekisterikit COMMAND [options]`. What every command shares:

- **Files.** Commands that read statements take several files and glob patterns (`rekisterikit check
  statements/*.toml`, quoted patterns are expanded by rekisterikit itself, `**` included) and `-` for standard
  input (JSON when it starts with `{`, TOML otherwise). Each file is handled on its own; the exit status is the
  worst of them.
- **Exit status.** 0 success, 1 findings at the `--fail-on` level (`check`, `lint`), 2 unusable input: a file that
  cannot be read or loaded, an output that cannot be written, or bad usage. Every `--help` lists its command's.
- **Errors** are one line each, with the file, line and column where the problem is written and a suggestion where
  one is obvious: `shop.toml:4:1: unknown field(s) emial (did you mean email?) @ $.controller`.
- **Language.** `--locale fi|sv|en` chooses the language of the messages, headings and labels; without it the
  environment decides (`LC_ALL`, `LC_MESSAGES`, then `LANG`: `fi_FI.UTF-8` gives Finnish), and English otherwise.
  JSON output carries the messages in every language. For `render`, `--locale` is the language of the statement
  rendered and defaults to the statement's own default language.
- **Output files.** `render -o` and `import -o` never overwrite an existing file without `-f/--force`; a missing
  folder or a folder given as the file is a one-line error (exit 2). `render -o FOLDER` writes `<name>.<suffix>`
  into an existing folder.
- `--version`, `-q/--quiet` (print only problems) and `-h/--help` work on every command.
- **Shell completion:** `rekisterikit completion bash > ~/.local/share/bash-completion/completions/rekisterikit`,
  or `rekisterikit completion zsh > "${fpath[1]}/_rekisterikit"`.
"""


def _subparsers(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    return formatter.format_help().strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _option(action: argparse.Action) -> str:
    if not action.option_strings:
        return f"`{action.metavar or action.dest}`"
    names = ", ".join(f"`{o}`" for o in action.option_strings)
    if action.nargs == 0:
        return names
    if action.choices is not None and not isinstance(action.choices, range):
        value = "{" + ",".join(str(c) for c in action.choices) + "}"
    else:
        value = str(action.metavar or action.dest.upper())
    return f"{names} `{value}`"


def _options_table(parser: argparse.ArgumentParser) -> list[str]:
    rows = ["| argument | meaning |", "|---|---|"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        help_text = action.help or ""
        if help_text == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._HelpAction):
            help_text = "show the help and exit"
        if action.required and action.option_strings:
            help_text += " (required)"
        rows.append(f"| {_cell(_option(action))} | {_cell(help_text)} |")
    return rows


def _section(name: str, help_text: str, parser: argparse.ArgumentParser, level: int) -> list[str]:
    heading = "#" * level
    lines = [f"{heading} `rekisterikit {name}`", "", (parser.description or help_text).rstrip(".") + ".", "",
             "```text", _usage(parser), "```", "", *_options_table(parser), ""]
    if parser.epilog:
        lines += ["```text", parser.epilog.strip(), "```", ""]
    for sub_name, sub_help, sub in _subparsers(parser):
        lines += _section(f"{name} {sub_name}", sub_help, sub, level + 1)
    return lines


def render(parser: argparse.ArgumentParser | None = None) -> str:
    """The reference page for ``parser`` (the ``rekisterikit`` parser by default)."""
    if parser is None:
        from rekisterikit.cli import build_parser

        parser = build_parser()
    lines = [_INTRO, "## Commands", ""]
    commands = _subparsers(parser)
    lines += ["| command | what it does |", "|---|---|"]
    lines += [f"| [`{name}`](#rekisterikit-{name.replace(' ', '-')}) | {_cell(help_text)} |"
              for name, help_text, _ in commands]
    lines.append("")
    for name, help_text, sub in commands:
        lines += _section(name, help_text, sub, 2)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``--write PATH`` writes the page, ``--check PATH`` exits 1 when it is out of date."""
    parser = argparse.ArgumentParser(prog="python -m rekisterikit.clidocs", description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", metavar="PATH")
    mode.add_argument("--check", metavar="PATH")
    args = parser.parse_args(argv)
    page = render()
    if args.write:
        Path(args.write).write_text(page, encoding="utf-8")
        return 0
    current = Path(args.check).read_text(encoding="utf-8") if Path(args.check).exists() else ""
    if current != page:
        print(f"{args.check} is out of date: run python -m rekisterikit.clidocs --write {args.check}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
