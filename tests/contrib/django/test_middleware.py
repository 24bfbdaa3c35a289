"""Tests of ConsentMiddleware: lazy request.consent, Vary, GPC, deleting cookies of declined categories."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.test import Client, RequestFactory  # noqa: E402

from rekisterikit.contrib.django.conf import get_service  # noqa: E402
from rekisterikit.contrib.django.middleware import VisitorConsent, read_consent  # noqa: E402
from rekisterikit.contrib.django.models import ConsentRecord  # noqa: E402
from tests.contrib.django.conftest import post_decision  # noqa: E402

pytestmark = pytest.mark.django_db
COOKIE = "rk_consent"


def page(client: Client, template: str, **extra: Any) -> Any:
    """GET the test page that renders ``template`` (with {% load rekisterikit %})."""
    return client.get("/page/?t=" + quote(template), **extra)


def expired(response: Any) -> set[str]:
    """Names of the cookies the response expires."""
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] == 0}


def test_request_consent_in_if_tags(client: Client) -> None:
    """{% if request.consent.statistics %} follows the visitor's choice."""
    template = ("{% if request.consent.statistics %}S{% else %}-{% endif %}"
                "{% if request.consent.marketing %}M{% endif %}")
    before = page(client, template).content
    post_decision(client, "custom", "statistics")
    assert (b"-", b"S") == (before, page(client, template).content)


def test_consent_read_only_when_used_and_then_vary_cookie() -> None:
    """The middleware reads the cookie only when request.consent is used; then the response varies on Cookie."""
    from django.http import HttpResponse

    from rekisterikit.contrib.django.middleware import ConsentMiddleware

    def unused(request: Any) -> HttpResponse:
        return HttpResponse("plain")

    def used(request: Any) -> HttpResponse:
        return HttpResponse(str(request.consent.decided))

    plain = ConsentMiddleware(unused)(RequestFactory().get("/"))
    varied = ConsentMiddleware(used)(RequestFactory().get("/"))
    assert isinstance(varied, HttpResponse)
    assert (False, "Cookie", b"False") == (plain.has_header("Vary"), varied["Vary"], varied.content)


def test_visitor_consent_api() -> None:
    """VisitorConsent answers per category; necessary is always allowed; unknown categories raise."""
    request = RequestFactory().get("/")
    visitor = read_consent(request)
    assert (False, True, True, False, [], False) == (visitor.decided, visitor.needs_decision, visitor.necessary,
                                                     visitor.statistics, visitor.granted, visitor.allows("marketing"))
    with pytest.raises(ValueError, match="unknown category or service 'tracking'"):
        visitor.allows("tracking")
    assert "decided=False" in repr(VisitorConsent(None))


def test_gpc_turns_marketing_off_and_is_recorded(client: Client) -> None:
    """With Sec-GPC: 1, a stored consent granting marketing is rewritten without it and recorded as 'gpc'."""
    post_decision(client, "accept_all")
    response = page(client, "{% if request.consent.marketing %}M{% endif %}{{ request.consent.gpc }}",
                    headers={"sec-gpc": "1"})
    state = get_service().codec.decode(response.cookies[COOKIE].value)
    assert state is not None
    assert (b"True", {"preferences", "statistics"}) == (response.content, {c.value for c in state.granted})
    assert ["accept_all", "gpc"] == list(ConsentRecord.objects.values_list("method", flat=True))


def test_gpc_can_be_turned_off(client: Client, rk_settings: Any) -> None:
    """GPC=False ignores the signal."""
    rk_settings(GPC=False)
    post_decision(client, "accept_all")
    response = page(client, "{% if request.consent.marketing %}M{% endif %}", headers={"sec-gpc": "1"})
    assert (b"M", False) == (response.content, COOKIE in response.cookies)


def test_declined_first_party_cookies_are_deleted(client: Client) -> None:
    """After 'reject all', first-party statistics and marketing cookies the browser still sends are expired."""
    post_decision(client, "reject_all")
    for name in ("_ga", "_ga_XYZ", "_fbp", "lang", "csrftoken"):
        client.cookies[name] = "x"
    gone = expired(page(client, "x"))
    assert {"_ga", "_ga_XYZ", "_fbp", "lang"} == gone


def test_granted_cookies_are_kept(client: Client) -> None:
    """Cookies of granted categories stay."""
    post_decision(client, "custom", "statistics")
    client.cookies["_ga"] = "x"
    client.cookies["_fbp"] = "x"
    assert {"_fbp"} == expired(page(client, "x"))


def test_cookies_set_before_any_consent_are_deleted(client: Client) -> None:
    """Without a consent nothing optional may stay: a _ga cookie is expired."""
    client.cookies["_ga"] = "x"
    assert {"_ga"} == expired(page(client, "x"))


def test_deleting_can_be_turned_off(client: Client, rk_settings: Any) -> None:
    """DELETE_DECLINED_COOKIES=False leaves cookies alone."""
    rk_settings(DELETE_DECLINED_COOKIES=False)
    client.cookies["_ga"] = "x"
    assert set() == expired(page(client, "x"))


def test_accepting_keeps_cookies_in_the_same_response(client: Client) -> None:
    """The consent POST that grants statistics does not expire _ga (the middleware reads the new cookie)."""
    client.cookies["_ga"] = "x"
    response = post_decision(client, "accept_all")
    assert "_ga" not in expired(response)


def test_the_consent_cookie_is_decoded_once_per_request(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that reads request.consent and carries a declined cookie verifies the consent cookie only once."""
    from rekisterikit.consent.codec import ConsentCodec

    post_decision(client, "custom", "statistics")
    client.cookies["_fbp"] = "x"
    calls: list[object] = []
    original = ConsentCodec.decode

    def counting(self: ConsentCodec, value: object) -> object:
        calls.append(value)
        return original(self, value)

    monkeypatch.setattr(ConsentCodec, "decode", counting)
    response = page(client, "{% if request.consent.statistics %}S{% endif %}")
    assert b"S" in response.content
    assert {"_fbp"} == expired(response)
    assert 1 == len(calls)
