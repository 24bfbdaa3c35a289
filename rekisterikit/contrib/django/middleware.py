"""``ConsentMiddleware``: ``request.consent``, the Global Privacy Control signal and deleting declined cookies.

* ``request.consent`` is a lazy :class:`VisitorConsent`: the signed cookie is only read when a view or template
  asks (``{% if request.consent.statistics %}``); a response whose content depended on it gets ``Vary: Cookie``.
* With ``GPC`` on, a request carrying ``Sec-GPC: 1`` whose stored consent still grants marketing gets a rewritten
  consent cookie with marketing off, recorded in the consent log with the method ``gpc``.
* With ``DELETE_DECLINED_COOKIES`` on (the default), first-party cookies of categories the visitor has not agreed
  to (declined, withdrawn, or not asked yet) that the request carries are expired on the response — host-only and
  on every parent domain up to the registrable domain, where gtag.js and the Meta pixel keep ``_ga`` and ``_fbp`` —
  so a withdrawal also removes what the statistics and marketing scripts left behind.
* A response that sets or deletes a cookie here (or in the view) is made ``Cache-Control: private`` with
  ``Vary: Cookie``, so that no shared cache (Django's cache middleware, a CDN, a proxy) replays one visitor's
  consent cookie to another.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject

from rekisterikit.consent import ConsentService, ConsentState, SetCookie, kept
from rekisterikit.consent.state import parse_category
from rekisterikit.contrib.django.conf import get_config, get_service, request_subject
from rekisterikit.model import CookieCategory

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

__all__ = ["ConsentMiddleware", "VisitorConsent", "apply_cookie", "get_consent", "gpc_headers", "private",
           "request_host"]


_CATEGORY_VALUES = frozenset(c.value for c in CookieCategory)


class VisitorConsent:
    """What the visitor agreed to, for views and templates (``request.consent``).

    Attributes:
        state: the consent in force, or ``None`` when the visitor still has to decide.
        gpc: the request carries the Global Privacy Control signal and it is honoured.
        banner_needed: the statement declares cookies that need consent.
        service: the consent service, which knows the statement's services (``allows("google-analytics")``).
    """

    def __init__(self, state: ConsentState | None, *, gpc: bool = False, banner_needed: bool = True,
                 service: ConsentService | None = None) -> None:
        self.state = state
        self.gpc = gpc
        self.banner_needed = banner_needed
        self.service = service

    @property
    def decided(self) -> bool:
        """Whether the visitor has made a choice that is still in force."""
        return self.state is not None

    @property
    def needs_decision(self) -> bool:
        """Whether the banner must ask the visitor (there are optional cookies and no valid choice)."""
        return self.banner_needed and self.state is None

    def allows(self, category: str | CookieCategory) -> bool:
        """Whether the category or service ``category`` may be used (``necessary`` always; the others only when
        granted). A category counts as granted only when all its services are; ask for a service by its key
        (``request.consent.allows("google-analytics")``, in templates ``request.consent|allows:"meta-pixel"``).

        Raises:
            ValueError: ``category`` is neither a cookie category nor one of the statement's services.
        """
        if isinstance(category, CookieCategory):
            cat = category
        elif self.service is not None and category not in _CATEGORY_VALUES:
            return self.service.allows(self.state, category)
        else:
            cat = parse_category(category)
        if cat is CookieCategory.NECESSARY:
            return True
        return self.state is not None and cat in self.state.granted

    @property
    def necessary(self) -> bool:
        """Always ``True``."""
        return True

    @property
    def preferences(self) -> bool:
        """Whether preference cookies are allowed."""
        return self.allows(CookieCategory.PREFERENCES)

    @property
    def statistics(self) -> bool:
        """Whether statistics cookies are allowed."""
        return self.allows(CookieCategory.STATISTICS)

    @property
    def marketing(self) -> bool:
        """Whether marketing cookies are allowed."""
        return self.allows(CookieCategory.MARKETING)

    @property
    def granted(self) -> list[str]:
        """The names of the granted optional categories."""
        return [] if self.state is None else sorted(c.value for c in self.state.granted)

    @property
    def services(self) -> list[str]:
        """The keys of the allowed services."""
        return [] if self.state is None else sorted(self.state.services)

    def __repr__(self) -> str:
        return f"<VisitorConsent decided={self.decided} granted={self.granted} gpc={self.gpc}>"


def gpc_headers(request: HttpRequest) -> Mapping[str, str] | None:
    """The request's ``Sec-GPC`` header as the consent core reads headers, or ``None`` without it.

    One look-up in ``request.META``: building ``request.headers`` walks every header of the request.
    """
    value = request.META.get("HTTP_SEC_GPC")
    return None if value is None else {"Sec-GPC": value}


def read_state(service: ConsentService, cookies: Mapping[str, str], headers: Mapping[str, str] | None
               ) -> ConsentState | None:
    """``service.read(cookies, headers)``, kept per cookie value and GPC signal while the consent is in force
    (:func:`rekisterikit.consent.kept.read`)."""
    return kept.read(service, cookies, headers)


def read_consent(request: HttpRequest, service: ConsentService | None = None) -> VisitorConsent:
    """Read the visitor's consent from the request's cookie and headers (verified once per cookie value)."""
    service = service or get_service()
    headers = gpc_headers(request)
    state = read_state(service, request.COOKIES, headers)
    return VisitorConsent(state, gpc=service.gpc(headers), banner_needed=service.banner_needed, service=service)


def get_consent(request: HttpRequest) -> VisitorConsent:
    """``request.consent`` when the middleware set it, otherwise the consent read now."""
    known = request.__dict__.get("_rk_consent")
    if known is not None:
        return known  # type: ignore[no-any-return]
    read = request.__dict__.get("_rk_read")
    if read is not None:  # the middleware's reader: the consent without a round trip through the lazy proxy
        return read()  # type: ignore[no-any-return]
    consent = getattr(request, "consent", None)
    if consent is not None:
        return consent  # type: ignore[no-any-return]
    return read_consent(request)


def private(response: HttpResponseBase) -> None:
    """Make ``response`` uncacheable by shared caches (``Cache-Control: private``, no ``public``) and ``Vary: Cookie``.

    For every response that sets or deletes a cookie: a shared cache must not hand it to another visitor.
    """
    if "Cache-Control" in response:
        patch_cache_control(response, private=True)
    else:
        response["Cache-Control"] = "private"  # what patch_cache_control writes on a response without one
    _vary_cookie(response)


def _vary_cookie(response: HttpResponseBase) -> None:
    """``Vary: Cookie`` (added to a ``Vary`` the response has)."""
    vary = response.headers.get("Vary")
    if vary is None:
        response["Vary"] = "Cookie"
    elif vary != "Cookie":
        patch_vary_headers(response, ("Cookie",))


def apply_cookie(response: HttpResponseBase, cookie: SetCookie) -> None:
    """Set (or, with ``max_age == 0``, expire) a cookie described by the consent core on a Django response.

    Several cookies of one name (a deletion host-only and on each parent domain) are all sent: Django keeps one
    cookie per name, so the further ones are kept under a key of their own (``name@domain``).
    """
    expires = None if cookie.max_age > 0 else "Thu, 01 Jan 1970 00:00:00 GMT"
    current = response.cookies.get(cookie.name)
    if cookie.max_age == 0 and (current is None or (current["domain"] or None) != cookie.domain):
        # A deletion under a key of its own: a copy of the Morsel Django's set_cookie makes (kept; it holds no time).
        key = cookie.name if current is None else f"{cookie.name}@{cookie.domain or ''}"
        response.cookies[key] = _deletion(cookie).copy()
        return
    if current is None or (current["domain"] or None) == cookie.domain:
        response.set_cookie(cookie.name, cookie.value, max_age=cookie.max_age, path=cookie.path, domain=cookie.domain,
                            secure=cookie.secure, httponly=cookie.httponly, samesite=cookie.samesite,
                            expires=expires)
        return
    from django.http import HttpResponse

    scratch = HttpResponse()
    scratch.set_cookie(cookie.name, cookie.value, max_age=cookie.max_age, path=cookie.path, domain=cookie.domain,
                       secure=cookie.secure, httponly=cookie.httponly, samesite=cookie.samesite, expires=expires)
    # BaseCookie stores a Morsel under any key, and Django sends every Morsel as its own Set-Cookie header.
    response.cookies[f"{cookie.name}@{cookie.domain or ''}"] = scratch.cookies[cookie.name]


#: Deleting Morsels per cookie (``max_age == 0``: the same header whenever it is sent).
_DELETIONS: dict[SetCookie, Any] = {}


def _deletion(cookie: SetCookie) -> Any:
    found = _DELETIONS.get(cookie)
    if found is None:
        from django.http import HttpResponse

        scratch = HttpResponse()
        scratch.set_cookie(cookie.name, cookie.value, max_age=0, path=cookie.path, domain=cookie.domain,
                           secure=cookie.secure, httponly=cookie.httponly, samesite=cookie.samesite,
                           expires="Thu, 01 Jan 1970 00:00:00 GMT")
        found = scratch.cookies[cookie.name]
        with _EXPIRIES_LOCK:
            if len(_DELETIONS) >= _MAX_EXPIRIES:
                _DELETIONS.clear()
            _DELETIONS[cookie] = found
    return found


#: ``request.get_host()`` per raw host headers (what it reads), or ``None`` for a host not allowed; cleared when
#: ``ALLOWED_HOSTS`` or the proxy settings change (and when full).
_HOSTS: dict[tuple[object, ...], str | None] = {}
HOST_SETTINGS = frozenset({"ALLOWED_HOSTS", "USE_X_FORWARDED_HOST", "USE_X_FORWARDED_PORT", "DEBUG"})


def clear_host_cache() -> None:
    """Forget the checked hosts (called when a setting they depend on changes)."""
    _HOSTS.clear()


def request_host(request: HttpRequest) -> str | None:
    """The request's host for parent-domain deletions, or ``None`` when it is not an allowed host."""
    meta = request.META
    key = (meta.get("HTTP_X_FORWARDED_HOST"), meta.get("HTTP_HOST"), meta.get("SERVER_NAME"),
           meta.get("SERVER_PORT"), meta.get("HTTP_X_FORWARDED_PORT"))
    if key in _HOSTS:
        return _HOSTS[key]
    from django.core.exceptions import DisallowedHost

    try:
        host: str | None = request.get_host()
    except DisallowedHost:
        host = None
    with _EXPIRIES_LOCK:
        if len(_HOSTS) >= _MAX_EXPIRIES:
            _HOSTS.clear()
        _HOSTS[key] = host
    return host


