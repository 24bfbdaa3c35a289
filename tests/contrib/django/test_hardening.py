"""Hardening of the Django adapter (issue 22): shared caches, ETags with the banner, the check command, the page.

Each test reproduces an attack or a failure as it was found, and fails on the code from before the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.base import CommandError  # noqa: E402
from django.test import Client  # noqa: E402

from rekisterikit.consent import ConsentMethod  # noqa: E402
from rekisterikit.contrib.django.conf import get_service  # noqa: E402
from rekisterikit.contrib.django.models import ConsentRecord  # noqa: E402
from tests.contrib.caching import Answer, SharedCache, as_answer, set_cookies  # noqa: E402
from tests.contrib.django.conftest import post_decision  # noqa: E402

pytestmark = pytest.mark.django_db
COOKIE = "rk_consent"
GPC = {"Sec-GPC": "1"}
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "statements"


def accept_all_cookie() -> str:
    """A valid accept-all consent cookie value, as a visitor's browser would hold it."""
    response = post_decision(Client(), "accept_all")
    return str(response.cookies[COOKIE].value)


def django_origin(path: str, headers: Mapping[str, str]) -> Answer:
    """The Django application as the shared cache's origin: a fresh client (its own cookie jar unused)."""
    extra = {k: v for k, v in headers.items() if k != "cookie"}
    response = Client().get(path, headers=extra, HTTP_COOKIE=headers.get("cookie", ""))
    items = [*response.items(), *(("Set-Cookie", m.OutputString()) for m in response.cookies.values())]
    return as_answer(response.status_code, items)


@pytest.fixture
def plain_project(settings: Any, rk_settings: Any) -> None:
    """No consent subject and only the request context processor: nothing reads the session (as in many shops).

    The test project's shop context processor reads the session for the cart, which makes Django's session
    middleware add ``Vary: Cookie`` to every page and would hide the missing header.
    """
    templates = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [
        "django.template.context_processors.request"]}}]
    settings.TEMPLATES = templates
    rk_settings(SUBJECT=None)


@pytest.fixture
def per_site_cache(settings: Any, plain_project: None) -> None:
    """Django's per-site cache middleware around the test project."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "rekisterikit-hardening"}}
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    settings.MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware", *settings.MIDDLEWARE,
                           "django.middleware.cache.FetchFromCacheMiddleware"]
    cache.clear()


def test_django_cache_middleware_never_replays_a_visitors_consent_cookie(per_site_cache: None) -> None:
    """A with Sec-GPC and an accept-all cookie, then B with no cookies: B gets no consent cookie of A's."""
    visitor_a = Client()
    visitor_a.cookies[COOKIE] = accept_all_cookie()
    visitor_a.cookies["_ga"] = "GA1.1.1.1"
    first = visitor_a.get("/privacy/fi/", headers=GPC)
    assert COOKIE in first.cookies  # the GPC refresh: a new consent cookie for A
    assert "private" in first["Cache-Control"]
    assert "public" not in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    second = Client().get("/privacy/fi/")
    assert 200 == second.status_code
    assert {} == {k: m.value for k, m in second.cookies.items()}


def test_a_shared_cache_never_hands_a_response_that_sets_cookies_to_another_visitor(plain_project: None) -> None:
    """Through a model of a CDN: after A's GPC refresh and deletion of _ga, B's answers carry no Set-Cookie of A's."""
    cookie = accept_all_cookie()
    proxy = SharedCache(django_origin)
    for path in ("/privacy/fi/", "/privacy/", "/privacy/consent/status/"):
        a = proxy.fetch(path, {"cookie": f"{COOKIE}={cookie}; _ga=GA1.1.1.1", "sec-gpc": "1"})
        assert any(c.startswith(f"{COOKIE}=") for c in set_cookies(a)), path
        b = proxy.fetch(path, {})
        assert [] == [c for c in set_cookies(b) if c.startswith((f"{COOKIE}=", "_ga="))], path


