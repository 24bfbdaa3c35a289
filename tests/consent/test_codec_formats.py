"""The consent cookie's JSON formats: v1 (a JSON object) as written before, and the compact v2 (a JSON array).
The default format v3 has its own tests (test_codec_v3.py); every codec reads all three.

Values written before this code still decode (a value taken from the earlier codec is pinned below); the v1 writer
is held byte for byte to a json.dumps reference; v2 round-trips every state, is documented JSON, and fails closed
on tampered, truncated, reordered, re-labelled and oversized values exactly as v1 does.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent.codec import CATEGORY_BITS, MAX_VALUE_LENGTH, ConsentCodec, derive_key
from rekisterikit.consent.state import OPTIONAL_CATEGORIES, ConsentState, epoch_seconds
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET

IMPLIED = {CookieCategory.STATISTICS: frozenset({"ga4", "matomo"}), CookieCategory.MARKETING: frozenset({"meta"})}
V1 = ConsentCodec(SECRET, write_format="v1")
V2 = ConsentCodec(SECRET, write_format="v2")
V1_IMPLIED = ConsentCodec(SECRET, implied=IMPLIED, write_format="v1")
V2_IMPLIED = ConsentCodec(SECRET, implied=IMPLIED, write_format="v2")
COOKIE_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")

#: A state and the value the codec wrote for it before format v2 existed (and before this code), with SECRET.
PINNED_STATE = ConsentState(
    consent_id="Q2hIJ6p0cTZLr1kJc3Rv0w", version="sha256:" + "0123456789abcdef" * 4,
    fingerprint="sha256:" + "fedcba9876543210" * 4, given_at=dt.datetime(2026, 11, 30, 12, 0, 5, tzinfo=dt.UTC),
    granted={"statistics", "marketing"}, method="custom", locale="sv-FI", services={"ga4", "youtube"},
    gpc_optin=True)
PINNED_V1 = (
    "v1.eyJhdCI6MTc5NjA0MDAwNSwiZnAiOiJzaGEyNTY6ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTBmZWRjYmE5ODc2NTQzMjEwZmVk"
    "Y2JhOTg3NjU0MzIxMCIsImciOjEsImlkIjoiUTJoSUo2cDBjVFpMcjFrSmMzUnYwdyIsImwiOiJzdi1GSSIsIm0iOiJjdXN0b20iLCJvayI6WyJt"
    "YXJrZXRpbmciLCJzdGF0aXN0aWNzIl0sInN2IjpbImdhNCIsInlvdXR1YmUiXSwidmVyIjoic2hhMjU2OjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2"
    "Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYifQ.jp0xmcLGHnSPy6eJV-_qjzno7y8l32b2TMjmFOhxQ9g")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(message: str, secret: str = SECRET) -> str:
    return f"{message}.{_b64(hmac.new(derive_key(secret), message.encode(), hashlib.sha256).digest())}"


def _forge_v2(payload: object, secret: str = SECRET) -> str:
    """Sign an arbitrary v2 payload correctly, as someone holding the key could."""
    return _sign(f"v2.{_b64(json.dumps(payload).encode())}", secret)


def _compact(value: str) -> str:
    return _b64(bytes.fromhex(value.removeprefix("sha256:")))


def _states() -> st.SearchStrategy[ConsentState]:
    """Consent states with every field varied: allowed services (beyond the implied ones) and the GPC opt-in."""
    keys = st.frozensets(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True), max_size=5)
    return st.builds(lambda s, extra, optin: attrs.evolve(s, services=extra, gpc_optin=optin),
                     rks.consent_states(), keys, st.booleans())


def _with_implied(state: ConsentState) -> ConsentState:
    """The state as a service with IMPLIED would hold it: a wholly granted category's services are allowed."""
    implied = frozenset().union(*(IMPLIED.get(c, frozenset()) for c in state.granted))
    return attrs.evolve(state, services=state.services | implied)


