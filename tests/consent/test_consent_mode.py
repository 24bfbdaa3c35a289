"""Tests of the Google Consent Mode v2 mapping and script."""

from __future__ import annotations

import datetime as dt

import pytest

from rekisterikit.consent import ConsentState, consent_mode, consent_mode_script

ALL_DENIED = {"ad_storage": "denied", "ad_user_data": "denied", "ad_personalization": "denied",
              "analytics_storage": "denied", "functionality_storage": "denied",
              "personalization_storage": "denied", "security_storage": "granted"}


def _state(*granted: str) -> ConsentState:
    return ConsentState(consent_id="M" * 22, version="sha256:v", fingerprint="sha256:f",
                        given_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), granted=granted, method="custom",
                        locale="fi")


def test_no_consent_denies_all_but_security() -> None:
    """Without consent every type is denied except security_storage."""
    assert ALL_DENIED == consent_mode(None)


@pytest.mark.parametrize(("granted", "types"), [
    ("marketing", {"ad_storage", "ad_user_data", "ad_personalization"}),
    ("statistics", {"analytics_storage"}),
    ("preferences", {"functionality_storage", "personalization_storage"}),
])
def test_each_category_grants_its_types(granted: str, types: set[str]) -> None:
    """Each category grants exactly its Consent Mode types."""
    expected = {k: "granted" if k in types else v for k, v in ALL_DENIED.items()}
    assert expected == consent_mode(_state(granted))


def test_default_script_denies_first_then_updates() -> None:
    """The default script sets everything denied, then updates with the visitor's choice."""
    script = str(consent_mode_script(_state("statistics"), nonce="n0nce"))
    assert script.startswith('<script nonce="n0nce">')
    default_at, update_at = script.index("gtag('consent','default'"), script.index("gtag('consent','update'")
    assert default_at < update_at
    assert '"wait_for_update":500' in script
    assert '"analytics_storage":"granted"' in script[update_at:]


def test_default_script_without_consent_has_no_update() -> None:
    """Without a consent only the denied default is sent."""
    script = str(consent_mode_script(None))
    assert ("<script>", True, False) == (script[:8], "'default'" in script, "'update'" in script)


def test_nonce_is_escaped() -> None:
    """A nonce cannot break out of its attribute."""
    assert '<script nonce="&#34;&gt;&lt;x">' in str(consent_mode_script(None, nonce='"><x'))


def test_update_command_only() -> None:
    """command='update' emits only the update call."""
    script = str(consent_mode_script(_state("marketing"), command="update", wait_for_update=None))
    assert ("'default'" in script, "'update'" in script) == (False, True)


def test_unknown_command_is_refused() -> None:
    """Only 'default' and 'update' exist."""
    with pytest.raises(ValueError, match="command"):
        consent_mode_script(None, command="grant")  # type: ignore[arg-type]


def test_region_defaults_redaction_and_passthrough() -> None:
    """Region-specific defaults: denied in the listed regions, the chosen default elsewhere; ads_data_redaction and
    url_passthrough are set with gtag('set', …)."""
    from rekisterikit.consent import consent_mode_script

    script = str(consent_mode_script(None, regions=["FI", "SE", "US-CA"], other_regions="granted",
                                     url_passthrough=True))
    assert "\"ad_storage\":\"granted\"" in script.split("\n")[2]
    assert "\"region\":[\"FI\",\"SE\",\"US-CA\"]" in script.split("\n")[3]
    assert "gtag('set','ads_data_redaction',true);" in script
    assert "gtag('set','url_passthrough',true);" in script


def test_bad_regions_and_values_are_refused() -> None:
    """A region that is not an ISO code, or an update value that is not granted/denied, raises ValueError."""
    import pytest

    from rekisterikit.consent import consent_mode_script

    with pytest.raises(ValueError, match="invalid Consent Mode region"):
        consent_mode_script(None, regions=["fi');alert(1);//"])
    with pytest.raises(ValueError, match="invalid consent mode value"):
        consent_mode_script(None, command="update", values={"ad_storage": "yes"})