def test_the_statement_page_without_cookies_is_still_shared(plain_project: None) -> None:
    """The library's own page, which shows nothing per visitor, stays publicly cacheable (a cache hit for B)."""
    proxy = SharedCache(django_origin)
    proxy.fetch("/privacy/fi/", {})
    proxy.fetch("/privacy/fi/", {})
    assert 1 == proxy.hits


def test_every_response_that_sets_a_cookie_is_private(client: Client) -> None:
    """The consent endpoint, withdrawal and a page deleting declined cookies: private and Vary: Cookie."""
    decided = post_decision(client, "accept_all", next_url="/")
    client.cookies["_ga"] = "GA1.1.1.1"
    withdrawn = client.post("/privacy/consent/withdraw/")
    page = client.get("/privacy/fi/")  # _ga is now declined: the middleware expires it
    for response in (decided, withdrawn, page):
        assert response.cookies
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


SHOP_PAGE = ("{% load rekisterikit %}<!DOCTYPE html><html><head>{% consent_scripts %}</head><body>"
             "{% privacy_statement %}{% consent_banner %}</body></html>")


@pytest.fixture
def shop_page_template(settings: Any, rk_settings: Any, tmp_path: Path) -> None:
    """A shop's PAGE_TEMPLATE that shows the banner, with PAGE_CACHE_SECONDS=0."""
    (tmp_path / "shop_privacy.html").write_text(SHOP_PAGE, encoding="utf-8")
    templates = [dict(settings.TEMPLATES[0])]
    templates[0]["DIRS"] = [str(tmp_path)]
    settings.TEMPLATES = templates
    rk_settings(PAGE_TEMPLATE="shop_privacy.html", PAGE_CACHE_SECONDS=0)


def test_a_decision_changes_the_etag_of_a_page_with_the_banner(client: Client, shop_page_template: None) -> None:
    """Revalidating after a decision gets 200 without the open banner, never 304 to the page with the banner."""
    client.get("/privacy/fi/")  # the first visit gets its CSRF cookie, which the page depends on
    first = client.get("/privacy/fi/")
    assert 'id="rk-consent"' in first.content.decode()
    assert "hidden" not in first.content.decode().split('id="rk-consent"')[1].split(">")[0]
    etag = first["ETag"]
    assert 304 == client.get("/privacy/fi/", headers={"if-none-match": etag}).status_code
    post_decision(client, "reject_all")
    again = client.get("/privacy/fi/", headers={"if-none-match": etag})
    assert 200 == again.status_code
    assert again["ETag"] != etag
    assert "private" in again["Cache-Control"]
    assert "Cookie" in again["Vary"]


def test_an_override_of_the_library_page_counts_as_the_shops(settings: Any, tmp_path: Path) -> None:
    """A shop's own rekisterikit/statement_page.html (a template override) is private, like PAGE_TEMPLATE."""
    (tmp_path / "rekisterikit").mkdir()
    (tmp_path / "rekisterikit" / "statement_page.html").write_text(SHOP_PAGE, encoding="utf-8")
    templates = [dict(settings.TEMPLATES[0])]
    templates[0]["DIRS"] = [str(tmp_path)]
    settings.TEMPLATES = templates
    response = Client().get("/privacy/fi/")
    assert "private" in response["Cache-Control"]
    assert response["ETag"].strip('"').startswith("rk-")


def test_form_post_answers_303_as_flask_does(client: Client) -> None:
    """A plain form POST to the consent endpoint and to withdrawal answers 303 See Other."""
    assert 303 == post_decision(client, "reject_all", next_url="/").status_code
    assert 303 == client.post("/privacy/consent/withdraw/", {"rk-next": "/"}).status_code


def test_check_command_names_the_file_and_its_lines(rk_settings: Any) -> None:
    """STATEMENT as a Path: the report names the file (not <statement>) and each finding's file:line."""
    from io import StringIO

    source = EXAMPLES / "kalvokeskus.toml"
    rk_settings(STATEMENT=source)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("rekisterikit_check", stdout=out)
    text = out.getvalue()
    assert "<statement>" not in text
    assert text.startswith(str(source))
    assert f"({source}:" in text