class ConsentMiddleware:
    """Puts ``request.consent`` on every request; honours GPC and deletes declined first-party cookies.

    Place it after ``SessionMiddleware`` and ``AuthenticationMiddleware`` (the consent log links decisions to the
    signed-in customer) and after ``LocaleMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        read: list[VisitorConsent] = []

        def lazy() -> VisitorConsent:
            if not read:  # once per request, whether the proxy or get_consent asks first
                read.append(read_consent(request))
                request._rk_consent = read[0]  # type: ignore[attr-defined]  # for get_consent, past the lazy proxy
            return read[0]

        request.consent = SimpleLazyObject(lazy)  # type: ignore[attr-defined]
        request._rk_read = lazy  # type: ignore[attr-defined]
        response = self.get_response(request)
        if read:
            _vary_cookie(response)
        self._process(request, response, read[0] if read else None)
        if response.cookies:
            private(response)
        return response

    def _process(self, request: HttpRequest, response: HttpResponseBase, known: VisitorConsent | None) -> None:
        """Honour GPC and expire declined cookies; ``known`` is the consent the request already read, if any."""
        config = get_config()
        service = get_service()
        name = config.consent.cookie_name
        headers = gpc_headers(request)
        if name in response.cookies:
            state = service.codec.decode(response.cookies[name].value) if response.cookies[name].value else None
            decided = True
        else:
            state, decided = None, False
            if config.consent.gpc and service.gpc(headers):
                decision = service.refresh(request.COOKIES, headers, https=request.is_secure(),
                                           subject=request_subject(request))
                if decision is not None:
                    apply_cookie(response, decision.cookie)
                    state, decided = decision.state, True
        if not config.delete_declined_cookies or not _carries_optional(request, name):
            return
        cookies = request.COOKIES
        if not decided and known is not None:
            state, decided = known.state, True  # the cookie is verified and decoded once per request
        if not decided:
            # The request's cookies that would go if nothing were granted: often none, and then the consent cookie
            # need not be read at all.
            candidates = _declined(service, frozenset(), cookies)
            if not candidates:
                return
            state = read_state(service, cookies, headers)
            names = candidates if state is None or not state.granted else _declined(service, state.granted, cookies)
        else:
            names = _declined(service, frozenset() if state is None else state.granted, cookies)
        names = tuple(n for n in names if n not in response.cookies)
        if not names:
            return
        for cookie in _expiries(names, request_host(request), config.consent,
                                bool(config.consent.secure) or request.is_secure()):
            apply_cookie(response, cookie)


#: The declined cookies per (service, granted categories, the request's cookie names): visitors share a few jars.
def _declined(service: ConsentService, granted: frozenset[CookieCategory], cookies: Mapping[str, str]
              ) -> tuple[str, ...]:
    """``service.declined_cookies(granted, cookies)``, kept per service, grant and cookie names."""
    return kept.declined_cookies(service, granted, cookies)


#: The deletions per (names, host, settings), kept: visitors share a few jars and hosts.
_EXPIRIES: dict[tuple[object, ...], tuple[SetCookie, ...]] = {}
_EXPIRIES_LOCK = threading.Lock()
_MAX_EXPIRIES = 256


def _expiries(names: tuple[str, ...], host: str | None, consent: Any, secure: bool) -> tuple[SetCookie, ...]:
    """``expire_everywhere`` for the cookie settings ``consent``, kept per names, host and settings."""
    key = (names, host, consent.path, consent.domain, consent.samesite, secure)
    found = _EXPIRIES.get(key)
    if found is None:
        from rekisterikit.consent.domains import expire_everywhere

        found = tuple(expire_everywhere(names, host=host, path=consent.path, domain=consent.domain,
                                        samesite=consent.samesite, secure=secure))
        with _EXPIRIES_LOCK:
            if len(_EXPIRIES) >= _MAX_EXPIRIES:
                _EXPIRIES.clear()
            _EXPIRIES[key] = found
    return found


def _carries_optional(request: HttpRequest, consent_cookie: str) -> bool:
    cookies: dict[str, Any] = request.COOKIES
    return any(n != consent_cookie for n in cookies)
