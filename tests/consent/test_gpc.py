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


def test_framework_header_objects_are_read_in_one_look_up() -> None:
    """Werkzeug's and Django's case-insensitive header objects answer any spelling of Sec-GPC with one get()."""
    from django.http.request import HttpHeaders
    from werkzeug.datastructures import EnvironHeaders, Headers

    from rekisterikit.consent.gpc import gpc_signal

    assert gpc_signal(Headers({"sec-gpc": "1"}))
    assert gpc_signal(EnvironHeaders({"HTTP_SEC_GPC": "1"}))
    assert gpc_signal(HttpHeaders({"HTTP_SEC_GPC": "1"}))
    assert not gpc_signal(EnvironHeaders({"HTTP_ACCEPT": "text/html"}))

    class Counting(EnvironHeaders):
        calls = 0

        def get(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            type(self).calls += 1
            return super().get(*args, **kwargs)  # type: ignore[arg-type]

    Counting.__name__ = "EnvironHeaders"
    assert not gpc_signal(Counting({"HTTP_ACCEPT": "text/html"}))
    assert 1 == Counting.calls


def test_a_plain_mapping_is_still_matched_without_regard_to_case() -> None:
    """A dict (or a WSGI environ) is searched case-insensitively, as before."""
    from rekisterikit.consent.gpc import gpc_signal

    assert gpc_signal({"sec-gpc": "1"})
    assert gpc_signal({"HTTP_SEC_GPC": "1"})