def _reference_v1(state: ConsentState, implied: dict[CookieCategory, frozenset[str]]) -> str:
    """The v1 value as the codec wrote it with json.dumps before the hand-written writer."""
    left_out = frozenset().union(*(implied.get(c, frozenset()) for c in state.granted))
    payload = {"at": epoch_seconds(state.given_at), "fp": state.fingerprint, "g": int(state.gpc_optin),
               "id": state.consent_id, "l": state.locale, "m": state.method.value,
               "ok": sorted(c.value for c in state.granted), "sv": sorted(state.services - left_out),
               "ver": state.version}
    return _sign(f"v1.{_b64(json.dumps(payload, separators=(',', ':'), sort_keys=True).encode())}")


# -- old values -----------------------------------------------------------------------------------------------------

def test_a_value_written_before_v2_still_decodes() -> None:
    """A v1 cookie from the earlier codec decodes to its state under every codec, whatever format it writes."""
    for codec in (V1, V2, ConsentCodec(SECRET)):
        assert PINNED_STATE == codec.decode(PINNED_V1)
        assert (PINNED_STATE, 0) == codec.verify(PINNED_V1)


def test_a_v1_payload_from_before_services_still_decodes() -> None:
    """A v1 payload without "sv" and "g" (written before services existed) allows no service."""
    payload = {"at": 1790000000, "fp": "sha256:" + "b" * 64, "id": "A" * 22, "l": "fi", "m": "accept_all",
               "ok": ["marketing", "preferences", "statistics"], "ver": "sha256:" + "a" * 64}
    state = V2.decode(_sign(f"v1.{_b64(json.dumps(payload, separators=(',', ':')).encode())}"))
    assert state is not None
    assert (frozenset(OPTIONAL_CATEGORIES), frozenset(), False) == (state.granted, state.services, state.gpc_optin)


@settings(max_examples=300)
@given(_states(), st.booleans())
def test_v1_is_written_byte_for_byte_as_json_dumps_wrote_it(state: ConsentState, implied: bool) -> None:
    """The hand-written v1 JSON is exactly json.dumps(sort_keys, compact separators) of the documented payload."""
    codec, mapping = (V1_IMPLIED, IMPLIED) if implied else (V1, {})
    assert _reference_v1(state, mapping) == codec.encode(state)


# -- v2 -------------------------------------------------------------------------------------------------------------

@settings(max_examples=300)
@given(_states(), st.booleans())
def test_v2_round_trip(state: ConsentState, implied: bool) -> None:
    """Every state decodes back to itself from a shorter v2 value of cookie-safe characters only; v1 codecs read
    it too."""
    if implied:
        state, codec, reader = _with_implied(state), V2_IMPLIED, V1_IMPLIED
    else:
        codec, reader = V2, V1
    value = codec.encode(state)
    assert value.startswith("v2.")
    assert set(value) <= COOKIE_SAFE
    assert len(value) < len(reader.encode(state))
    assert state == codec.decode(value)
    assert state == reader.decode(value)


def test_v2_payload_is_the_documented_json_array() -> None:
    """The v2 payload is a JSON array: id, time, version and fingerprint as base64 digests, category bits, method,
    locale, services (sorted), GPC opt-in."""
    body = V2.encode(PINNED_STATE).split(".")[1]
    assert ["Q2hIJ6p0cTZLr1kJc3Rv0w", 1796040005, _compact(PINNED_STATE.version),
            _compact(PINNED_STATE.fingerprint), 2 + 4, "custom", "sv-FI", ["ga4", "youtube"], 1] == json.loads(
        _unb64(body))
    assert 43 == len(_compact(PINNED_STATE.version))


def test_v2_value_is_about_sixty_percent_of_v1() -> None:
    """The point of v2: a typical cookie shrinks from about 400 to about 250 characters."""
    state = attrs.evolve(PINNED_STATE, services=frozenset(), locale="fi")
    assert (True, True) == (len(V1.encode(state)) > 380, len(V2.encode(state)) < 260)


def test_category_bits_cover_every_optional_category_once() -> None:
    """Each optional category has its own bit, and no other category has one."""
    assert set(OPTIONAL_CATEGORIES) == set(CATEGORY_BITS)
    assert sorted(CATEGORY_BITS.values()) == [1, 2, 4]


