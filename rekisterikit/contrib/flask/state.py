"""The Flask adapter's state: configuration keys, :class:`KitState`, and the current request's consent and locale.

Everything else in the adapter (the extension, its template globals, the views, CSRF and the CLI) reads the
application's state through :func:`get_state` and the accessors here; this module imports none of them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any, Literal, cast

from attrs import define, field
from flask import Flask, current_app, g, request

from rekisterikit.consent import ConsentConfig, ConsentService, ConsentState, ConsentStore, Decision
from rekisterikit.consent.state import parse_category
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
    "remember_decision",
    "request_headers",
    "subject",
]

logger = logging.getLogger("rekisterikit.contrib.flask")

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
        retention: the default age of consent records ``prune-consents`` deletes.
        secret: the application's secret (signing key material).
        old_secrets: earlier secrets still accepted.
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


def get_state(app: Flask | None = None) -> KitState:
    """The extension's state for ``app`` (the current application by default).

    Raises:
        RuntimeError: the extension is not initialised on the application.
    """
    app = app if app is not None else cast(Flask, current_app._get_current_object())  # type: ignore[attr-defined]
    try:
        return cast(KitState, app.extensions[EXTENSION_KEY])
    except KeyError:
        raise RuntimeError("rekisterikit is not initialised on this application: call RekisteriKit(app) or "
                           "kit.init_app(app)") from None


# -- the request's consent and locale ------- --------------------------------------------------------------------


def request_headers() -> Mapping[str, str]:
    """The current request's headers, typed as the consent core takes them."""
    return cast(Mapping[str, str], request.headers)


def current_consent() -> ConsentState | None:
    """The visitor's consent in the current request (``g.consent``), or ``None`` when they must be asked."""
    if "consent" not in g:
        state = get_state()
        g.consent = state.service.read(request.cookies, request_headers())
    return cast(ConsentState | None, g.consent)


def consent_allows(category: str | CookieCategory) -> bool:
    """Whether the visitor agreed to the category or service ``category`` (``necessary`` is always allowed).

    A category counts as agreed to only when every one of its services is; ask for one service by its key
    (``consent_allows("google-analytics")``).

    Raises:
        ValueError: ``category`` is neither a cookie category nor one of the statement's services.
    """
    consent = current_consent()
    _uses_cookie()
    if isinstance(category, CookieCategory) or category in {c.value for c in CookieCategory}:
        cat = parse_category(category)
        return cat is CookieCategory.NECESSARY or (consent is not None and cat in consent.granted)
    return get_state().service.allows(consent, category)


def _uses_cookie() -> None:
    g._rk_vary_cookie = True


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
    if "_rk_locale" in g:
        return str(g._rk_locale)
    state = get_state()
    app = cast(Flask, current_app._get_current_object())  # type: ignore[attr-defined]
    chosen = None
    if state.locale_selector is not None:
        chosen = _normalise(state, state.locale_selector())
    if chosen is None:
        chosen = _normalise(state, _babel_locale(app))
    g._rk_locale = chosen or state.default_locale
    return str(g._rk_locale)


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

