"""scripts/test, scripts/pg-start and scripts/pg-stop: valid bash, apt waits for its lock, and a throw-away
PostgreSQL per run on a free port that pg-stop removes."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = [ROOT / "scripts" / "test", ROOT / "scripts" / "pg-start", ROOT / "scripts" / "pg-stop", ROOT / ".ci" / "run"]
POSTGRES = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_are_valid_bash(script: Path) -> None:
    """bash -n parses every script."""
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert (0, "") == (done.returncode, done.stderr)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_apt_get_call_waits_for_the_lock(script: Path) -> None:
    """apt-get update and install wait up to 10 minutes for the dpkg lock instead of failing at once."""
    text = script.read_text(encoding="utf-8")
    calls = re.findall(r"apt-get (?!install postgresql\))[^\n]*", text)
    for call in calls:
        if " update" in call or " install" in call:
            assert call.startswith('apt-get "${APT_WAIT[@]}"'), call
    if calls:
        assert "APT_WAIT=(-o DPkg::Lock::Timeout=600)" in text


def _pg_start(env: dict[str, str]) -> dict[str, str]:
    done = subprocess.run(["bash", str(ROOT / "scripts" / "pg-start")], capture_output=True, text=True, env=env,
                          check=False, timeout=300)
    assert 0 == done.returncode, done.stderr
    return dict(re.findall(r"^export (\w+)=(\S+)$", done.stdout, flags=re.MULTILINE))


def _pg_stop(data: str) -> None:
    subprocess.run(["bash", str(ROOT / "scripts" / "pg-stop"), data], check=True, timeout=120)


def test_pg_start_gives_each_run_its_own_server_and_pg_stop_removes_it() -> None:
    """Two runs get two data directories and two ports; a run with the first's exports reuses it; pg-stop stops
    the server and deletes its directory."""
    if not POSTGRES:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not installed, and CI must test pg-start")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKISTERIKIT_PG")}
    first = _pg_start(env)
    try:
        second = _pg_start(env)
        try:
            assert first["REKISTERIKIT_PG_DATA"] != second["REKISTERIKIT_PG_DATA"]
            assert first["REKISTERIKIT_TEST_POSTGRES"] != second["REKISTERIKIT_TEST_POSTGRES"]
            assert ":54329/" not in first["REKISTERIKIT_TEST_POSTGRES"]
            again = _pg_start({**env, **first})
            assert first == again
            psql = str(Path(first["REKISTERIKIT_PG_BIN"]) / "psql")
            command = [psql, first["REKISTERIKIT_TEST_POSTGRES"], "-tAc", "select 1"]
            if os.geteuid() == 0 and shutil.which("runuser"):
                command = ["runuser", "-u", "postgres", "--", *command]
            assert "1" == subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
        finally:
            _pg_stop(second["REKISTERIKIT_PG_DATA"])
        assert not Path(second["REKISTERIKIT_PG_DATA"]).exists()
    finally:
        _pg_stop(first["REKISTERIKIT_PG_DATA"])
    assert not Path(first["REKISTERIKIT_PG_DATA"]).exists()


def test_pg_stop_leaves_other_directories_alone(tmp_path: Path) -> None:
    """pg-stop refuses a directory pg-start did not make."""
    done = subprocess.run(["bash", str(ROOT / "scripts" / "pg-stop"), str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert 1 == done.returncode
    assert tmp_path.is_dir()


def test_scripts_test_stops_its_server_unless_asked_to_keep_it() -> None:
    """scripts/test never reuses another run's server, stops its own by a trap, and --keep-pg skips the trap."""
    text = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "unset REKISTERIKIT_PG_DATA" in text
    assert "trap 'bash scripts/pg-stop \"$REKISTERIKIT_PG_DATA\"' EXIT" in text
    assert '"${1:-}" = "--keep-pg"' in text
