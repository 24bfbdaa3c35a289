"""The request path's kept results stay per visitor: gated scripts, Consent Mode and the placeholder follow each
request's consent whatever was rendered before, and the middleware reads the consent cookie only when it must."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.http import HttpRequest  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test import Client  # noqa: E402

from rekisterikit.consent.codec import ConsentCodec  # noqa: E402
from tests.contrib.django.conftest import post_decision  # noqa: E402

pytestmark = pytest.mark.django_db

GATED = '{% gated_script "statistics" "https://stats.example/a.js" async=True %}'
INERT = '<script type="text/plain" data-rk-category="statistics" data-src="https://stats.example/a.js" async="">'
LIVE = '<script src="https://stats.example/a.js" data-rk-for="statistics" async></script>'


def html(client: Client, template: str) -> str:
    """The test page rendering ``template``."""
    response = client.get("/page/?t=" + quote(template))
    assert 200 == response.status_code
    return response.content.decode()


def test_kept_markup_follows_each_visitor(client: Client) -> None:
    """Visitors in turn — undecided, statistics, rejected, statistics — each get their own gated script, Consent
    Mode update and placeholder, although the markup of each is kept after the first."""
    template = GATED + "{% consent_scripts %}{% consent_banner %}"
    seen = []
    for action in (None, "statistics", "reject_all", "statistics"):
        visitor = Client()
        if action == "statistics":
            post_decision(visitor, "custom", "statistics")
        elif action is not None:
            post_decision(visitor, action)
        page = html(visitor, template)
        seen.append((LIVE in page, INERT in page, '"analytics_storage":"granted"' in page,
                     'data-rk-granted="statistics"' in page, "<form" in page))
    assert [(False, True, False, False, True), (True, False, True, True, False),
            (False, True, False, False, False), (True, False, True, True, False)] == seen


def test_a_nonce_is_never_kept(client: Client) -> None:
    """Each request's CSP nonce is in its own gated script and Consent Mode script."""
    for nonce in ("n1", "n2"):
        request = HttpRequest()
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        out = Template("{% load rekisterikit %}" + GATED + "{% consent_scripts %}").render(
            Context({"request": request}))
        assert (3, 0) == (out.count(f'nonce="{nonce}"'), out.count('nonce="n1"' if nonce == "n2" else 'nonce="n2"'))


