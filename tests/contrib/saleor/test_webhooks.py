"""Webhook verification in isolation: the JWKS cache and verify_webhook's checks, with Saleor's own signatures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rekisterikit.contrib.saleor import Installation, InstallationStore, SaleorError
from rekisterikit.contrib.saleor.webhooks import JwksCache, VerifiedWebhook, WebhookRefused, header, verify_webhook

from .fake_saleor import SigningKey

API = "https://shop.example/graphql/"
JWKS = "https://shop.example/.well-known/jwks.json"
APP_ID = "QXBwOjE="
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


class FakeJwks:
    """A JWKS endpoint in memory: the keys it serves and how often it was asked."""

    def __init__(self, *keys: SigningKey) -> None:
        self.keys = list(keys)
        self.fetches: list[str] = []

    def __call__(self, url: str) -> Any:
        self.fetches.append(url)
        return {"keys": [k.jwk for k in self.keys]}


class Clock:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def key() -> SigningKey:
    """Saleor's signing key."""
    return SigningKey()


@pytest.fixture
def installations(tmp_path: Path) -> InstallationStore:
    """The app installed in https://shop.example."""
    store = InstallationStore(tmp_path / "db.sqlite3")
    store.save(Installation(api_url=API, app_id=APP_ID, token="t", installed_at=NOW))
    return store


def _delivery(key: SigningKey, **changes: Any) -> tuple[dict[str, str], bytes]:
    payload = {"__typename": "CustomerDeleted", "issuedAt": NOW.isoformat(), "recipient": {"id": APP_ID},
               "user": {"id": "VXNlcjox"}, **changes}
    body = json.dumps(payload).encode()
    return {"Saleor-Api-Url": API, "Saleor-Signature": key.sign(body), "Saleor-Event": "customer_deleted"}, body


def _verify(headers: dict[str, str], body: bytes, installations: InstallationStore, jwks: JwksCache,
            **kwargs: Any) -> VerifiedWebhook:
    return verify_webhook(headers=headers, body=body, installations=installations, jwks=jwks,
                          max_age=dt.timedelta(minutes=5), now=NOW, **kwargs)


def test_genuine_delivery_verifies(key: SigningKey, installations: InstallationStore) -> None:
    """A delivery signed as Saleor signs is verified; the event comes from the signed __typename."""
    headers, body = _delivery(key)
    hook = _verify(headers, body, installations, JwksCache(fetch=FakeJwks(key)))
    assert ("CustomerDeleted", APP_ID, NOW) == (hook.event, hook.installation.app_id, hook.issued_at)
    assert {"id": "VXNlcjox"} == hook.payload["user"]


def test_keys_are_cached(key: SigningKey, installations: InstallationStore) -> None:
    """Two deliveries fetch the key set once, from the API host's well-known URL."""
    endpoint = FakeJwks(key)
    cache = JwksCache(fetch=endpoint)
    for _ in range(2):
        _verify(*_delivery(key), installations, cache)
    assert [JWKS] == endpoint.fetches


def test_unknown_kid_refetches_once_per_interval(key: SigningKey, installations: InstallationStore) -> None:
    """An unknown kid triggers a fetch, but not more than once per refetch interval (forged kids cannot flood)."""
    endpoint, clock = FakeJwks(key), Clock()
    cache = JwksCache(fetch=endpoint, clock=clock, refetch_interval=10)
    _verify(*_delivery(key), installations, cache)
    rotated = SigningKey()
    endpoint.keys.append(rotated)
    with pytest.raises(WebhookRefused, match="unknown signing key"):
        _verify(*_delivery(rotated), installations, cache)
    assert 1 == len(endpoint.fetches)
    clock.now += 11
    assert "CustomerDeleted" == _verify(*_delivery(rotated), installations, cache).event
    assert 2 == len(endpoint.fetches)
    for _ in range(3):
        with pytest.raises(WebhookRefused):
            _verify(*_delivery(SigningKey()), installations, cache)
    assert 2 == len(endpoint.fetches)


