"""Tests of rekisterikit.render.text: the plain-text statement."""

from __future__ import annotations

from rekisterikit import loads
from rekisterikit.render import render, render_cookie_table
from rekisterikit.render.text import WIDTH
from tests.render.samples import full


def test_lines_fit_the_width() -> None:
    """Every line fits 78 columns, except single words longer than that (the version hash)."""
    text = render(full(), locale="fi", format="text")
    assert [] == [line for line in text.splitlines() if len(line) > WIDTH and " " in line.strip()]


def test_headings_are_underlined() -> None:
    """The title and section headings are underlined, so the text reads well without markup."""
    text = render(full(), locale="sv", format="text")
    assert text.startswith("Dataskyddsbeskrivning\n=====================\n\nUppdaterad 12.7.2020\n")
    assert "\nPersonuppgiftsansvarig\n======================\n" in text
    assert "\nRätt att invända\n----------------\n" in text


def test_links_show_their_address_once() -> None:
    """An address that is its own link text is printed once; other links show the target in angle brackets."""
    text = render(full(), locale="en", format="text")
    assert "E-mail: info@testikauppa.fi\n" in text
    assert "Website: https://testikauppa.fi\n" in text
    assert "mailto:" not in text
    assert "#rk-" not in text


def test_cookie_table_as_entries() -> None:
    """In text the cookie table becomes one entry per cookie with labelled lines."""
    table = render_cookie_table(full(), locale="en", format="text")
    assert ("Cookies and similar techniques used on this site\n\n* sessionid\n    Provider: Testikauppa Oy\n"
            "    Purpose: Shopping cart.\n    Category: Necessary\n    Duration: for the session\n"
            "    Who receives the data: Only we receive the data (first-party cookie)") == table.split("\n\n* prefs")[0]


def test_shop_paragraphs_are_kept() -> None:
    """Blank lines in a shop text separate paragraphs in the output."""
    statement = loads('intro = "Eka kappale.\\n\\nToka kappale."\n[controller]\nname = "K"\n')
    assert "\n\nEka kappale.\n\nToka kappale.\n\n" in render(statement, locale="fi", format="text")
