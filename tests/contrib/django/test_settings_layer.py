"""The lazy settings layer in Django: a decided visitor's page carries a placeholder, not the hidden form; the
settings layer view serves the form with the visitor's ticks and a fresh CSRF token, uncached; reversed and static
URLs are cached per URLconf, script prefix and language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.contrib.django.requires import require_django

require_django()

from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import set_script_prefix  # noqa: E402
from django.utils import translation  # noqa: E402

from rekisterikit.contrib.django.banner import cached_reverse, cached_static, clear_url_cache  # noqa: E402
from tests.contrib.django.conftest import post_decision  # noqa: E402

pytestmark = pytest.mark.django_db

LAYER = "/privacy/consent/layer/"


def page(client: Client, template: str, **extra: Any) -> Any:
    """GET the tag test page rendering ``template`` (the whole middleware stack)."""
    response = client.get("/page/?t=" + quote(template), **extra)
    assert 200 == response.status_code
    return response


def test_a_decided_visitor_gets_a_placeholder_of_a_few_hundred_bytes(client: Client) -> None:
    """After a decision {% consent_banner %} is a hidden placeholder naming the layer URL and the visitor's
    granted categories: no form, no CSRF token, under 400 bytes."""
    post_decision(client, "custom", "statistics")
    html = page(client, "{% consent_banner %}").content.decode()
    assert ("<form" in html, "csrfmiddlewaretoken" in html, f'data-rk-layer="{LAYER}"' in html,
            'data-rk-granted="statistics"' in html, 'data-rk-decided="true"' in html, " hidden>" in html) == (
        False, False, True, True, True, True)
    assert len(html.encode()) < 400, html


def test_an_undecided_visitor_still_gets_the_whole_first_layer(client: Client) -> None:
    """Before a decision the banner is inline and visible, with its form and CSRF token (it informs first)."""
    html = page(client, "{% consent_banner %}").content.decode()
    assert ("<form" in html, 'name="csrfmiddlewaretoken"' in html, "data-rk-layer" in html,
            'data-rk-decided="false"' in html) == (True, True, False, True)


def test_a_decided_visitors_page_sets_no_csrf_cookie(client: Client) -> None:
    """A page whose only form would have been the hidden banner asks for no CSRF token, so it sets no cookie."""
    post_decision(client, "reject_all")
    client.cookies.pop("csrftoken", None)
    response = page(client, "{% consent_scripts %}{% consent_settings_link %}{% consent_banner %}")
    assert "csrftoken" not in response.cookies


def test_the_inline_hidden_form_can_be_kept(client: Client, rk_settings: Any) -> None:
    """LAZY_SETTINGS_LAYER=False renders the hidden form for a decided visitor, as before."""
    rk_settings(LAZY_SETTINGS_LAYER=False)
    post_decision(client, "custom", "statistics")
    html = page(client, "{% consent_banner %}").content.decode()
    assert ("<form" in html, "data-rk-layer" in html, " hidden>" in html,
            'name="rk-category" value="statistics" checked' in html) == (True, False, True, True)


def test_the_layer_has_the_visitors_ticks_and_a_csrf_token(client: Client) -> None:
    """The layer is the banner with the stored choice ticked, a CSRF token and ?next= as the return path."""
    post_decision(client, "custom", "statistics")
    response = client.get(LAYER + "?next=" + quote("/kassa/?a=1&b=2"))
    html = response.content.decode()
    assert (200, "text/html; charset=utf-8") == (response.status_code, response["Content-Type"])
    assert ('id="rk-cat-statistics" name="rk-category" value="statistics" checked' in html,
            'value="marketing" checked' in html, 'name="csrfmiddlewaretoken"' in html,
            'name="rk-next" value="/kassa/?a=1&amp;b=2"' in html, 'data-rk-decided="true"' in html) == (
        True, False, True, True, True)


def test_the_layer_is_the_inline_banner_byte_for_byte(client: Client, rk_settings: Any) -> None:
    """Apart from the CSRF token (masked anew per call), the layer is what the inline hidden banner was."""
    post_decision(client, "custom", "statistics")
    path = "/page/?t=" + quote("{% consent_banner %}")
    layer = client.get(LAYER + "?next=" + quote(path)).content.decode()
    rk_settings(LAZY_SETTINGS_LAYER=False)
    inline = client.get(path).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert (True, token.sub("", inline)) == ("<form" in layer, token.sub("", layer))


def test_the_layer_is_never_cached_and_sets_no_cookie_it_does_not_need(client: Client) -> None:
    """no-store and private, Vary: Cookie, noindex; a visitor who has a CSRF cookie gets no Set-Cookie."""
    post_decision(client, "accept_all")
    client.get(LAYER)  # a visitor without a CSRF cookie gets one here (the layer's form needs it)
    response = client.get(LAYER)
    cache_control = {p.strip() for p in response["Cache-Control"].split(",")}
    assert ({"no-store", "private"} <= cache_control, "public" in cache_control, "Cookie" in response["Vary"],
            response["X-Robots-Tag"], dict(response.cookies)) == (True, False, True, "noindex", {})


def test_the_first_layer_request_gets_the_csrf_cookie_its_form_needs(client: Client) -> None:
    """Without a CSRF cookie the layer sets one (the token in the form must match it), privately."""
    post_decision(client, "reject_all")
    client.cookies.pop("csrftoken", None)
    response = client.get(LAYER)
    assert ("csrftoken" in response.cookies, "private" in response["Cache-Control"]) == (True, True)


def test_a_foreign_next_is_ignored(client: Client) -> None:
    """?next= must be a path on this site: anything else returns to "/" (no open redirect through the form)."""
    post_decision(client, "reject_all")
    html = client.get(LAYER + "?next=//evil.example/").content.decode()
    assert 'name="rk-next" value="/"' in html


def test_the_layer_answers_get_only(client: Client) -> None:
    """POST to the layer is 405."""
    assert 405 == client.post(LAYER).status_code


def test_no_layer_without_optional_cookies(client: Client, rk_settings: Any, tmp_path: Path) -> None:
    """A statement without optional cookies has no banner: the layer is 404 and the placeholder empty."""
    from tests.contrib.django.statements import SHOP

    no_optional = [c for c in SHOP.cookies if c.category is not None and not c.category.needs_consent]
    import attrs

    rk_settings(STATEMENT=attrs.evolve(SHOP, cookies=tuple(no_optional)))
    assert (404, "") == (client.get(LAYER).status_code, page(client, "{% consent_banner %}").content.decode())


def test_a_shops_banner_template_is_served_as_the_layer(client: Client, rk_settings: Any, settings: Any,
                                                         tmp_path: Path) -> None:
    """With BANNER_TEMPLATE the page has rekisterikit's placeholder and the layer is the shop's template."""
    folder = tmp_path / "templates"
    folder.mkdir()
    source = Path(__file__).with_name("own_banner.html").read_text(encoding="utf-8")
    (folder / "my_banner.html").write_text(source, encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(folder)]}]
    rk_settings(BANNER_TEMPLATE="my_banner.html")
    post_decision(client, "custom", "statistics")
    html = page(client, "{% consent_banner %}").content.decode()
    layer = client.get(LAYER).content.decode()
    assert ("my-banner" in html, "data-rk-layer" in html, 'class="rk-consent my-banner"' in layer,
            'value="statistics" checked' in layer) == (False, True, True, True)


def wsgi_get(path: str, *, script_name: str, cookies: str) -> str:
    """GET ``path`` through Django's WSGI handler (which, unlike the test client, sets the script prefix)."""
    import io
    import sys

    from django.core.handlers.wsgi import WSGIHandler

    path_only, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "SCRIPT_NAME": script_name, "PATH_INFO": path_only, "QUERY_STRING": query,
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
               "HTTP_HOST": "testserver", "HTTP_COOKIE": cookies, "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
               "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.multithread": False,
               "wsgi.multiprocess": False, "wsgi.run_once": False}
    status: list[str] = []

    def start_response(value: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        status.append(value)
        return lambda data: None

    body = WSGIHandler()(environ, start_response)
    try:
        html = b"".join(body).decode()
    finally:
        body.close()
    assert status[0].startswith("200"), status
    return html


def test_reopen_link_and_layer_url_follow_the_script_name(client: Client) -> None:
    """Under a SCRIPT_NAME the cached URLs carry its prefix, and a request without one gets plain URLs."""
    post_decision(client, "reject_all")
    cookies = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    path = "/page/?t=" + quote("{% consent_settings_link %}{% consent_banner %}{% consent_scripts %}")
    plain = wsgi_get(path, script_name="", cookies=cookies)
    shop = wsgi_get(path, script_name="/kauppa", cookies=cookies)
    again = wsgi_get(path, script_name="", cookies=cookies)
    assert ('href="/kauppa/privacy/consent/settings/"' in shop, 'data-rk-layer="/kauppa/privacy/consent/layer/"'
            in shop, 'href="/privacy/consent/settings/"' in plain, f'data-rk-layer="{LAYER}"' in plain,
            plain == again) == (True,) * 5


@pytest.mark.urls("tests.contrib.django.urls_i18n")
def test_cached_urls_follow_the_language_and_the_prefix() -> None:
    """Under i18n_patterns each language has its own cached URL; a script prefix is kept apart."""
    clear_url_cache()
    try:
        with translation.override("en"):
            en = cached_reverse("rekisterikit:consent_settings")
        with translation.override("fi"):
            fi = cached_reverse("rekisterikit:consent_settings")
            set_script_prefix("/kauppa/")
            prefixed = (cached_reverse("rekisterikit:consent_settings"), cached_static("rekisterikit/consent.js"))
            django_static = static("rekisterikit/consent.js")
    finally:
        set_script_prefix("/")
    assert ("/en/privacy/consent/settings/", "/fi/privacy/consent/settings/",
            ("/kauppa/fi/privacy/consent/settings/", django_static)) == (en, fi, prefixed)


def test_a_changed_setting_clears_the_url_cache(settings: Any) -> None:
    """Changing STATIC_URL (setting_changed) gives the new static URL at once."""
    before = cached_static("rekisterikit/consent.css")
    settings.STATIC_URL = "/assets/"
    assert ("/static/rekisterikit/consent.css", "/assets/rekisterikit/consent.css") == (
        before, cached_static("rekisterikit/consent.css"))



@pytest.mark.urls("tests.contrib.django.urls_no_layer")
def test_without_the_layer_route_the_hidden_form_stays_inline(client: Client) -> None:
    """A URLconf without rekisterikit:consent_layer (views routed one by one) still works: a decided visitor gets
    the hidden form inline, as before the lazy settings layer."""
    clear_url_cache()
    post_decision(client, "custom", "statistics")
    html = page(client, "{% consent_banner %}").content.decode()
    clear_url_cache()
    assert ("<form" in html, "data-rk-layer" in html, " hidden>" in html) == (True, False, True)
