"""examples/flask_shop in Chromium on www.shop.test: a withdrawal without JavaScript removes parent-domain cookies.

gtag.js and the Meta pixel keep ``_ga``, ``_ga_<id>`` and ``_fbp`` on the registrable domain (``.shop.test``), and
the shop's stand-ins do the same. Chromium resolves shop.test to 127.0.0.1 (``--host-resolver-rules``), so the
cookies are real parent-domain cookies. Skipped locally without Chromium, failed under CI.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("flask", reason="the Flask adapter needs Flask")

from flask import Flask
from werkzeug.serving import make_server

pytestmark = pytest.mark.browser

TRACKERS = ("_ga", "_fbp")


@pytest.fixture
def port(tmp_path: Path) -> Iterator[int]:
    """The example shop served on 127.0.0.1 (a free port)."""
    from examples.flask_shop import create_app

    shop: Flask = create_app(instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, shop, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield int(server.server_port)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_withdrawal_without_javascript_removes_parent_domain_tracker_cookies(browser: Any, port: int) -> None:
    """Accept all with JavaScript (the stand-ins set _ga, _ga_<id>, _fbp on .shop.test), then reject on the
    settings page with JavaScript off: every tracker cookie is gone, not only host-only ones."""
    from tests.browser.harness import CHROMIUM_ARGS, chromium_executable

    shop = f"http://www.shop.test:{port}"
    chromium = browser.browser_type.launch(
        executable_path=chromium_executable(), headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1"])
    try:
        with_js = chromium.new_context(locale="fi-FI")
        page = with_js.new_page()
        page.goto(shop + "/")
        page.get_by_role("button", name="Hyväksy kaikki").click()
        page.wait_for_function("document.documentElement.hasAttribute('data-pixel-loaded')")
        trackers = {c["name"]: c["domain"] for c in with_js.cookies() if c["name"].startswith(TRACKERS)}
        assert {".shop.test"} == set(trackers.values())
        assert {"_ga", "_fbp"} <= set(trackers)
        assert any(n.startswith("_ga_") for n in trackers)

        without_js = chromium.new_context(locale="fi-FI", java_script_enabled=False)
        without_js.add_cookies(with_js.cookies())
        page = without_js.new_page()
        page.goto(shop + "/privacy/cookies")
        page.get_by_role("button", name="Hylkää kaikki").click()
        page.wait_for_load_state()
        assert [] == sorted(c["name"] for c in without_js.cookies() if c["name"].startswith(TRACKERS))
    finally:
        chromium.close()