def test_key_set_expires(key: SigningKey, installations: InstallationStore) -> None:
    """After its lifespan the key set is fetched again even for a known kid."""
    endpoint, clock = FakeJwks(key), Clock()
    cache = JwksCache(fetch=endpoint, clock=clock, lifespan=60)
    _verify(*_delivery(key), installations, cache)
    clock.now += 61
    _verify(*_delivery(key), installations, cache)
    assert 2 == len(endpoint.fetches)


def test_a_key_set_without_rsa_keys_is_an_error() -> None:
    """A key set holding no usable RSA signing key cannot be used (and is not cached as empty)."""
    cache = JwksCache(fetch=lambda url: {"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "x"}]})
    with pytest.raises(SaleorError, match="no RSA signing key"):
        cache.fetch(JWKS)


def test_unreachable_jwks_is_503(key: SigningKey, installations: InstallationStore) -> None:
    """When Saleor's keys cannot be fetched the delivery is refused with 503, so Saleor retries it later."""

    def down(url: str) -> Any:
        raise SaleorError("cannot reach")

    with pytest.raises(WebhookRefused) as info:
        _verify(*_delivery(key), installations, JwksCache(fetch=down))
    assert 503 == info.value.status


@pytest.mark.parametrize(("changes", "reason"), [
    ({"issuedAt": (NOW - dt.timedelta(minutes=6)).isoformat()}, "stale"),
    ({"issuedAt": (NOW + dt.timedelta(minutes=2)).isoformat()}, "future"),
    ({"issuedAt": "2026-03-01T12:00:00"}, "time zone"),
    ({"issuedAt": "yesterday"}, "not a date"),
    ({"issuedAt": None}, "no issuedAt"),
    ({"recipient": {"id": "QXBwOjI="}}, "another app"),
    ({"recipient": None}, "another app"),
    ({"__typename": None}, "no __typename"),
])
def test_payload_checks(key: SigningKey, installations: InstallationStore, changes: dict[str, Any],
                        reason: str) -> None:
    """Correctly signed payloads that are stale, from the future, undated or for another app are refused."""
    headers, body = _delivery(key, **changes)
    with pytest.raises(WebhookRefused, match=reason):
        _verify(headers, body, installations, JwksCache(fetch=FakeJwks(key)))


def test_within_clock_skew_is_accepted(key: SigningKey, installations: InstallationStore) -> None:
    """An issuedAt slightly ahead of the app's clock (less than the allowed skew) is accepted."""
    headers, body = _delivery(key, issuedAt=(NOW + dt.timedelta(seconds=30)).isoformat())
    assert "CustomerDeleted" == _verify(headers, body, installations, JwksCache(fetch=FakeJwks(key))).event


def test_non_json_body_is_refused_after_the_signature(key: SigningKey, installations: InstallationStore) -> None:
    """A signed body that is not a JSON object is refused as a bad request."""
    body = b"[1, 2]"
    headers = {"Saleor-Api-Url": API, "Saleor-Signature": key.sign(body)}
    with pytest.raises(WebhookRefused, match="not a JSON object"):
        _verify(headers, body, installations, JwksCache(fetch=FakeJwks(key)))


def test_no_key_is_fetched_for_an_unknown_saleor(key: SigningKey, installations: InstallationStore) -> None:
    """A delivery naming a Saleor the app is not installed in is refused before any key is fetched."""
    headers, body = _delivery(key)
    headers["Saleor-Api-Url"] = "https://attacker.example/graphql/"
    endpoint = FakeJwks(key)
    with pytest.raises(WebhookRefused) as info:
        _verify(headers, body, installations, JwksCache(fetch=endpoint))
    assert (403, []) == (info.value.status, endpoint.fetches)


def test_header_lookup_is_case_insensitive_and_knows_the_old_names() -> None:
    """Saleor-* headers are found in any case and under their older X-Saleor-* names."""
    assert "a" == header({"saleor-api-url": "a"}, "Saleor-Api-Url")
    assert "b" == header({"X-Saleor-Signature": "b"}, "Saleor-Signature")
    assert "c" == header({"Saleor-Signature": "c", "X-Saleor-Signature": "old"}, "Saleor-Signature")
    assert header({}, "Saleor-Signature") is None
