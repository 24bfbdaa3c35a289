"""The codec's trusted decoding path decides exactly as ConsentState's own converters and validators would."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent.codec import ConsentCodec, derive_key
from rekisterikit.consent.state import ConsentState
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET
from tests.consent.test_codec import _forge
from tests.consent.test_codec_formats import _forge_v2

CODEC = ConsentCodec(SECRET)  # writes v3, reads every format
CODEC_V2 = ConsentCodec(SECRET, write_format="v2")

_TEXT = st.one_of(st.sampled_from(["K" * 22, "short", "sha256:" + "a" * 64, "fi", "sv-FI", "<script>", "", "x" * 70,
                                   "ga4", "Meta", "a b", "custom", "accept_all", "bribed", "statistics",
                                   "necessary", "marketing"]), st.text(max_size=12))


def _payloads() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "id": _TEXT, "ver": _TEXT, "fp": _TEXT, "at": st.integers(0, 2**33), "ok": st.lists(_TEXT, max_size=3,
                                                                                            unique=True),
        "m": _TEXT, "l": _TEXT, "sv": st.lists(_TEXT, max_size=3, unique=True), "g": st.integers(0, 1),
    })


def _constructed(p: dict[str, Any]) -> ConsentState | None:
    try:
        return ConsentState(consent_id=p["id"], version=p["ver"], fingerprint=p["fp"],
                            given_at=dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=p["at"]),
                            granted=p["ok"], method=p["m"], locale=p["l"], services=p["sv"],
                            gpc_optin=bool(p["g"]))
    except (ValueError, TypeError, OverflowError):
        return None


_GARBAGE = st.one_of(_TEXT, st.integers(-2, 2**38), st.booleans(), st.none(), st.floats(0, 10),
                    st.lists(_TEXT, max_size=2), st.dictionaries(_TEXT, st.integers(), max_size=1))
_SERVICE_KEYS = st.lists(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True), max_size=3, unique=True)
_CATEGORY_NAMES = st.lists(st.sampled_from(["preferences", "statistics", "marketing"]), max_size=3, unique=True)
_METHOD_NAMES = st.sampled_from(["accept_all", "reject_all", "custom", "settings", "gpc", "api", "embed"])
_LOCALES = st.sampled_from(["fi", "sv", "en", "fi-FI", "sv_FI", "en-GB-x"])


def _valid_v1() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "id": st.from_regex(r"[A-Za-z0-9_-]{16,64}", fullmatch=True),
        "ver": st.from_regex(r"[A-Za-z0-9:._-]{1,100}", fullmatch=True),
        "fp": st.from_regex(r"[A-Za-z0-9:._-]{1,100}", fullmatch=True), "at": st.integers(0, 2**37 - 1),
        "ok": _CATEGORY_NAMES, "m": _METHOD_NAMES, "l": _LOCALES, "sv": _SERVICE_KEYS, "g": st.integers(0, 1)})


def _near_valid_v1() -> st.SearchStrategy[dict[str, Any]]:
    """A valid payload with at most one field replaced by garbage, dropped, or one key added: the cases near the
    line between accepted and refused, where the two paths could disagree."""
    def change(p: dict[str, Any], key: str | None, value: Any, how: int) -> dict[str, Any]:
        if key is None:
            return p
        if how == 0:
            return {k: v for k, v in p.items() if k != key}
        if how == 1:
            return {**p, "x" + key: value}
        return {**p, key: value}

    keys = st.sampled_from([None, "id", "ver", "fp", "at", "ok", "m", "l", "sv", "g"])
    return st.builds(change, _valid_v1(), keys, _GARBAGE, st.integers(0, 5))


def _expected_v1(p: dict[str, Any]) -> ConsentState | None:
    """What decoding must give: the format's own rules (the key set, JSON types, no duplicates, the time range),
    then whatever ConsentState's converters and validators decide."""
    if set(p) not in ({"id", "ver", "fp", "at", "ok", "m", "l", "sv", "g"}, {"id", "ver", "fp", "at", "ok", "m", "l"}):
        return None
    at, ok, sv, g = p["at"], p["ok"], p.get("sv", []), p.get("g", 0)
    if type(at) is not int or not 0 <= at < 2**37 or type(g) is not int or g not in (0, 1):
        return None
    if type(ok) is not list or type(sv) is not list or not all(type(v) is str for v in [*ok, *sv]):
        return None
    if len(set(ok)) != len(ok) or len(set(sv)) != len(sv) or type(p["m"]) is not str:
        return None
    return _constructed({**p, "sv": sv, "g": g})