def test_the_middleware_reads_no_consent_without_optional_cookies(client: Client,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that does not ask for the consent, requested with only necessary cookies, decodes no consent
    cookie; with a declined cookie in the jar it decodes it once and expires that cookie."""
    post_decision(client, "custom", "statistics")
    calls: list[object] = []
    original = ConsentCodec.decode

    def counting(self: ConsentCodec, value: Any) -> Any:
        calls.append(value)
        return original(self, value)

    monkeypatch.setattr(ConsentCodec, "decode", counting)
    plain = client.get("/page/?t=plain")
    before = len(calls)
    client.cookies["_fbp"] = "x"
    declined = client.get("/page/?t=plain")
    assert (0, 1, True) == (before, len(calls), "_fbp" in declined.cookies)
    assert not plain.cookies


def test_gpc_is_read_from_the_request_meta(client: Client) -> None:
    """Sec-GPC: 1 still turns a stored marketing consent off on any page (read without building request.headers)."""
    post_decision(client, "accept_all")
    page = client.get("/page/?t=" + quote("{{ request.consent.marketing }}"), headers={"sec-gpc": "1"})
    assert ("False", True) == (page.content.decode(), "rk_consent" in page.cookies)


def test_a_kept_deletion_is_the_header_django_writes() -> None:
    """A deletion applied from the kept Morsel is byte for byte Django's own set_cookie, and each response gets
    its own copy (changing one changes no other)."""
    from django.http import HttpResponse

    from rekisterikit.consent import SetCookie
    from rekisterikit.contrib.django.middleware import apply_cookie

    cookie = SetCookie(name="_ga", value="", max_age=0, path="/", domain=".shop.fi", secure=True, samesite="Lax")
    ours, again, django = HttpResponse(), HttpResponse(), HttpResponse()
    apply_cookie(ours, cookie)
    apply_cookie(again, cookie)
    django.set_cookie("_ga", "", max_age=0, path="/", domain=".shop.fi", secure=True, samesite="Lax",
                      expires="Thu, 01 Jan 1970 00:00:00 GMT")
    ours.cookies["_ga"]["path"] = "/changed"
    assert (django.cookies.output(), "/changed") == (again.cookies.output(), ours.cookies["_ga"]["path"])


def test_the_kept_host_check_follows_allowed_hosts(settings: Any) -> None:
    """A host not allowed gets no parent-domain deletions; allowing it (setting_changed) is seen at once."""
    from django.test import RequestFactory

    from rekisterikit.contrib.django.middleware import request_host

    settings.ALLOWED_HOSTS = ["www.shop.fi"]
    evil = RequestFactory().get("/", HTTP_HOST="evil.example")
    good = RequestFactory().get("/", HTTP_HOST="www.shop.fi")
    before = (request_host(evil), request_host(good))
    settings.ALLOWED_HOSTS = ["www.shop.fi", "evil.example"]
    assert ((None, "www.shop.fi"), "evil.example") == (before, request_host(evil))


def test_kept_consent_mode_follows_the_tag_arguments(client: Client) -> None:
    """The same visitor's Consent Mode script follows each tag's arguments (regions, wait, url_passthrough)."""
    post_decision(client, "custom", "statistics")
    page = html(client, '{% consent_scripts %}#SEP#{% consent_scripts regions="FI" wait_for_update=100 %}#SEP#'
                        "{% consent_scripts url_passthrough=True %}#SEP#{% consent_scripts %}")
    plain, regional, passthrough, again = page.split("#SEP#")
    assert (plain == again, '"region":["FI"]' in regional, '"wait_for_update":100' in regional,
            "url_passthrough" in passthrough, "region" in plain) == (True, True, True, True, False)


def test_the_reopen_link_follows_a_language_block(client: Client) -> None:
    """Inside {% language "en" %} the link is in English, and Finnish again after the block, in one request."""
    page = html(client, '{% load i18n %}{% consent_settings_link %}|{% language "en" %}{% consent_settings_link %}'
                        "{% endlanguage %}|{% consent_settings_link %}")
    assert ["Evästeasetukset", "Cookie settings", "Evästeasetukset"] == [
        part.split(">")[1].split("<")[0] for part in page.split("|")]


def test_kept_deletions_follow_each_jar() -> None:
    """Visitors with the same choice and different cookies in turn get exactly their own declined cookies
    expired."""
    expired = []
    for extra in ({"_fbp": "x"}, {"lang": "y"}, {"_fbp": "x", "lang": "y", "_ga": "z"}, {}, {"_fbp": "x"}):
        visitor = Client()
        post_decision(visitor, "custom", "statistics")
        for name, value in extra.items():
            visitor.cookies[name] = value
        response = visitor.get("/page/?t=plain")
        expired.append(sorted({m.key for m in response.cookies.values() if m["max-age"] == 0}))
    assert [["_fbp"], ["lang"], ["_fbp", "lang"], [], ["_fbp"]] == expired


def test_a_kept_consent_still_expires(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A consent read once (and kept for the next page views) is no consent once it has expired: the banner asks
    again; and moving the clock back before it was given reads it anew too."""
    import datetime as dt

    from rekisterikit.contrib.django.conf import get_service

    post_decision(client, "custom", "statistics")
    template = "{{ request.consent.decided }}"
    first, second = html(client, template), html(client, template)
    service = get_service()
    now = service.now()
    monkeypatch.setattr(service, "_clock", lambda: now + dt.timedelta(days=400))
    later = html(client, template)
    monkeypatch.setattr(service, "_clock", lambda: now - dt.timedelta(days=3))
    earlier = html(client, template)
    assert ("True", "True", "False", "False") == (first, second, later, earlier)


def test_a_kept_consent_follows_the_gpc_signal(client: Client) -> None:
    """The same cookie with and without Sec-GPC: marketing off only while the signal is sent."""
    post_decision(client, "accept_all")
    template = "{{ request.consent.marketing }}"
    without = html(client, template)
    cookie = client.cookies["rk_consent"].value
    signal = client.get("/page/?t=" + quote(template), headers={"sec-gpc": "1"}).content.decode()
    client.cookies["rk_consent"] = cookie  # the same cookie again, without the signal
    assert ("True", "False", "True") == (without, signal, html(client, template))


def test_the_consent_is_read_once_whoever_asks_first(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tag asking first (past the lazy proxy) and the template's ``request.consent`` afterwards, or the other way
    round, share one read of the consent per request, and both see the visitor's choice."""
    import rekisterikit.contrib.django.middleware as middleware

    post_decision(client, "custom", "statistics")
    reads: list[object] = []
    original = middleware.read_consent

    def counting(request: Any, service: Any = None) -> Any:
        reads.append(request)
        return original(request, service)

    monkeypatch.setattr(middleware, "read_consent", counting)
    for template in (GATED + "{% if request.consent.statistics %}S{% endif %}{% consent_banner %}",
                     "{% if request.consent.statistics %}S{% endif %}" + GATED + "{% consent_banner %}"):
        reads.clear()
        page = html(client, template)
        assert LIVE in page
        assert "S" in page
        assert 'data-rk-granted="statistics"' in page
        assert 1 == len(reads)


def test_the_kept_placeholder_follows_the_language_and_the_choice(client: Client) -> None:
    """A decided visitor's placeholder, kept per choice, language and URLs: in a {% language %} block it is that
    language's, after the block the page's again, and another visitor's choice gets its own."""
    template = ('{% load i18n %}{% consent_banner %}|{% language "sv" %}{% consent_banner %}{% endlanguage %}|'
                "{% consent_banner %}")
    post_decision(client, "custom", "statistics")
    other = Client()
    post_decision(other, "accept_all")
    for visitor, granted in ((client, "statistics"), (other, "preferences statistics marketing"),
                             (client, "statistics")):
        parts = html(visitor, template).split("|")
        assert ['lang="fi"', 'lang="sv"', 'lang="fi"'] == [p.split(" ")[3] for p in parts]
        assert all(f'data-rk-granted="{granted}"' in p and "data-rk-layer=" in p for p in parts)
