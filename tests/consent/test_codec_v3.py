"""The consent cookie's default format v3: ``v3.<nine ~-separated fields>.<hex HMAC-SHA256>``.

It round-trips every state in the cookie-safe alphabet, is pinned byte for byte, is signed exactly as documented,
keeps reading every v1 and v2 value, and fails closed on tampered, truncated, extended, re-labelled, reordered,
oversized and non-ASCII values and on every malformed field even when correctly signed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.cookies
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent.codec import FORMAT, FORMATS, MAX_VALUE_LENGTH, ConsentCodec, derive_key
from rekisterikit.consent.state import ConsentState, epoch_seconds
from rekisterikit.model import CookieCategory
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET
from tests.consent.test_codec_formats import IMPLIED, PINNED_STATE, PINNED_V1, _compact, _sign, _states

V3 = ConsentCodec(SECRET)
V3_IMPLIED = ConsentCodec(SECRET, implied=IMPLIED)
V1 = ConsentCodec(SECRET, write_format="v1")
V2 = ConsentCodec(SECRET, write_format="v2")
#: RFC 6265 cookie-octet without the characters http.cookies would quote: what v3 may use.
V3_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!")

#: The v3 value for PINNED_STATE with SECRET, as this format was first written (a change of the format breaks it).
PINNED_V3 = ("v3.Q2hIJ6p0cTZLr1kJc3Rv0w~1796040005~ASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4mrze8~"
             "_ty6mHZUMhD-3LqYdlQyEP7cuph2VDIQ_ty6mHZUMhA~6~custom~sv-FI~ga4!youtube~1."
             "e55bc02eaa95c793ec661896fae9073ce58618b70818363b73e3319570820c83")


def _sign_v3(payload: str, secret: str = SECRET) -> str:
    """Sign an arbitrary v3 payload correctly (hex HMAC-SHA256 with the derived key), as a key holder could."""
    message = f"v3.{payload}"
    return f"{message}.{hmac.new(derive_key(secret), message.encode(), hashlib.sha256).hexdigest()}"


GOOD = ["A" * 22, "1790000000", _compact("sha256:" + "a" * 64), _compact("sha256:" + "b" * 64), "2", "custom", "fi",
        "ga4", "0"]


def _fields(index: int, value: str) -> str:
    return "~".join([*GOOD[:index], value, *GOOD[index + 1:]])


# -- the format -----------------------------------------------------------------------------------------------------

def test_v3_is_the_default_and_every_format_is_read() -> None:
    """A codec writes v3 unless told otherwise, and knows all three formats."""
    assert ("v3", ("v1", "v2", "v3")) == (FORMAT, FORMATS)
    assert V3.encode(PINNED_STATE).startswith("v3.")


def test_the_pinned_value_is_written_byte_for_byte() -> None:
    """The documented fields, in order: id, time, version and fingerprint as base64 digests, category bits, method,
    locale, sorted services joined by '!', GPC opt-in; then the hex HMAC-SHA256 of 'v3.<payload>'."""
    assert PINNED_V3 == V3.encode(PINNED_STATE)
    assert PINNED_V3 == _sign_v3(PINNED_V3[3:PINNED_V3.rindex(".")])
    assert PINNED_STATE == V3.decode(PINNED_V3)


def test_the_signature_is_hex_hmac_sha256_with_the_derived_key() -> None:
    """The signature is HMAC-SHA256(derive_key(secret), 'v3.<payload>') in lower-case hex, 64 characters."""
    value = V3.encode(PINNED_STATE)
    message, _, signature = value.rpartition(".")
    expected = hmac.new(hmac.new(SECRET.encode(), b"rekisterikit.consent.v1", hashlib.sha256).digest(),
                        message.encode("ascii"), hashlib.sha256).hexdigest()
    assert expected == signature
    assert (64, 9) == (len(signature), len(message[3:].split("~")))


@settings(max_examples=300)
@given(_states(), st.booleans())
def test_v3_round_trip(state: ConsentState, implied: bool) -> None:
    """Every state decodes back to itself from a v3 value (shorter than v2) of cookie-safe characters only; codecs
    that write v1 or v2 read it too."""
    others: tuple[ConsentCodec, ...]
    if implied:
        state = attrs.evolve(state, services=state.services | frozenset().union(
            *(IMPLIED.get(c, frozenset()) for c in state.granted)))
        codec, others = V3_IMPLIED, (ConsentCodec(SECRET, implied=IMPLIED, write_format="v1"),)
    else:
        codec, others = V3, (V1, V2)
    value = codec.encode(state)
    assert value.startswith("v3.")
    assert set(value) <= V3_ALPHABET
    assert len(value) < len(V2.encode(state)) + 21  # the hex signature is 21 characters longer than base64
    assert state == codec.decode(value)
    assert (state, 0) == codec.verify(value)
    for other in others:
        assert state == other.decode(value)


def test_the_value_needs_no_quoting_in_a_cookie() -> None:
    """'~' and '!' are written as they are by http.cookies (Django's Set-Cookie) and Werkzeug, and read back
    unchanged by them and by Django's cookie parser."""
    value = V3.encode(PINNED_STATE)
    assert (True, True) == ("~" in value, "!" in value)
    jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
    jar["rk_consent"] = value
    assert f"rk_consent={value}" == jar["rk_consent"].OutputString()
    jar.load(f"rk_consent={value}; other=1")
    assert value == jar["rk_consent"].value
    werkzeug_http = pytest.importorskip("werkzeug.http")
    assert werkzeug_http.dump_cookie("rk_consent", value).startswith(f"rk_consent={value};")
    assert value == werkzeug_http.parse_cookie(f"other=1; rk_consent={value}")["rk_consent"]
    django_cookie = pytest.importorskip("django.http.cookie")
    assert value == django_cookie.parse_cookie(f"rk_consent={value}; other=1")["rk_consent"]


@given(rks.consent_states())
def test_the_payload_is_the_documented_fields(state: ConsentState) -> None:
    """The page's JavaScript can read the payload with one split('~'): every field is as documented."""
    payload = V3.encode(state).rpartition(".")[0][3:]
    bits = sum({"preferences": 1, "statistics": 2, "marketing": 4}[c.value] for c in state.granted)
    assert [state.consent_id, str(epoch_seconds(state.given_at)), _compact(state.version),
            _compact(state.fingerprint), str(bits), state.method.value, state.locale,
            "!".join(sorted(state.services)), str(int(state.gpc_optin))] == payload.split("~")


def test_a_typical_value_is_under_two_hundred_and_ten_characters() -> None:
    """The point of v3 beside speed: a typical cookie is about half of v1's 400 characters."""
    state = attrs.evolve(PINNED_STATE, services=frozenset(), locale="fi")
    assert (True, True) == (len(V3.encode(state)) < 210, len(V1.encode(state)) > 380)


@given(rks.consent_states(), st.text("0123456789abcdefABCDEF:xyz", min_size=1, max_size=80))
def test_a_hash_v3_cannot_shorten_is_written_in_v1(state: ConsentState, version: str) -> None:
    """A version that is not sha256 and 64 lowercase hex digits is written in v1, and still round-trips."""
    if version.startswith("sha256:") and len(version) == 71 and set(version[7:]) <= set("0123456789abcdef"):
        return
    odd = attrs.evolve(state, version=version)
    value = V3.encode(odd)
    assert value.startswith("v1.")
    assert odd == V3.decode(value)


def test_old_formats_still_decode() -> None:
    """A v1 cookie from the earlier codec and a v2 value decode under the v3-writing codec."""
    assert PINNED_STATE == V3.decode(PINNED_V1)
    assert (PINNED_STATE, 0) == V3.verify(V2.encode(PINNED_STATE))


def test_key_rotation_in_v3() -> None:
    """v3 values signed with an old secret still decode after rotation (key index 1); new ones use the new."""
    old_value = ConsentCodec("the-old-secret-0123456789").encode(PINNED_STATE)
    rotated = ConsentCodec("the-new-secret-0123456789", old_secrets=["the-old-secret-0123456789"])
    assert (PINNED_STATE, 1) == rotated.verify(old_value)
    assert (PINNED_STATE, 0) == rotated.verify(rotated.encode(PINNED_STATE))
    assert ConsentCodec("the-new-secret-0123456789").decode(old_value) is None


def test_implied_services_are_added_per_codec() -> None:
    """The services a wholly granted category implies come from the reading codec, whatever another codec read
    from the same value before (the memo of services fields is per codec)."""
    state = attrs.evolve(PINNED_STATE, granted=frozenset({CookieCategory.STATISTICS}), services=frozenset({"meta"}))
    value = V3.encode(state)
    assert frozenset({"meta"}) == V3.decode(value).services  # type: ignore[union-attr]
    assert frozenset({"meta", "ga4", "matomo"}) == V3_IMPLIED.decode(value).services  # type: ignore[union-attr]
    assert frozenset({"meta"}) == V3.decode(value).services  # type: ignore[union-attr]


def test_many_distinct_fields_are_still_checked() -> None:
    """The memos of checked versions and of the shared fields are bounded and emptied when full: the eleven
    hundredth distinct value still decodes, and a bad one is still refused after them."""
    for n in range(1100):
        version = "sha256:" + f"{n:064x}"
        state = V3.decode(_sign_v3(_fields(2, _compact(version)).replace("~ga4~", f"~ga4!s{n:04}~")))
        assert (version, frozenset({"ga4", f"s{n:04}"})) == (getattr(state, "version", None),
                                                             getattr(state, "services", None))
    assert V3.decode(_sign_v3(_fields(2, "!" * 43))) is None
    assert V3.decode(_sign_v3(_fields(7, "ga4!GA5"))) is None


# -- failing closed -------------------------------------------------------------------------------------------------

@given(_states(), st.data())
def test_v3_bit_flip_is_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Flipping any one bit of a valid v3 value makes it invalid."""
    raw = bytearray(V3.encode(state).encode("ascii"))
    raw[data.draw(st.integers(0, len(raw) - 1))] ^= 1 << data.draw(st.integers(0, 7))
    assert V3.decode(raw.decode("latin-1")) is None


@given(_states(), st.data())
def test_v3_truncation_and_extension_are_no_consent(state: ConsentState, data: st.DataObject) -> None:
    """Any proper prefix of a valid v3 value, and the value with anything appended, is invalid."""
    value = V3.encode(state)
    assert V3.decode(value[:data.draw(st.integers(0, len(value) - 1))]) is None
    assert V3.decode(value + data.draw(st.text("Aa0_-.~!", min_size=1, max_size=8))) is None


@given(_states())
def test_v3_foreign_key_is_no_consent(state: ConsentState) -> None:
    """A v3 value signed with another application's secret is no consent."""
    assert V3.decode(ConsentCodec("another-shop-secret-0123456789").encode(state)) is None


def test_the_v3_format_marker_is_signed() -> None:
    """Relabelling breaks the signature in every direction; a payload correctly signed under the wrong marker is
    not read in the other format (fields are no base64 JSON, base64 JSON is not nine fields)."""
    v1, v2, v3 = V1.encode(PINNED_STATE), V2.encode(PINNED_STATE), V3.encode(PINNED_STATE)
    relabelled = ["v2." + v3[3:], "v1." + v3[3:], "v3." + v2[3:], "v3." + v1[3:], "V3." + v3[3:]]
    assert [None] * 5 == [V3.decode(v) for v in relabelled]
    v3_payload, v2_body = v3.rpartition(".")[0][3:], v2.split(".")[1]
    assert (None, None) == (V3.decode(_sign(f"v2.{v3_payload}")), V3.decode(_sign(f"v1.{v3_payload}")))
    assert (None, None) == (V3.decode(_sign_v3(v2_body)), V3.decode(_sign_v3(v1.split(".")[1])))
    # the v3 payload under a base64 (v1/v2-style) signature, and a v2 value with a hex signature
    assert V3.decode(_sign(v3.rpartition(".")[0])) is None
    assert V3.decode(_sign_v3(v2[3:].rpartition(".")[0]).replace("v3.", "v2.", 1)) is None


def test_oversized_and_non_ascii_v3_values_are_no_consent() -> None:
    """Values over the limit are refused before any parsing even when correctly signed; so is any non-ASCII."""
    huge = _sign_v3(_fields(7, "!".join(f"s{n:04}" for n in range(600))))
    assert len(huge) > MAX_VALUE_LENGTH
    assert V3.decode(huge) is None
    assert V3.decode(V3.encode(PINNED_STATE) + "A" * 10_000) is None
    for text in ("\u00e4", "\uff11", "\u0661", "\x00"):
        assert V3.decode(_sign_v3(_fields(0, "A" * 21 + text))) is None
        assert V3.decode(_sign_v3(_fields(1, "179000000" + text))) is None


def test_the_good_v3_payload_decodes() -> None:
    """The base of the malformed cases below is itself valid (so each case tests the one thing it changes)."""
    state = V3.decode(_sign_v3("~".join(GOOD)))
    assert state is not None
    assert ("A" * 22, dt.datetime.fromtimestamp(1790000000, dt.UTC), "sha256:" + "a" * 64,
            frozenset({CookieCategory.STATISTICS}), frozenset({"ga4"}), False) == (
        state.consent_id, state.given_at, state.version, state.granted, state.services, state.gpc_optin)


@pytest.mark.parametrize("payload", [
    "",
    "~".join(GOOD[:-1]),  # a field missing
    "~".join([*GOOD, "0"]),  # a field extra
    "~".join(GOOD) + "~",
    "~" + "~".join(GOOD),
    "~".join(GOOD[::-1]),  # reordered
    "~".join([GOOD[1], GOOD[0], *GOOD[2:]]),  # id and time swapped
    "~".join([*GOOD[:5], GOOD[6], GOOD[5], *GOOD[7:]]),  # method and locale swapped
    "~".join(GOOD).replace("~", "!"),
    "~".join(GOOD).replace("~", "~~", 1),
    _fields(0, "short"),
    _fields(0, "A" * 65),
    _fields(0, "A" * 21 + "!"),
    _fields(0, "A" * 21 + "."),
    _fields(1, ""),
    _fields(1, "01790000000"),
    _fields(1, "+1790000000"),
    _fields(1, "-1"),
    _fields(1, " 1790000000"),
    _fields(1, "1_790_000_000"),
    _fields(1, "1790000000.5"),
    _fields(1, "1e9"),
    _fields(1, "0x6ab"),
    _fields(1, str(2**37)),
    _fields(1, "9" * 13),
    _fields(1, "9" * 3000),
    _fields(2, "sha256:" + "a" * 64),  # v1's spelling is not v3's
    _fields(2, GOOD[2][:-1] + "B"),  # not the canonical encoding of the same bytes
    _fields(2, GOOD[2][:-1]),
    _fields(2, GOOD[2] + "A"),
    _fields(2, ""),
    _fields(3, "x"),
    _fields(4, "8"),
    _fields(4, "-1"),
    _fields(4, "02"),
    _fields(4, ""),
    _fields(4, "statistics"),
    _fields(5, "bribed"),
    _fields(5, "CUSTOM"),
    _fields(5, ""),
    _fields(6, "<script>"),
    _fields(6, ""),
    _fields(6, "fi!sv"),
    _fields(7, "GA4"),
    _fields(7, "ga4!ga4"),
    _fields(7, "youtube!ga4"),  # not sorted
    _fields(7, "ga4!"),
    _fields(7, "!ga4"),
    _fields(7, "ga4!!youtube"),
    _fields(7, "-ga4"),
    _fields(7, "ga4 youtube"),
    _fields(7, "a" * 65),
    _fields(8, "2"),
    _fields(8, "true"),
    _fields(8, ""),
    _fields(8, "00"),
])
def test_correctly_signed_but_malformed_v3_payload_is_no_consent(payload: str) -> None:
    """Even a correctly signed v3 payload must be exactly the documented fields."""
    assert V3.decode(_sign_v3(payload)) is None
    assert V3.verify(_sign_v3(payload)) is None


@pytest.mark.parametrize("signature", ["", "0" * 64, "A" * 64, "x", "0" * 63, "0" * 65])
def test_a_wrong_signature_is_no_consent(signature: str) -> None:
    """A v3 value with no signature, a wrong one, upper-case hex or one of the wrong length is refused."""
    value = PINNED_V3
    assert V3.decode(f"{value.rpartition('.')[0]}.{signature}") is None
    assert V3.decode(f"{value.rpartition('.')[0]}.{value.rpartition('.')[2].upper()}") is None


def test_decoding_never_raises_on_signed_garbage() -> None:
    """Signed payloads of every ASCII character in every field position decode to None or a valid state."""
    for index in range(9):
        for code in range(128):
            state: Any = V3.decode(_sign_v3(_fields(index, GOOD[index] + chr(code))))
            assert state is None or isinstance(state, ConsentState)
    assert V3.decode(_sign_v3("~" * 8)) is None
