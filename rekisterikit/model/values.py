"""Value types: languages, shop-written text, business ids, countries, durations and contact strings."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from attrs import define, field

from rekisterikit.model.countries import ISO_3166_ALPHA2

__all__ = [
    "BusinessId",
    "Country",
    "Duration",
    "Language",
    "LocalizedText",
    "validate_email",
    "validate_phone",
    "validate_url",
]


class Language(StrEnum):
    """A language a statement can be published in (ISO 639-1)."""

    FI = "fi"
    SV = "sv"
    EN = "en"


def _check_text(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name}: text is empty")


@define(frozen=True, kw_only=True)
class LocalizedText:
    """Shop-written text in any subset of Finnish, Swedish and English.

    In a statement file it is either a table (``{ fi = "…", en = "…" }``) or a plain string, which is taken to be
    in the statement's default language.
    """

    fi: str | None = field(default=None, validator=_check_text)
    sv: str | None = field(default=None, validator=_check_text)
    en: str | None = field(default=None, validator=_check_text)

    def __attrs_post_init__(self) -> None:
        if self.fi is None and self.sv is None and self.en is None:
            raise ValueError("text has no language: give at least one of fi, sv, en")

    @classmethod
    def of(cls, text: str, language: Language | str) -> LocalizedText:
        """Make a text in one language.

        Args:
            text: the text.
            language: its language code (``"fi"``, ``"sv"`` or ``"en"``).

        Returns:
            The localized text.
        """
        return cls(**{Language(language).value: text})

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages this text is available in, in fi, sv, en order."""
        return tuple(lang for lang in Language if getattr(self, lang.value) is not None)

    def get(self, language: Language | str) -> str | None:
        """Return the text in exactly ``language``, or ``None`` when it is missing."""
        value: str | None = getattr(self, Language(language).value)
        return value

    def resolve(self, language: Language | str, fallbacks: tuple[Language, ...] = ()) -> tuple[str, Language]:
        """Return the text in ``language`` or, failing that, the first available fallback.

        Args:
            language: the wanted language.
            fallbacks: languages to try next, in order; after them any available language is used.

        Returns:
            The text and the language it is really in, so a renderer can mark a fallback with its true ``lang``.
        """
        for lang in (Language(language), *fallbacks, *Language):
            value = self.get(lang)
            if value is not None:
                return value, lang
        raise AssertionError("unreachable: a LocalizedText always has a language")  # pragma: no cover

    def texts(self) -> tuple[str, ...]:
        """All the text variants this object holds."""
        return tuple(t for t in (self.fi, self.sv, self.en) if t is not None)


_BUSINESS_ID = re.compile(r"\d{7}-\d")
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(digits: str) -> int | None:
    """Return the check digit for the seven digits of a Finnish business id, or ``None`` if none is valid.

    The digits are weighted 7, 9, 10, 5, 8, 4, 2; the sum's remainder modulo 11 gives the check digit: 0 for
    remainder 0, ``11 - remainder`` otherwise; remainder 1 yields no valid id.
    """
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def _check_business_id(instance: object, attribute: Any, value: str) -> None:
    if not _BUSINESS_ID.fullmatch(value):
        raise ValueError(f"invalid business id {value!r} (format NNNNNNN-C, e.g. '0956453-1')")
    if business_id_check_digit(value[:7]) != int(value[8]):
        raise ValueError(f"invalid business id {value!r} (check digit)")


@define(frozen=True)
class BusinessId:
    """A Finnish business id (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit."""

    value: str = field(validator=_check_business_id)

    def __str__(self) -> str:
        return self.value


