"""Hardening of the Flask adapter (issue 22): shared caches, parent-domain tracker cookies.

Each test reproduces a failure as it was found, and fails on the code from before the fix. The CSRF binding
tests are in test_csrf.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, Response
from flask.testing import FlaskClient

from rekisterikit.contrib.flask import ConfigurationError
from tests.contrib.caching import Answer, SharedCache, as_answer, set_cookies
from tests.contrib.flask.conftest import AppFactory, post_consent

ACCEPT = {"rk-action": "accept_all"}


def accept_all_cookie(app: Flask) -> str:
    """A valid accept-all consent cookie value of ``app``."""
    client = app.test_client()
    assert 200 == post_consent(client, ACCEPT).status_code
    cookie = client.get_cookie("rk_consent")
    assert cookie is not None
    return cookie.value


def shop_with_a_cached_page(make_app: AppFactory) -> Flask:
    """The test app with a product page the shop lets a CDN cache (public, ten minutes)."""
    app = make_app()

    @app.get("/tuote")
    def product() -> Response:
        response = Response("Ikkunakalvo 4290 €")
        response.cache_control.public = True
        response.cache_control.max_age = 600
        return response

    return app


def flask_origin(app: Flask) -> Any:
    """The application as the shared cache's origin."""
    def fetch(path: str, headers: Mapping[str, str]) -> Answer:
        response = app.test_client(use_cookies=False).get(path, headers=dict(headers))
        return as_answer(response.status_code, response.headers.items())

    return fetch


def _deleting(response: Any, name: str) -> list[str | None]:
    found = []
    for header in response.headers.getlist("Set-Cookie"):
        parts = [p.strip() for p in header.split(";")]
        if parts[0] in (f"{name}=", f'{name}=""') and "Max-Age=0" in parts:
            found.append(next((p.split("=", 1)[1] for p in parts if p.lower().startswith("domain=")), None))
    return sorted(found, key=lambda d: d or "")


def test_a_shared_cache_never_hands_a_visitors_consent_cookie_to_another(make_app: AppFactory) -> None:
    """A (Sec-GPC, accept-all cookie, _ga) on a public page gets a private answer; B gets no cookie of A's."""
    app = shop_with_a_cached_page(make_app)
    cookie = accept_all_cookie(app)
    proxy = SharedCache(flask_origin(app))
    a = proxy.fetch("/tuote", {"Cookie": f"rk_consent={cookie}; _fbp=fb.1.1", "Sec-GPC": "1"})
    assert any(c.startswith("rk_consent=") for c in set_cookies(a))
    assert "private" in ",".join(a[1]["cache-control"])
    assert "public" not in ",".join(a[1]["cache-control"])
    assert "cookie" in ",".join(a[1]["vary"]).lower()
    b = proxy.fetch("/tuote", {})
    assert [] == set_cookies(b)


def test_a_public_page_without_cookies_stays_public(make_app: AppFactory) -> None:
    """The shop's own caching is kept when the response sets no cookie (a CDN hit for the second visitor)."""
    app = shop_with_a_cached_page(make_app)
    proxy = SharedCache(flask_origin(app))
    proxy.fetch("/tuote", {})
    proxy.fetch("/tuote", {})
    assert 1 == proxy.hits


def test_every_response_that_sets_a_cookie_is_private(make_app: AppFactory, client: FlaskClient) -> None:
    """Decision, withdrawal and a page deleting declined cookies: never public, Vary: Cookie."""
    app = shop_with_a_cached_page(make_app)
    client = app.test_client()
    decided = post_consent(client, ACCEPT)
    withdrawn = post_consent(client, {}, path="/privacy/consent/withdraw")
    client.set_cookie("_ga", "GA1.1.1.1")
    page = client.get("/tuote")
    for response in (decided, withdrawn, page):
        assert response.headers.getlist("Set-Cookie")
        assert not response.cache_control.public
        assert response.cache_control.private or response.cache_control.no_store
        assert "cookie" in {v.lower() for v in response.vary}


def test_withdrawal_expires_tracker_cookies_on_every_parent_domain(app: Flask) -> None:
    """A withdrawal on www.shop.fi expires _ga, _ga_<id> and _fbp host-only, on www.shop.fi and on shop.fi."""
    base = "http://www.shop.fi"
    client = app.test_client()
    page = client.get("/page", base_url=base)
    token = page.get_data(as_text=True).split('name="rk-csrf" value="')[1].split('"')[0]
    nonce = page.headers["Set-Cookie"].split(";")[0]
    cookies = f"{nonce}; rk_consent={accept_all_cookie(app)}; _ga=GA1.1.1.1; _ga_ABC123=GS1.1.1; _fbp=fb.1.1"
    response = app.test_client(use_cookies=False).post("/privacy/consent/withdraw", base_url=base,
                                                       data={"rk-csrf": token},
                                                       headers={"Origin": base, "Cookie": cookies})
    assert 303 == response.status_code
    for name in ("_ga", "_ga_ABC123", "_fbp"):
        assert [None, "shop.fi", "www.shop.fi"] == _deleting(response, name)


def test_declined_cookies_on_any_page_are_expired_on_parent_domains(app: Flask) -> None:
    """Without consent, a visitor carrying _ga gets it expired host-only and on each parent domain."""
    response = app.test_client(use_cookies=False).get("/page", base_url="http://kauppa.shop.fi",
                                                      headers={"Cookie": "_ga=GA1.1.1.1"})
    assert [None, "kauppa.shop.fi", "shop.fi"] == _deleting(response, "_ga")


def test_a_deeply_nested_statement_is_a_configuration_error_not_a_traceback(make_app: AppFactory,
                                                                            tmp_path: Path) -> None:
    """A statement file nested 100 000 deep fails init_app with ConfigurationError naming the problem (was a
    RecursionError that escaped the adapter, which caught only LoadError and OSError)."""
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="nested too deeply"):
        make_app(REKISTERIKIT_STATEMENT=str(deep))
