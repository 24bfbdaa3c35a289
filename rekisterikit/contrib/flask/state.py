"""The Flask adapter's state: configuration keys, :class:`KitState`, and the current request's consent and locale.

Everything else in the adapter (the extension, its template globals, the views, CSRF and the CLI) reads the
application's state through :func:`get_state` and the accessors here; this module imports none of them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Hashable, Mapping
from contextvars import ContextVar
from typing import Any, Final, Literal, cast

import flask.globals
from attrs import define, field
from flask import Flask, Request, current_app, g, has_request_context, request, url_for
from flask.globals import request_ctx

from rekisterikit.consent import ConsentConfig, ConsentService, ConsentState, ConsentStore, Decision, kept
from rekisterikit.consent.gpc import GPC_HEADER
from rekisterikit.errors import RekisterikitError
from rekisterikit.findings import Report
from rekisterikit.model import CookieCategory, Statement

__all__ = [
    "DEFAULTS",
    "EXTENSION_KEY",
    "LOCALE_FIELD",
    "ConfigurationError",
    "KitState",
    "consent_allows",
    "current_consent",
    "current_locale",
    "get_state",
    "gpc_headers",
    "read_consent",
    "remember_decision",
    "request_headers",
    "subject",
]

logger = logging.getLogger("rekisterikit.contrib.flask")

#: The cookie categories' names (``necessary``, ``preferences``, ``statistics``, ``marketing``).
CATEGORY_NAMES: Final = frozenset(c.value for c in CookieCategory)
#: The cookie categories by name.
_CATEGORIES: Final[dict[str, CookieCategory]] = {c.value: c for c in CookieCategory}

#: The key of the extension's state in ``app.extensions``.
EXTENSION_KEY = "rekisterikit"
#: The hidden field the banner uses to tell the endpoint which language the visitor was asked in.
LOCALE_FIELD = "rk-locale"

#: Every configuration key with its default. Values set in ``app.config`` win over options given to
#: :class:`RekisteriKit` (``RekisteriKit(statement=…)`` is ``REKISTERIKIT_STATEMENT``), which win over these.
DEFAULTS: dict[str, Any] = {
    "REKISTERIKIT_STATEMENT": None,
    "REKISTERIKIT_DEFAULT_LOCALE": None,
    "REKISTERIKIT_LOCALES": None,
    "REKISTERIKIT_LOCALE_SELECTOR": None,
    "REKISTERIKIT_COOKIE_NAME": "rk_consent",
    "REKISTERIKIT_COOKIE_MAX_AGE": dt.timedelta(days=365),
    "REKISTERIKIT_REJECT_COOKIE_MAX_AGE": dt.timedelta(days=182),
    "REKISTERIKIT_BANNER_TEMPLATE": None,
    "REKISTERIKIT_LAZY_SETTINGS_LAYER": True,
    "REKISTERIKIT_COOKIE_SECURE": None,
    "REKISTERIKIT_COOKIE_DOMAIN": None,
    "REKISTERIKIT_COOKIE_PATH": "/",
    "REKISTERIKIT_COOKIE_SAMESITE": "Lax",
    "REKISTERIKIT_GPC": True,
    "REKISTERIKIT_GPC_COVERS": ("marketing",),
    "REKISTERIKIT_CONSENT_MODE_SERVICES": None,
    "REKISTERIKIT_CONSENT_STORE": None,
    "REKISTERIKIT_SUBJECT": None,
    "REKISTERIKIT_VALIDATE": True,
    "REKISTERIKIT_LOG_LEVEL": "warning",
    "REKISTERIKIT_FAIL_ON": None,
    "REKISTERIKIT_BLUEPRINT": True,
    "REKISTERIKIT_URL_PREFIX": "/privacy",
    "REKISTERIKIT_STATIC_URL": None,
    "REKISTERIKIT_STATEMENT_ETAG": True,
    "REKISTERIKIT_CSRF": "token",
    "REKISTERIKIT_CSRF_COOKIE_NAME": "rk_csrf",
    "REKISTERIKIT_CSRF_REQUIRE_ORIGIN": True,
    "REKISTERIKIT_TRUSTED_ORIGINS": (),
    "REKISTERIKIT_CONSENT_MODE": False,
    "REKISTERIKIT_CONSENT_RETENTION": None,
}



class ConfigurationError(RekisterikitError, RuntimeError):
    """The extension cannot start: a missing or unreadable statement, a bad setting, findings at the fail level.

    The message names the configuration key and, for an unreadable statement, lists every load error
    (``message @ $.path``).
    """


@define(frozen=True, kw_only=True)
class KitState:
    """Everything the extension keeps for one application (``app.extensions["rekisterikit"]``).

    Attributes:
        statement: the loaded statement.
        source: where it came from (the file path, or ``None`` for an object).
        report: the validators' report (``None`` when ``REKISTERIKIT_VALIDATE`` is off).
        service: the consent service.
        store: the consent log.
        consent_config: the consent cookie settings.
        default_locale: the language used when nothing else chooses one.
        locales: the languages offered (statement page URLs, locale selection).
        locale_selector: the application's own selector, or ``None``.
        subject: returns the logged-in customer's reference for the consent log, or ``None``.
        blueprint: whether the blueprint is registered.
        url_prefix: where the blueprint is mounted.
        static_url: the base URL of consent.js/consent.css, when not the blueprint's.
        statement_etag: whether the statement page answers conditional requests.
        csrf_mode: ``"token"`` or ``"origin"``.
        csrf_cookie_name: the CSRF nonce cookie.
        csrf_max_age: the nonce cookie's lifetime in seconds.
        csrf_require_origin: refuse a consent POST that has neither ``Origin`` nor ``Referer`` (the default).
        trusted_origins: other origins allowed to post consent.
        consent_mode: whether :func:`consent_scripts` adds the Google Consent Mode default.
        lazy_settings_layer: whether a decided visitor's page carries the settings layer's placeholder (loaded from
            the blueprint when reopened) instead of the hidden banner.
        retention: the default age of consent records ``prune-consents`` deletes.
        secret: the application's secret (signing key material).
        old_secrets: earlier secrets still accepted.
        memo: results that depend only on their key, kept for the application's requests (:func:`memo`); not
            part of the configuration.
    """

    statement: Statement
    source: str | None
    report: Report | None
    service: ConsentService
    store: ConsentStore
    consent_config: ConsentConfig
    default_locale: str
    locales: tuple[str, ...]
    locale_selector: Callable[[], str | None] | None
    subject: Callable[[], str | None] | None
    blueprint: bool
    url_prefix: str
    static_url: str | None
    statement_etag: bool
    csrf_mode: Literal["token", "origin"]
    csrf_cookie_name: str
    csrf_max_age: int
    trusted_origins: tuple[str, ...]
    consent_mode: bool
    retention: dt.timedelta | None
    secret: str | bytes = field(repr=False)
    old_secrets: tuple[str | bytes, ...] = field(repr=False)
    csrf_require_origin: bool = True
    lazy_settings_layer: bool = True
    memo: dict[Hashable, Any] = field(factory=dict, init=False, repr=False, eq=False)


def get_state(app: Flask | None = None) -> KitState:
    """The extension's state for ``app`` (the current application by default).

    Raises:
        RuntimeError: the extension is not initialised on the application.
    """
    if app is None:
        app = current_application()
    try:
        state: KitState = app.extensions[EXTENSION_KEY]
        return state
    except KeyError:
        raise RuntimeError("rekisterikit is not initialised on this application: call RekisteriKit(app) or "
                           "kit.init_app(app)") from None


#: The most entries :attr:`KitState.memo` keeps; when full it starts again (keys vary only by language, host,
#: script root and template arguments, so a live application stays far below it).
MEMO_LIMIT: Final = 1024


def memo(state: KitState, key: Hashable, value: Any) -> Any:
    """Keep ``value`` under ``key`` in the application's memo and return it."""
    kept = state.memo
    if len(kept) >= MEMO_LIMIT:
        kept.clear()
    kept[key] = value
    return value


