"""The default consent cookie format (v3) in a real Chromium: the page's JavaScript can read the payload with two
splits, and a stored choice comes back ticked after a reload."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from rekisterikit.consent import MemoryConsentStore
from tests.browser.consent_app import ConsentShop
from tests.browser.harness import serve_wsgi

BANNER = "#rk-consent"
#: What a shop's own script would do with the readable cookie (docs/consent.md, "The cookie").
READ_PAYLOAD = """() => {
  const pair = document.cookie.split("; ").find(c => c.startsWith("rk_consent="));
  if (!pair) { return null; }
  const parts = pair.slice("rk_consent=".length).split(".");
  return [parts[0], parts[1].split("~")];
}"""


@pytest.fixture
def base_url() -> Iterator[str]:
    """The test shop served on 127.0.0.1."""
    with serve_wsgi(ConsentShop(MemoryConsentStore())) as url:
        yield url


def test_the_page_reads_the_v3_payload_and_the_ticks_come_back(page: Any, base_url: str) -> None:
    """After a custom choice (statistics only) the browser holds a v3 cookie whose nine fields JavaScript reads
    as documented; after a reload the reopened settings show the stored choice ticked."""
    page.goto(base_url + "/")
    page.get_by_role("button", name="Hylkää kaikki").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.get_by_role("link", name="Evästeasetukset").click()
    page.get_by_role("checkbox", name="Tilastot").check()
    page.get_by_role("button", name="Tallenna valinnat").click()
    page.wait_for_function("window.rkGatedRuns === 1")
    marker, fields = page.evaluate(READ_PAYLOAD)
    assert ("v3", 9) == (marker, len(fields))
    assert ("2", "custom", "fi", "0") == (fields[4], fields[5], fields[6], fields[8])
    assert fields[1].isdigit()
    page.reload()
    page.wait_for_function("window.rkGatedRuns === 1")  # the server read the v3 cookie: statistics runs
    assert not page.locator(BANNER).is_visible()
    page.get_by_role("link", name="Evästeasetukset").click()
    page.get_by_role("checkbox", name="Tilastot").wait_for(state="visible")
    assert (True, False) == (page.get_by_role("checkbox", name="Tilastot").is_checked(),
                             page.get_by_role("checkbox", name="Markkinointi").is_checked())
