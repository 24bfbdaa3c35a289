"""`rekisterikit completion bash|zsh`: scripts generated from the parser that the shells accept and that complete."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from rekisterikit.cli import COMMANDS, main
from rekisterikit.completion import script

BASH = shutil.which("bash")


def _complete(words: list[str]) -> list[str]:
    """What the bash function proposes for the command line ``words`` (the last word is being typed)."""
    assert BASH is not None
    program = script("bash") + (
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; _rekisterikit; "
        'printf "%s\\n" "${COMPREPLY[@]}"')
    done = subprocess.run([BASH, "-c", program], capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_script_is_valid_bash(shell: str) -> None:
    """bash -n accepts both scripts (the zsh one runs the same function through bashcompinit)."""
    assert BASH is not None
    done = subprocess.run([BASH, "-n"], input=script(shell), capture_output=True, text=True, check=False)
    assert (0, "") == (done.returncode, done.stderr)


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_completes_commands_options_and_choices() -> None:
    """Subcommands after the program, options after a dash, an option's choices after it."""
    assert sorted(name for name, _, _ in COMMANDS) == sorted(w for w in _complete(["rekisterikit", ""])
                                                             if not w.startswith("-"))
    assert ["check"] == _complete(["rekisterikit", "che"])
    assert "--fail-on" in _complete(["rekisterikit", "check", "--"])
    assert ["error", "warning", "info"] == _complete(["rekisterikit", "check", "--fail-on", ""])
    assert ["markdown"] == _complete(["rekisterikit", "render", "--format", "mark"])
    assert ["bash"] == _complete(["rekisterikit", "completion", "b"])


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_loads_the_script(tmp_path: Path) -> None:
    """zsh sources the script without error, even before compinit, and registers the completion."""
    path = tmp_path / "_rekisterikit"
    path.write_text(script("zsh"), encoding="utf-8")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["zsh", "-f", "-c", f"source {path} && print -r -- ${{_comps[rekisterikit]}}"],
                          capture_output=True, text=True, check=False, env=env)
    assert (0, "") == (done.returncode, done.stderr)
    assert "_rekisterikit" in done.stdout


def test_command_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    """`rekisterikit completion bash` prints the script with the `complete` registration."""
    assert 0 == main(["completion", "bash"])
    assert capsys.readouterr().out.rstrip().endswith("-F _rekisterikit rekisterikit")
    with pytest.raises(SystemExit) as done:
        main(["completion", "fish"])
    assert 2 == done.value.code
