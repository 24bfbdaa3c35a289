"""The rendered statement page in a real Chromium: accessibility (axe), narrow screens, printing, deep links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rekisterikit import load
from rekisterikit.render import render
from tests.browser.harness import check_axe, save_screenshot

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "statements" / "kalvokeskus-corrected.toml"


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_full_page_has_no_axe_violations(page: Any, locale: str) -> None:
    """The standalone statement page passes axe-core in every language (headings, contrast, tables, lang)."""
    page.set_content(str(render(load(EXAMPLE), locale=locale, full_page=True)))
    check_axe(page)
    if locale == "fi":
        save_screenshot(page, "statement-kalvokeskus-fi", full_page=True)


def test_narrow_screen_has_no_horizontal_scroll(page: Any) -> None:
    """On a 360 px phone screen the page does not scroll sideways; the cookie table turns into cards."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.set_content(str(render(load(EXAMPLE), locale="fi", full_page=True)))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert "block" == page.evaluate("getComputedStyle(document.querySelector('#rk-cookie-table td')).display")
    check_axe(page)
    save_screenshot(page, "statement-kalvokeskus-fi-narrow", full_page=True)


def test_print_hides_the_table_of_contents(page: Any) -> None:
    """When printed, the table of contents is hidden and the page still lays out."""
    page.set_content(str(render(load(EXAMPLE), locale="en", full_page=True)))
    page.emulate_media(media="print")
    assert "none" == page.evaluate("getComputedStyle(document.querySelector('.rk-contents')).display")
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_deep_link_targets_the_objection_block(page: Any) -> None:
    """The table of contents and #rk-objection links lead to existing sections."""
    page.set_content(str(render(load(EXAMPLE), locale="sv", full_page=True)))
    targets = page.evaluate("[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href'))")
    missing = [t for t in targets if page.evaluate(f"document.getElementById({t[1:]!r}) === null")]
    assert [] == missing
    assert "#rk-objection" in targets
