"""Value types: business ids, countries, durations, localized text, contact strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisterikit.model import BusinessId, Country, Duration, Language, LocalizedText
from rekisterikit.model.values import business_id_check_digit
from rekisterikit.testing import strategies as rks


@pytest.mark.parametrize("value", ["0956453-1", "2631357-4", "2309658-6", "0000000-0"])
def test_real_business_ids_are_accepted(value: str) -> None:
    """The seed shops' Y-tunnus values (and the all-zero id, remainder 0) pass the check digit."""
    assert value == str(BusinessId(value))


@pytest.mark.parametrize(("value", "reason"), [
    ("1234567-8", "check digit"), ("0956453-2", "check digit"), ("956453-1", "format"),
    ("0956453 1", "format"), ("09564531", "format"), ("", "format"), ("abcdefg-1", "format"),
])
def test_malformed_business_ids_are_rejected_with_reason(value: str, reason: str) -> None:
    """A bad Y-tunnus is rejected and the message says whether the format or the check digit is wrong."""
    with pytest.raises(ValueError, match=reason):
        BusinessId(value)


def test_remainder_one_has_no_valid_check_digit() -> None:
    """Seven digits whose weighted sum leaves remainder 1 modulo 11 cannot form a business id."""
    digits = next(f"{n:07d}" for n in range(10_000_000) if sum(
        int(d) * w for d, w in zip(f"{n:07d}", (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11 == 1)
    assert business_id_check_digit(digits) is None
    for check in range(10):
        with pytest.raises(ValueError, match="check digit"):
            BusinessId(f"{digits}-{check}")


@given(rks.business_ids())
def test_every_generated_business_id_is_accepted(business_id: BusinessId) -> None:
    """Every id the strategy generates round-trips through the constructor."""
    assert business_id == BusinessId(business_id.value)


@given(rks.business_ids(), st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_every_single_digit_corruption_is_rejected(business_id: BusinessId, position: int, delta: int) -> None:
    """Changing any one digit (the check digit included) of a valid id makes it invalid.

    The weights 7, 9, 10, 5, 8, 4, 2 are all non-zero modulo 11, so a single changed digit always changes the
    expected check digit, or the check digit itself no longer matches.
    """
    chars = list(business_id.value)
    index = position if position < 7 else 8
    chars[index] = str((int(chars[index]) + delta) % 10)
    with pytest.raises(ValueError, match="check digit"):
        BusinessId("".join(chars))


def test_country_codes_are_iso_upper_case() -> None:
    """Known codes pass; lower case, unknown and non-country codes are rejected with the offending value."""
    assert "FI" == str(Country("FI"))
    assert "US" == Country("US").code
    for bad in ("fi", "XX", "EU", "FIN", "", "IC", "EA", "AC"):
        with pytest.raises(ValueError, match="unknown country code"):
            Country(bad)


@pytest.mark.parametrize(("text", "expected"), [
    ("P6Y", Duration(years=6)), ("P13M", Duration(months=13)), ("PT30M", Duration(minutes=30)),
    ("P1Y2M3W4DT5H6M7S", Duration(years=1, months=2, weeks=3, days=4, hours=5, minutes=6, seconds=7)),
    ("session", Duration(session=True)), ("P0D", Duration()),
])
def test_durations_parse_and_print(text: str, expected: Duration) -> None:
    """ISO 8601 durations and 'session' parse, and print back as the same string."""
    assert expected == Duration.parse(text)
    assert text == str(expected)


@pytest.mark.parametrize("text", ["-P1Y", "P-1Y", "P", "PT", "P1YT", "2 years", "1Y", "P1.5Y", ""])
def test_malformed_durations_are_rejected(text: str) -> None:
    """Negative, empty and non-ISO durations are rejected."""
    with pytest.raises(ValueError, match="duration"):
        Duration.parse(text)


def test_negative_duration_fields_are_rejected() -> None:
    """A negative component cannot be constructed directly either."""
    with pytest.raises(ValueError, match="negative duration"):
        Duration(days=-1)
    with pytest.raises(ValueError, match="session"):
        Duration(session=True, days=1)


@given(rks.durations())
def test_duration_string_round_trip(duration: Duration) -> None:
    """Printing and parsing a duration gives an equal duration."""
    assert duration == Duration.parse(str(duration))


def test_approximate_length() -> None:
    """Durations compare by their approximate length in years."""
    assert 6.0 == pytest.approx(Duration(years=6).approximate_years)
    assert 6.0 == pytest.approx(Duration(months=72).approximate_years)
    assert Duration(months=13).approximate_days > Duration(years=1).approximate_days


def test_localized_text_resolves_with_fallback() -> None:
    """A missing locale falls back, and the caller learns the real language of the text."""
    text = LocalizedText(fi="Tilaukset", en="Orders")
    assert ("Orders", Language.EN) == text.resolve("en")
    assert ("Tilaukset", Language.FI) == text.resolve("sv", (Language.FI,))
    assert (Language.FI, Language.EN) == text.languages
    assert text.get("sv") is None


def test_localized_text_rejects_empty() -> None:
    """A text with no language, or a blank one, is malformed."""
    with pytest.raises(ValueError, match="no language"):
        LocalizedText()
    with pytest.raises(ValueError, match="empty"):
        LocalizedText(fi="  ")


def test_the_shipped_country_codes_are_cldrs_assigned_codes() -> None:
    """The model's ISO 3166-1 list equals Babel's CLDR territories less reserved, grouping and private-use codes."""
    from babel import Locale

    from rekisterikit.model.countries import ISO_3166_ALPHA2

    not_countries = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"}
    cldr = {c for c in Locale("en").territories if isinstance(c, str) and len(c) == 2 and c.isalpha() and c.isupper()}
    assert cldr - not_countries == ISO_3166_ALPHA2
