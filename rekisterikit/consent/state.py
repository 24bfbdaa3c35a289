"""What the visitor agreed to: the consent state, the consent methods and the consent fingerprint.

A :class:`ConsentState` is bound to two hashes of the statement:

* ``version`` — the statement's :attr:`~rekisterikit.Statement.version`, the exact text the visitor was shown; it is
  kept for proof (GDPR 7(1)) and does *not* by itself invalidate a consent;
* ``fingerprint`` — :func:`consent_fingerprint`, a hash of only what the consent is about (the controller it is
  given to, the cookies that may need consent, their providers and purposes). A consent is valid only while the
  fingerprint is unchanged, so fixing a typo in the controller's address does not make everyone answer again, but
  a new controller or an added marketing cookie does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from attrs import define, field, fields

from rekisterikit.consent.services import Service, services_of
from rekisterikit.model import CookieCategory, Party, Statement, StorageKind

__all__ = [
    "OPTIONAL_CATEGORIES",
    "ConsentMethod",
    "ConsentState",
    "consent_fingerprint",
    "new_consent_id",
    "offered_categories",
    "parse_category",
]

#: The categories a visitor chooses; ``necessary`` is always on and never a choice.
OPTIONAL_CATEGORIES: tuple[CookieCategory, ...] = tuple(c for c in CookieCategory if c.needs_consent)

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_HASH = re.compile(r"[A-Za-z0-9:._-]{1,100}")
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,2}")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class ConsentMethod(StrEnum):
    """How a consent decision was made; recorded with every decision."""

    ACCEPT_ALL = "accept_all"
    """The visitor pressed "accept all" on the banner."""
    REJECT_ALL = "reject_all"
    """The visitor pressed "reject all" on the banner."""
    CUSTOM = "custom"
    """The visitor saved their own choice of categories on the banner."""
    SETTINGS = "settings"
    """The visitor saved a choice on the shop's cookie settings page."""
    GPC = "gpc"
    """The browser's Global Privacy Control signal (``Sec-GPC: 1``), taken as a refusal of consent to the
    categories it covers (marketing by default), turned them off."""
    API = "api"
    """The shop's own code decided on the visitor's behalf, e.g. from an account setting or an app."""
    EMBED = "embed"
    """The visitor allowed a service from an embed's placeholder ("always allow YouTube")."""


def new_consent_id() -> str:
    """Return a new random consent id: 128 bits from :mod:`secrets`, URL-safe base64 (22 characters)."""
    return secrets.token_urlsafe(16)


def parse_category(value: str | CookieCategory) -> CookieCategory:
    """Return the cookie category named ``value``.

    Raises:
        ValueError: no category has that name.
    """
    try:
        return CookieCategory(value)
    except ValueError:
        names = ", ".join(c.value for c in CookieCategory)
        raise ValueError(f"unknown cookie category {value!r} (expected one of: {names})") from None


