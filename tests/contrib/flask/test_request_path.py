"""Tests of what the Flask adapter keeps between requests: URLs, links, scripts, expiry headers, the CSRF token.

Every kept result must be the one computed anew for the request at hand: another script root (an application
mounted under a prefix), another host, another language or a ``url_defaults`` function that adds values must
each give their own URLs.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask, g, render_template_string, url_for
from markupsafe import Markup
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.test import Client

from rekisterikit.contrib.flask import get_state
from rekisterikit.contrib.flask.state import MEMO_LIMIT, cached_url, memo
from rekisterikit.load import loads

from .conftest import STATEMENT, AppFactory
from .test_extension import accepted_cookie, render_in, set_cookies

GLOBALS = "{{ consent_scripts() }}|{{ consent_link() }}|{{ consent_banner() }}"


def urls(html: str) -> set[str]:
    """Every ``href``, ``src`` and form ``action`` in ``html``."""
    return set(re.findall(r'(?:href|src|action)="([^"]*)"', html))


def test_urls_follow_the_script_root_of_each_request(app: Flask) -> None:
    """The same application under a prefix (SCRIPT_NAME) and at the root gets its own URLs on each request, in
    either order."""
    at_root = render_in(app, GLOBALS)
    with app.test_request_context("/page", base_url="http://localhost/kauppa/"):
        app.preprocess_request()
        mounted = render_template_string(GLOBALS)
    again = render_in(app, GLOBALS)
    assert {"/privacy/static/rekisterikit/consent.css", "/privacy/static/rekisterikit/consent.js",
            "/privacy/cookies", "/privacy/consent", "/privacy/fi"} <= urls(at_root)
    assert {"/kauppa/privacy/static/rekisterikit/consent.css", "/kauppa/privacy/static/rekisterikit/consent.js",
            "/kauppa/privacy/cookies", "/kauppa/privacy/consent", "/kauppa/privacy/fi"} <= urls(mounted)
    assert not any(u.startswith("/privacy") for u in urls(mounted))
    assert urls(at_root) == urls(again)


def test_urls_through_a_dispatcher_mount(make_app: AppFactory) -> None:
    """Mounted with Werkzeug's DispatcherMiddleware, the banner posts to the mounted endpoint and the next
    request at the root does not get the prefix."""
    shop = make_app()
    root = Flask("root_app")

    @root.get("/")
    def home() -> str:
        return "root"

    client = Client(DispatcherMiddleware(root.wsgi_app, {"/kauppa": shop.wsgi_app}))
    html = client.get("/kauppa/page").get_data(as_text=True)
    assert 'action="/kauppa/privacy/consent"' in html
    assert 'href="/kauppa/privacy/cookies"' in html
    direct = shop.test_client().get("/page").get_data(as_text=True)
    assert 'action="/privacy/consent"' in direct
    assert 'href="/privacy/cookies"' in direct


def test_statement_url_follows_the_language(app: Flask) -> None:
    """The banner's statement link is the page of the banner's language, for each language in turn."""
    for lang in ("fi", "en", "sv", "fi"):
        html = render_in(app, f"{{{{ consent_banner('{lang}') }}}}")
        assert f'href="/privacy/{lang}"' in html
        assert f'name="rk-locale" value="{lang}"' in html


def test_url_defaults_are_called_on_every_request(make_app: AppFactory) -> None:
    """A url_defaults function may add a value per request (here a query parameter): nothing is kept then."""
    app = make_app(init=False)

    @app.url_defaults
    def campaign(endpoint: str, values: dict[str, object]) -> None:
        if endpoint.startswith("rekisterikit.") and "utm" in g:
            values.setdefault("utm", g.utm)

    @app.before_request
    def remember_campaign() -> None:
        from flask import request

        if "utm" in request.args:
            g.utm = request.args["utm"]

    from rekisterikit.contrib.flask import RekisteriKit

    RekisteriKit(app)
    assert 'href="/privacy/cookies?utm=a"' in render_in(app, "{{ consent_link() }}", path="/page?utm=a")
    assert 'href="/privacy/cookies?utm=b"' in render_in(app, "{{ consent_link() }}", path="/page?utm=b")
    assert 'href="/privacy/cookies"' in render_in(app, "{{ consent_link() }}")


def test_urls_follow_the_host_with_subdomain_matching(make_app: AppFactory) -> None:
    """With SERVER_NAME and subdomain matching the URL adapter is bound per host; each subdomain builds the same
    relative URLs for the blueprint's default subdomain, and an unknown host none at all from another's memo."""
    app = make_app(SERVER_NAME="shop.example")
    app.subdomain_matching = True
    for host in ("shop.example", "www.shop.example", "shop.example"):
        with app.test_request_context("/page", base_url=f"http://{host}/"):
            app.preprocess_request()
            state = get_state()
            assert url_for("rekisterikit.settings") == cached_url(state, "rekisterikit.settings")
            assert url_for("rekisterikit.statement", lang="sv") == cached_url(state, "rekisterikit.statement",
                                                                              lang="sv")


def test_cached_url_outside_a_request_is_url_for(make_app: AppFactory) -> None:
    """In an application context (a CLI command, a mail) URLs are built by url_for with SERVER_NAME, every time."""
    app = make_app(SERVER_NAME="shop.example", PREFERRED_URL_SCHEME="https")
    with app.app_context():
        state = get_state()
        assert "https://shop.example/privacy/cookies" == cached_url(state, "rekisterikit.settings")
        assert not any(isinstance(k, tuple) and k[:1] == ("url",) for k in state.memo)


def test_an_app_class_overriding_url_for_is_asked_every_time(statement_file: object) -> None:
    """An application class with its own url_for (a CDN rewrite, a signed URL) is called on every request."""
    from rekisterikit.consent import MemoryConsentStore
    from rekisterikit.contrib.flask import RekisteriKit

    calls: list[str] = []

    class Counting(Flask):
        def url_for(self, endpoint: str, /, **kwargs: object) -> str:  # type: ignore[override]
            calls.append(endpoint)
            return super().url_for(endpoint, **kwargs)  # type: ignore[arg-type]

    app = Counting("counting")
    app.config.update(SECRET_KEY="x" * 40, REKISTERIKIT_STATEMENT=str(statement_file),
                      REKISTERIKIT_CONSENT_STORE=MemoryConsentStore(), REKISTERIKIT_LOG_LEVEL=None)
    RekisteriKit(app)
    render_in(app, "{{ consent_link() }}")
    render_in(app, "{{ consent_link() }}")
    assert ["rekisterikit.settings", "rekisterikit.settings"] == calls


def test_the_memo_is_bounded(app: Flask) -> None:
    """The memo starts again when full, so varying keys (hosts, arguments) cannot grow it without bound."""
    state = get_state(app)
    for i in range(MEMO_LIMIT + 10):
        memo(state, ("test", i), i)
    assert len(state.memo) <= MEMO_LIMIT
    assert ("test", MEMO_LIMIT + 9) in state.memo


def test_gated_script_keeps_markup_and_text_apart(app: Flask) -> None:
    """A src given as Markup is not escaped again, as text it is: the kept result of one is not the other's."""
    with app.test_request_context("/page"):
        app.preprocess_request()
        from rekisterikit.contrib.flask import gated_script

        text = gated_script("necessary", "/n.js?a=1&amp;b=2")
        markup = gated_script("necessary", Markup("/n.js?a=1&amp;b=2"))
        text_again = gated_script("necessary", "/n.js?a=1&amp;b=2")
    assert '<script src="/n.js?a=1&amp;amp;b=2"></script>' == text == text_again
    assert '<script src="/n.js?a=1&amp;b=2"></script>' == markup


