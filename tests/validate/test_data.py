"""The dated reference data: EEA members, adequacy decisions and providers commonly outside the EEA."""

from __future__ import annotations

import datetime as dt

from rekisterikit.validate import data


def test_eea_has_the_27_member_states_and_the_three_efta_states() -> None:
    """The EEA list holds the EU-27 plus Iceland, Liechtenstein and Norway, and no Swiss or British code."""
    eea = data.eea()
    assert {"FI", "SE", "DE", "GR", "IS", "LI", "NO", "AX"} <= eea.codes
    assert not {"CH", "GB", "US", "EL", "FO", "GL"} & eea.codes
    assert 30 == len(eea.codes - {"AX", "GF", "GP", "MQ", "RE", "YT", "MF"})
    assert eea.as_of <= dt.date.today()
    assert eea.sources


def test_adequacy_list_is_dated_and_marks_the_us_as_dpf_only() -> None:
    """The adequacy list has its date, the US only under the DPF, and a decision for each listed country."""
    as_of, decisions = data.adequacy()
    assert as_of >= dt.date(2026, 1, 26)
    assert "dpf" == decisions["US"].framework
    assert "(EU) 2023/1795" == decisions["US"].decision
    assert {"AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY", "US"} == set(
        decisions)
    assert dt.date(2031, 12, 27) == decisions["GB"].valid_until
    assert all(d.verified in ("V", "S", "M") for d in decisions.values())


def test_providers_are_dated_outside_the_eea_and_matched_as_whole_words() -> None:
    """Every listed provider group is placed outside the EEA; names match whole words only, cookies by pattern."""
    as_of, providers = data.providers()
    assert as_of <= dt.date.today()
    assert [] == [p.name for p in providers if p.country in data.eea().codes]
    by_name = {p.name: p for p in providers}
    google, meta = by_name["Google"], by_name["Meta"]
    assert google.named_in("Google Ireland Limited (Google Analytics)")
    assert not google.named_in("Googleplex Oy"), "a whole word, not a prefix"
    assert meta.named_in("Meta Platforms Ireland Limited")
    assert not meta.named_in("Metallityö Oy")
    assert google.sets_cookie("_ga_ABC123")
    assert google.sets_cookie("_ga_*")
    assert not google.sets_cookie("_gax")