@settings(max_examples=400, deadline=None)
@given(st.one_of(_payloads(), _near_valid_v1()))
def test_a_signed_payload_decodes_exactly_when_the_class_accepts_it(payload: dict[str, Any]) -> None:
    """Differential: decode(forged signed payload) is the state ConsentState(...) builds, or None when it (or the
    format's rules) refuses."""
    assert _expected_v1(payload) == CODEC.decode(_forge(payload))


@settings(max_examples=200, deadline=None)
@given(rks.consent_states())
def test_decoded_states_behave_as_constructed_ones(state: ConsentState) -> None:
    """A decoded state equals, hashes and answers like the original (the trusted path sets every field)."""
    decoded = CODEC.decode(CODEC.encode(state))
    expected = ConsentState(consent_id=state.consent_id, version=state.version, fingerprint=state.fingerprint,
                            given_at=state.given_at, granted=state.granted, method=state.method,
                            locale=state.locale, services=state.services, gpc_optin=state.gpc_optin)
    assert expected == decoded
    assert decoded is not None
    assert hash(expected) == hash(decoded)
    assert expected.choices == decoded.choices
    assert decoded.gpc is False


# -- format v2 ------------------------------------------------------------------------------------------------------

_DIGESTS = st.binary(min_size=32, max_size=32)
_BITS = {1: "preferences", 2: "statistics", 4: "marketing"}


def _compact_or_text() -> st.SearchStrategy[Any]:
    """A v2 hash field: a real digest (canonical or not), or anything else."""
    canonical = _DIGESTS.map(lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode())
    return st.one_of(canonical, canonical.map(lambda c: c[:-1] + "B"), _TEXT, st.integers(), st.none())


def _expanded(field: Any) -> str | None:
    """The test's own reading of a v2 hash field: the canonical base64 of 32 bytes, as sha256:<hex>."""
    if not isinstance(field, str) or len(field) != 43:
        return None
    try:
        raw = base64.urlsafe_b64decode(field + "=")
    except ValueError:
        return None
    canonical = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    return "sha256:" + raw.hex() if len(raw) == 32 and canonical == field else None


def _near_valid_v2() -> st.SearchStrategy[list[Any]]:
    """A valid v2 array with at most one element replaced by garbage, or one element dropped or added."""
    canonical = _DIGESTS.map(lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode())
    valid = st.tuples(st.from_regex(r"[A-Za-z0-9_-]{16,64}", fullmatch=True), st.integers(0, 2**37 - 1), canonical,
                      canonical, st.integers(0, 7), _METHOD_NAMES, _LOCALES, _SERVICE_KEYS, st.integers(0, 1))

    def change(p: tuple[Any, ...], index: int, value: Any, how: int) -> list[Any]:
        items = list(p)
        if index >= len(items):
            return items
        if how == 0:
            return items[:index] + items[index + 1:]
        if how == 1:
            return [*items[:index], value, *items[index:]]
        items[index] = value
        return items

    return st.builds(change, valid, st.integers(0, 11), _GARBAGE, st.integers(0, 5))


def _v2_payloads() -> st.SearchStrategy[list[Any]]:
    return st.tuples(_TEXT, st.one_of(st.integers(-1, 2**38), st.booleans(), st.just("1")), _compact_or_text(),
                     _compact_or_text(), st.one_of(st.integers(-1, 9), st.booleans()), _TEXT, _TEXT,
                     st.lists(_TEXT, max_size=3, unique=True), st.one_of(st.integers(-1, 2), st.booleans()),
                     ).map(list)


def _constructed_v2(p: list[Any]) -> ConsentState | None:
    if len(p) != 9:
        return None
    consent_id, at, version, fingerprint, bits, method, locale, services, optin = p
    version, fingerprint = _expanded(version), _expanded(fingerprint)
    if (version is None or fingerprint is None or type(at) is not int or not 0 <= at < 2**37
            or type(bits) is not int or not 0 <= bits < 8 or type(optin) is not int or optin not in (0, 1)):
        return None
    if type(services) is not list or not all(type(v) is str for v in services) or type(method) is not str:
        return None
    if len(set(services)) != len(services):
        return None
    return _constructed({"id": consent_id, "ver": version, "fp": fingerprint, "at": at,
                         "ok": [name for bit, name in _BITS.items() if bits & bit], "m": method, "l": locale,
                         "sv": services, "g": optin})


@settings(max_examples=400, deadline=None)
@given(st.one_of(_v2_payloads(), _near_valid_v2()))
def test_a_signed_v2_payload_decodes_exactly_when_the_class_accepts_it(payload: list[Any]) -> None:
    """Differential, v2: decode(forged signed array) is the state ConsentState(...) builds, or None when it (or the
    format's own rules for times, bits and digests) refuses."""
    assert _constructed_v2(payload) == CODEC.decode(_forge_v2(payload))