def test_gated_script_follows_each_visitors_consent(app: Flask) -> None:
    """The same call gives the inert script to a visitor without consent and the live one with, in any order."""
    source = "{{ gated_script('statistics', '/s.js', async='') }}"
    cookie = {"rk_consent": accepted_cookie(app)}
    results = [render_in(app, source, cookies=c) for c in (None, cookie, None, cookie)]
    assert results[0] == results[2]
    assert results[1] == results[3]
    assert 'type="text/plain"' in results[0]
    assert 'data-rk-for="statistics"' in results[1]


def test_a_csp_nonce_is_never_kept(app: Flask) -> None:
    """consent_scripts() and gated_script() with a per-request CSP nonce carry that request's nonce."""
    for nonce in ("n1", "n2", "n1"):
        html = render_in(app, "{{ consent_scripts(n) }}{{ gated_script('necessary', '/n.js', nonce=n) }}"
                         .replace("(n)", f"('{nonce}')").replace("nonce=n)", f"nonce='{nonce}')"))
        assert [nonce, nonce] == re.findall(r'<script[^>]* nonce="([^"]+)"', html)


def test_gated_script_errors_are_raised_every_time(app: Flask) -> None:
    """A bad call is refused on every request, not only the first."""
    import pytest

    for _ in range(2):
        with pytest.raises(ValueError, match="not allowed"):
            render_in(app, "{{ gated_script('statistics', '/s.js', onload='x()') }}")


