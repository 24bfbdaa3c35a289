"""Shared real-browser test harness: Debian's Chromium through Playwright, a WSGI server, axe, artefacts.

Reuse from any test package (the Django and Flask adapter tests do)::

    from tests.browser.harness import serve_wsgi, check_axe, save_screenshot

and import the fixtures into that package's ``conftest.py`` for the session's browser and a fresh page per test:
``from tests.browser.fixtures import browser, page, page_without_js`` (pytest allows ``pytest_plugins`` only in
the top-level conftest). Chromium is looked up at ``/usr/bin/chromium`` (or ``REKISTERIKIT_CHROMIUM``); when it
or Playwright is missing the tests skip locally with the reason, and fail under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Where screenshots and reports go (ignored by git; CI may upload it).
ARTIFACTS = ROOT / "test-artifacts"
#: Chromium flags for a quiet, headless, sandbox-less run in containers and CI.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Any]


def unavailable(reason: str) -> None:
    """Skip the test with ``reason`` locally; fail it under ``CI=true``, where everything must be installed."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_executable() -> str:
    """The Chromium binary to drive (``REKISTERIKIT_CHROMIUM`` or Debian's ``/usr/bin/chromium``)."""
    candidates = [os.environ.get("REKISTERIKIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    unavailable("Chromium is not installed (apt-get install chromium, or set REKISTERIKIT_CHROMIUM)")
    raise AssertionError("unreachable")  # pragma: no cover


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve_wsgi(app: WSGIApp) -> Iterator[str]:
    """Serve a WSGI app on 127.0.0.1 (a free port) in a thread; yields its base URL, no trailing slash."""
    server = make_server("127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def check_axe(page: Any, *, context: str | None = None) -> None:
    """Run axe-core (bundled with axe-playwright-python) on the page and fail with its report on any violation."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        unavailable("axe-playwright-python is not installed")
    results = Axe().run(page, context=context)
    assert 0 == results.violations_count, results.generate_report()


def save_screenshot(page: Any, name: str, *, full_page: bool = False) -> Path:
    """Save a PNG screenshot under ``test-artifacts/`` and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