def test_default_page_carries_the_responsive_stylesheet() -> None:
    """The library's page embeds the statement stylesheet (the cookie table becomes cards on a phone)."""
    from rekisterikit.render import STYLESHEET

    body = Client().get("/privacy/fi/").content.decode()
    assert str(STYLESHEET) in body
    assert ".rk-statement .rk-table-wrap{overflow-x:auto" in body


def test_privacy_statement_tag_includes_the_stylesheet_once(client: Client) -> None:
    """In a shop layout, {% privacy_statement %} brings the stylesheet, only once however often it is used."""
    from rekisterikit.render import STYLESHEET

    twice = client.get("/page/", {"t": "{% privacy_statement %}{% privacy_statement 'en' %}"}).content.decode()
    head = client.get("/page/", {"t": "{% privacy_statement_style %}{% privacy_statement %}"}).content.decode()
    bare = client.get("/page/", {"t": "{% privacy_statement style=False %}"}).content.decode()
    assert (1, 1, 0) == (twice.count(str(STYLESHEET)), head.count(str(STYLESHEET)), bare.count(str(STYLESHEET)))
    assert twice.index("<style>") < twice.index('<article class="rk-statement"')


def test_repeated_gpc_requests_with_a_stale_cookie_write_one_record(rk_settings: Any) -> None:
    """200 GETs with Sec-GPC and the same stale accept-all cookie: one GPC record (was 200)."""
    rk_settings(SUBJECT=None)
    cookie = accept_all_cookie()
    for _ in range(200):
        response = Client().get("/privacy/fi/", headers=GPC, HTTP_COOKIE=f"{COOKIE}={cookie}")
        assert COOKIE in response.cookies
    state = get_service().codec.decode(cookie)
    assert state is not None
    methods = list(ConsentRecord.objects.filter(consent_id=state.consent_id).values_list("method", flat=True))
    assert sorted([ConsentMethod.ACCEPT_ALL.value, ConsentMethod.GPC.value]) == sorted(methods)


def _deletions(response: Any, name: str) -> list[str | None]:
    """The Domain of every Set-Cookie that deletes ``name`` (None: host-only)."""
    return sorted((m["domain"] or None for m in response.cookies.values()
                   if m.key == name and m["max-age"] == 0), key=lambda d: d or "")


def test_withdrawal_expires_tracker_cookies_on_every_parent_domain(client: Client) -> None:
    """A form withdrawal on www.shop.fi expires _ga and _fbp host-only, on www.shop.fi and on shop.fi."""
    post_decision(client, "accept_all", HTTP_HOST="www.shop.fi")
    client.cookies["_ga"] = "GA1.1.1.1"
    client.cookies["_fbp"] = "fb.1.1.1"
    response = client.post("/privacy/consent/withdraw/", {"rk-next": "/"}, HTTP_HOST="www.shop.fi")
    for name in ("_ga", "_fbp"):
        assert [None, "shop.fi", "www.shop.fi"] == _deletions(response, name)


def test_declined_cookies_on_a_page_are_expired_on_parent_domains_too() -> None:
    """A visitor without consent who carries _ga gets it expired on each parent domain by the middleware."""
    response = Client().get("/privacy/fi/", HTTP_HOST="kauppa.shop.fi", HTTP_COOKIE="_ga=GA1.1.1.1")
    assert [None, "kauppa.shop.fi", "shop.fi"] == _deletions(response, "_ga")
    # What the WSGI handler sends: one Set-Cookie per Morsel, each named _ga.
    headers = [m.output(header="").strip() for m in response.cookies.values()]
    assert 3 == sum(h.startswith('_ga="";') for h in headers)


def test_check_command_exits_2_on_a_deeply_nested_statement(rk_settings: Any, tmp_path: Path) -> None:
    """A statement nested 100 000 deep is a load error (exit 2) in rekisterikit_check, not a RecursionError."""
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    rk_settings(STATEMENT=deep)
    with pytest.raises(CommandError, match="nested too deeply") as info:
        call_command("rekisterikit_check")
    assert 2 == info.value.returncode
