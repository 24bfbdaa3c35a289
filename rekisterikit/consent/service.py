"""The framework-agnostic core that adapters call: read the consent, handle a decision, say what to set and delete.

An adapter (Django middleware, a Flask extension, the test WSGI app) does three things with it:

1. On every request, ``service.read(cookies, headers)`` gives the visitor's :class:`ConsentState`, or ``None``
   when the banner must be shown (no consent, an invalid cookie, an expired consent, a changed fingerprint).
   ``service.refresh(cookies, headers)`` returns a :class:`Decision` when the stored cookie must be rewritten
   because the Global Privacy Control signal turned marketing off; store nothing when it returns ``None``.
2. On the banner's POST, ``service.decide(request.POST, cookies=…, headers=…, locale=…)`` returns a
   :class:`Decision`. The adapter sets ``decision.cookie`` (``decision.cookie.header()`` is a ready
   ``Set-Cookie`` value), expires ``decision.delete_cookies``, and answers ``decision.to_json()`` to a background
   request (``Accept: application/json``) or redirects to :func:`safe_next` of the ``rk-next`` field otherwise.
3. When the service was given a ``store``, it has already recorded ``decision.record`` in it; with ``store=None``
   the adapter stores ``decision.record`` itself (or not at all).

The banner's form fields (and the same names in a JSON body) are:

* ``rk-action`` (or ``action``): ``accept_all``, ``reject_all`` or ``custom``;
* ``rk-category`` (or ``categories``), repeated: the optional categories ticked, for ``custom``; unknown names and
  ``necessary`` are ignored;
* ``rk-service`` (or ``services``), repeated: the services ticked (see :mod:`rekisterikit.consent.services`). Within
  a category, the ticked services decide; a ticked category with none of its services ticked allows them all;
* ``rk-action=allow`` with ``rk-service`` (or ``rk-category``): add those to the visitor's consent and keep the
  rest (an embed's "always allow YouTube");
* ``rk-next``: where to return after a plain form POST (a path on the same site);
* ``rk-source``: ``settings`` on the settings page, which records the decision with the method ``settings``.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from functools import cached_property
from typing import Any

import attrs
from attrs import define, field

from rekisterikit.consent.codec import ConsentCodec
from rekisterikit.consent.consent_mode import CONSENT_TYPES, consent_mode
from rekisterikit.consent.cookies import MAX_SET_COOKIE_LENGTH, SameSite, SetCookie, _cookie_name, _samesite
from rekisterikit.consent.declined import DeclinedIndex, Source
from rekisterikit.consent.gpc import gpc_signal
from rekisterikit.consent.record import ConsentRecord
from rekisterikit.consent.services import Service, services_of
from rekisterikit.consent.state import (
    OPTIONAL_CATEGORIES,
    ConsentMethod,
    ConsentState,
    consent_fingerprint,
    first_party_cookies,
    new_consent_id,
    offered_categories,
    parse_category,
)
from rekisterikit.consent.store import ConsentStore, StatementArchive, TextsArchive
from rekisterikit.errors import ConsentError
from rekisterikit.model import CookieCategory, Statement

__all__ = [
    "FIELD_ACTION",
    "FIELD_CATEGORY",
    "FIELD_NEXT",
    "FIELD_SERVICE",
    "FIELD_SOURCE",
    "MAX_SET_COOKIE_LENGTH",
    "ConsentAction",
    "ConsentConfig",
    "ConsentService",
    "Decision",
    "SetCookie",
    "gpc_receipt_id",
    "parse_cookie_header",
    "parse_form",
    "parse_services",
    "safe_next",
]

FIELD_ACTION = "rk-action"
FIELD_CATEGORY = "rk-category"
FIELD_SERVICE = "rk-service"
FIELD_NEXT = "rk-next"
#: A hidden field of the settings page: ``settings`` records its decisions with the method ``settings``.
FIELD_SOURCE = "rk-source"
Cookies = Mapping[str, str] | str | None
Headers = Mapping[str, str] | None




class ConsentAction(StrEnum):
    """What the visitor pressed: the value of the ``rk-action`` field."""

    ACCEPT_ALL = "accept_all"
    REJECT_ALL = "reject_all"
    CUSTOM = "custom"
    ALLOW = "allow"


_METHOD_OF = {ConsentAction.ACCEPT_ALL: ConsentMethod.ACCEPT_ALL,
              ConsentAction.REJECT_ALL: ConsentMethod.REJECT_ALL,
              ConsentAction.CUSTOM: ConsentMethod.CUSTOM, ConsentAction.ALLOW: ConsentMethod.EMBED}
#: The methods by which the visitor ticks categories themselves: under Global Privacy Control, such a choice of a
#: covered category is an explicit opt-in. "Accept all" is not: it leaves the covered categories off.
_EXPLICIT = frozenset({ConsentMethod.CUSTOM, ConsentMethod.SETTINGS, ConsentMethod.EMBED})


def _positive(instance: object, attribute: Any, value: dt.timedelta) -> None:
    if value <= dt.timedelta(0):
        raise ConsentError(f"{attribute.name} must be positive")


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _optional_tuple(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@define(frozen=True, kw_only=True)
class ConsentConfig:
    """How consent is kept: the secret, the cookie's name and attributes, the maximum age, GPC.

    Attributes:
        secret: the application's secret; the cookie signing key is derived from it (see
            :func:`~rekisterikit.consent.codec.derive_key`). At least 16 bytes.
        old_secrets: earlier secrets still accepted when reading (key rotation).
        cookie_name: the consent cookie's name.
        max_age: how long a consent that allows anything lasts before the visitor is asked again (default 365 days,
            about 12 months).
        reject_max_age: how long a rejection of every optional category lasts (default 182 days, about 6 months).
        gpc: honour the Global Privacy Control signal (``Sec-GPC: 1``) as a refusal of consent to the categories
            and services in ``gpc_covers``.
        gpc_covers: category names and service keys the signal refuses (default: marketing).
        consent_mode_services: the service keys that are Google's, for Consent Mode: a Google consent type is
            granted when its category is allowed in full, or when every Google service in it is. ``None``: the
            services whose provider or name mentions Google.
        secure: the cookie's ``Secure`` attribute: ``True``, ``False`` or ``None`` for "when the request is HTTPS".
        path: the cookie's ``Path``.
        domain: the cookie's ``Domain`` (``None``: the current host only).
        samesite: the cookie's ``SameSite`` attribute.
    """

    secret: str | bytes = field(repr=False)
    old_secrets: tuple[str | bytes, ...] = field(default=(), converter=tuple, repr=False)
    cookie_name: str = field(default="rk_consent", validator=_cookie_name)
    max_age: dt.timedelta = field(default=dt.timedelta(days=365), validator=_positive)
    reject_max_age: dt.timedelta = field(default=dt.timedelta(days=182), validator=_positive)
    gpc: bool = True
    gpc_covers: tuple[str, ...] = field(default=("marketing",), converter=_str_tuple)
    consent_mode_services: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    secure: bool | None = None
    path: str = "/"
    domain: str | None = None
    samesite: SameSite = field(default="Lax", validator=_samesite)


@define(frozen=True, kw_only=True)
class Decision:
    """The outcome of a consent decision: the new state, its record, the cookie to set and cookies to delete.

    Attributes:
        state: the new consent state.
        record: the consent log record of this decision (already stored when the service has a store).
        cookie: the consent cookie to set.
        delete_cookies: first-party cookies of declined categories that the request carried (names expanded from
            the statement's names and ``*`` patterns); expire them on the response.
        expire: a :class:`SetCookie` deleting each of ``delete_cookies`` with the consent cookie's path and domain.
    """

    state: ConsentState
    record: ConsentRecord
    cookie: SetCookie
    delete_cookies: tuple[str, ...] = ()
    expire: tuple[SetCookie, ...] = ()
    consent_mode: dict[str, str] | None = None

    def set_cookie_headers(self, host: str | None = None) -> list[str]:
        """Every ``Set-Cookie`` header value to send: the consent cookie, then the deletions.

        Args:
            host: the request's ``Host``; each deletion is then repeated on every parent domain up to the
                registrable domain (:func:`~rekisterikit.consent.domains.with_parent_domains`), where gtag.js and
                the Meta pixel keep ``_ga`` and ``_fbp``. Without it, deletions are host-only (or on the
                configured domain).
        """
        from rekisterikit.consent.domains import with_parent_domains

        return [c.header() for c in with_parent_domains((self.cookie, *self.expire), host)]

    def to_json(self) -> dict[str, Any]:
        """The answer to the banner's background request, as JSON-ready data.

        Shape::

            {"consent": {"id": "…", "granted": ["statistics"], "choices": {"preferences": false, …},
                         "services": ["google-analytics"], "method": "custom", "gpc": false,
                         "version": "sha256:…", "given_at": "…Z"},
             "consent_mode": {"ad_storage": "denied", …},
             "delete_cookies": ["_ga", "_ga_ABC123"]}
        """
        s = self.state
        return {
            "consent": {
                "id": s.consent_id,
                "granted": [c.value for c in OPTIONAL_CATEGORIES if c in s.granted],
                "choices": s.choices,
                "services": sorted(s.services),
                "method": s.method.value,
                "gpc": s.gpc,
                "version": s.version,
                "given_at": s.given_at.isoformat().replace("+00:00", "Z"),
            },
            "consent_mode": self.consent_mode if self.consent_mode is not None else consent_mode(s),
            "delete_cookies": list(self.delete_cookies),
        }


def parse_cookie_header(header: str) -> dict[str, str]:
    """Parse a ``Cookie`` request header into a dict; the first of repeated names wins, bad pairs are skipped.

    Unlike :class:`http.cookies.SimpleCookie`, one malformed cookie set by some other script does not hide the
    rest.
    """
    cookies: dict[str, str] = {}
    for chunk in header.split(";"):
        name, sep, value = chunk.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        cookies.setdefault(name, value)
    return cookies


def safe_next(value: object, default: str = "/") -> str:
    """Return ``value`` when it is a path on this site (``/…``, not ``//…``), else ``default``.

    Use it for the ``rk-next`` field, so that the consent endpoint is no open redirect.
    """
    if not isinstance(value, str) or not value.startswith("/") or value.startswith(("//", "/\\")):
        return default
    if len(value) > 2000 or any(ord(ch) < 0x20 or ch in "\\\x7f" for ch in value):
        return default
    return value


def _values(form: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(form, "getlist", None)
    if callable(getlist):
        raw: Any = getlist(name)
    else:
        raw = form.get(name)
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list | tuple):
        return [v for v in raw if isinstance(v, str)]
    return []


def parse_services(form: Mapping[str, Any]) -> frozenset[str]:
    """The service keys ticked in a submitted form (``rk-service`` or ``services``), at most 64, unchecked."""
    return frozenset((_values(form, FIELD_SERVICE) or _values(form, "services"))[:64])


def parse_form(form: Mapping[str, Any]) -> tuple[ConsentAction, frozenset[CookieCategory]]:
    """Read the action and the ticked categories from a submitted form or JSON body.

    Unknown category names and ``necessary`` are ignored.

    Raises:
        ConsentError: the action is missing, repeated with different values, or unknown.
    """
    actions = set(_values(form, FIELD_ACTION) or _values(form, "action"))
    if len(actions) != 1:
        raise ConsentError("the consent form needs exactly one action (rk-action)")
    (name,) = actions
    try:
        action = ConsentAction(name)
    except ValueError:
        raise ConsentError(f"unknown consent action {name!r}") from None
    categories: set[CookieCategory] = set()
    for value in (_values(form, FIELD_CATEGORY) or _values(form, "categories"))[:64]:
        try:
            category = parse_category(value)
        except ValueError:
            continue
        if category.needs_consent:
            categories.add(category)
    return action, frozenset(categories)


#: How many GPC receipt ids a service remembers, to skip even the (ignored) store write of a repeated request.
_RECENT_RECEIPTS = 4096


def gpc_receipt_id(stored: ConsentState, version: str, decisions: int = 0) -> str:
    """The receipt id of the GPC change of the consent ``stored`` under the statement ``version``.

    The same stale cookie replayed with ``Sec-GPC: 1`` yields the same id, and every store keeps a receipt id once,
    so a GPC change is recorded once per consent id, statement version and stored decision, however often a
    request repeats it (a GET needs no CSRF token, so anyone could otherwise fill the log).

    Args:
        stored: the consent in the request's cookie, which still allows what the signal turns off.
        version: the current statement version.
        decisions: how many decisions other than GPC changes the log holds for the consent: two identical
            decisions within one second give byte-identical cookies, and only this count tells the GPC change after
            the second one from a replay of the first.
    """
    name = (f"rekisterikit:gpc:{stored.consent_id}:{version}:{stored.fingerprint}:{stored.given_at.isoformat()}:"
            f"{decisions}")
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


class ConsentService:
    """Reads and decides cookie consent for one statement.

    Args:
        statement: the shop's statement; its cookies define the categories and services offered.
        config: the secret and cookie settings.
        store: the consent log; when given, every decision is recorded in it before it is returned.
        clock: returns the current time (timezone-aware); for tests.
    """

    def __init__(self, statement: Statement, config: ConsentConfig, store: ConsentStore | None = None, *,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.statement = statement
        self.config = config
        self.store = store
        self.version = statement.version
        self.fingerprint = consent_fingerprint(statement)
        self.services: tuple[Service, ...] = tuple(s for s in services_of(statement))
        offered = {s.category for s in self.services} | set(offered_categories(statement))
        self.offered: tuple[CookieCategory, ...] = tuple(c for c in OPTIONAL_CATEGORIES if c in offered)
        self._by_key = {s.key: s for s in self.services}
        self._in_category = {c: frozenset(s.key for s in self.services if s.category is c) for c in self.offered}
        self.codec = ConsentCodec(config.secret, config.old_secrets, implied=self._in_category)
        covers = set(config.gpc_covers)
        self.gpc_services: frozenset[str] = frozenset(
            s.key for s in self.services if s.key in covers or s.category.value in covers)
        if config.consent_mode_services is None:
            google = frozenset(s.key for s in self.services
                               if "google" in f"{s.provider or ''} {s.name}".casefold())
        else:
            google = frozenset(config.consent_mode_services)
        self._google = {c: keys & google for c, keys in self._in_category.items()}
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._keep = self._necessary_names()
        self._texts: dict[str, tuple[str, str]] = {}
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._recent_lock = threading.Lock()

    @cached_property
    def _declined_index(self) -> DeclinedIndex:
        """The statement's first-party declarations in the order :meth:`declined_cookies` lists them."""
        sources = [Source(category, None, pattern) for category in OPTIONAL_CATEGORIES
                   for pattern in first_party_cookies(self.statement, category)]
        for service in self.services:
            own = first_party_cookies(self.statement, service.category)
            sources.extend(Source(service.category, service.key, c.name) for c in service.cookies if c.name in own)
        return DeclinedIndex(sources, self._keep)

    def _necessary_names(self) -> tuple[str, ...]:
        return (self.config.cookie_name, *(c.name for c in self.statement.cookies_in(CookieCategory.NECESSARY)))

    @property
    def banner_needed(self) -> bool:
        """Whether the statement declares any cookie (or service) that needs consent; without one no banner."""
        return bool(self.offered)

    def service(self, key: str) -> Service:
        """The service ``key``.

        Raises:
            ConsentError: the statement has no such service (the error lists the keys it has).
        """
        try:
            return self._by_key[key]
        except KeyError:
            known = ", ".join(self._by_key) or "none"
            raise ConsentError(f"unknown service {key!r} (the statement's services: {known})") from None

    def services_in(self, category: CookieCategory) -> tuple[Service, ...]:
        """The services of ``category``, in the statement's order."""
        return tuple(s for s in self.services if s.category is category)

    def texts(self, locale: str) -> tuple[str, str]:
        """The banner texts shown in ``locale`` as canonical JSON, and their hash (cached per locale)."""
        from rekisterikit.consent.texts import banner_texts, texts_hash, texts_json

        cached = self._texts.get(locale)
        if cached is None:
            texts = banner_texts(self.statement, locale=locale)
            cached = self._texts[locale] = (texts_json(texts), texts_hash(texts))
        return cached

    def now(self) -> dt.datetime:
        """The current time in UTC."""
        return self._clock().astimezone(dt.UTC)

    def gpc(self, headers: Headers) -> bool:
        """Whether the request's Global Privacy Control signal applies (present, and enabled in the config)."""
        return self.config.gpc and gpc_signal(headers)

    def lifetime(self, state: ConsentState) -> dt.timedelta:
        """How long ``state`` lasts: ``max_age`` when it allows anything, ``reject_max_age`` for a rejection."""
        return self.config.max_age if (state.granted or state.services) else self.config.reject_max_age

    def allows(self, state: ConsentState | None, name: str | CookieCategory) -> bool:
        """Whether ``state`` allows the category or service ``name`` (``necessary`` always).

        A category is allowed only when every one of its services is.

        Raises:
            ValueError: ``name`` is neither a cookie category nor a service of the statement.
        """
        if isinstance(name, CookieCategory) or name in {c.value for c in CookieCategory}:
            category = parse_category(name)
            return category is CookieCategory.NECESSARY or (state is not None and state.allows(category))
        if name not in self._by_key:
            known = ", ".join([c.value for c in CookieCategory] + list(self._by_key))
            raise ValueError(f"unknown category or service {name!r} (expected one of: {known})")
        return state is not None and state.allows_service(name)

    def consent_mode(self, state: ConsentState | None) -> dict[str, str]:
        """Google Consent Mode v2 parameters for ``state``, service-aware.

        A consent type follows its category: granted when the category is allowed in full, or when the category's
        Google services (``consent_mode_services``) are all allowed, so "Google Analytics on, Meta Pixel off"
        still grants ``analytics_storage``/``ad_storage`` to Google's own tags.
        """
        result = consent_mode(state)
        if state is None:
            return dict(result)
        for name, category in CONSENT_TYPES.items():
            google = self._google.get(category, frozenset())
            if result[name] == "denied" and google and google <= state.services:
                result[name] = "granted"
        return dict(result)

    def _jar(self, cookies: Cookies) -> Mapping[str, str] | None:
        if cookies is None:
            return None
        if isinstance(cookies, str):
            return parse_cookie_header(cookies)
        return cookies

    def stored(self, cookies: Cookies) -> ConsentState | None:
        """The state in a correctly signed consent cookie, whether or not it is still in force."""
        jar = self._jar(cookies)
        return None if jar is None else self.codec.decode(jar.get(self.config.cookie_name))

    def _in_force(self, cookies: Cookies) -> ConsentState | None:
        state = self.stored(cookies)
        if state is None or not state.valid_for(self.fingerprint, now=self.now(), max_age=self.lifetime(state)):
            return None
        return state

    def _refused(self, state: ConsentState) -> ConsentState:
        """``state`` with the categories and services Global Privacy Control covers turned off."""
        services = state.services - self.gpc_services
        return attrs.evolve(state, services=services, granted=self._full(services), gpc=True)

    def read(self, cookies: Cookies, headers: Headers = None) -> ConsentState | None:
        """Return the visitor's consent, or ``None`` when they must be asked.

        Args:
            cookies: the request's cookies, as a mapping (``request.COOKIES``, ``request.cookies``) or the raw
                ``Cookie`` header.
            headers: the request headers (any case-insensitive mapping, or the WSGI environ), for ``Sec-GPC``.

        Returns:
            ``None`` when there is no consent cookie, it is invalid in any way, the consent has expired, or it was
            given for a statement with a different consent fingerprint. Otherwise the state; under the Global
            Privacy Control signal the categories and services it covers are off (unless the visitor opted in to
            them explicitly while sending the signal) and its ``gpc`` flag is set.
        """
        state = self._in_force(cookies)
        if state is None:
            return None
        if self.gpc(headers):
            return state if state.gpc_optin else self._refused(state)
        return state

    def what_changed(self, cookies: Cookies, *, locale: str) -> str | None:
        """The one-line "what changed" text for a visitor asked again after a material change, or ``None``.

        It needs the statement the visitor's (now outdated) consent was given on, from a store that keeps
        statements (:class:`~rekisterikit.consent.store.StatementArchive`); the line itself is
        :func:`rekisterikit.records.summary`.
        """
        stored = self.stored(cookies)
        archive: object = self.store
        if stored is None or stored.fingerprint == self.fingerprint or not isinstance(archive, StatementArchive):
            return None
        kept = archive.statement_json(stored.version)
        if kept is None:
            return None
        from rekisterikit.errors import LoadError
        from rekisterikit.load import loads
        from rekisterikit.records import summary

        try:
            old = loads(kept, "json", source="statement archive")
        except LoadError:  # pragma: no cover - a statement kept by an older, incompatible rekisterikit
            return None
        return summary(old, self.statement, locale=locale)

    def refresh(self, cookies: Cookies, headers: Headers = None, *, https: bool = False,
                subject: str | None = None) -> Decision | None:
        """Return a decision when the stored consent must be rewritten, else ``None``.

        That is the case when the Global Privacy Control signal is present and the stored consent still allows
        a category or service the signal covers, without an explicit opt-in given under the signal: they are
        turned off, the change is recorded with method ``gpc`` and a new cookie is set.
        """
        state = self._in_force(cookies)
        if state is None or not self.gpc(headers) or state.gpc_optin or not state.services & self.gpc_services:
            return None
        return self._decide(state.granted, state.services, ConsentMethod.GPC, cookies=cookies, headers=headers,
                            locale=state.locale, subject=subject, https=https,
                            receipt_id=gpc_receipt_id(state, self.version, self._decisions(state.consent_id)))

    def decide(self, form: Mapping[str, Any], *, cookies: Cookies = None, headers: Headers = None, locale: str,
               method: ConsentMethod | None = None, subject: str | None = None, https: bool = False) -> Decision:
        """Handle a submitted consent form (the banner's, the settings page's or an embed's).

        Args:
            form: the submitted fields (``request.POST``, ``request.form``, a parsed JSON body or a plain dict whose
                values are strings or lists of strings); see the module documentation for the field names.
            cookies: the request's cookies (mapping or ``Cookie`` header): the previous consent keeps its id, and
                cookies of declined categories are found there.
            headers: the request headers, for ``Sec-GPC``.
            locale: the language the visitor was asked in.
            method: how to record the decision; by default it follows the action (``accept_all``, ``reject_all``,
                ``custom``, ``allow`` → ``embed``), or is ``settings`` when the form has ``rk-source=settings``.
            subject: a reference to the logged-in customer, recorded with the decision.
            https: whether the request came over HTTPS (sets ``Secure`` when the config leaves it automatic).

        Raises:
            ConsentError: the form has no valid action.
        """
        action, requested = parse_form(form)
        ticked = parse_services(form) & self._by_key.keys()
        if action is ConsentAction.ACCEPT_ALL:
            categories, services = frozenset(self.offered), frozenset(self._by_key)
        elif action is ConsentAction.REJECT_ALL:
            categories, services = frozenset(), frozenset()
        elif action is ConsentAction.ALLOW:
            current = self._in_force(cookies)
            if current is not None and self.gpc(headers) and not current.gpc_optin:
                current = self._refused(current)
            before = current.services if current is not None else frozenset()
            added = ticked | {k for c in requested if c in self._in_category for k in self._in_category[c]}
            services = before | added
            categories = self._full(services)
        else:
            categories, services = requested, ticked
        if method is None and "settings" in _values(form, FIELD_SOURCE):
            method = ConsentMethod.SETTINGS
        return self._decide(categories, services, method or _METHOD_OF[action], cookies=cookies, headers=headers,
                            locale=locale, subject=subject, https=https)

    def choose(self, categories: Iterable[str | CookieCategory], *, method: ConsentMethod = ConsentMethod.API,
               cookies: Cookies = None, headers: Headers = None, locale: str, subject: str | None = None,
               https: bool = False, services: Iterable[str] = ()) -> Decision:
        """Record a choice made outside the banner (an account setting, an app): allow exactly ``categories``
        (all their services) and ``services``.

        Raises:
            ValueError: a name is not a cookie category.
            ConsentError: a service key is not one of the statement's.
        """
        granted = frozenset(c for c in map(parse_category, categories) if c.needs_consent)
        keys = frozenset(services)
        for key in keys:
            self.service(key)
        return self._decide(granted, keys, method, cookies=cookies, headers=headers, locale=locale,
                            subject=subject, https=https)

    def withdraw(self, *, cookies: Cookies = None, headers: Headers = None, locale: str,
                 method: ConsentMethod = ConsentMethod.API, subject: str | None = None,
                 https: bool = False) -> Decision:
        """Withdraw every optional category (GDPR 7(3)); the record lists what was withdrawn."""
        return self._decide(frozenset(), frozenset(), method, cookies=cookies, headers=headers, locale=locale,
                            subject=subject, https=https)

    def _full(self, services: frozenset[str]) -> frozenset[CookieCategory]:
        """The categories all of whose services are in ``services``."""
        return frozenset(c for c, keys in self._in_category.items() if keys and keys <= services)

    def resolve(self, categories: Iterable[CookieCategory], services: Iterable[str]
                ) -> tuple[frozenset[CookieCategory], frozenset[str]]:
        """Turn ticked categories and services into the categories allowed in full and the services allowed.

        Within a category the ticked services decide; a ticked category with none of its services ticked allows
        all of them. Unknown services and categories the statement does not offer are dropped.
        """
        ticked_categories = frozenset(categories)
        ticked = frozenset(services) & self._by_key.keys()
        allowed: set[str] = set()
        for category, keys in self._in_category.items():
            chosen = ticked & keys
            if chosen:
                allowed |= chosen
            elif category in ticked_categories:
                allowed |= keys
        services_allowed = frozenset(allowed)
        return self._full(services_allowed), services_allowed

    def _decide(self, categories: frozenset[CookieCategory], services: frozenset[str], method: ConsentMethod, *,
                cookies: Cookies, headers: Headers, locale: str, subject: str | None, https: bool,
                receipt_id: str | None = None) -> Decision:
        now = self.now()
        granted, allowed = self.resolve(categories, services)
        gpc = self.gpc(headers)
        optin = False
        if gpc and allowed & self.gpc_services:
            if method in _EXPLICIT:
                optin = True  # the visitor ticked them while told that the signal refuses them
            else:
                allowed -= self.gpc_services
                granted = self._full(allowed)
                method = ConsentMethod.GPC
        previous = self.stored(cookies)
        in_force = self._in_force(cookies)
        try:
            state = ConsentState(consent_id=previous.consent_id if previous else new_consent_id(),
                                 version=self.version, fingerprint=self.fingerprint, given_at=now, granted=granted,
                                 method=method, locale=locale, gpc=gpc, services=allowed, gpc_optin=optin)
        except ValueError as exc:
            raise ConsentError(str(exc)) from None
        withdrawn = in_force.granted - granted if in_force else frozenset()
        texts_json, texts_hash = self.texts(state.locale)
        record = ConsentRecord.of(state, offered=self.offered, at=now, withdrawn=withdrawn, subject=subject,
                                  offered_services=self._by_key, texts_hash=texts_hash)
        if receipt_id is not None:
            record = attrs.evolve(record, receipt_id=receipt_id)
        if self.store is not None and not self._already_recorded(receipt_id):
            if isinstance(self.store, StatementArchive):
                self.store.remember_statement(self.statement)
            if isinstance(self.store, TextsArchive):
                self.store.remember_texts(texts_hash, texts_json)
            self.store.record(record)
        secure = self.config.secure if self.config.secure is not None else https
        cookie = SetCookie(name=self.config.cookie_name, value=self.codec.encode(state),
                           max_age=int(self.lifetime(state).total_seconds()), path=self.config.path,
                           domain=self.config.domain, secure=secure, samesite=self.config.samesite)
        delete = self.declined_cookies(granted, cookies, services=allowed)
        expire = tuple(SetCookie.expire(n, path=self.config.path, domain=self.config.domain, secure=secure,
                                        samesite=self.config.samesite) for n in delete)
        return Decision(state=state, record=record, cookie=cookie, delete_cookies=delete, expire=expire,
                        consent_mode=self.consent_mode(state))

    def _decisions(self, consent_id: str) -> int:
        """How many records of the consent the store holds that are not GPC changes (0 without a store)."""
        if self.store is None:
            return 0
        return sum(1 for r in self.store.history(consent_id) if r.method is not ConsentMethod.GPC)

    def _already_recorded(self, receipt_id: str | None) -> bool:
        """Whether this process stored the record with ``receipt_id`` recently (only GPC records have fixed ids)."""
        if receipt_id is None:
            return False
        with self._recent_lock:
            if receipt_id in self._recent:
                self._recent.move_to_end(receipt_id)
                return True
            self._recent[receipt_id] = None
            if len(self._recent) > _RECENT_RECEIPTS:
                self._recent.popitem(last=False)
        return False

    def declined_cookies(self, granted: Iterable[CookieCategory], cookies: Cookies,
                         services: Iterable[str] | None = None) -> tuple[str, ...]:
        """The first-party cookies of the categories not in ``granted`` that should be deleted.

        With ``services``, the cookies of services not among them are deleted too (a category allowed in part).

        Names declared exactly are returned when the request carries them (or always, when ``cookies`` is
        ``None``); ``*`` patterns are expanded against the request's cookie names. The consent cookie and the
        declared necessary cookies are never returned.
        """
        jar = self._jar(cookies)
        granted = frozenset(granted)
        allowed = None if services is None else frozenset(services)
        partly = frozenset() if allowed is None else frozenset(
            self._by_key[k].category for k in allowed if k in self._by_key)
        index = self._declined_index
        if jar is not None:  # a request: look its few cookies up, whatever the statement's size
            return index.declined(jar, granted, partly, allowed)
        # No request cookies: every exactly declared name the decision declines (patterns match no name).
        return index.declined((s.pattern for s in index.sources if "*" not in s.pattern), granted, partly, allowed)