def iso_country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes rekisterikit accepts (officially assigned ones, :mod:`.countries`)."""
    return ISO_3166_ALPHA2


def _check_country(instance: object, attribute: Any, value: str) -> None:
    if value not in iso_country_codes():
        raise ValueError(f"unknown country code {value!r} (ISO 3166-1 alpha-2 in upper case, e.g. 'FI', 'US')")


@define(frozen=True, order=True)
class Country:
    """A country, by its ISO 3166-1 alpha-2 code in upper case."""

    code: str = field(validator=_check_country)

    def __str__(self) -> str:
        return self.code


_DURATION = re.compile(
    r"P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?"
)
_DURATION_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
_APPROX_DAYS = {"years": 365.2425, "months": 30.436875, "weeks": 7.0, "days": 1.0,
                "hours": 1 / 24, "minutes": 1 / 1440, "seconds": 1 / 86400}


def _non_negative(instance: object, attribute: Any, value: int) -> None:
    if value < 0:
        raise ValueError(f"negative duration ({attribute.name}={value})")


@define(frozen=True, kw_only=True)
class Duration:
    """A calendar duration (ISO 8601 ``P2Y``, ``P13M``, ``PT30M``) or the browser session (``"session"``).

    In a statement file a duration is written as its ISO 8601 string or ``"session"``.
    """

    years: int = field(default=0, validator=_non_negative)
    months: int = field(default=0, validator=_non_negative)
    weeks: int = field(default=0, validator=_non_negative)
    days: int = field(default=0, validator=_non_negative)
    hours: int = field(default=0, validator=_non_negative)
    minutes: int = field(default=0, validator=_non_negative)
    seconds: int = field(default=0, validator=_non_negative)
    session: bool = False

    def __attrs_post_init__(self) -> None:
        if self.session and any(getattr(self, u) for u in _DURATION_UNITS):
            raise ValueError("a session duration has no length")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse ``"session"`` or an ISO 8601 duration such as ``"P6Y"`` or ``"P1Y6M"``.

        Raises:
            ValueError: the text is not such a duration, or it is negative.
        """
        if text == "session":
            return cls(session=True)
        if text.startswith("-") or "-" in text:
            raise ValueError(f"negative duration {text!r}")
        match = _DURATION.fullmatch(text)
        if match is None or text in ("P", "PT") or text.endswith("T"):
            raise ValueError(f"invalid duration {text!r} (ISO 8601 such as 'P2Y', 'P13M', 'PT30M', or 'session')")
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        return cls(**parts)  # type: ignore[arg-type]

    @property
    def approximate_days(self) -> float:
        """The length in days, counting a year as 365.2425 days and a month as a twelfth of that."""
        return float(sum(getattr(self, u) * _APPROX_DAYS[u] for u in _DURATION_UNITS))

    @property
    def approximate_years(self) -> float:
        """The length in (average Gregorian) years."""
        return self.approximate_days / 365.2425

    def __str__(self) -> str:
        if self.session:
            return "session"
        date = "".join(f"{getattr(self, u)}{u[0].upper()}" for u in _DURATION_UNITS[:4] if getattr(self, u))
        time = "".join(f"{getattr(self, u)}{u[0].upper()}" for u in _DURATION_UNITS[4:] if getattr(self, u))
        if not date and not time:
            return "P0D"
        return "P" + date + ("T" + time if time else "")


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9][0-9 ()/.\-]{4,}")


def validate_email(instance: object, attribute: Any, value: str | None) -> None:
    """attrs validator: an e-mail address (``name@domain.tld``) or ``None``."""
    if value is not None and not _EMAIL.fullmatch(value):
        raise ValueError(f"invalid e-mail address {value!r}")


def validate_phone(instance: object, attribute: Any, value: str | None) -> None:
    """attrs validator: a telephone number of digits, spaces and ``+()-/.`` or ``None``."""
    if value is not None and not _PHONE.fullmatch(value):
        raise ValueError(f"invalid phone number {value!r}")


def validate_url(instance: object, attribute: Any, value: str | None) -> None:
    """attrs validator: an absolute ``http``/``https`` URL or ``None``."""
    if value is None:
        return
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"invalid URL {value!r} (an absolute http:// or https:// address)")
