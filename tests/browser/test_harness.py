"""Tests of the browser harness itself: skip locally, fail under CI, serve WSGI apps."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from tests.browser.harness import chromium_executable, serve_wsgi, unavailable


def test_missing_tool_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CI a missing browser skips the test with the reason."""
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium here"):
        unavailable("no chromium here")


def test_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under CI=true a missing browser fails the test."""
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run under CI: no chromium here"):
        unavailable("no chromium here")


def test_chromium_override_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """A REKISTERIKIT_CHROMIUM that is not executable is not used."""
    monkeypatch.setenv("REKISTERIKIT_CHROMIUM", str(tmp_path / "nothing"))
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("os.access", lambda path, mode: False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        chromium_executable()


def test_serve_wsgi_answers_on_loopback() -> None:
    """serve_wsgi serves the app on 127.0.0.1 and stops afterwards."""
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    with serve_wsgi(app) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/hello", timeout=10) as response:
            assert b"/hello" == response.read()
