"""Verifying Saleor's webhook deliveries: a detached JWS (RS256) checked with PyJWT against the instance's JWKS.

Saleor signs the raw request body with ``api_jws.encode(body, key, algorithm="RS256", headers={"kid": …,
"crit": ["b64"]}, is_payload_detached=True)`` and sends the result, ``<header>..<signature>``, in
``Saleor-Signature`` (``X-Saleor-Signature`` on older instances). The public keys are at
``/.well-known/jwks.json`` on the host of ``Saleor-Api-Url``. A delivery is accepted only when

1. its ``Saleor-Api-Url`` is an instance the app is installed in (so keys are fetched only from known hosts);
2. the signature verifies with the key its ``kid`` names (the key set is cached, and fetched again when an unknown
   ``kid`` appears — a key rotation — at most once per ``refetch_interval``);
3. the signed body is a JSON object whose ``issuedAt`` is within ``max_age`` of now (stale or replayed
   deliveries are refused) and whose ``recipient.id`` is this app's ID in that instance.

The event type is read from the signed body's ``__typename``, not from the unsigned ``Saleor-Event`` header.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from attrs import define

from rekisterikit.contrib.saleor.client import SaleorError, jwks_url, normalize_api_url, open_url
from rekisterikit.contrib.saleor.storage import Installation, InstallationStore
from rekisterikit.errors import RekisterikitError

__all__ = ["JwksCache", "VerifiedWebhook", "WebhookRefused", "header", "verify_webhook"]


class WebhookRefused(RekisterikitError, ValueError):
    """A webhook delivery failed verification; ``status`` is the HTTP status to answer with."""

    def __init__(self, reason: str, *, status: int = 401) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


def _fetch_json(url: str) -> Any:
    status, body = open_url(url, headers={"Accept": "application/json"}, timeout=10.0)
    if status != 200:
        raise SaleorError(f"{url} answered HTTP {status}")
    try:
        return json.loads(body)
    except ValueError:
        raise SaleorError(f"{url} did not answer with JSON") from None


class JwksCache:
    """Signing keys of Saleor instances, by JWKS URL and ``kid``, fetched on demand and cached.

    Args:
        lifespan: seconds a fetched key set is trusted before it is fetched again.
        refetch_interval: the shortest time, in seconds, between two fetches of one key set; an unknown ``kid``
            inside it is refused without a fetch, so forged ``kid`` values cannot make the app hammer Saleor.
        fetch: fetches a URL and returns the parsed JSON (tests may pass their own).
        clock: a monotonic clock in seconds.
    """

    def __init__(self, *, lifespan: float = 3600.0, refetch_interval: float = 10.0,
                 fetch: Callable[[str], Any] = _fetch_json, clock: Callable[[], float] = time.monotonic) -> None:
        self.lifespan = lifespan
        self.refetch_interval = refetch_interval
        self._fetch = fetch
        self._clock = clock
        self._lock = threading.Lock()
        self._sets: dict[str, tuple[float, dict[str, Any]]] = {}

    def _load(self, url: str) -> dict[str, Any]:
        from jwt import PyJWKSet
        from jwt.exceptions import PyJWKSetError

        data = self._fetch(url)
        if not isinstance(data, dict):
            raise SaleorError(f"{url} is not a JSON Web Key Set")
        usable = [k for k in data.get("keys", []) if isinstance(k, dict) and k.get("kty") == "RSA"
                  and k.get("use", "sig") == "sig" and isinstance(k.get("kid"), str)]
        try:
            keys = PyJWKSet.from_dict({"keys": usable}).keys if usable else []
        except PyJWKSetError as exc:
            raise SaleorError(f"{url}: {exc}") from None
        return {k.key_id: k for k in keys if k.key_id}

    def fetch(self, url: str) -> None:
        """Fetch the key set at ``url`` now (e.g. to warm the cache when the app is installed).

        Raises:
            SaleorError: it cannot be fetched or holds no RSA signing key.
        """
        keys = self._load(url)
        if not keys:
            raise SaleorError(f"{url} holds no RSA signing key")
        with self._lock:
            self._sets[url] = (self._clock(), keys)

    def key(self, url: str, kid: str) -> Any:
        """The public key (a PyJWT ``PyJWK``) with ``kid`` from the key set at ``url``.

        Raises:
            WebhookRefused: no such key, even after fetching the set again.
            SaleorError: the set cannot be fetched.
        """
        now = self._clock()
        with self._lock:
            fetched_at, keys = self._sets.get(url, (None, {}))
        fresh = fetched_at is not None and now - fetched_at < self.lifespan
        if fresh and kid in keys:
            return keys[kid]
        if fetched_at is not None and now - fetched_at < self.refetch_interval:
            raise WebhookRefused(f"unknown signing key {kid!r}")
        self.fetch(url)
        with self._lock:
            keys = self._sets[url][1]
        if kid not in keys:
            raise WebhookRefused(f"unknown signing key {kid!r}")
        return keys[kid]


@define(frozen=True, kw_only=True)
class VerifiedWebhook:
    """A webhook delivery that passed every check.

    Attributes:
        installation: the installation it was sent to.
        event: the event type from the signed payload's ``__typename`` (``"CustomerDeleted"``).
        payload: the signed JSON body.
        issued_at: the event's ``issuedAt``.
    """

    installation: Installation
    event: str
    payload: Mapping[str, Any]
    issued_at: dt.datetime


def header(headers: Mapping[str, str], name: str) -> str | None:
    """The value of Saleor header ``name`` (``Saleor-Api-Url``), also under its older ``X-`` name, in any case."""
    for wanted in (name, f"X-{name}"):
        value = headers.get(wanted)
        if value is None:
            lowered = wanted.lower()
            value = next((v for k, v in headers.items() if isinstance(k, str) and k.lower() == lowered), None)
        if isinstance(value, str):
            return value
    return None


def _issued_at(payload: Mapping[str, Any]) -> dt.datetime:
    value = payload.get("issuedAt")
    if not isinstance(value, str):
        raise WebhookRefused("the payload has no issuedAt", status=400)
    try:
        issued = dt.datetime.fromisoformat(value)
    except ValueError:
        raise WebhookRefused("the payload's issuedAt is not a date and time", status=400) from None
    if issued.tzinfo is None:
        raise WebhookRefused("the payload's issuedAt has no time zone", status=400)
    return issued


def verify_webhook(*, headers: Mapping[str, str], body: bytes, installations: InstallationStore,
                   jwks: JwksCache, max_age: dt.timedelta, now: dt.datetime | None = None,
                   clock_skew: dt.timedelta = dt.timedelta(minutes=1)) -> VerifiedWebhook:
    """Check a webhook delivery and return it verified.

    Args:
        headers: the request headers (a case-insensitive mapping such as Werkzeug's).
        body: the raw request body, exactly as received.
        installations: the app's installations.
        jwks: the key cache.
        max_age: the oldest ``issuedAt`` accepted.
        now: the current time (UTC); the clock by default.
        clock_skew: how far in the future ``issuedAt`` may be.

    Raises:
        WebhookRefused: the delivery is unsigned, forged, tampered with, stale, or not for this app.
    """
    import jwt

    raw_url = header(headers, "Saleor-Api-Url")
    if not raw_url:
        raise WebhookRefused("no Saleor-Api-Url header", status=400)
    try:
        api_url = normalize_api_url(raw_url)
    except SaleorError:
        raise WebhookRefused("bad Saleor-Api-Url header", status=400) from None
    installation = installations.get(api_url)
    if installation is None:
        raise WebhookRefused("the app is not installed in this Saleor instance", status=403)
    signature = header(headers, "Saleor-Signature")
    if not signature:
        raise WebhookRefused("no Saleor-Signature header")
    try:
        protected = jwt.get_unverified_header(signature)
    except jwt.PyJWTError:
        raise WebhookRefused("malformed signature") from None
    kid = protected.get("kid")
    if protected.get("alg") != "RS256" or not isinstance(kid, str) or not kid:
        raise WebhookRefused("the signature is not RS256 with a key id")
    try:
        key = jwks.key(jwks_url(api_url), kid)
    except SaleorError as exc:
        raise WebhookRefused(f"cannot fetch Saleor's signing keys: {exc}", status=503) from None
    try:
        jwt.api_jws.decode_complete(signature, key=key.key, algorithms=["RS256"], detached_payload=body)
    except jwt.PyJWTError:
        raise WebhookRefused("bad signature") from None
    try:
        payload = json.loads(body)
    except ValueError:
        raise WebhookRefused("the payload is not JSON", status=400) from None
    if not isinstance(payload, dict):
        raise WebhookRefused("the payload is not a JSON object", status=400)
    issued = _issued_at(payload)
    current = now or dt.datetime.now(dt.UTC)
    if issued < current - max_age:
        raise WebhookRefused(f"stale delivery (issued {issued.isoformat()})")
    if issued > current + clock_skew:
        raise WebhookRefused(f"delivery from the future (issued {issued.isoformat()})")
    recipient = payload.get("recipient")
    if not isinstance(recipient, dict) or recipient.get("id") != installation.app_id:
        raise WebhookRefused("the delivery is addressed to another app", status=403)
    event = payload.get("__typename")
    if not isinstance(event, str):
        raise WebhookRefused("the payload has no __typename", status=400)
    return VerifiedWebhook(installation=installation, event=event, payload=payload, issued_at=issued)