#: Flask's request and application context variables (Flask 2.2 to 3.1), read without a ``LocalProxy``: one
#: ``ContextVar.get`` instead of the proxy's attribute look-ups on every access of ``request``, ``g`` or
#: ``current_app``. ``None`` in a Flask without them, which then goes through the proxies.
_REQUEST_VAR: ContextVar[Any] | None = getattr(flask.globals, "_cv_request", None)
_APP_VAR: ContextVar[Any] | None = getattr(flask.globals, "_cv_app", None)


def _request_context() -> Any:
    """The current request context, or ``None`` outside a request."""
    if _REQUEST_VAR is not None:
        return _REQUEST_VAR.get(None)
    return request_ctx._get_current_object() if has_request_context() else None  # type: ignore[attr-defined]  # pragma: no cover


def current_request() -> Request:
    """The current request object (``flask.request`` without its proxy).

    Raises:
        RuntimeError: outside a request (Flask's own message).
    """
    ctx = None if _REQUEST_VAR is None else _REQUEST_VAR.get(None)
    if ctx is None:
        return cast(Request, request._get_current_object())  # type: ignore[attr-defined]
    found: Request = ctx.request
    return found


def current_application() -> Flask:
    """The current application (``flask.current_app`` without its proxy).

    Raises:
        RuntimeError: outside an application context (Flask's own message).
    """
    ctx = None if _APP_VAR is None else _APP_VAR.get(None)
    if ctx is None:
        return cast(Flask, current_app._get_current_object())  # type: ignore[attr-defined]
    found: Flask = ctx.app
    return found


def current_g() -> Any:
    """The current application context's ``g`` (``flask.g`` without its proxy).

    Raises:
        RuntimeError: outside an application context (Flask's own message).
    """
    ctx = None if _APP_VAR is None else _APP_VAR.get(None)
    if ctx is None:
        return g._get_current_object()
    return ctx.g