def test_no_banner_means_no_csrf_token_and_no_nonce_cookie(make_app: AppFactory) -> None:
    """A statement without optional cookies renders no banner, so the page needs no token and sets no cookie."""
    app = make_app(REKISTERIKIT_STATEMENT=loads(STATEMENT.split("[[cookies]]")[0]))
    response = app.test_client().get("/page")
    assert "rk-csrf" not in response.get_data(as_text=True)
    assert "rk_csrf" not in set_cookies(response)


def test_one_csrf_token_per_request(app: Flask) -> None:
    """Several forms on one page carry the same token, for the one nonce cookie set."""
    html = render_in(app, "{{ consent_banner() }}{{ consent_settings() }}")
    assert 1 == len(set(re.findall(r'name="rk-csrf" value="([^"]+)"', html)))
    assert 2 == len(re.findall(r'name="rk-csrf" value="([^"]+)"', html))


def test_expiry_headers_follow_host_and_scheme(app: Flask) -> None:
    """The kept Set-Cookie deletions are those of the request's host and scheme (Secure over HTTPS)."""
    client = app.test_client(use_cookies=False)

    def deletions(base_url: str) -> list[str]:
        response = client.get("/page", base_url=base_url, headers={"Cookie": "_fbp=1"})
        return [h for h in response.headers.getlist("Set-Cookie") if h.startswith("_fbp=")]

    for _ in range(2):
        plain, secure, other = (deletions("http://www.shop.fi/"), deletions("https://www.shop.fi/"),
                                deletions("http://kauppa.fi/"))
        assert ["", "Domain=www.shop.fi", "Domain=shop.fi"] == [_domain(h) for h in plain]
        assert not any("Secure" in h for h in plain)
        assert ["", "Domain=www.shop.fi", "Domain=shop.fi"] == [_domain(h) for h in secure]
        assert all("Secure" in h for h in secure)
        assert ["", "Domain=kauppa.fi"] == [_domain(h) for h in other]


def _domain(header: str) -> str:
    found = re.search(r"Domain=[^;]+", header)
    return "" if found is None else found.group(0)


def test_consent_mode_script_follows_each_visitor_and_the_arguments(make_app: AppFactory) -> None:
    """With REKISTERIKIT_CONSENT_MODE the kept script is what consent_mode_script() gives for each visitor's
    choice and each set of arguments, in any order."""
    from rekisterikit.consent import consent_mode_script, static_tags

    app = make_app(REKISTERIKIT_CONSENT_MODE=True)
    accepted = accepted_cookie(app)
    marketing = accepted_cookie(app, {"rk-action": "custom", "rk-category": "marketing"})
    calls = ["{{ consent_scripts() }}", "{{ consent_scripts(regions=['FI', 'SE']) }}",
             "{{ consent_scripts(ads_data_redaction=None, url_passthrough=True) }}"]
    arguments = [{}, {"regions": ["FI", "SE"]}, {"ads_data_redaction": None, "url_passthrough": True}]
    for _ in range(2):
        for cookie in (None, accepted, marketing):
            for source, kwargs in zip(calls, arguments, strict=True):
                cookies = None if cookie is None else {"rk_consent": cookie}
                html = render_in(app, source, cookies=cookies)
                with app.test_request_context("/page", headers={"Cookie": f"rk_consent={cookie}"} if cookie else {}):
                    app.preprocess_request()
                    state = get_state()
                    consent = g.consent
                    expected = consent_mode_script(
                        consent, values=None if consent is None else state.service.consent_mode(consent),
                        **kwargs)  # type: ignore[arg-type]
                    assert f"{expected}\n{static_tags('/privacy/static/')}" == html


def test_the_placeholder_follows_each_visitor(app: Flask) -> None:
    """The kept placeholder of a decided visitor names that visitor's choice, whatever came before."""
    statistics = {"rk_consent": accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})}
    everything = {"rk_consent": accepted_cookie(app)}
    for _ in range(2):
        for cookies, granted in ((statistics, "statistics"), (everything, "preferences statistics marketing")):
            html = render_in(app, "{{ consent_banner() }}", cookies=cookies)
            assert f'data-rk-granted="{granted}"' in html
            assert 'data-rk-layer="/privacy/consent/layer?lang=fi"' in html
        assert 'data-rk-layer="/privacy/consent/layer?lang=sv"' in render_in(app, "{{ consent_banner('sv') }}",
                                                                             cookies=statistics)