@given(rks.consent_states(), st.text("0123456789abcdefABCDEF:xyz", min_size=1, max_size=80))
def test_a_hash_v2_cannot_shorten_is_written_in_v1(state: ConsentState, version: str) -> None:
    """A version that is not sha256 and 64 lowercase hex digits is written in v1, and still round-trips."""
    if re.fullmatch(r"sha256:[0-9a-f]{64}", version):
        return
    odd = attrs.evolve(state, version=version)
    value = V2.encode(odd)
    assert value.startswith("v1.")
    assert odd == V2.decode(value)


def test_unknown_write_format_is_refused() -> None:
    """A typo in the format is a configuration error, not a silent fallback."""
    with pytest.raises(ConsentError, match="unknown consent cookie format 'v4'"):
        ConsentCodec(SECRET, write_format="v4")  # type: ignore[arg-type]


def test_key_rotation_in_v2() -> None:
    """Values signed in v2 with an old secret still decode after rotation; new values use the new secret."""
    old_value = ConsentCodec("the-old-secret-0123456789", write_format="v2").encode(PINNED_STATE)
    rotated = ConsentCodec("the-new-secret-0123456789", old_secrets=["the-old-secret-0123456789"],
                           write_format="v2")
    assert (PINNED_STATE, 1) == rotated.verify(old_value)
    assert (PINNED_STATE, 0) == rotated.verify(rotated.encode(PINNED_STATE))
    assert ConsentCodec("the-new-secret-0123456789").decode(old_value) is None


# -- failing closed -------------------------------------------------------------------------------------------------

@given(_states(), st.data())
def test_v2_bit_flip_is_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Flipping any one bit of a valid v2 value makes it invalid."""
    raw = bytearray(V2.encode(state).encode("ascii"))
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] ^= 1 << data.draw(st.integers(0, 7))
    assert V2.decode(raw.decode("latin-1")) is None


@given(_states(), st.data())
def test_v2_truncation_and_extension_are_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Any proper prefix of a valid v2 value, and the value with anything appended, is invalid."""
    value = V2.encode(state)
    assert V2.decode(value[:data.draw(st.integers(0, len(value) - 1))]) is None
    assert V2.decode(value + data.draw(st.text("Aa0_-.", min_size=1, max_size=8))) is None


@given(_states())
def test_v2_foreign_key_is_no_consent(state: ConsentState) -> None:
    """A v2 value signed with another application's secret is no consent."""
    assert V2.decode(ConsentCodec("another-shop-secret-0123456789", write_format="v2").encode(state)) is None


def test_the_format_marker_is_signed() -> None:
    """Relabelling a value's format breaks its signature; a payload correctly signed under the other format's
    marker is not read as that format (an object is no v2 payload, an array no v1 payload)."""
    v1, v2 = V1.encode(PINNED_STATE), V2.encode(PINNED_STATE)
    assert (None, None) == (V2.decode("v2." + v1[3:]), V2.decode("v1." + v2[3:]))
    v1_body, v2_body = v1.split(".")[1], v2.split(".")[1]
    assert (None, None) == (V2.decode(_sign(f"v2.{v1_body}")), V2.decode(_sign(f"v1.{v2_body}")))
    assert (None, None) == (V2.decode(_sign(f"v3.{v2_body}")), V2.decode(_sign(f"V2.{v2_body}")))


def test_oversized_v2_values_are_no_consent() -> None:
    """Values over the limit are refused before any parsing, even when correctly signed."""
    huge = _forge_v2(["A" * 22, 1, _compact("sha256:" + "a" * 64), _compact("sha256:" + "b" * 64), 0, "custom",
                      "fi", [f"s{n}" for n in range(600)], 0])
    assert len(huge) > MAX_VALUE_LENGTH
    assert V2.decode(huge) is None
    assert V2.decode(V2.encode(PINNED_STATE) + "A" * 10_000) is None


