"""Tests of the benchmarks' large statements: their sizes and that they are real, consistent content."""

from __future__ import annotations

from benchmarks.statements import large_statement, sizes, statement_document
from rekisterikit import load_dict
from rekisterikit.model import CookieCategory, Party


def test_large_statement_has_the_issue_sizes() -> None:
    """At 1x: 20 purposes, 50 recipients, 150 cookies; at 2x twice each."""
    assert {"purposes": 20, "recipients": 50, "cookies": 150} == sizes(large_statement(1))
    assert {"purposes": 40, "recipients": 100, "cookies": 300} == sizes(large_statement(2))


def test_references_stay_valid_when_multiplied() -> None:
    """Every recipient, transfer and retention rule names purposes and recipients that exist (the model checks)."""
    statement = load_dict(statement_document(3))
    register = statement.registers[0]
    keys = {p.key for p in register.purposes}
    names = {r.name for r in register.recipients or () if r.name}
    assert all(set(r.purposes) <= keys for r in register.recipients or ())
    assert all(set(t.recipients) <= names for t in register.transfers or ())
    assert all(set(r.purposes) <= keys for r in register.retention)
    assert len(register.retention) > 0


def test_cookies_cover_every_category_and_party() -> None:
    """The cookie declaration mixes the four categories, first and third parties, and * patterns."""
    cookies = large_statement(1).cookies
    assert set(CookieCategory) == {c.category for c in cookies}
    assert {Party.FIRST, Party.THIRD} <= {c.party for c in cookies}
    assert any("*" in c.name for c in cookies)


def test_cookies_the_request_benchmarks_send_are_declared() -> None:
    """The accepted statistics cookie and the declined marketing cookie of the request benchmarks exist."""
    by_name = {c.name: c for c in large_statement(1).cookies}
    assert CookieCategory.STATISTICS == by_name["shop_stat_2"].category
    assert CookieCategory.MARKETING == by_name["shop_mark_11"].category
    assert Party.FIRST == by_name["shop_mark_11"].party
