"""docs/getting-started.md runs as written: its commands, in a fresh virtual environment with rekisterikit installed
from this checkout, print exactly the outputs the page shows, and the statement it ends with checks clean and
renders with no "not stated" placeholder.

The page is parsed, not copied: a ```console block is run line by line (``$ command`` lines, each followed by the
output it must print, standard error included), and an HTML comment ``<!-- guide: write FILE -->`` or
``<!-- guide: replace in FILE: LINE -->`` before a ```toml block writes that file or replaces that line of it.
Volatile values (the content hash, today's date as init writes it) are compared as patterns. After a change of
wording, regenerate the outputs from the real commands with ``REKISTERIKIT_REGEN_GUIDE=1 pytest
tests/test_getting_started.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "getting-started.md"
_DIRECTIVE = re.compile(r"<!-- guide: (write|replace in) ([^:\s]+)(?:: (.*))? -->$")
_HASH = re.compile(r"sha256:(?:[0-9a-f]{64}|…)")
_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
                   r"October|November|December) 20\d\d\b")


@dataclass
class Console:
    """A ```console block: its commands with the output each must print, and where it is in the page."""

    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    commands: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class FileEdit:
    """Write a file, or replace one of its lines, with a ```toml block's content."""

    action: str
    path: str
    line: str | None
    content: str


def _steps(lines: list[str]) -> Iterator[Console | FileEdit]:
    directive: re.Match[str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _DIRECTIVE.match(line.strip())
        if match is not None:
            directive = match
        elif line.startswith("```"):
            kind = line[3:].strip()
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            body = lines[i + 1:end]
            if kind == "console":
                block = Console(start=i + 1, end=end)
                for text in body:
                    if text.startswith("$ "):
                        block.commands.append((text[2:], []))
                    else:
                        block.commands[-1][1].append(text)
                yield block
            elif directive is not None:
                action, path, target = directive.groups()
                yield FileEdit(action=action, path=path, line=target, content="\n".join(body) + "\n")
            directive = None
            i = end
        i += 1


def _normal(text: str) -> str:
    return _DATE.sub("YYYY-MM-DD", _HASH.sub("sha256:…", text)).rstrip("\n")


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A new virtual environment with rekisterikit installed from this checkout, as the guide's install step does."""
    venv = tmp_path_factory.mktemp("guide") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                           str(ROOT)], capture_output=True, text=True, check=False, timeout=900)
    if done.returncode != 0:
        message = "rekisterikit could not be installed into a fresh virtual environment: " + done.stderr[-2000:]
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message + " (no package index reachable?)")
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "VIRTUAL_ENV", "PYTHONPATH") and not k.startswith("REKISTERIKIT_")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", LANG="C.UTF-8", NO_COLOR="1")
    return env


def _run_console(block: Console, cwd: Path, env: dict[str, str]) -> list[list[str]]:
    """Run the block's commands in one shell (so `echo $?` sees the previous command) and split their outputs."""
    script = ["status=0"]
    for number, (command, _) in enumerate(block.commands):
        script += [f"printf '@@@ {number} @@@\\n'", "(exit $status)", f"{{ {command} ; }} 2>&1", "status=$?"]
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=300)
    parts = re.split(r"^@@@ \d+ @@@\n", done.stdout, flags=re.MULTILINE)[1:]
    assert len(block.commands) == len(parts), done.stderr
    return [part.rstrip("\n").split("\n") if part.strip() else [] for part in parts]


def _apply(edit: FileEdit, cwd: Path) -> None:
    path = cwd / edit.path
    if edit.action == "write":
        path.write_text(edit.content, encoding="utf-8")
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    matches = [i for i, line in enumerate(lines) if line.strip() == (edit.line or "").strip()]
    assert matches, f"the guide replaces {edit.line!r}, which is not in {edit.path}"
    lines[matches[0]:matches[0] + 1] = edit.content.rstrip("\n").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def test_every_command_of_the_guide_prints_what_the_guide_shows(fresh_env: dict[str, str], tmp_path: Path) -> None:
    """Each command's output (stdout and stderr, in order) is the one printed under it in the page."""
    lines = GUIDE.read_text(encoding="utf-8").split("\n")
    regenerate = os.environ.get("REKISTERIKIT_REGEN_GUIDE") == "1"
    replacements: list[tuple[Console, list[str]]] = []
    compared = 0
    for step in list(_steps(lines)):
        if isinstance(step, FileEdit):
            _apply(step, tmp_path)
            continue
        outputs = _run_console(step, tmp_path, fresh_env)
        if regenerate:
            body = []
            for (command, _), output in zip(step.commands, outputs, strict=True):
                body += [f"$ {command}", *(_HASH.sub("sha256:…", line) for line in output)]
            replacements.append((step, body))
            continue
        for (command, expected), output in zip(step.commands, outputs, strict=True):
            assert _normal("\n".join(expected)) == _normal("\n".join(output)), command
            compared += 1
    if regenerate:
        for block, body in reversed(replacements):
            lines[block.start:block.end] = body
        GUIDE.write_text("\n".join(lines), encoding="utf-8")
    else:
        assert compared >= 15  # the walk is all there: nothing was skipped by a parsing slip

    # The statement the guide ends with checks clean and renders complete, in both its languages.
    from rekisterikit import load
    from rekisterikit.render.document import build
    from rekisterikit.validate import validate

    statement = load(tmp_path / "shop.toml")
    assert [] == [f.rule for f in validate(statement).findings]
    for locale in ("fi", "en"):
        assert () == build(statement, locale).placeholders()
    assert (tmp_path / "tietosuojaseloste.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_guide_installs_from_a_clone_or_a_wheel_before_a_registry() -> None:
    """The install section works before a release: a clone into a virtual environment, or a built wheel."""
    install = GUIDE.read_text(encoding="utf-8").split("## Install", 1)[1].split("\n## ", 1)[0]
    assert "python3 -m venv .venv && .venv/bin/pip install -e ." in install
    assert "python3 -m build --wheel" in install
    assert install.index("pip install rekisterikit") > install.index("build --wheel")


def test_the_readme_main_job_installs_into_a_virtual_environment_and_runs_twice(tmp_path: Path) -> None:
    """The README's one-line main job uses a virtual environment, and its check and render (run twice, as a user
    re-running it would) succeed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("python3 -m venv .venv && "))
    commands = [c.strip() for c in line.split("&&")]
    assert ["python3 -m venv .venv", ".venv/bin/pip install -e ."] == commands[:2]
    for _ in range(2):
        for command in commands[2:]:
            argv = command.split()
            assert ".venv/bin/rekisterikit" == argv[0]
            argv = [str(ROOT / a) if a.startswith("examples/") else a for a in argv[1:]]
            done = subprocess.run([sys.executable, "-m", "rekisterikit", *argv], cwd=tmp_path, capture_output=True,
                                  text=True, check=False)
            assert 0 == done.returncode, (command, done.stderr)
    assert (tmp_path / "kalvokeskus.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