def cached_url(state: KitState, endpoint: str, **values: Any) -> str:
    """``url_for(endpoint, **values)``, kept per application, script root, host and scheme.

    A URL that Flask builds in a request depends on the endpoint, its values, and what the request's URL adapter
    is bound to: the script root (``SCRIPT_NAME``, an application mounted under a prefix), the server name and
    subdomain (an absolute URL when the rule's host differs) and the scheme. The result is kept under all of these.
    Outside a request, with ``url_defaults`` functions that may add values, or with an application class that
    overrides ``url_for``, it is ``url_for`` every time.
    """
    ctx = _request_context()
    adapter = None if ctx is None else ctx.url_adapter
    if adapter is None:
        return url_for(endpoint, **values)
    app: Flask = ctx.app
    if type(app).url_for is not Flask.url_for or \
            None in app.url_default_functions or "rekisterikit" in app.url_default_functions:
        return url_for(endpoint, **values)
    key = ("url", endpoint, *values.items(), adapter.script_name, adapter.server_name, adapter.subdomain,
           adapter.url_scheme)
    found: str | None = state.memo.get(key)
    if found is None:
        found = memo(state, key, url_for(endpoint, **values))
    return found


# -- the request's consent and locale ------- --------------------------------------------------------------------


def request_headers() -> Mapping[str, str]:
    """The current request's headers, typed as the consent core takes them."""
    return cast(Mapping[str, str], request.headers)


def gpc_headers(req: Request | None = None) -> Mapping[str, str] | None:
    """The one request header the consent core reads on every request (``Sec-GPC``), or ``None`` without it.

    The same answer as :func:`request_headers` for the core's Global Privacy Control look-up, in one dictionary
    look-up in the WSGI environ (``len()`` of Werkzeug's ``EnvironHeaders`` walks the whole environ).

    Args:
        req: the request (the current one by default).
    """
    value = (current_request() if req is None else req).environ.get("HTTP_SEC_GPC")
    return None if value is None else {GPC_HEADER: value}


def read_consent(service: ConsentService, cookies: Mapping[str, str], headers: Mapping[str, str] | None
                 ) -> ConsentState | None:
    """``service.read(cookies, headers)``, verified once per cookie value and GPC signal while it is in force
    (:func:`rekisterikit.consent.kept.read`)."""
    return kept.read(service, cookies, headers)


#: ``g.consent`` before the request's consent cookie is read.
_UNREAD: Any = object()


def current_consent() -> ConsentState | None:
    """The visitor's consent in the current request (``g.consent``), or ``None`` when they must be asked."""
    ctx_g = current_g()
    found: ConsentState | None = ctx_g.get("consent", _UNREAD)
    if found is _UNREAD:
        req = current_request()
        found = ctx_g.consent = read_consent(get_state().service, req.cookies, gpc_headers(req))
    return found


def consent_allows(category: str | CookieCategory) -> bool:
    """Whether the visitor agreed to the category or service ``category`` (``necessary`` is always allowed).

    A category counts as agreed to only when every one of its services is; ask for one service by its key
    (``consent_allows("google-analytics")``).

    Raises:
        ValueError: ``category`` is neither a cookie category nor one of the statement's services.
    """
    consent = current_consent()
    _uses_cookie()
    cat = _CATEGORIES.get(category)  # a category or its name (a StrEnum member is equal to its name)
    if cat is not None:
        return cat is CookieCategory.NECESSARY or (consent is not None and cat in consent.granted)
    return get_state().service.allows(consent, category)


def _uses_cookie() -> None:
    current_g()._rk_vary_cookie = True


def _babel_locale(app: Flask) -> str | None:
    if "babel" not in app.extensions:
        return None
    try:
        from flask_babel import get_locale
    except ImportError:  # pragma: no cover - the extension key without the package
        return None
    found = get_locale()
    return None if found is None else str(found)


def _normalise(state: KitState, value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    lang = value.replace("-", "_").split("_")[0].lower()
    return lang if lang in state.locales else None


def current_locale() -> str:
    """The language of the current request: the configured selector, else Flask-Babel, else the default.

    The result is always one of the offered languages (``REKISTERIKIT_LOCALES``).
    """
    ctx_g = current_g()
    known = ctx_g.get("_rk_locale")
    if known is not None:
        return str(known)
    app = current_application()
    state = get_state(app)
    chosen = None
    if state.locale_selector is not None:
        chosen = _normalise(state, state.locale_selector())
    if chosen is None:
        chosen = _normalise(state, _babel_locale(app))
    lang = ctx_g._rk_locale = chosen or state.default_locale
    return lang


def _locale(state: KitState, locale: str | None) -> str:
    if locale is None:
        return current_locale()
    chosen = _normalise(state, locale)
    if chosen is None:
        raise ValueError(f"locale {locale!r} is not offered (one of {', '.join(state.locales)})")
    return chosen


def subject() -> str | None:
    """The logged-in customer's reference for the consent log (``REKISTERIKIT_SUBJECT``), or ``None``."""
    state = get_state()
    if state.subject is None:
        return None
    value = state.subject()
    return None if value is None or value == "" else str(value)


def remember_decision(decision: Decision) -> None:
    """Make the response set ``decision``'s cookies, and the rest of the request see its consent."""
    g._rk_decision = decision
    g.consent = decision.state