def _to_utc(value: dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError("given_at must be a timezone-aware datetime")
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _to_categories(value: Iterable[str | CookieCategory]) -> frozenset[CookieCategory]:
    return frozenset(parse_category(c) for c in value)


def _check_token(instance: object, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not _TOKEN.fullmatch(value):
        raise ValueError(f"{attribute.name}: expected 16-64 URL-safe characters, got {value!r}")


def _check_hash(instance: object, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not _HASH.fullmatch(value):
        raise ValueError(f"{attribute.name}: expected a hash such as 'sha256:…', got {value!r}")


def _check_locale(instance: object, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not _LOCALE.fullmatch(value):
        raise ValueError(f"invalid locale {value!r} (a language code such as 'fi', 'sv', 'en' or 'fi-FI')")


#: The most services a consent can allow (a sanity bound). The signed cookie stays small because it lists only the
#: services of categories allowed in part: a wholly granted category implies its services (ConsentCodec's
#: ``implied``), and an encoded value longer than the codec's limit is refused.
MAX_SERVICES = 4096
_SERVICE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _to_keys(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _check_services(instance: object, attribute: Any, value: frozenset[str]) -> None:
    for key in value:
        if not isinstance(key, str) or not _SERVICE_KEY.fullmatch(key):
            raise ValueError(f"invalid service key {key!r}")
    if len(value) > MAX_SERVICES:
        raise ValueError(f"too many services (at most {MAX_SERVICES})")


def _check_granted(instance: object, attribute: Any, value: frozenset[CookieCategory]) -> None:
    if CookieCategory.NECESSARY in value:
        raise ValueError("'necessary' is always on and cannot be granted or declined")


@define(frozen=True, kw_only=True)
class ConsentState:
    """A visitor's cookie consent, bound to the statement it was given for.

    Attributes:
        consent_id: a random id (:func:`new_consent_id`) that links the cookie to the consent log.
        version: the statement version (``"sha256:…"``) the visitor was shown.
        fingerprint: :func:`consent_fingerprint` of that statement.
        given_at: when the decision was made, in UTC, to the second.
        granted: the optional categories the visitor agreed to; every other optional category is declined.
        method: how the decision was made.
        locale: the language the visitor was asked in.
        gpc: the request carried ``Sec-GPC: 1`` and it was honoured: marketing is off whatever was stored. Set by
            :meth:`ConsentService.read <rekisterikit.consent.ConsentService.read>`; not stored in the cookie.
        services: the keys of the services the visitor allowed (see :mod:`rekisterikit.consent.services`). A
            category is in ``granted`` only when every one of its services is allowed, so a script gated on the
            category never runs for a service the visitor turned off.
        gpc_optin: the visitor allowed categories that the Global Privacy Control signal covers while their
            browser sent it: an explicit, site-specific opt-in, kept despite the signal.
    """

    consent_id: str = field(validator=_check_token)
    version: str = field(validator=_check_hash)
    fingerprint: str = field(validator=_check_hash)
    given_at: dt.datetime = field(converter=_to_utc)
    granted: frozenset[CookieCategory] = field(default=frozenset(), converter=_to_categories,
                                               validator=_check_granted)
    method: ConsentMethod = field(converter=ConsentMethod)
    locale: str = field(validator=_check_locale)
    gpc: bool = False
    services: frozenset[str] = field(default=frozenset(), converter=_to_keys, validator=_check_services)
    gpc_optin: bool = False

    @classmethod
    def _trusted(cls, *, consent_id: str, version: str, fingerprint: str, given_at: dt.datetime,
                 granted: frozenset[CookieCategory], method: ConsentMethod, locale: str, services: frozenset[str],
                 gpc_optin: bool) -> ConsentState:
        """A state from values this library wrote and signed itself, set without converters and validators.

        Only :class:`~rekisterikit.consent.ConsentCodec` calls it, after the signature proved the payload is ours
        and it checked every value with the same expressions and enums this class's converters and validators
        use. Everything else constructs states normally.
        """
        return _trusted_state(consent_id, version, fingerprint, given_at, granted, method, locale, services,
                              gpc_optin)

    def allows(self, category: str | CookieCategory) -> bool:
        """Whether cookies of ``category`` may be used: ``necessary`` always, the others only when granted.

        Raises:
            ValueError: ``category`` is not a cookie category (a typo in a template should not fail silently).
        """
        cat = parse_category(category)
        return cat is CookieCategory.NECESSARY or cat in self.granted

    def allows_service(self, key: str) -> bool:
        """Whether the service ``key`` may be used: the visitor allowed it (or its whole category)."""
        return key in self.services

    @property
    def choices(self) -> dict[str, bool]:
        """The choice per optional category, e.g. ``{"preferences": False, "statistics": True, "marketing": False}``."""
        return {c.value: c in self.granted for c in OPTIONAL_CATEGORIES}

    def expires_at(self, max_age: dt.timedelta) -> dt.datetime:
        """When this consent stops being valid and the visitor is asked again."""
        return self.given_at + max_age

    def expired(self, now: dt.datetime, max_age: dt.timedelta, *, clock_skew: dt.timedelta = dt.timedelta(days=1)
                ) -> bool:
        """Whether the consent is older than ``max_age`` at ``now`` (or claims to be from the future)."""
        return now >= self.expires_at(max_age) or self.given_at > now + clock_skew

    def valid_for(self, fingerprint: str, *, now: dt.datetime, max_age: dt.timedelta) -> bool:
        """Whether the consent is in force: not expired, and given for a statement with this ``fingerprint``."""
        return self.fingerprint == fingerprint and not self.expired(now, max_age)


def _slot_setter(name: str) -> Callable[[ConsentState, object], None]:
    setter: Callable[[ConsentState, object], None] = ConsentState.__dict__[name].__set__
    return setter


if tuple(a.name for a in fields(ConsentState)) != ("consent_id", "version", "fingerprint", "given_at", "granted",
                                                   "method", "locale", "gpc", "services", "gpc_optin"):
    raise RuntimeError("ConsentState's fields changed: update _trusted_state")  # pragma: no cover
_new_state = object.__new__
_set_consent_id, _set_version, _set_fingerprint, _set_given_at, _set_granted, _set_method, _set_locale, _set_gpc, \
    _set_services, _set_gpc_optin = (_slot_setter(a.name) for a in fields(ConsentState))


def _trusted_state(consent_id: str, version: str, fingerprint: str, given_at: dt.datetime,  # noqa: PLR0917
                   granted: frozenset[CookieCategory], method: ConsentMethod, locale: str, services: frozenset[str],
                   gpc_optin: bool) -> ConsentState:
    """:meth:`ConsentState._trusted` with positional arguments, setting each slot through its descriptor."""
    state: ConsentState = _new_state(ConsentState)
    _set_consent_id(state, consent_id)
    _set_version(state, version)
    _set_fingerprint(state, fingerprint)
    _set_given_at(state, given_at)
    _set_granted(state, granted)
    _set_method(state, method)
    _set_locale(state, locale)
    _set_gpc(state, False)
    _set_services(state, services)
    _set_gpc_optin(state, gpc_optin)
    return state


def offered_categories(statement: Statement) -> tuple[CookieCategory, ...]:
    """The optional categories the visitor is asked about: those with at least one declared cookie, in order."""
    present = {c.category for c in statement.cookies}
    return tuple(c for c in OPTIONAL_CATEGORIES if c in present)


def _cookie_terms(cookie: Any) -> dict[str, Any]:
    purpose = cookie.purpose
    return {
        "name": cookie.name,
        "provider": cookie.provider,
        "party": None if cookie.party is None else cookie.party.value,
        "purpose": None if purpose is None else {"fi": purpose.fi, "sv": purpose.sv, "en": purpose.en},
        "duration": None if cookie.duration is None else str(cookie.duration),
        "country": None if cookie.country is None else cookie.country.code,
        "storage": StorageKind(cookie.storage).value,
        "domain": cookie.domain,
    }


def _service_terms(service: Service) -> str:
    return json.dumps({"key": service.key, "name": service.name, "category": service.category.value,
                       "provider": service.provider, "cookies": sorted(c.name for c in service.cookies),
                       "hosts": sorted(service.hosts), "countries": [c.code for c in service.countries]},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def consent_fingerprint(statement: Statement) -> str:
    """Hash only what a cookie consent is about, so that only a material change asks the visitor again.

    The hash covers who the consent is given to — the controller's name and business id — and every cookie that
    is not declared necessary (those of the categories that need consent, and those whose category is not stated):
    name, provider, first or third party, purpose (every language), duration, country, storage kind and domain. It
    leaves out everything else in the statement (the controller's contact details, registers, rights, necessary
    cookies, the legal basis wording), so editing those keeps existing consents valid, while a new controller or a
    new cookie that may need consent asks every visitor again. It also covers the services the visitor chooses
    among (:func:`~rekisterikit.consent.services.services_of`: key, name, category, provider, cookies, hosts,
    countries), so a new service or a service moved to another provider asks again. The order of cookies in the
    file does not matter.

    Returns:
        ``"sha256:"`` and 64 hex digits.
    """
    categories: dict[str, list[str]] = {}
    for cookie in statement.cookies:
        if cookie.category is not None and not cookie.category.needs_consent:
            continue
        term = json.dumps(_cookie_terms(cookie), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        key = "uncategorised" if cookie.category is None else cookie.category.value
        categories.setdefault(key, []).append(term)
    controller = statement.controller
    business_id = None if controller.business_id is None else str(controller.business_id)
    services = sorted(_service_terms(s) for s in services_of(statement))
    canonical = json.dumps({"format": 2, "controller": {"name": controller.name, "business_id": business_id},
                            "categories": {k: sorted(v) for k, v in categories.items()}, "services": services},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def first_party_cookies(statement: Statement, category: CookieCategory) -> tuple[str, ...]:
    """Names and ``*`` patterns of the first-party HTTP cookies declared in ``category``.

    Third-party cookies are left out: they live on another site's domain and the shop cannot delete them.
    A cookie whose party is not stated is taken to be first-party when it names no domain.
    """
    names: list[str] = []
    for c in statement.cookies_in(category):
        if c.storage is not StorageKind.COOKIE or c.party is Party.THIRD:
            continue
        if c.party is None and c.domain is not None:
            continue
        names.append(c.name)
    return tuple(dict.fromkeys(names))


def epoch_seconds(value: dt.datetime) -> int:
    """Whole seconds since 1970-01-01 UTC."""
    return int((value - _EPOCH).total_seconds())


def from_epoch_seconds(value: int) -> dt.datetime:
    """The UTC datetime ``value`` seconds after 1970-01-01."""
    return _EPOCH + dt.timedelta(seconds=value)
