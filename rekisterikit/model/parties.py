"""Who is responsible: the controller, its contact person, DPO and EU representative."""

from __future__ import annotations

from typing import Any

from attrs import define, field

from rekisterikit.model.enums import RepresentativeExemption
from rekisterikit.model.values import (
    BusinessId,
    Country,
    LocalizedText,
    validate_email,
    validate_phone,
    validate_url,
)

__all__ = ["ContactPerson", "Controller", "Dpo", "PostalAddress", "Representative"]

FINLAND = Country("FI")


def non_blank(instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: a string that is not empty or only white space (``None`` passes)."""
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} is empty")


@define(frozen=True, kw_only=True)
class PostalAddress:
    """A postal address. ``street`` may also be a P.O. box (``PL 800``)."""

    street: str | None = field(default=None, validator=non_blank)
    postal_code: str | None = field(default=None, validator=non_blank)
    city: str = field(validator=non_blank)
    country: Country = FINLAND

    def lines(self) -> tuple[str, ...]:
        """The address as printed lines (street, postal code and city)."""
        city = " ".join(p for p in (self.postal_code, self.city) if p)
        return tuple(p for p in (self.street, city) if p)


@define(frozen=True, kw_only=True)
class ContactPerson:
    """The person to contact in matters of the register (rekisteriasioita hoitava henkilö)."""

    name: str = field(validator=non_blank)
    role: LocalizedText | None = None
    email: str | None = field(default=None, validator=validate_email)
    phone: str | None = field(default=None, validator=validate_phone)


@define(frozen=True, kw_only=True)
class Controller:
    """The controller (rekisterinpitäjä): who decides why and how personal data is processed.

    Attributes:
        legal_name: the registered name, when ``name`` is a brand or shop name (``"Confetti"`` of
            ``"Juhlatarvike Oy"``).
        legal_form: the legal form as published (``"Oy"``, ``"toiminimi"``, ``"yksityinen elinkeinonharjoittaja"``).
        representative_exemption: for a controller outside the EU without a representative, the GDPR 27(2)
            exemption it relies on.
    """

    name: str = field(validator=non_blank)
    legal_name: str | None = field(default=None, validator=non_blank)
    legal_form: str | None = field(default=None, validator=non_blank)
    business_id: BusinessId | None = None
    address: PostalAddress | None = None
    email: str | None = field(default=None, validator=validate_email)
    phone: str | None = field(default=None, validator=validate_phone)
    website: str | None = field(default=None, validator=validate_url)
    contact_person: ContactPerson | None = None
    country: Country = FINLAND
    representative_exemption: RepresentativeExemption | None = None

    @property
    def has_contact(self) -> bool:
        """Whether at least one contact channel (address, e-mail, phone) is given for the controller itself."""
        return any(x is not None for x in (self.address, self.email, self.phone))


@define(frozen=True, kw_only=True)
class Dpo:
    """A data protection officer (tietosuojavastaava). Present only when one is designated."""

    name: str | None = field(default=None, validator=non_blank)
    email: str | None = field(default=None, validator=validate_email)
    phone: str | None = field(default=None, validator=validate_phone)
    address: PostalAddress | None = None

    @property
    def has_contact(self) -> bool:
        """Whether any contact channel of the DPO is given (GDPR 13(1)(b) needs one; a name is not enough)."""
        return any(x is not None for x in (self.email, self.phone, self.address))


@define(frozen=True, kw_only=True)
class Representative:
    """The EU representative of a controller established outside the EU (GDPR 27)."""

    name: str = field(validator=non_blank)
    address: PostalAddress | None = None
    email: str | None = field(default=None, validator=validate_email)
    phone: str | None = field(default=None, validator=validate_phone)
