"""The published statement (tietosuojaseloste) and its site-wide parts: cookies, rights, children."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cached_property
from typing import Any

from attrs import define, field

from rekisterikit.model.consent import ConsentSettings
from rekisterikit.model.enums import (
    CookieCategory,
    CookieConsentMechanism,
    LegalBasis,
    Party,
    RequestChannel,
    Right,
    StorageKind,
)
from rekisterikit.model.parties import Controller, Dpo, Representative, non_blank
from rekisterikit.model.records import ProcessingRecord
from rekisterikit.model.register import Register, unique
from rekisterikit.model.values import Country, Duration, Language, LocalizedText

__all__ = [
    "Children",
    "Cookie",
    "CookiePolicy",
    "Directives",
    "Ignore",
    "Rights",
    "Statement",
]


@define(frozen=True, kw_only=True)
class Cookie:
    """A cookie or similar technique (local storage, pixel) that stores or reads data on the visitor's device.

    Attributes:
        name: the cookie's name, or a pattern with ``*`` (``"_ga_*"``).
        provider: who sets it or receives its data (``"Google Ireland Ltd"``); the shop itself for first-party.
        party: first or third party.
        category: necessary, preferences, statistics or marketing.
        purpose: what it is for, in plain words.
        duration: how long it lives (ISO 8601, or ``"session"``).
        country: where the provider processes the data.
        legal_basis: the basis the statement gives; non-necessary cookies must rest on consent.
        storage: cookie, local storage, session storage or pixel.
        domain: the domain it is set on, for third-party cookies.
        user_choice: a ``preferences`` cookie that only remembers a setting the visitor chose explicitly (language,
            currency, display) and is set only when they choose it: a service the user explicitly requested, for
            which 917/2014 205 § 2 mom needs no consent (Art. 29 WP Opinion 04/2012, user-interface customisation
            cookies). A preference the site sets on its own still needs consent.
    """

    name: str = field(validator=non_blank)
    provider: str | None = field(default=None, validator=non_blank)
    party: Party | None = None
    category: CookieCategory | None = None
    purpose: LocalizedText | None = None
    duration: Duration | None = None
    country: Country | None = None
    legal_basis: LegalBasis | None = None
    storage: StorageKind = StorageKind.COOKIE
    domain: str | None = field(default=None, validator=non_blank)
    user_choice: bool = False

    @property
    def needs_consent(self) -> bool:
        """Whether the cookie may only be set with consent: its category needs it, unless it is a ``preferences``
        cookie that only stores the visitor's explicit choice (``user_choice``). A cookie without a category is
        not judged here."""
        if self.category is None:
            return False
        return self.category.needs_consent and not (self.user_choice and self.category is CookieCategory.PREFERENCES)

    def matches(self, cookie_name: str) -> bool:
        """Whether a cookie called ``cookie_name`` is this one (``*`` in the name matches any characters)."""
        from fnmatch import fnmatchcase

        return fnmatchcase(cookie_name, self.name) if "*" in self.name else cookie_name == self.name


@define(frozen=True, kw_only=True)
class CookiePolicy:
    """How the statement says cookie consent is asked and withdrawn.

    The defaults describe rekisterikit's own consent banner: a prior opt-in with nothing pre-ticked, "reject all"
    on the first layer and a way to change the choice at any time.
    """

    consent: CookieConsentMechanism = CookieConsentMechanism.OPT_IN
    preticked: bool = False
    reject_first_layer: bool = True
    withdraw: bool = True
    cookie_wall: bool = False
    text: LocalizedText | None = None


_ALL_RIGHTS = tuple(Right)


@define(frozen=True, kw_only=True)
class Rights:
    """What the statement tells data subjects about their rights and how to exercise them.

    The defaults describe a statement rendered by rekisterikit, which explains every right with the library's
    standard clauses. A statement modelled as published lists only the rights it mentions.

    Attributes:
        listed: the rights the statement explains (GDPR 15–18, 20, 21).
        objection_separate: the right to object is shown clearly and separately (GDPR 21(4)).
        withdraw_consent: the right to withdraw consent at any time is explained (GDPR 13(2)(c)).
        complaint: the right to complain to a supervisory authority is explained (GDPR 13(2)(d), 77).
        complaint_text: the complaint clause as published, when it replaces the standard one.
        request_channels: how requests can be made; empty means through the controller's contact details.
        signed_request_required: requests must be signed letters (a Henkilötietolaki-era requirement).
        fee_charged: the statement charges for requests.
        response_days: the promised response time in days, when the statement gives one.
        text: further wording about rights as published.
    """

    listed: tuple[Right, ...] = field(default=_ALL_RIGHTS, validator=unique)
    objection_separate: bool = True
    withdraw_consent: bool = True
    complaint: bool = True
    complaint_text: LocalizedText | None = None
    request_channels: tuple[RequestChannel, ...] = field(default=(), validator=unique)
    signed_request_required: bool = False
    fee_charged: bool = False
    response_days: int | None = None
    text: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        if self.response_days is not None and self.response_days < 1:
            raise ValueError(f"response_days must be at least 1, not {self.response_days}")


@define(frozen=True, kw_only=True)
class Children:
    """Whether the service is offered to children and how their consent is handled (GDPR 8)."""

    offered_to_children: bool
    minimum_age: int | None = None
    parental_consent: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        if self.minimum_age is not None and not 0 <= self.minimum_age <= 18:
            raise ValueError(f"minimum_age must be between 0 and 18, not {self.minimum_age}")


@define(frozen=True, kw_only=True)
class Ignore:
    """A validator rule the shop chooses to ignore, with the reason (like a linter's ``noqa``)."""

    rule: str = field(validator=non_blank)
    reason: str = field(validator=non_blank)
    path: str | None = field(default=None, validator=non_blank)


@define(frozen=True, kw_only=True)
class Directives:
    """Instructions to rekisterikit itself, written in the ``[rekisterikit]`` table of a statement file.

    They are not part of the published content and do not change the statement's version.
    """

    ignore: tuple[Ignore, ...] = ()


def _languages(instance: object, attribute: Any, value: tuple[Language, ...]) -> None:
    if not value:
        raise ValueError("languages: give at least one language")
    repeated = [str(v) for v, n in Counter(value).items() if n > 1]
    if repeated:
        raise ValueError(f"languages: repeated {', '.join(repeated)}")


def _unique_register_keys(instance: object, attribute: Any, value: tuple[Register, ...]) -> None:
    repeated = sorted(k for k, n in Counter(r.key for r in value).items() if n > 1)
    if repeated:
        raise ValueError(f"registers: repeated key {', '.join(repeated)}")


def _record_registers(instance: Any, attribute: Any, value: ProcessingRecord | None) -> None:
    # attrs runs validators after every field is set, so the registers are there to compare with.
    if value is None:
        return
    known = {r.key for r in instance.registers}
    unknown = [f"registers[{i}].register: unknown register {e.register!r}"
               for i, e in enumerate(value.registers) if e.register not in known]
    if unknown:
        raise ValueError("; ".join(unknown))


@define(frozen=True, kw_only=True)
class Statement:
    """A privacy statement (tietosuojaseloste): everything a shop publishes about its processing.

    Attributes:
        controller: who is responsible.
        registers: the registers and their purposes.
        languages: the languages the statement is published in; the first is the default.
        updated: when the statement was last changed.
        title: the document's title as published.
        intro: an introduction as published.
        cites: laws and documents the statement cites by name, as published (e.g. ``"Henkilötietolaki
            (523/1999) 10 §"``).
        dpo: the data protection officer, when one is designated.
        eu_representative: the EU representative of a non-EU controller.
        cookies: the cookie declaration.
        no_cookies: the statement says explicitly that the site uses no cookies or similar techniques (``cookies =
            []`` in a file); an empty ``cookies`` without it means the statement does not say.
        cookie_policy: how cookie consent is asked.
        consent: the consent banner's named services and the shop's own banner texts (``[consent]``).
        rights: what the statement says about rights.
        children: whether the service is offered to children.
        changes: how changes to the statement are announced.
        directives: instructions to rekisterikit (ignored rules), not published.
        record: the internal part of the Art. 30 record (data subjects, security measures), not published.
    """

    controller: Controller
    registers: tuple[Register, ...] = field(default=(), validator=_unique_register_keys)
    languages: tuple[Language, ...] = field(default=(Language.FI,), validator=_languages)
    updated: dt.date | None = None
    title: LocalizedText | None = None
    intro: LocalizedText | None = None
    cites: tuple[str, ...] = ()
    dpo: Dpo | None = None
    eu_representative: Representative | None = None
    cookies: tuple[Cookie, ...] = ()
    no_cookies: bool = False
    cookie_policy: CookiePolicy = field(factory=CookiePolicy)
    consent: ConsentSettings | None = None
    rights: Rights = field(factory=Rights)
    children: Children | None = None
    changes: LocalizedText | None = None
    directives: Directives = field(factory=Directives)
    record: ProcessingRecord | None = field(default=None, validator=_record_registers)

    def __attrs_post_init__(self) -> None:
        if self.no_cookies and self.cookies:
            raise ValueError("no_cookies: the statement declares cookies, so it cannot also say there are none")

    @property
    def default_language(self) -> Language:
        """The statement's default language: the first of ``languages``."""
        return self.languages[0]

    @cached_property
    def version(self) -> str:
        """A stable content hash, ``"sha256:<hex>"``, of the published content (directives and record excluded)."""
        from rekisterikit.model.version import statement_version

        return statement_version(self)

    def cookies_in(self, category: CookieCategory) -> tuple[Cookie, ...]:
        """The declared cookies of ``category``."""
        return tuple(c for c in self.cookies if c.category is category)
