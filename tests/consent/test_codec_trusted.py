"""The codec's trusted decoding path decides exactly as ConsentState's own converters and validators would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisterikit.consent.codec import ConsentCodec
from rekisterikit.consent.state import ConsentState
from rekisterikit.testing import strategies as rks
from tests.consent.shop import SECRET
from tests.consent.test_codec import _forge

CODEC = ConsentCodec(SECRET)

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


@settings(max_examples=400, deadline=None)
@given(_payloads())
def test_a_signed_payload_decodes_exactly_when_the_class_accepts_it(payload: dict[str, Any]) -> None:
    """Differential: decode(forged signed payload) is the state ConsentState(...) builds, or None when it refuses."""
    assert _constructed(payload) == CODEC.decode(_forge(payload))


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
