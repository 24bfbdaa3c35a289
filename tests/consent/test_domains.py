"""Tests of parent-domain cookie deletion: the registrable domain from the Public Suffix List, the Set-Cookies."""

from __future__ import annotations

import pytest

from rekisterikit.consent import SetCookie
from rekisterikit.consent.domains import cookie_domains, expire_everywhere, registrable_domain, with_parent_domains


@pytest.mark.parametrize(("host", "expected"), [
    ("www.shop.fi", ("www.shop.fi", "shop.fi")),
    ("shop.fi", ("shop.fi",)),
    ("WWW.Shop.FI.:8443", ("www.shop.fi", "shop.fi")),
    ("a.b.shop.co.uk", ("a.b.shop.co.uk", "b.shop.co.uk", "shop.co.uk")),
    ("kauppa.aland.fi", ("kauppa.aland.fi",)),  # aland.fi (the Åland Islands) is a public suffix in the list
    ("www.kauppa.iki.fi", ("www.kauppa.iki.fi", "kauppa.iki.fi")),  # iki.fi: a private suffix
    ("shop.github.io", ("shop.github.io",)),  # a private suffix: github.io cookies would reach every user's site
    ("www.shop.test:8000", ("www.shop.test", "shop.test")),
    ("localhost:8000", ()),
    ("127.0.0.1:5000", ()),
    ("[::1]:8000", ()),
    ("fi", ()),
    ("a..b", ()),
])
def test_cookie_domains_stop_at_the_registrable_domain(host: str, expected: tuple[str, ...]) -> None:
    """Every parent domain of the host up to the registrable one; none for IPs, public suffixes, single labels."""
    assert expected == cookie_domains(host)


def test_registrable_domain() -> None:
    """The registrable domain, or None where there is none."""
    assert ("shop.fi", None, None) == (registrable_domain("www.shop.fi"), registrable_domain("github.io"),
                                       registrable_domain("10.0.0.1"))


def test_expire_everywhere_deletes_host_only_and_on_each_parent() -> None:
    """_ga on www.shop.fi: Max-Age=0 without Domain, with Domain=www.shop.fi and with Domain=shop.fi."""
    headers = [c.header() for c in expire_everywhere(["_ga"], host="www.shop.fi", secure=True)]
    assert ["_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure",
            "_ga=; Domain=www.shop.fi; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure",
            "_ga=; Domain=shop.fi; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure",
            ] == headers


def test_a_configured_domain_is_not_repeated() -> None:
    """With COOKIE_DOMAIN .shop.fi the deletion there comes once, and the host's own domain is added."""
    domains = [c.domain for c in expire_everywhere(["_fbp"], host="www.shop.fi", domain=".shop.fi")]
    assert [".shop.fi", "www.shop.fi"] == domains


def test_without_a_host_only_host_only_deletions() -> None:
    """No host (or an IP address): only the configured deletion."""
    assert [None] == [c.domain for c in expire_everywhere(["_ga"], host=None)]
    assert [None] == [c.domain for c in expire_everywhere(["_ga"], host="127.0.0.1")]


def test_with_parent_domains_adds_deletions_and_keeps_cookies_that_are_set() -> None:
    """The consent cookie being set stays single; each deletion gains one per parent domain."""
    consent = SetCookie(name="rk_consent", value="v1.x", max_age=100)
    cookies = with_parent_domains([consent, SetCookie.expire("_ga")], "www.shop.fi")
    assert [("rk_consent", None), ("_ga", None), ("_ga", "www.shop.fi"), ("_ga", "shop.fi")] == [
        (c.name, c.domain) for c in cookies]


def test_decision_headers_with_the_host_delete_on_parent_domains() -> None:
    """Decision.set_cookie_headers(host) repeats each deletion on the parent domains; without a host it does not."""
    from rekisterikit.consent import ConsentConfig, ConsentService
    from tests.consent.shop import SECRET, shop_statement

    service = ConsentService(shop_statement(), ConsentConfig(secret=SECRET))
    decision = service.withdraw(cookies="_ga=GA1.1.1.1", locale="fi")
    assert 2 == len(decision.set_cookie_headers())
    headers = decision.set_cookie_headers("www.shop.fi")
    assert 4 == len(headers)
    assert headers[0].startswith("rk_consent=")
    assert "Domain=shop.fi" in headers[3]
