"""Tests of the signed consent cookie value: round trips, and failing closed on every kind of bad value.

CODEC writes the default format (v3); the v1 cases (forged JSON payloads) are read by it as by every codec. The
formats' own details are in test_codec_formats.py (v1, v2) and test_codec_v3.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisterikit.consent.codec import FORMAT, MAX_VALUE_LENGTH, ConsentCodec, derive_key
from rekisterikit.consent.state import ConsentState
from rekisterikit.errors import ConsentError
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET

CODEC = ConsentCodec(SECRET)
V1 = ConsentCodec(SECRET, write_format="v1")
STATE = ConsentState(consent_id="K" * 22, version="sha256:" + "1" * 64, fingerprint="sha256:" + "2" * 64,
                     given_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC), granted={"statistics"}, method="custom",
                     locale="sv")
COOKIE_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _forge(payload: object, secret: str = SECRET) -> str:
    """Sign an arbitrary payload correctly, as someone holding the key could."""
    body = _b64(json.dumps(payload).encode())
    sig = hmac.new(derive_key(secret), f"v1.{body}".encode(), hashlib.sha256).digest()
    return f"v1.{body}.{_b64(sig)}"


@given(rks.consent_states())
def test_round_trip(state: ConsentState) -> None:
    """Every state decodes back to itself, in a value of cookie-safe characters only."""
    value = CODEC.encode(state)
    assert state == CODEC.decode(value)
    assert set(value) <= COOKIE_SAFE
    assert "v3" == FORMAT
    assert value.startswith("v3.")


@given(rks.consent_states())
def test_value_is_compact(state: ConsentState) -> None:
    """A value stays far below the decoder's limit and the browser's 4096 bytes."""
    assert len(CODEC.encode(state)) < 600


def test_payload_is_documented_json() -> None:
    """A v1 payload is readable JSON with the documented short keys (the page's JavaScript may read it)."""
    state = STATE
    body = V1.encode(state).split(".")[1]
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert {"id", "ver", "fp", "at", "ok", "m", "l", "sv", "g"} == set(data)


def test_key_is_derived_for_this_purpose_only() -> None:
    """The signing key is HMAC-SHA256(secret, 'rekisterikit.consent.v1'), never the secret itself."""
    assert hmac.new(SECRET.encode(), b"rekisterikit.consent.v1", hashlib.sha256).digest() == derive_key(SECRET)


def test_short_secret_is_refused() -> None:
    """A secret shorter than 16 bytes is a configuration error."""
    with pytest.raises(ConsentError, match="at least 16 bytes"):
        ConsentCodec("short")


@given(st.text(max_size=2000))
def test_garbage_text_is_no_consent(value: str) -> None:
    """Arbitrary text never raises and is never a consent."""
    assert CODEC.decode(value) is None


@given(st.binary(max_size=600))
def test_garbage_after_prefix_is_no_consent(data: bytes) -> None:
    """A value shaped like v1.<garbage>.<garbage> (or v2., v3.) is no consent."""
    for prefix in ("v1.", "v2.", "v3."):
        value = prefix + _b64(data) + "." + _b64(data[::-1])
        assert CODEC.decode(value) is None
        assert CODEC.decode(prefix + _b64(data) + "." + data.hex()) is None


@given(rks.consent_states(), st.data())
def test_bit_flip_is_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Flipping any one bit of a valid value makes it invalid."""
    raw = bytearray(CODEC.encode(state).encode("ascii"))
    index = data.draw(st.integers(0, len(raw) - 1))
    bit = data.draw(st.integers(0, 7))
    raw[index] ^= 1 << bit
    assert CODEC.decode(raw.decode("latin-1")) is None


@given(rks.consent_states(), st.data())
def test_truncation_is_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Any proper prefix of a valid value is invalid."""
    value = CODEC.encode(state)
    cut = data.draw(st.integers(0, len(value) - 1))
    assert CODEC.decode(value[:cut]) is None


@given(rks.consent_states())
def test_foreign_key_is_no_consent(state: ConsentState) -> None:
    """A value signed with another application's secret is no consent."""
    other = ConsentCodec("another-shop-secret-0123456789")
    assert CODEC.decode(other.encode(state)) is None


def test_oversized_value_is_no_consent() -> None:
    """A 10 kB value is rejected before any parsing."""
    valid = CODEC.encode(STATE)
    assert CODEC.decode(valid + "A" * 10_000) is None
    assert CODEC.decode("v1." + "A" * 10_000 + ".sig") is None
    assert CODEC.decode("v3." + "A~" * 5_000 + ".sig") is None
    assert CODEC.decode("x" * (MAX_VALUE_LENGTH + 1)) is None


@pytest.mark.parametrize("value", [None, b"v1.abc.def", 42, "", "v1..", "v2.abc.def", "v1.abc", "v1.a.b.c",
                                   "v1.\u00e4\u00e4.bb", " v1.abc.def", "v3..", "v3.a~b.c", "v3.\u00e4~1.00",
                                   "v4.abc.def", "V3.a.b", "v3", "v3.", ".v3.a.b"])
def test_wrong_types_and_shapes_are_no_consent(value: object) -> None:
    """Non-strings, empty values, other versions and wrong shapes are no consent."""
    assert CODEC.decode(value) is None


@pytest.mark.parametrize("payload", [
    [],
    {"id": "A" * 22},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": [], "m": "custom", "l": "fi", "x": 1},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": "1", "ok": [], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": True, "ok": [], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 10**20, "ok": [], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": -1, "ok": [], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": ["necessary"], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": ["bogus"], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": "statistics", "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": [], "m": "bribed", "l": "fi"},
    {"id": "short", "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": [], "m": "custom", "l": "fi"},
    {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": [], "m": "custom", "l": "<script>"},
])
def test_correctly_signed_but_malformed_payload_is_no_consent(payload: object) -> None:
    """Even a correctly signed payload must be exactly the documented JSON."""
    assert CODEC.decode(_forge(payload)) is None


def test_well_formed_forged_payload_decodes() -> None:
    """The forging helper itself makes valid values (so the malformed cases above test the payload checks)."""
    payload = {"id": "A" * 22, "ver": "sha256:a", "fp": "sha256:b", "at": 1, "ok": [], "m": "custom", "l": "fi"}
    assert "A" * 22 == CODEC.decode(_forge(payload)).consent_id  # type: ignore[union-attr]


def test_key_rotation_accepts_old_secrets_and_signs_with_the_new() -> None:
    """After rotation, values signed with an old secret still decode; new values use the new secret."""
    state = STATE
    old_value = ConsentCodec("the-old-secret-0123456789").encode(state)
    rotated = ConsentCodec("the-new-secret-0123456789", old_secrets=["the-old-secret-0123456789"])
    assert (state, 1) == rotated.verify(old_value)
    assert (state, 0) == rotated.verify(rotated.encode(state))
    assert ConsentCodec("the-new-secret-0123456789").decode(old_value) is None
