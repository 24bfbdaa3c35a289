"""examples/django_shop on Django's live server, scanned in all four passes as www.shop.test: no findings."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from rekisterikit.scan import scan  # noqa: E402
from tests.conftest import EXAMPLES  # noqa: E402
from tests.scan.test_example_shops import assert_clean  # noqa: E402

pytestmark = [pytest.mark.urls("demo_site.urls"), pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Playwright's sync API runs an event loop in this thread; the database calls are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
KALVOKESKUS = EXAMPLES / "kalvokeskus-corrected.toml"


@pytest.fixture
def django_shop_url(live_server: Any, settings: Any) -> str:
    """The shop with its corrected statement, as http://www.shop.test:PORT/."""
    settings.REKISTERIKIT = {**settings.REKISTERIKIT, "STATEMENT": str(KALVOKESKUS)}
    port = str(live_server.url).rsplit(":", 1)[1]
    return f"http://www.shop.test:{port}/"


def test_the_django_example_shop_scans_clean(scan_browser: Any, django_shop_url: str) -> None:
    """Kalvokeskus (Django) with its corrected statement: no finding in any pass but the one a crawl cannot
    reach: Django sets ``sessionid`` only when the session is written (adding to the cart, signing in), and the
    scanner only follows links; it reports the declaration as possibly stale (info)."""
    result = scan(django_shop_url, statement=KALVOKESKUS, pages=3, browser=scan_browser, offline=True,
                  stand_ins=True)
    unreachable = sorted((f.rule, f.message.resolve("en")[0].split('"')[1]) for f in result.report.findings)
    assert [("RK-SCAN-NOT-SEEN", "sessionid")] == unreachable
    assert_clean(result, ignore=("RK-SCAN-NOT-SEEN",))
