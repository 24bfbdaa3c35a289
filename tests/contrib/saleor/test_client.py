"""The GraphQL client: URL handling, errors as SaleorError, no redirects, the token kept out of sight."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from rekisterikit.contrib.saleor import SaleorClient, SaleorError
from rekisterikit.contrib.saleor import graphql as gql
from rekisterikit.contrib.saleor.client import http_url, jwks_url, normalize_api_url
from rekisterikit.errors import RekisterikitError

from .fake_saleor import FakeSaleor, serve


@pytest.mark.parametrize(("given", "expected"), [
    ("https://Shop.Example/graphql/", "https://shop.example/graphql/"),
    ("HTTP://127.0.0.1:8000/graphql/", "http://127.0.0.1:8000/graphql/"),
    ("  https://shop.example  ", "https://shop.example/"),
])
def test_api_urls_are_normalised(given: str, expected: str) -> None:
    """Scheme and host are lower-cased and the path kept, so allow-list comparisons are exact."""
    assert expected == normalize_api_url(given)


@pytest.mark.parametrize("bad", ["file:///etc/passwd", "ftp://shop.example/graphql/", "/graphql/",
                                 "https://shop.example/graphql/?x=1", "https://user@shop.example/graphql/"])
def test_bad_api_urls_are_refused(bad: str) -> None:
    """Non-HTTP schemes, relative URLs, queries and user names are not Saleor API URLs."""
    with pytest.raises(SaleorError):
        normalize_api_url(bad)


def test_jwks_url_is_on_the_api_host() -> None:
    """The keys are at /.well-known/jwks.json on the API's host, whatever the API path."""
    assert "https://shop.example:8443/.well-known/jwks.json" == jwks_url("https://shop.example:8443/api/graphql/")


def test_http_url_refuses_file_urls() -> None:
    """Only absolute http(s) URLs are ever opened."""
    with pytest.raises(SaleorError):
        http_url("file:///etc/passwd")


def test_saleor_error_is_a_rekisterikit_and_runtime_error() -> None:
    """SaleorError follows the library's error convention."""
    assert issubclass(SaleorError, RekisterikitError)
    assert issubclass(SaleorError, RuntimeError)


def test_execute_returns_data(saleor: FakeSaleor) -> None:
    """A query with a valid token returns its data."""
    token = saleor.staff_token("MANAGE_PAGES")
    assert {"page": None} == SaleorClient(saleor.api_url, token).execute(gql.PAGE_BY_SLUG, {"slug": "x"})


def test_graphql_errors_raise(saleor: FakeSaleor) -> None:
    """GraphQL errors in the response (here a permission error) raise SaleorError with Saleor's message."""
    client = SaleorClient(saleor.api_url, saleor.staff_token())
    with pytest.raises(SaleorError, match="MANAGE_PAGE_TYPES_AND_ATTRIBUTES"):
        client.mutate(gql.PAGE_TYPE_CREATE, {"input": {"name": "x"}}, "pageTypeCreate")


def test_mutation_errors_raise(saleor: FakeSaleor) -> None:
    """A mutation's own errors list (here a duplicate slug) raises SaleorError naming field and code."""
    client = SaleorClient(saleor.api_url, saleor.staff_token("MANAGE_PAGE_TYPES_AND_ATTRIBUTES"))
    client.mutate(gql.PAGE_TYPE_CREATE, {"input": {"name": "x", "slug": "x"}}, "pageTypeCreate")
    with pytest.raises(SaleorError, match=r"slug: exists \(UNIQUE\)"):
        client.mutate(gql.PAGE_TYPE_CREATE, {"input": {"name": "x", "slug": "x"}}, "pageTypeCreate")


def test_token_is_not_in_repr(saleor: FakeSaleor) -> None:
    """The client's repr shows the URL, never the token."""
    client = SaleorClient(saleor.api_url, "very-secret-token")
    assert "very-secret-token" not in repr(client)
    assert saleor.api_url in repr(client)


@pytest.fixture
def redirecting() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A server that redirects every request to a second server, which records the headers it receives."""
    seen: list[dict[str, Any]] = []

    def target(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        seen.append({k: v for k, v in environ.items() if k.startswith("HTTP_")})
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b'{"data": {"app": {"id": "x"}}}']

    target_server, target_thread, target_url = serve(target)

    def redirect(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("307 Temporary Redirect", [("Location", f"{target_url}/graphql/")])
        return [b""]

    server, thread, url = serve(redirect)
    yield f"{url}/graphql/", seen
    for s, t in ((server, thread), (target_server, target_thread)):
        s.shutdown()
        s.server_close()
        t.join(timeout=5)


def test_redirects_are_not_followed(redirecting: tuple[str, list[dict[str, Any]]]) -> None:
    """A redirect is an error and the token never reaches the redirect's target."""
    url, seen = redirecting
    with pytest.raises(SaleorError, match="HTTP 307"):
        SaleorClient(url, "secret-token").execute(gql.APP_ID)
    assert [] == seen