@settings(max_examples=200, deadline=None)
@given(rks.consent_states())
def test_v2_decoded_states_behave_as_constructed_ones(state: ConsentState) -> None:
    """A state decoded from v2 equals, hashes and answers like the original (the trusted path sets every field)."""
    decoded = CODEC_V2.decode(CODEC_V2.encode(state))
    assert decoded is not None
    assert state == decoded
    assert hash(state) == hash(decoded)
    assert (state.choices, False) == (decoded.choices, decoded.gpc)


# -- format v3 ------------------------------------------------------------------------------------------------------

_FIELD_TEXT = st.one_of(_TEXT.map(lambda t: t.replace("~", "")), st.text("0123456789", max_size=13),
                        st.text("ab!-_09", max_size=12))


def _valid_v3() -> st.SearchStrategy[list[str]]:
    canonical = _DIGESTS.map(lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode())
    return st.tuples(st.from_regex(r"[A-Za-z0-9_-]{16,64}", fullmatch=True), st.integers(0, 2**37 - 1).map(str),
                     canonical, canonical, st.integers(0, 7).map(str), _METHOD_NAMES, _LOCALES,
                     _SERVICE_KEYS.map(lambda keys: "!".join(sorted(keys))), st.sampled_from(["0", "1"])).map(list)


def _near_valid_v3() -> st.SearchStrategy[list[str]]:
    """A valid v3 field list with at most one field replaced by other text, or one field dropped or added."""
    def change(fields: list[str], index: int, value: str, how: int) -> list[str]:
        if index >= len(fields):
            return fields
        if how == 0:
            return fields[:index] + fields[index + 1:]
        if how == 1:
            return [*fields[:index], value, *fields[index:]]
        return [*fields[:index], value, *fields[index + 1:]]

    return st.builds(change, _valid_v3(), st.integers(0, 11), _FIELD_TEXT, st.integers(0, 5))


def _constructed_v3(fields: list[str]) -> ConsentState | None:
    """The test's own reading of v3's rules (nine fields, a canonical decimal time, canonical digests, one bit digit,
    a 0/1 flag, services sorted without repeats), then whatever ConsentState decides."""
    if len(fields) != 9:
        return None
    consent_id, at, version_field, fingerprint_field, bits, method, locale, services, optin = fields
    version, fingerprint = _expanded(version_field), _expanded(fingerprint_field)
    if version is None or fingerprint is None or bits not in list("01234567") or optin not in ("0", "1"):
        return None
    if not at.isascii() or not at.isdigit() or str(int(at)) != at or int(at) >= 2**37:
        return None
    keys = services.split("!") if services else []
    if keys != sorted(set(keys)):
        return None
    return _constructed({"id": consent_id, "ver": version, "fp": fingerprint, "at": int(at),
                         "ok": [name for bit, name in _BITS.items() if int(bits) & bit], "m": method,
                         "l": locale, "sv": keys, "g": int(optin)})


def _forge_v3(fields: list[str]) -> str:
    """The fields signed correctly (hex HMAC-SHA256 of 'v3.<payload>' with the derived key)."""
    message = "v3." + "~".join(fields)
    return f"{message}.{hmac.new(derive_key(SECRET), message.encode(), hashlib.sha256).hexdigest()}"


@settings(max_examples=400, deadline=None)
@given(st.one_of(_near_valid_v3(), st.lists(_FIELD_TEXT, min_size=9, max_size=9)))
def test_a_signed_v3_payload_decodes_exactly_when_the_class_accepts_it(fields: list[str]) -> None:
    """Differential, v3: decode(signed fields) is the state ConsentState(...) builds, or None when it (or the
    format's own rules for times, digests, bits, flags and the services list) refuses; a non-ASCII value is
    refused whole."""
    value = _forge_v3(fields) if "~".join(fields).isascii() else None
    expected = _constructed_v3(fields) if value is not None else None
    assert expected == (CODEC.decode(value) if value is not None else None)


@settings(max_examples=200, deadline=None)
@given(rks.consent_states())
def test_v3_decoded_states_behave_as_constructed_ones(state: ConsentState) -> None:
    """A state decoded from v3 equals, hashes and answers like the original (the trusted path sets every field)."""
    decoded = CODEC.decode(CODEC.encode(state))
    assert decoded is not None
    assert state == decoded
    assert hash(state) == hash(decoded)
    assert (state.choices, False) == (decoded.choices, decoded.gpc)
