"""``rekisterikit diff OLD NEW``: what changed between two statements, by meaning, and whether it is material.

``OLD`` and ``NEW`` are statement files or git revisions of one (``HEAD~1:statement.toml``). Exit status: 0 when
nothing material changed, 1 when something did (a new purpose, a changed legal basis, a change that asks visitors
for cookie consent again), 2 when a statement cannot be read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rekisterikit.errors import LoadError

if TYPE_CHECKING:
    from rekisterikit.model import Statement
    from rekisterikit.records.diff import Change, StatementDiff
    from rekisterikit.render.i18n import Translator

__all__ = ["EXIT_CODES", "add_arguments", "read_statement", "run"]

#: The exit statuses of ``rekisterikit diff``.
EXIT_CODES = {0: "nothing material changed", 1: "a material change (a new purpose or legal basis, or visitors are "
                                                  "asked for cookie consent again)",
              2: "a statement cannot be read"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``diff`` arguments."""
    parser.add_argument("old", metavar="OLD", help="the earlier statement: a file, - for TOML on standard input, or "
                                                   "REV:PATH from git (e.g. HEAD~1:statement.toml)")
    parser.add_argument("new", metavar="NEW", help="the later statement: a file, or REV:PATH from git")
    parser.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                        help="output format (default: text)")
    parser.add_argument("--locale", choices=["fi", "sv", "en"], default=None,
                        help="language of the text and markdown output (default: the new statement's)")
    parser.add_argument("--editorial", action="store_true",
                        help="text and markdown: list editorial changes one by one too")


def _git_show(spec: str) -> str | None:
    """The text of ``REV:PATH`` from git, or ``None`` when ``spec`` is not a git revision."""
    try:
        result = subprocess.run(["git", "show", spec], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError([f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}) @ $"], source=spec) from None


def read_statement(spec: str) -> Statement:
    """Load a statement from a file, ``-`` (TOML on standard input), or git when ``spec`` is ``REV:PATH`` and no
    such file exists.

    Raises:
        LoadError: the file or revision cannot be read, or is not a valid statement.
    """
    from rekisterikit.load import load, loads

    if spec == "-":
        return loads(sys.stdin.read(), "toml", source="<stdin>")
    if Path(spec).exists() or ":" not in spec:
        return load(spec)
    path = spec.split(":", 1)[1]
    suffix = Path(path).suffix.lower()
    if suffix not in (".toml", ".json"):
        raise LoadError([f"unknown file type {suffix or '(none)'!r}: expected .toml or .json @ $"], source=spec)
    text = _git_show(spec)
    if text is None:
        raise LoadError(["no such file, and not a git revision (REV:PATH) that git can show @ $"], source=spec)
    return loads(text, "toml" if suffix == ".toml" else "json", source=spec)


def run(args: argparse.Namespace) -> int:
    """Compare the two statements and print the changes."""
    from rekisterikit.records.diff import ChangeClass, diff
    from rekisterikit.records.notice import change_lines
    from rekisterikit.render.i18n import translator

    if args.old == "-" and args.new == "-":
        print("rekisterikit diff: only one of OLD and NEW can be - (standard input)", file=sys.stderr)
        return 2
    old = read_statement(args.old)
    new = read_statement(args.new)
    result = diff(old, new)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return 1 if result.material else 0
    t = translator(args.locale or new.default_language)
    md = args.format == "markdown"
    out: list[str] = []
    if md:
        out += [f"# {t.gettext('Changes to the privacy notice')}", ""]
    out.append(t.gettext("{old} → {new}").format(old=_label(old, t), new=_label(new, t)))
    out.append("")
    if not result.changes:
        out.append(t.gettext("No changes."))
    labels = {ChangeClass.MATERIAL: t.gettext("Material changes"),
              ChangeClass.INFORMATION: t.gettext("Changes to tell visitors about"),
              ChangeClass.EDITORIAL: t.gettext("Editorial changes")}
    for cls in (ChangeClass.MATERIAL, ChangeClass.INFORMATION, ChangeClass.EDITORIAL):
        changes = result.of_class(cls)
        if not changes:
            continue
        out.append(f"## {labels[cls]} ({len(changes)})" if md else f"{labels[cls]} ({len(changes)}):")
        if md:
            out.append("")
        if cls is ChangeClass.EDITORIAL and not args.editorial:
            out.extend(f"- `{c.path}`" if md else f"  {c.path}" for c in changes)
        else:
            for change in changes:
                line = change_lines(_only(result, change), locale=t.language, default=new.default_language,
                                    editorial=True)[0]
                out.append(f"- {line} (`{change.path}`)" if md else f"  {line}\n      {change.path}")
        out.append("")
    out.append(t.gettext("Visitors are asked for cookie consent again.") if result.reconsent
               else t.gettext("Existing cookie consents stay valid."))
    sys.stdout.write("\n".join(out) + "\n")
    return 1 if result.material else 0


def _label(statement: Statement, t: Translator) -> str:
    date = t.format_date(statement.updated) if statement.updated else t.gettext("date not stated")
    return f"{date} ({statement.version.split(':', 1)[-1][:12]})"


def _only(result: StatementDiff, change: Change) -> StatementDiff:
    import attrs

    return attrs.evolve(result, changes=(change,))
