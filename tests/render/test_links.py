"""Tests of rekisterikit.render.links: only http(s), mailto and tel targets, built by the renderer."""

from __future__ import annotations

import pytest

from rekisterikit.render import links


@pytest.mark.parametrize(("url", "expected"), [
    ("https://tietosuoja.fi", "https://tietosuoja.fi"),
    ("http://example.fi/a?b=c&d=e", "http://example.fi/a?b=c&d=e"),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT:alert(1)", None),
    ("data:text/html,<script>", None),
    ("https://exa mple.fi", None),
    ('https://x.fi/"onmouseover="', None),
    ("https://x.fi/\x00", None),
    ("//example.fi", None),
    ("", None),
    (None, None),
])
def test_web_accepts_only_absolute_http_urls(url: str | None, expected: str | None) -> None:
    """Web links must be absolute http(s) addresses without spaces, quotes or control characters."""
    assert expected == links.web(url)


@pytest.mark.parametrize(("email", "expected"), [
    ("info@kalvokeskus.fi", "mailto:info@kalvokeskus.fi"),
    ("a+b@x.fi", "mailto:a+b@x.fi"),
    ("a@x.fi?subject=hi", None),
    ('"><script>@x.fi', None),
    ("not an address", None),
    (None, None),
])
def test_mailto_builds_plain_address_links(email: str | None, expected: str | None) -> None:
    """mailto links are made only from plain addresses, so no header injection or markup gets through."""
    assert expected == links.mailto(email)


@pytest.mark.parametrize(("phone", "expected"), [
    ("+358 29 566 6700", "tel:+358295666700"),
    ("045-695 9409", "tel:0456959409"),
    ("(09) 123 456", "tel:09123456"),
    ("call me", None),
    (None, None),
])
def test_tel_keeps_digits_and_plus(phone: str | None, expected: str | None) -> None:
    """tel links keep only the digits and a leading plus."""
    assert expected == links.tel(phone)


@pytest.mark.parametrize(("href", "expected"), [
    ("https://x.fi", True), ("mailto:a@x.fi", True), ("tel:+358", True), ("#rk-controller", True),
    ("#rk-purpose-a_b-1", True), ("#top", False), ("javascript:x", False), ("vbscript:x", False),
    ("mailto:", False), ("https://x.fi/ a", False), ("file:///etc/passwd", False), ("rk-controller", False),
])
def test_is_safe(href: str, expected: bool) -> None:
    """Only the safe schemes and the renderer's own #rk- anchors may be emitted."""
    assert expected == links.is_safe(href)
