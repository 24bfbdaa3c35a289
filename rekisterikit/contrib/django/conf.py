"""The ``REKISTERIKIT`` settings dict, merged over defaults, and the objects built from it (cached per process).

Every value is read through :func:`get_config`, which validates the dict once and caches the result; the cache,
the loaded statement and the consent service are dropped when a test changes ``REKISTERIKIT``, ``SECRET_KEY`` or
``SECRET_KEY_FALLBACKS`` (Django's ``setting_changed`` signal). Problems are raised as
:class:`~django.core.exceptions.ImproperlyConfigured` and reported by the system checks.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from attrs import define, field
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.module_loading import import_string

from rekisterikit.consent import ConsentConfig, ConsentService, ConsentStore
from rekisterikit.errors import ConsentError
from rekisterikit.findings import Severity
from rekisterikit.model import Language, Statement

if TYPE_CHECKING:
    from django.http import HttpRequest

__all__ = [
    "DEFAULTS",
    "LOCALES",
    "Config",
    "active_locale",
    "clear_caches",
    "get_config",
    "get_service",
    "get_statement",
    "get_store",
    "load_statement",
    "request_subject",
    "user_subject",
]

#: The languages rekisterikit renders (its catalogs); Django's active language is mapped onto one of them.
LOCALES: tuple[str, ...] = tuple(lang.value for lang in Language)

#: The defaults the ``REKISTERIKIT`` dict is merged over. Keys are documented in the Django guide.
DEFAULTS: dict[str, Any] = {
    "STATEMENT": None,
    "DEFAULT_LOCALE": "fi",
    "COOKIE_NAME": "rk_consent",
    "COOKIE_AGE": dt.timedelta(days=365),
    "REJECT_COOKIE_AGE": dt.timedelta(days=182),
    "COOKIE_SECURE": None,
    "COOKIE_DOMAIN": None,
    "COOKIE_PATH": "/",
    "COOKIE_SAMESITE": "Lax",
    "GPC": True,
    "GPC_COVERS": ("marketing",),
    "CONSENT_MODE_SERVICES": None,
    "STORE": "rekisterikit.contrib.django.store.DjangoConsentStore",
    "SUBJECT": "rekisterikit.contrib.django.conf.user_subject",
    "DELETE_DECLINED_COOKIES": True,
    "CHECK_FAIL_LEVEL": "error",
    "CHECK_REPORT_LEVEL": "warning",
    "CHECK_IGNORE": (),
    "PAGE_TEMPLATE": "rekisterikit/statement_page.html",
    "SETTINGS_TEMPLATE": "rekisterikit/consent_settings.html",
    "BANNER_TEMPLATE": None,
    "LAZY_SETTINGS_LAYER": True,
    "PAGE_CACHE_SECONDS": 3600,
    "STATEMENT_URL": None,
    "SETTINGS_URL": None,
    "POLICY_URL": None,
}

_LEVELS = ("error", "warning", "info")
_lock = threading.Lock()


def user_subject(request: HttpRequest) -> str | None:
    """The default ``SUBJECT``: ``"user:<pk>"`` for a signed-in user, ``None`` for anonymous visitors.

    The reference links consent records to the customer for access and erasure requests
    (``rekisterikit_erase_subject user:42``); it is an opaque id, not an e-mail address.
    """
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False) or user.pk is None:
        return None
    return f"user:{user.pk}"


def _seconds(value: object, key: str) -> dt.timedelta:
    if isinstance(value, dt.timedelta):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = dt.timedelta(seconds=value)
    else:
        raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}] must be a timedelta or a number of seconds, not {value!r}")
    if result <= dt.timedelta(0):
        raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}] must be positive")
    return result


def _names(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset) or \
            not all(isinstance(v, str) and v for v in value):
        raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}] must be a list of category names or service keys, "
                                   f"not {value!r}")
    return tuple(value)


def _level(value: object, key: str, *, allow_none: bool) -> Severity | None:
    if value is None and allow_none:
        return None
    if isinstance(value, str) and value.lower() in _LEVELS:
        return Severity(value.lower())
    choices = ", ".join(repr(v) for v in (*_LEVELS, *((None,) if allow_none else ())))
    raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}] must be one of {choices}, not {value!r}")


def _locale(value: object) -> str:
    if isinstance(value, str) and value.lower() in LOCALES:
        return value.lower()
    raise ImproperlyConfigured(f"REKISTERIKIT['DEFAULT_LOCALE'] must be one of {', '.join(LOCALES)}, not {value!r}")


def _callable(value: object, key: str) -> Callable[..., Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = import_string(value)
        except ImportError as exc:
            raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}]: cannot import {value!r}: {exc}") from exc
    if not callable(value):
        raise ImproperlyConfigured(f"REKISTERIKIT[{key!r}] must be a dotted path to a callable or None")
    return value


@define(frozen=True, kw_only=True)
class Config:
    """The validated ``REKISTERIKIT`` settings.

    Attributes:
        statement: the ``STATEMENT`` setting as given (path, dotted path or :class:`~rekisterikit.Statement`).
        default_locale: the language used when Django's active language is none of fi, sv, en.
        consent: the consent cookie configuration (the secret derived from ``SECRET_KEY``).
        store: the consent store factory, or ``None`` to keep no consent log.
        subject: returns the data subject reference of a request, or ``None``.
        delete_declined_cookies: expire first-party cookies of declined categories on every response.
        check_fail_level: the finding severity from which a finding is a Django ``Error`` (``None``: never).
        check_report_level: the least severe finding shown by the system checks.
        check_ignore: rule selectors the system checks leave out.
        page_template: the template of the statement page.
        settings_template: the template of the cookie settings page.
        banner_template: a shop's own banner template (gets :func:`~rekisterikit.consent.banner.banner_context` as
            ``banner``), or ``None`` for rekisterikit's markup.
        lazy_settings_layer: a visitor who has decided gets a placeholder instead of the hidden settings form;
            the reopen link loads the form from the settings layer view (``False``: the hidden form inline).
        page_cache_seconds: ``max-age`` of the statement page (0: not cacheable).
        statement_url: the statement's URL for the banner (default: the statement view).
        settings_url: the cookie settings page (default: the settings view).
        policy_url: the statement's public URL in consent proofs.
    """

    statement: object
    default_locale: str
    consent: ConsentConfig = field(repr=False)
    store: Callable[[], ConsentStore] | None
    subject: Callable[[HttpRequest], str | None] | None
    delete_declined_cookies: bool
    check_fail_level: Severity | None
    check_report_level: Severity
    check_ignore: tuple[str, ...]
    page_template: str
    settings_template: str
    banner_template: str | None
    lazy_settings_layer: bool
    page_cache_seconds: int
    statement_url: str | None
    settings_url: str | None
    policy_url: str | None


def _build_config() -> Config:
    raw = getattr(settings, "REKISTERIKIT", None)
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise ImproperlyConfigured("the REKISTERIKIT setting must be a dict")
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        raise ImproperlyConfigured(f"REKISTERIKIT has unknown key(s): {', '.join(map(str, unknown))} "
                                   f"(known: {', '.join(DEFAULTS)})")
    merged = {**DEFAULTS, **raw}
    secret = settings.SECRET_KEY
    fallbacks = tuple(getattr(settings, "SECRET_KEY_FALLBACKS", ()) or ())
    age = _seconds(merged["COOKIE_AGE"], "COOKIE_AGE")
    reject_age = _seconds(merged["REJECT_COOKIE_AGE"], "REJECT_COOKIE_AGE")
    try:
        consent = ConsentConfig(secret=secret, old_secrets=fallbacks, cookie_name=merged["COOKIE_NAME"],
                                max_age=age, reject_max_age=reject_age, gpc=bool(merged["GPC"]),
                                gpc_covers=_names(merged["GPC_COVERS"], "GPC_COVERS"),
                                consent_mode_services=None if merged["CONSENT_MODE_SERVICES"] is None
                                else _names(merged["CONSENT_MODE_SERVICES"], "CONSENT_MODE_SERVICES"),
                                secure=merged["COOKIE_SECURE"],
                                path=merged["COOKIE_PATH"], domain=merged["COOKIE_DOMAIN"],
                                samesite=merged["COOKIE_SAMESITE"])
    except (ConsentError, TypeError) as exc:
        raise ImproperlyConfigured(f"REKISTERIKIT: {exc}") from exc
    ignore = merged["CHECK_IGNORE"]
    if isinstance(ignore, str) or not all(isinstance(s, str) for s in ignore):
        raise ImproperlyConfigured("REKISTERIKIT['CHECK_IGNORE'] must be a list of rule selectors")
    cache_seconds = merged["PAGE_CACHE_SECONDS"]
    if not isinstance(cache_seconds, int) or isinstance(cache_seconds, bool) or cache_seconds < 0:
        raise ImproperlyConfigured("REKISTERIKIT['PAGE_CACHE_SECONDS'] must be a number of seconds (0 or more)")
    report_level = _level(merged["CHECK_REPORT_LEVEL"], "CHECK_REPORT_LEVEL", allow_none=False)
    assert report_level is not None
    return Config(statement=merged["STATEMENT"], default_locale=_locale(merged["DEFAULT_LOCALE"]), consent=consent,
                  store=_callable(merged["STORE"], "STORE"), subject=_callable(merged["SUBJECT"], "SUBJECT"),
                  delete_declined_cookies=bool(merged["DELETE_DECLINED_COOKIES"]),
                  check_fail_level=_level(merged["CHECK_FAIL_LEVEL"], "CHECK_FAIL_LEVEL", allow_none=True),
                  check_report_level=report_level, check_ignore=tuple(ignore),
                  page_template=str(merged["PAGE_TEMPLATE"]), settings_template=str(merged["SETTINGS_TEMPLATE"]),
                  banner_template=None if merged["BANNER_TEMPLATE"] is None else str(merged["BANNER_TEMPLATE"]),
                  lazy_settings_layer=bool(merged["LAZY_SETTINGS_LAYER"]),
                  page_cache_seconds=cache_seconds, statement_url=merged["STATEMENT_URL"],
                  settings_url=merged["SETTINGS_URL"], policy_url=merged["POLICY_URL"])


@cache
def get_config() -> Config:
    """The validated settings (cached until the settings change).

    Raises:
        ImproperlyConfigured: the ``REKISTERIKIT`` dict or ``SECRET_KEY`` is invalid.
    """
    return _build_config()


def _is_path(value: str) -> bool:
    return value.lower().endswith((".toml", ".json")) or "/" in value or "\\" in value


def load_statement(value: object) -> Statement:
    """Load the statement a ``STATEMENT`` setting names (uncached).

    Args:
        value: a :class:`~rekisterikit.Statement`, a path (``str`` ending in ``.toml``/``.json``, or a
            :class:`~pathlib.Path`) to a statement file, or a dotted path to a ``Statement`` object or to a
            callable returning one.

    Raises:
        LoadError: the file is not a valid statement.
        ImproperlyConfigured: the setting is missing, the file or object cannot be found, or it is no statement.
    """
    from rekisterikit.load import load

    if isinstance(value, Statement):
        return value
    if value is None:
        raise ImproperlyConfigured("REKISTERIKIT['STATEMENT'] is not set: give the path of your statement file")
    if isinstance(value, Path) or (isinstance(value, str) and _is_path(value)):
        path = Path(value)
        if not path.is_file():
            raise ImproperlyConfigured(f"REKISTERIKIT['STATEMENT']: no such file {str(path)!r}")
        return load(path)
    if not isinstance(value, str):
        raise ImproperlyConfigured(f"REKISTERIKIT['STATEMENT'] must be a path or a dotted path, not {value!r}")
    try:
        found = import_string(value)
    except ImportError as exc:
        raise ImproperlyConfigured(f"REKISTERIKIT['STATEMENT']: cannot import {value!r}: {exc}") from exc
    if callable(found) and not isinstance(found, Statement):
        found = found()
    if not isinstance(found, Statement):
        raise ImproperlyConfigured(f"REKISTERIKIT['STATEMENT']: {value!r} is not a rekisterikit Statement")
    return found


@cache
def get_statement() -> Statement:
    """The configured statement, loaded once (until the settings change).

    Raises:
        LoadError: the statement file is invalid.
        ImproperlyConfigured: see :func:`load_statement`.
    """
    return load_statement(get_config().statement)


@cache
def get_store() -> ConsentStore | None:
    """The consent store the ``STORE`` setting names, created once; ``None`` when no log is kept."""
    factory = get_config().store
    return None if factory is None else factory()


@cache
def get_service() -> ConsentService:
    """The consent service for the configured statement, settings and store (created once)."""
    with _lock:
        return ConsentService(get_statement(), get_config().consent, get_store())


def clear_caches() -> None:
    """Forget the cached settings, statement, store and service (called when the settings change)."""
    for cached in (get_config, get_statement, get_store, get_service):
        cached.cache_clear()


def active_locale(default: str | None = None) -> Literal["fi", "sv", "en"] | str:
    """Django's active language as one of ``fi``, ``sv``, ``en`` (``sv-fi`` → ``sv``), else the default locale."""
    code = translation.get_language() or ""
    primary = code.replace("_", "-").split("-", 1)[0].lower()
    if primary in LOCALES:
        return primary
    return default or get_config().default_locale


def request_subject(request: HttpRequest) -> str | None:
    """The data subject reference of ``request`` from the ``SUBJECT`` setting (``None`` when not set)."""
    subject = get_config().subject
    if subject is None:
        return None
    value = subject(request)
    return None if value is None else str(value)
