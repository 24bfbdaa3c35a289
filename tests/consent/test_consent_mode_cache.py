"""The Consent Mode parameters and script are kept per grant set and settings: for any sequence of calls the
cached script is byte for byte what the former uncached builder wrote (a reference copy below), and the mapping
handed out is a fresh dict each time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from rekisterikit.consent import ConsentState, consent_mode, consent_mode_script
from rekisterikit.consent.consent_mode import CONSENT_TYPES
from rekisterikit.model import CookieCategory

OPTIONAL = [CookieCategory.PREFERENCES, CookieCategory.STATISTICS, CookieCategory.MARKETING]


def _state(granted: frozenset[CookieCategory]) -> ConsentState:
    return ConsentState(consent_id="M" * 22, version="sha256:v", fingerprint="sha256:f",
                        given_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), granted=granted, method="custom",
                        locale="fi")


def _reference_mode(state: ConsentState | None) -> dict[str, str]:
    return {name: "granted" if category is CookieCategory.NECESSARY or (state is not None and state.allows(category))
            else "denied" for name, category in CONSENT_TYPES.items()}


def _js(value: object) -> str:
    text = json.dumps(value, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _reference(state: ConsentState | None, *, command: str, nonce: str | None, wait_for_update: int | None,
               regions: Sequence[str] | None, other_regions: str, ads_data_redaction: bool | None,
               url_passthrough: bool | None, values: Mapping[str, str] | None) -> Markup:
    """The script as consent_mode_script wrote it before its parts were cached."""
    lines = ["window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"]
    if command == "default":
        denied: dict[str, object] = dict(_reference_mode(None))
        if wait_for_update is not None:
            denied["wait_for_update"] = int(wait_for_update)
        if regions is not None:
            elsewhere = {k: ("granted" if v == "granted" else other_regions) for k, v in _reference_mode(None).items()}
            lines.append(f"gtag('consent','default',{_js(elsewhere)});")
            denied["region"] = list(regions)
        lines.append(f"gtag('consent','default',{_js(denied)});")
        if ads_data_redaction is not None:
            lines.append(f"gtag('set','ads_data_redaction',{_js(bool(ads_data_redaction))});")
        if url_passthrough is not None:
            lines.append(f"gtag('set','url_passthrough',{_js(bool(url_passthrough))});")
    if state is not None or command == "update":
        update = dict(values) if values is not None else _reference_mode(state)
        lines.append(f"gtag('consent','update',{_js(update)});")
    body = Markup("\n".join(lines))
    if nonce is not None:
        return Markup('<script nonce="{}">\n{}\n</script>').format(nonce, body)
    return Markup("<script>\n{}\n</script>").format(body)


_GRANTS = st.frozensets(st.sampled_from(OPTIONAL))
_CALLS = st.fixed_dictionaries({
    "state": st.none() | _GRANTS.map(_state),
    "command": st.sampled_from(["default", "update"]),
    "nonce": st.none() | st.sampled_from(["n0nce", 'a"<b>&']),
    "wait_for_update": st.none() | st.sampled_from([0, 500, 2000]),
    "regions": st.none() | st.lists(st.sampled_from(["FI", "SE", "US-CA"]), max_size=3, unique=True),
    "other_regions": st.sampled_from(["denied", "granted"]),
    "ads_data_redaction": st.none() | st.booleans(),
    "url_passthrough": st.none() | st.booleans(),
    "values": st.none() | st.dictionaries(st.sampled_from(sorted(CONSENT_TYPES)),
                                          st.sampled_from(["granted", "denied"]), min_size=1),
})


@settings(max_examples=200, deadline=None)
@given(st.lists(_CALLS, min_size=1, max_size=8))
def test_the_cached_script_is_the_uncached_one(calls: list[dict[str, object]]) -> None:
    """Whatever came before, each call gives the bytes the uncached builder gave for its arguments."""
    for call in calls:
        assert _reference(**call) == consent_mode_script(**call)  # type: ignore[arg-type]


@given(_GRANTS)
def test_the_mapping_is_a_fresh_dict(granted: frozenset[CookieCategory]) -> None:
    """consent_mode() is the reference mapping, and changing what it returned changes nothing later."""
    state = _state(granted)
    first = consent_mode(state)
    first["security_storage"] = "denied"
    assert (_reference_mode(state), _reference_mode(None)) == (consent_mode(state), consent_mode(None))
