"""Tests of the benchmarks' large statements: their sizes and that they are real, consistent content."""

from __future__ import annotations

from benchmarks.statements import large_statement, request_cookies, sizes, statement_document
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
    """The request benchmarks send a declared first-party statistics cookie and a first-party marketing cookie."""
    for factor in (0, 1):
        statement = large_statement(factor)
        accepted, declined = request_cookies(statement)
        by_name = {c.name: c for c in statement.cookies}
        assert (CookieCategory.STATISTICS, Party.FIRST) == (by_name[accepted].category, by_name[accepted].party)
        assert (CookieCategory.MARKETING, Party.FIRST) == (by_name[declined].category, by_name[declined].party)


def test_factor_zero_is_the_example_statement() -> None:
    """Size 0 stands for the corrected Kalvokeskus example, a typical small shop's statement."""
    from benchmarks.statements import BASE, EXAMPLE
    from rekisterikit import load

    assert load(BASE) == large_statement(EXAMPLE)
