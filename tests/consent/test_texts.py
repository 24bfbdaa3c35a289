"""Tests of the banner texts: catalog defaults, the shop's overrides, empty overrides and the hash."""

from __future__ import annotations

from rekisterikit.consent import ConsentConfig, ConsentService, banner_texts, render_banner, texts_hash
from tests.consent.shop import SECRET, services_statement

OWN = '''
[consent.texts.fi]
title = "Evästeet ja sinä"
reject_all = "Kieltäydyn"
statistics = "Kävijämäärien laskeminen"
accept_all = ""
'''


def test_library_texts_in_each_language() -> None:
    """Without overrides the texts come from the catalogs."""
    assert ("Hyväksy kaikki", "Avvisa alla", "Reject all") == (
        banner_texts(None, locale="fi")["accept_all"], banner_texts(None, locale="sv")["reject_all"],
        banner_texts(None, locale="en")["reject_all"])


def test_the_shops_texts_replace_the_library_texts_and_empty_ones_are_ignored() -> None:
    """Overrides apply in their language only; an empty override never hides the button (the library's text)."""
    statement = services_statement(OWN)
    fi, en = banner_texts(statement, locale="fi"), banner_texts(statement, locale="en")
    assert ("Evästeet ja sinä", "Kieltäydyn", "Hyväksy kaikki", "Kävijämäärien laskeminen",
            "Kävijämäärien laskeminen") == (fi["title"], fi["reject_all"], fi["accept_all"], fi["statistics"],
                                            fi["statistics_short"])
    assert "Reject all" == en["reject_all"]
    markup = render_banner(ConsentService(statement, ConsentConfig(secret=SECRET)), None, locale="fi",
                           action="/c", statement_url="/p")
    assert ">Kieltäydyn</button>" in markup
    assert ">Hyväksy kaikki</button>" in markup


def test_the_hash_changes_with_the_words() -> None:
    """The hash a record keeps differs when any text shown differs, and not otherwise."""
    a = texts_hash(banner_texts(services_statement(), locale="fi"))
    assert a == texts_hash(banner_texts(services_statement(), locale="fi"))
    assert a != texts_hash(banner_texts(services_statement(OWN), locale="fi"))
    assert a != texts_hash(banner_texts(services_statement(), locale="sv"))
