"""The example shops, scanned in all four passes under a host name with a parent domain: no findings.

The shops' tracker stand-ins set ``_ga``/``_ga_<id>``/``_fbp`` (and Kalvokeskus' ``_gcl_au``) on ``.shop.test``
like gtag.js and the Meta Pixel do, so the withdrawal pass checks that the parent-domain cookies go too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rekisterikit.scan import Pass, ScanResult, scan
from tests.conftest import EXAMPLES


def assert_clean(result: ScanResult, ignore: tuple[str, ...] = ()) -> None:
    """No finding (but those of the rules in ``ignore``), every pass ran, and the consent went through the banner."""
    problems = [f"{f.rule} {f.path}: {f.message.en}" for f in result.report.findings if f.rule not in ignore]
    assert [] == problems
    assert [Pass.NO_DECISION, Pass.REJECT, Pass.ACCEPT, Pass.WITHDRAW] == [p.name for p in result.passes]
    assert ["none", "banner", "banner", "banner"] == [p.consent for p in result.passes]
    accepted = result.get(Pass.ACCEPT)
    assert accepted is not None
    assert {"_ga", "_fbp"} <= {c.name for c in accepted.cookies if c.domain == ".shop.test"}


@pytest.fixture
def flask_shop_url(tmp_path: Path) -> Iterator[str]:
    """examples/flask_shop on werkzeug's server on 127.0.0.1, as http://www.shop.test:PORT/."""
    pytest.importorskip("flask", reason="the Flask example needs Flask")
    from werkzeug.serving import make_server

    from examples.flask_shop import create_app

    # The statement's own validation is check's business (tests/test_examples.py), not the scan's.
    app = create_app({"REKISTERIKIT_VALIDATE": False}, instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://www.shop.test:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_flask_example_shop_scans_clean(scan_browser: Any, flask_shop_url: str) -> None:
    """Monalisa (Flask) with its corrected statement: no finding in any pass."""
    result = scan(flask_shop_url, statement=EXAMPLES / "monalisa-corrected.toml", pages=3, browser=scan_browser,
                  offline=True, stand_ins=True)
    assert_clean(result)