def test_a_kept_consent_still_expires(app: Flask, monkeypatch: object) -> None:
    """A consent read once (and kept for the next page views) is no consent once it has expired: the banner asks
    again; and moving the clock back before it was given reads it anew too."""
    import datetime as dt

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    cookies = {"rk_consent": accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})}
    source = "{{ 'decided' if consent else 'ask' }}"
    first, second = render_in(app, source, cookies=cookies), render_in(app, source, cookies=cookies)
    service = get_state(app).service
    now = service.now()
    monkeypatch.setattr(service, "_clock", lambda: now + dt.timedelta(days=400))
    later = render_in(app, source, cookies=cookies)
    monkeypatch.setattr(service, "_clock", lambda: now - dt.timedelta(days=3))
    earlier = render_in(app, source, cookies=cookies)
    assert ("decided", "decided", "ask", "ask") == (first, second, later, earlier)


def test_a_kept_consent_follows_the_gpc_signal(app: Flask) -> None:
    """The same cookie with and without Sec-GPC: the consent read under the signal says so (and has no marketing),
    the one read without it does not, in any order."""
    cookies = {"rk_consent": accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})}
    source = "{{ consent.gpc }} {{ consent_allows('statistics') }}"
    results = [render_in(app, source, cookies=cookies, headers=h)
               for h in ({}, {"Sec-GPC": "1"}, {}, {"Sec-GPC": "1"})]
    assert ["False True", "True True", "False True", "True True"] == results


def test_a_forged_cookie_is_never_kept(app: Flask) -> None:
    """A cookie that fails the signature is read (and refused) on every request; nothing of it is kept."""
    from rekisterikit.consent.kept import _READS

    value = accepted_cookie(app)
    forged = value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    for _ in range(2):
        assert "ask" == render_in(app, "{{ 'decided' if consent else 'ask' }}", cookies={"rk_consent": forged})
    assert not any(key[1] == forged for key in _READS)


def test_kept_deletions_follow_each_jar(app: Flask) -> None:
    """Visitors with the same choice and different cookies in turn get exactly their own declined cookies
    expired, and a different choice its own."""
    statistics = accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})
    everything = accepted_cookie(app)
    client = app.test_client(use_cookies=False)
    expired = []
    for consent, extra in ((statistics, "_fbp=x"), (statistics, "lang=y"), (statistics, "_fbp=x; lang=y; _ga=z"),
                           (statistics, ""), (statistics, "_fbp=x"), (everything, "_fbp=x; lang=y"),
                           (None, "_fbp=x; lang=y; _ga=z")):
        cookie = "; ".join(c for c in (f"rk_consent={consent}" if consent else "", extra) if c)
        response = client.get("/page", headers={"Cookie": cookie})
        expired.append(sorted({h.split("=", 1)[0] for h in response.headers.getlist("Set-Cookie")
                               if "Max-Age=0" in h}))
    assert [["_fbp"], ["lang"], ["_fbp", "lang"], [], ["_fbp"], [], ["_fbp", "_ga", "lang"]] == expired


def test_context_reads_follow_the_current_contexts(make_app: AppFactory) -> None:
    """The adapter reads the request, ``g`` and the application from Flask's context variables instead of its
    proxies: always the current (innermost) ones, as the proxies give, also for one application's request inside
    another's application context, and the same error as the proxies outside any context."""
    from flask import current_app, request

    from rekisterikit.contrib.flask.state import current_application, current_g, current_request

    shop, other = make_app(), make_app(REKISTERIKIT_URL_PREFIX="/muu")
    statistics = accepted_cookie(shop, {"rk-action": "custom", "rk-category": "statistics"})
    with other.app_context():
        assert current_application() is other
        assert current_g() is g._get_current_object()
        with shop.test_request_context("/page", headers={"Cookie": f"rk_consent={statistics}"}):
            shop.preprocess_request()
            assert current_application() is shop is current_app._get_current_object()  # type: ignore[attr-defined]
            assert current_request() is request._get_current_object()  # type: ignore[attr-defined]
            assert current_g() is g._get_current_object()
            assert current_g().consent is not None
            assert "/privacy/cookies" in render_template_string("{{ consent_link() }}")
            assert 'data-rk-granted="statistics"' in render_template_string("{{ consent_banner() }}")
        assert current_application() is other
        assert "consent" not in current_g()
        with other.test_request_context("/page"):
            other.preprocess_request()
            assert current_g().consent is None
            assert "/muu/cookies" in render_template_string("{{ consent_link() }}")
    for read in (current_application, current_g, current_request):
        with pytest.raises(RuntimeError, match="outside of"):
            read()
