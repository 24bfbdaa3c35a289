"""A small Saleor GraphQL client on the standard library (``urllib``), with no redirects and bounded responses.

Redirects are refused because ``urllib`` would forward the ``Authorization`` header to wherever Saleor's answer
points; a Saleor API URL is configured exactly, so a redirect is a misconfiguration or an attack.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from rekisterikit.errors import RekisterikitError

__all__ = ["SaleorClient", "SaleorError", "http_url", "jwks_url", "normalize_api_url", "open_url"]

#: The largest response body read from Saleor, in bytes.
MAX_RESPONSE_BYTES = 10 * 1024 * 1024


class SaleorError(RekisterikitError, RuntimeError):
    """Saleor could not be reached, refused a request, or answered with GraphQL or mutation errors."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,  # noqa: PLR0917
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def http_url(url: str) -> str:
    """Return ``url`` if it is an absolute ``http(s)`` URL.

    Raises:
        SaleorError: it is not (``file:``, ``ftp:`` and relative URLs are refused).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SaleorError(f"not an absolute http(s) URL: {url!r}")
    return url


def normalize_api_url(url: str) -> str:
    """A Saleor API URL in the form used as a key: scheme and host in lower case, the path as given.

    Raises:
        SaleorError: not an absolute http(s) URL, or it has a query, fragment or user name.
    """
    parts = urlsplit(http_url(url.strip()))
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise SaleorError(f"a Saleor API URL has no query, fragment or user name: {url!r}")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path or '/'}"


def jwks_url(api_url: str) -> str:
    """Where the Saleor instance of ``api_url`` publishes its signing keys: ``/.well-known/jwks.json`` on its host."""
    parts = urlsplit(http_url(api_url))
    return f"{parts.scheme}://{parts.netloc}/.well-known/jwks.json"


def open_url(url: str, *, data: bytes | None = None, headers: Mapping[str, str] | None = None,
             timeout: float = 10.0) -> tuple[int, bytes]:
    """Fetch ``url`` without following redirects; return the status and at most ``MAX_RESPONSE_BYTES`` of body.

    Raises:
        SaleorError: the URL is not http(s), the server cannot be reached, or the body is too large.
    """
    request = urllib.request.Request(http_url(url), data=data, headers=dict(headers or {}),
                                     method="POST" if data is not None else "GET")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            status, body = int(response.status), response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        with exc:
            status, body = exc.code, exc.read(MAX_RESPONSE_BYTES + 1)
    except (urllib.error.URLError, OSError) as exc:
        raise SaleorError(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise SaleorError(f"the response of {url} is larger than {MAX_RESPONSE_BYTES} bytes")
    return status, body


class SaleorClient:
    """Send GraphQL documents to one Saleor API with a token.

    Args:
        api_url: the Saleor GraphQL endpoint, e.g. ``https://shop.example/graphql/``.
        token: an app or staff token sent as ``Authorization: Bearer …``; never logged or shown in ``repr``.
        timeout: seconds to wait for Saleor.
    """

    def __init__(self, api_url: str, token: str | None, *, timeout: float = 10.0) -> None:
        self.api_url = normalize_api_url(api_url)
        self._token = token
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"SaleorClient({self.api_url!r})"

    def execute(self, document: str, variables: Mapping[str, Any] | None = None, *,
                token: str | None = None) -> dict[str, Any]:
        """Run ``document`` and return its ``data``.

        Args:
            document: one of the documents of :mod:`rekisterikit.contrib.saleor.graphql`.
            variables: its variables.
            token: a token to use instead of the client's (e.g. a customer's access token for ``me``).

        Raises:
            SaleorError: Saleor is unreachable, answered with an HTTP error, or the response has GraphQL errors.
        """
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        bearer = token if token is not None else self._token
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        body = json.dumps({"query": document, "variables": dict(variables or {})}).encode()
        status, raw = open_url(self.api_url, data=body, headers=headers, timeout=self.timeout)
        try:
            payload = json.loads(raw)
        except ValueError:
            raise SaleorError(f"Saleor answered HTTP {status} without JSON") from None
        if not isinstance(payload, dict):
            raise SaleorError(f"Saleor answered HTTP {status} with unexpected JSON")
        errors = payload.get("errors")
        if errors:
            messages = "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors)
            raise SaleorError(f"Saleor refused the request: {messages}")
        if status != 200 or not isinstance(payload.get("data"), dict):
            raise SaleorError(f"Saleor answered HTTP {status}")
        data: dict[str, Any] = payload["data"]
        return data

    def mutate(self, document: str, variables: Mapping[str, Any], field: str) -> dict[str, Any]:
        """Run a mutation and return its ``field`` object, raising on the mutation's ``errors``.

        Raises:
            SaleorError: as :meth:`execute`, or the mutation reported errors.
        """
        result = self.execute(document, variables).get(field)
        if not isinstance(result, dict):
            raise SaleorError(f"{field}: Saleor returned no result")
        errors = result.get("errors") or []
        if errors:
            details = "; ".join(f"{e.get('field') or '-'}: {e.get('message')} ({e.get('code')})" for e in errors)
            raise SaleorError(f"{field} failed: {details}")
        return result