GOOD: list[Any] = ["A" * 22, 1790000000, _compact("sha256:" + "a" * 64), _compact("sha256:" + "b" * 64), 2, "custom",
                   "fi", ["ga4"], 0]


def test_the_good_v2_payload_decodes() -> None:
    """The base of the malformed cases below is itself valid (so each case tests the one thing it changes)."""
    state = V2.decode(_forge_v2(GOOD))
    assert state is not None
    assert ("sha256:" + "a" * 64, frozenset({CookieCategory.STATISTICS}), frozenset({"ga4"})) == (
        state.version, state.granted, state.services)


def _changed(index: int, value: object) -> list[Any]:
    return [*GOOD[:index], value, *GOOD[index + 1:]]


@pytest.mark.parametrize("payload", [
    {},
    GOOD[:-1],
    [*GOOD, 0],
    GOOD[::-1],  # reordered
    [GOOD[1], GOOD[0], *GOOD[2:]],  # id and time swapped
    [GOOD[0], GOOD[1], GOOD[3], GOOD[2], *GOOD[4:]],  # version and fingerprint swapped: still valid hashes
    _changed(0, "short"),
    _changed(1, "1790000000"),
    _changed(1, True),
    _changed(1, -1),
    _changed(1, 2**40),
    _changed(1, 1.5),
    _changed(2, "sha256:" + "a" * 64),  # v1's spelling is not v2's
    _changed(2, GOOD[2][:-1] + "B"),  # not the canonical encoding of the same bytes
    _changed(2, GOOD[2][:-1]),
    _changed(2, GOOD[2] + "A"),
    _changed(2, None),
    _changed(3, ["x"]),
    _changed(4, 8),
    _changed(4, -1),
    _changed(4, "2"),
    _changed(4, True),
    _changed(4, ["statistics"]),
    _changed(5, "bribed"),
    _changed(5, 1),
    _changed(6, "<script>"),
    _changed(6, ["fi"]),
    _changed(7, "ga4"),
    _changed(7, ["GA4"]),
    _changed(7, ["ga4", "ga4"]),
    _changed(7, [1]),
    _changed(8, 2),
    _changed(8, False),
])
def test_correctly_signed_but_malformed_v2_payload_is_no_consent(payload: object) -> None:
    """Even a correctly signed v2 payload must be exactly the documented array."""
    if payload == [GOOD[0], GOOD[1], GOOD[3], GOOD[2], *GOOD[4:]]:
        state = V2.decode(_forge_v2(payload))  # reading it swaps them back into the fields they claim to be
        assert state is not None
        assert ("sha256:" + "b" * 64, "sha256:" + "a" * 64) == (state.version, state.fingerprint)
        return
    assert V2.decode(_forge_v2(payload)) is None


def test_payload_with_trailing_data_is_no_consent() -> None:
    """A correctly signed payload with anything after the JSON is refused."""
    for tail in (b" ", b"[]", b"\n", b"x"):
        assert V2.decode(_sign(f"v2.{_b64(json.dumps(GOOD).encode() + tail)}")) is None
        assert V1.decode(_sign(f"v1.{_b64(json.dumps({'id': 1}).encode() + tail)}")) is None


def test_many_distinct_versions_are_still_checked() -> None:
    """The per-value memo of checked versions is bounded and emptied when full: the six hundredth distinct version
    still decodes, in either format, and a bad one is still refused after them."""
    v1_payload = json.loads(_unb64(V1.encode(PINNED_STATE).split(".")[1]))
    for n in range(600):
        version = "sha256:" + f"{n:064x}"
        v2_state = V2.decode(_forge_v2(_changed(2, _compact(version))))
        v1_state = V2.decode(_sign(f"v1.{_b64(json.dumps({**v1_payload, 'ver': f'x{n}'}).encode())}"))
        assert (version, f"x{n}") == (getattr(v2_state, "version", None), getattr(v1_state, "version", None))
    assert V2.decode(_forge_v2(_changed(2, "!" * 43))) is None
    assert V2.decode(_sign(f"v1.{_b64(json.dumps({**v1_payload, 'ver': 'x y'}).encode())}")) is None
