"""Tests of reading the Global Privacy Control signal from request headers."""

from __future__ import annotations

import pytest

from rekisterikit.consent.gpc import gpc_signal, header


@pytest.mark.parametrize(("headers", "expected"), [
    ({"Sec-GPC": "1"}, True),
    ({"sec-gpc": "1"}, True),
    ({"HTTP_SEC_GPC": "1"}, True),
    ({"http_sec_gpc": "1"}, True),
    ({"Sec-GPC": "0"}, False),
    ({"Sec-GPC": "true"}, False),
    ({"Sec-GPC": ""}, False),
    ({}, False),
    (None, False),
])
def test_gpc_signal(headers: dict[str, str] | None, expected: bool) -> None:
    """Only Sec-GPC: 1 is the signal, in any header case or as a WSGI environ key."""
    assert expected == gpc_signal(headers)


def test_header_ignores_non_string_values() -> None:
    """A WSGI environ holds non-string values; they are never taken for headers."""
    assert header({"wsgi.input": object(), "HTTP_SEC_GPC": 1}, "Sec-GPC") is None  # type: ignore[dict-item]
