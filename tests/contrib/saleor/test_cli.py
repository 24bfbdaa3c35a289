"""``rekisterikit saleor publish``: the command line publishes idempotently and fails without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rekisterikit.cli import main
from rekisterikit.contrib.saleor.cli import TOKEN_ENV

from .conftest import STATEMENT
from .fake_saleor import FakeSaleor

PUBLISHER = ("MANAGE_PAGES", "MANAGE_TRANSLATIONS", "MANAGE_PAGE_TYPES_AND_ATTRIBUTES")


@pytest.fixture
def statement_file(tmp_path: Path) -> Path:
    """The test statement as a TOML file."""
    path = tmp_path / "tietosuojaseloste.toml"
    path.write_text(STATEMENT, encoding="utf-8")
    return path


def test_publish_twice_is_idempotent(saleor: FakeSaleor, statement_file: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The first run creates the page and translations, the second reports it unchanged and sends no mutation."""
    token = saleor.staff_token(*PUBLISHER)
    monkeypatch.setenv(TOKEN_ENV, token)
    argv = ["saleor", "publish", str(statement_file), "--api-url", saleor.api_url]
    assert 0 == main(argv)
    first = capsys.readouterr().out
    sent = len(saleor.mutations)
    assert 0 == main(argv)
    second = capsys.readouterr()
    assert first.startswith("created page 'tietosuojaseloste'")
    assert "translations: sv, en" in first
    assert second.out.startswith("unchanged: page 'tietosuojaseloste'")
    assert sent == len(saleor.mutations)
    assert token not in first + second.out + second.err


def test_token_option_and_options(saleor: FakeSaleor, statement_file: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """--token, --slug and --unpublished are honoured."""
    token = saleor.staff_token(*PUBLISHER)
    assert 0 == main(["saleor", "publish", str(statement_file), "--api-url", saleor.api_url, f"--token={token}",
                      "--slug", "privacy", "--unpublished"])
    (page,) = saleor.pages.values()
    assert ("privacy", False) == (page["slug"], page["isPublished"])
    assert token not in capsys.readouterr().out


def test_missing_token_is_a_usage_error(saleor: FakeSaleor, statement_file: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Without --token or the environment variable the command exits 2 and says how to give one."""
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert 2 == main(["saleor", "publish", str(statement_file), "--api-url", saleor.api_url])
    assert TOKEN_ENV in capsys.readouterr().err
    assert [] == saleor.calls


def test_saleor_refusal_exits_1_without_traceback(saleor: FakeSaleor, statement_file: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A token without page permissions: exit 1 with Saleor's message, no traceback, no page."""
    token = saleor.staff_token("MANAGE_USERS")
    assert 1 == main(["saleor", "publish", str(statement_file), "--api-url", saleor.api_url, f"--token={token}"])
    err = capsys.readouterr().err
    assert "MANAGE_PAGE_TYPES_AND_ATTRIBUTES" in err
    assert "Traceback" not in err
    assert {} == saleor.pages


def test_unreachable_saleor_exits_1(statement_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Saleor that cannot be reached is reported in one line, exit 1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert 1 == main(["saleor", "publish", str(statement_file), "--api-url", f"http://127.0.0.1:{port}/graphql/",
                      "--token", "x", "--timeout", "2"])
    assert "cannot reach" in capsys.readouterr().err


def test_bad_statement_file_exits_2(saleor: FakeSaleor, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable statement is reported like other commands do (exit 2) before Saleor is contacted."""
    path = tmp_path / "bad.toml"
    path.write_text("[controller]\n", encoding="utf-8")
    assert 2 == main(["saleor", "publish", str(path), "--api-url", saleor.api_url, "--token", "x"])
    assert "@ $.controller.name" in capsys.readouterr().err
    assert [] == saleor.calls


def test_command_line_needs_neither_flask_nor_pyjwt() -> None:
    """`rekisterikit --help` and the saleor command's module load with Flask and PyJWT unavailable."""
    code = ("import sys; sys.modules['flask'] = None; sys.modules['jwt'] = None; "
            "from rekisterikit.cli import build_parser; build_parser(); "
            "import rekisterikit.contrib.saleor.cli, rekisterikit.contrib.saleor.publish; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert ("ok\n", 0) == (done.stdout, done.returncode), done.stderr


def test_database_without_installation_is_a_usage_error(saleor: FakeSaleor, statement_file: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """--database naming a missing file, or an app not installed in that Saleor, exits 2 without contacting it."""
    from rekisterikit.contrib.saleor import InstallationStore

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    base = ["saleor", "publish", str(statement_file), "--api-url", saleor.api_url, "--database"]
    assert 2 == main([*base, str(tmp_path / "missing.sqlite3")])
    assert "no such database" in capsys.readouterr().err
    InstallationStore(tmp_path / "empty.sqlite3")
    assert 2 == main([*base, str(tmp_path / "empty.sqlite3")])
    assert "not installed" in capsys.readouterr().err
    assert [] == saleor.calls
