"""``rekisterikit completion bash|zsh``: a shell completion script, generated from the argument parser.

Install it with ``rekisterikit completion bash > ~/.local/share/bash-completion/completions/rekisterikit`` (bash)
or ``rekisterikit completion zsh > "${fpath[1]}/_rekisterikit"`` (zsh, which runs it through ``bashcompinit``).
The script completes subcommands, their options, the choices of an option (``--format`` → ``html text …``) and file
names; it is static, so it never starts Python while you type.
"""

from __future__ import annotations

import argparse
import shlex
import sys

__all__ = ["EXIT_CODES", "add_arguments", "run", "script"]

#: The exit statuses ``completion --help`` lists.
EXIT_CODES = {0: "the script was printed", 2: "bad usage (an unknown shell)"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``completion`` arguments."""
    parser.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _quote_words(words: list[str]) -> str:
    return shlex.quote(" ".join(words))


def _bash_function(parser: argparse.ArgumentParser) -> str:
    commands = _subparsers(parser)
    lines = [
        "_rekisterikit() {",
        '    local cur prev cmd i',
        '    cur="${COMP_WORDS[COMP_CWORD]}"',
        '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    cmd=""',
        '    for ((i = 1; i < COMP_CWORD; i++)); do',
        '        case "${COMP_WORDS[i]}" in -*) ;; *) cmd="${COMP_WORDS[i]}"; break ;; esac',
        '    done',
        '    if [ -z "$cmd" ]; then',
        f'        COMPREPLY=($(compgen -W {_quote_words([*commands, "--help", "--version"])} -- "$cur"))',
        '        return 0',
        '    fi',
        '    case "$cmd" in',
    ]
    for name, sub in commands.items():
        options = [o for a in sub._actions for o in a.option_strings]
        lines.append(f"    {name})")
        lines.append('        case "$prev" in')
        for action in sub._actions:
            if not action.option_strings or action.nargs == 0:
                continue
            pattern = "|".join(action.option_strings)
            if action.choices is not None and not isinstance(action.choices, range):
                words = [str(c) for c in action.choices]
                lines.append(f'            {pattern}) COMPREPLY=($(compgen -W {_quote_words(words)} -- "$cur")); '
                             "return 0 ;;")
            else:
                lines.append(f'            {pattern}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;')
        lines.append("        esac")
        positional_choices = [str(c) for a in sub._actions if not a.option_strings and a.choices
                              for c in a.choices]
        lines.append('        if [[ "$cur" == -* ]]; then')
        lines.append(f'            COMPREPLY=($(compgen -W {_quote_words(options)} -- "$cur"))')
        if positional_choices:
            lines.append("        else")
            lines.append(f'            COMPREPLY=($(compgen -W {_quote_words(positional_choices)} -- "$cur"))')
        else:
            lines.append("        else")
            lines.append('            COMPREPLY=($(compgen -f -- "$cur"))')
        lines.append("        fi")
        lines.append("        ;;")
    lines += ["    esac", "    return 0", "}"]
    return "\n".join(lines) + "\n"


def script(shell: str, parser: argparse.ArgumentParser | None = None) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``)."""
    if parser is None:
        from rekisterikit.cli import build_parser

        parser = build_parser()
    body = _bash_function(parser)
    if shell == "bash":
        return ("# bash completion for rekisterikit (rekisterikit completion bash)\n" + body
                + "complete -o filenames -o bashdefault -F _rekisterikit rekisterikit\n")
    if shell == "zsh":
        return ("#compdef rekisterikit\n# zsh completion for rekisterikit (rekisterikit completion zsh)\n"
                "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit -i; }\n"
                "autoload -U +X bashcompinit && bashcompinit\n" + body
                + "complete -o filenames -o bashdefault -F _rekisterikit rekisterikit\n")
    raise ValueError(f"unknown shell {shell!r} (expected bash or zsh)")


def run(args: argparse.Namespace) -> int:
    """Print the script."""
    sys.stdout.write(script(args.shell))
    return 0
