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
    from demo_shop.models import Product  # the shop's data migration's products, gone if a test flushed them

    Product.objects.get_or_create(slug="ikkunakalvo-testi", defaults={"name": "Ikkunakalvo", "price_cents": 1990})
    port = str(live_server.url).rsplit(":", 1)[1]
    return f"http://www.shop.test:{port}/"


def test_the_django_example_shop_scans_clean(scan_browser: Any, django_shop_url: str) -> None:
    """Kalvokeskus (Django) with its corrected statement: no finding in any pass. Django sets ``sessionid`` only
    when the session is written, so each pass puts a product into the cart (``clicks``), as a visitor would."""
    result = scan(django_shop_url, statement=KALVOKESKUS, pages=3, browser=scan_browser, offline=True,
                  stand_ins=True, clicks=("form[action*='ostoskori'] button[type=submit]",))
    assert_clean(result)
    assert all("sessionid" in {c.name for c in p.cookies} for p in result.passes)


def test_without_the_click_the_session_cookie_is_never_seen(scan_browser: Any, django_shop_url: str) -> None:
    """A crawl that only follows links never sees ``sessionid``: the declaration is reported as possibly stale."""
    result = scan(django_shop_url, statement=KALVOKESKUS, pages=2, browser=scan_browser, offline=True,
                  stand_ins=True, passes=("no_decision", "reject"))
    assert [("RK-SCAN-NOT-SEEN", "sessionid")] == sorted(
        (f.rule, f.message.resolve("en")[0].split('"')[1]) for f in result.report.findings)
