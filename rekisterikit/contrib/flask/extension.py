"""The Flask extension :class:`RekisteriKit`: reads the configuration, builds the state, registers the hooks.

The state and the request accessors live in :mod:`rekisterikit.contrib.flask.state`, the template globals in
:mod:`rekisterikit.contrib.flask.template_globals`; this module wires them, the blueprint
(:mod:`~rekisterikit.contrib.flask.views`) and the CLI (:mod:`~rekisterikit.contrib.flask.cli`) into an application.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from flask import Flask, Response, request

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentService,
    ConsentState,
    ConsentStore,
    Decision,
    SQLiteConsentStore,
    derive_key,
    kept,
)
from rekisterikit.contrib.flask import csrf
from rekisterikit.contrib.flask.state import (
    _UNREAD,
    DEFAULTS,
    EXTENSION_KEY,
    LOCALE_FIELD,
    ConfigurationError,
    KitState,
    _locale,
    consent_allows,
    current_consent,
    current_g,
    current_locale,
    current_request,
    get_state,
    gpc_headers,
    logger,
    memo,
    read_consent,
    remember_decision,
    request_headers,
    subject,
)
from rekisterikit.contrib.flask.template_globals import (
    GLOBALS,
    consent_banner,
    consent_csrf_token,
    consent_link,
    consent_scripts,
    consent_settings,
    cookie_declaration,
    gated_script,
    privacy_statement,
)
from rekisterikit.errors import LoadError
from rekisterikit.findings import Report, Severity
from rekisterikit.model import CookieCategory, Language, Statement

__all__ = [
    "DEFAULTS",
    "EXTENSION_KEY",
    "LOCALE_FIELD",
    "ConfigurationError",
    "KitState",
    "RekisteriKit",
    "consent_allows",
    "consent_banner",
    "consent_csrf_token",
    "consent_link",
    "consent_scripts",
    "consent_settings",
    "cookie_declaration",
    "current_consent",
    "current_locale",
    "gated_script",
    "get_state",
    "privacy_statement",
    "remember_decision",
    "request_headers",
    "subject",
]

_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


# -- configuration ----------------------------------------------------------------------------------------------


def _duration(key: str, value: object) -> dt.timedelta:
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.timedelta(seconds=value)
    raise ConfigurationError(f"{key}: expected a timedelta or a number of seconds, not {value!r}")


def _names(key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset) or \
            not all(isinstance(v, str) and v for v in value):
        raise ConfigurationError(f"{key}: expected a list of category names or service keys, not {value!r}")
    return tuple(value)


def _language(key: str, value: object) -> str:
    try:
        return Language(str(value).replace("-", "_").split("_")[0].lower()).value
    except ValueError:
        raise ConfigurationError(f"{key}: {value!r} is not one of fi, sv, en") from None


def _severity(key: str, value: object) -> Severity | None:
    if value is None or value is False:
        return None
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigurationError(f"{key}: expected 'error', 'warning', 'info' or None, not {value!r}") from None


def _callable(key: str, value: object) -> Callable[[], Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        from werkzeug.utils import import_string

        try:
            value = import_string(value)
        except ImportError as exc:
            raise ConfigurationError(f"{key}: cannot import {value!r}: {exc}") from None
    if not callable(value):
        raise ConfigurationError(f"{key}: expected a function (or its dotted import path), not {value!r}")
    return cast(Callable[[], Any], value)


def _load_statement(app: Flask, value: object) -> tuple[Statement, str | None]:
    from rekisterikit.load import load

    if isinstance(value, Statement):
        return value, None
    if value is None:
        raise ConfigurationError("REKISTERIKIT_STATEMENT is not set: give the statement file (.toml or .json) or a "
                                 "Statement object")
    if not isinstance(value, str | os.PathLike):
        raise ConfigurationError(f"REKISTERIKIT_STATEMENT: expected a file path or a Statement, not "
                                 f"{type(value).__name__}")
    path = Path(value)
    if not path.is_absolute():
        path = Path(app.root_path) / path
    try:
        return load(path), str(path)
    except LoadError as exc:
        raise ConfigurationError(f"REKISTERIKIT_STATEMENT: {exc}") from exc
    except OSError as exc:
        raise ConfigurationError(f"REKISTERIKIT_STATEMENT: cannot read {path}: {exc.strerror or exc}") from exc


def _check(app: Flask, statement: Statement, source: str | None, log_level: Severity | None,
           fail_on: Severity | None) -> Report:
    from rekisterikit.validate import validate

    report = validate(statement, source=source)
    locale = statement.default_language
    if log_level is not None:
        for finding in report.at_least(log_level):
            logger.log(_LOG_LEVELS[finding.severity], "%s: %s %s [%s] %s", source or "statement", finding.severity,
                       finding.rule, finding.path, finding.message.resolve(locale)[0])
    if fail_on is not None and report.fails(fail_on):
        lines = [f"  {f.severity} {f.rule} @ {f.path}: {f.message.resolve(locale)[0]}"
                 for f in report.at_least(fail_on)]
        raise ConfigurationError(f"REKISTERIKIT_FAIL_ON={fail_on.value}: the statement has "
                                 f"{len(lines)} finding(s) at that level or above:\n" + "\n".join(lines))
    return report


def _store(app: Flask, value: object) -> ConsentStore:
    if value is None:
        os.makedirs(app.instance_path, exist_ok=True)
        return SQLiteConsentStore(Path(app.instance_path) / "rekisterikit-consent.sqlite3")
    if isinstance(value, ConsentStore):
        return value
    if value in ("flask_sqlalchemy", "flask-sqlalchemy"):
        db = app.extensions.get("sqlalchemy")
        if db is None:
            raise ConfigurationError("REKISTERIKIT_CONSENT_STORE='flask_sqlalchemy' needs Flask-SQLAlchemy "
                                     "initialised on the app first (db.init_app(app) before RekisteriKit)")
        from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

        with app.app_context():
            return SQLAlchemyConsentStore(db.engine, metadata=db.metadata)
    if isinstance(value, str) and "://" in value:
        from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

        return SQLAlchemyConsentStore(value)
    if isinstance(value, str | os.PathLike):
        path = Path(value)
        if not path.is_absolute():
            path = Path(app.instance_path) / path
        path.parent.mkdir(parents=True, exist_ok=True)
        return SQLiteConsentStore(path)
    raise ConfigurationError(f"REKISTERIKIT_CONSENT_STORE: expected a ConsentStore, an SQLite file, a database "
                             f"URL or 'flask_sqlalchemy', not {value!r}")


def _before_request() -> None:
    service = get_state().service
    req = current_request()
    headers = gpc_headers(req)  # Sec-GPC alone: the only header the core reads here
    if headers is not None and service.gpc(headers):
        decision = service.refresh(req.cookies, headers, https=req.is_secure, subject=subject())
        if decision is not None:
            remember_decision(decision)
            return
    current_g().consent = read_consent(service, req.cookies, headers)


def _expiry_headers(state: KitState, names: tuple[str, ...], host: str, secure: bool) -> tuple[str, ...]:
    """The ``Set-Cookie`` values that delete ``names`` host-only and on every parent domain (kept per names, host
    and ``Secure``: the configuration gives the rest)."""
    from rekisterikit.consent.domains import expire_everywhere

    key = ("expire", names, host, secure)
    found = state.memo.get(key)
    if found is None:
        config = state.consent_config
        found = memo(state, key, tuple(
            cookie.header() for cookie in expire_everywhere(names, host=host, path=config.path, domain=config.domain,
                                                            secure=secure, samesite=config.samesite)))
    return cast(tuple[str, ...], found)


#: The declined cookies per (consent service, granted categories, the request's cookie names): visitors share a few
#: jars. Bounded: it starts again when full.
def _declined(service: ConsentService, granted: frozenset[CookieCategory], cookies: Mapping[str, str]
              ) -> tuple[str, ...]:
    """``service.declined_cookies(granted, cookies)``, kept per service, grant and cookie names."""
    return kept.declined_cookies(service, granted, cookies)


def _after_request(response: Response) -> Response:
    state = get_state()
    service = state.service
    req = current_request()  # one look-up per context local
    ctx_g = current_g()
    decision: Decision | None = ctx_g.pop("_rk_decision", None)
    cookies = req.cookies
    headers = response.headers
    deleted: frozenset[str] = frozenset()
    if decision is not None:
        from rekisterikit.consent.domains import with_parent_domains

        # The deletions go on every parent domain too: gtag.js and the pixel keep _ga and _fbp on .shop.fi.
        for cookie in with_parent_domains((decision.cookie, *decision.expire), req.host):
            headers.add("Set-Cookie", cookie.header())
        deleted = frozenset(decision.delete_cookies)
        granted = decision.state.granted
        ctx_g._rk_vary_cookie = True
    else:
        consent = ctx_g.get("consent", _UNREAD)
        if consent is _UNREAD:
            consent = read_consent(service, cookies, gpc_headers(req))
        granted = consent.granted if consent is not None else frozenset()
    config = state.consent_config
    secure = config.secure if config.secure is not None else req.is_secure
    if deleted:
        names = tuple(n for n in _declined(service, granted, cookies) if n not in deleted)
        expiries = _expiry_headers(state, names, req.host, secure) if names else ()
    else:
        # The deletions of a visitor's page view in one look-up: they depend only on the grant, the host, Secure and
        # the request's cookie names (the names of the jar, not their values).
        key = ("expire-jar", granted, req.host, secure, *cookies)
        kept_headers: tuple[str, ...] | None = state.memo.get(key)
        if kept_headers is None:
            names = _declined(service, granted, cookies)
            kept_headers = memo(state, key, _expiry_headers(state, names, req.host, secure) if names else ())
        expiries = kept_headers
    for header in expiries:
        headers.add("Set-Cookie", header)
    if ctx_g.get("_rk_csrf_new"):
        nonce = csrf.nonce_cookie(req, state)
        if nonce is not None:
            headers.add("Set-Cookie", nonce.header())
            ctx_g._rk_vary_cookie = True
    # One pass over the header list (a missed Headers look-up raises inside); an absent header is added at the end,
    # where setting it would put it, without setting's second pass.
    present = {name.lower() for name, _ in headers}
    sets_cookie = "set-cookie" in present
    if sets_cookie:
        # A response that sets or deletes a cookie is never for a shared cache: not public, and keyed on Cookie.
        if "cache-control" not in present:
            headers.add("Cache-Control", "private")  # what Werkzeug's cache_control writes for an empty header
        else:
            control = response.cache_control  # parsed once: each access parses the header anew
            control.public = False
            if not control.no_store:
                control.private = True
    if sets_cookie or ctx_g.get("_rk_vary_cookie"):
        if "vary" not in present:
            headers.add("Vary", "Cookie")  # what Werkzeug's vary.add writes for an empty header
        else:
            response.vary.add("Cookie")
    return response


def _context() -> dict[str, Any]:
    return {"consent": current_consent()}



# -- the extension ----------------------------------------------------------------------------------------------


class RekisteriKit:
    """The rekisterikit Flask extension: the statement, consent and their templates helpers on an application.

    Use it directly or with an application factory::

        kit = RekisteriKit()

        def create_app():
            app = Flask(__name__)
            app.config["REKISTERIKIT_STATEMENT"] = "statement.toml"
            kit.init_app(app)
            return app

    Args:
        app: the application to initialise at once (``RekisteriKit(app)``).
        **options: defaults for the configuration keys, without the ``REKISTERIKIT_`` prefix and in lower case
            (``statement="statement.toml"``, ``consent_store=store``); the app's config wins over them.

    Raises:
        ConfigurationError: an option is not a known configuration key.
    """

    def __init__(self, app: Flask | None = None, **options: Any) -> None:
        unknown = sorted(k for k in options if f"REKISTERIKIT_{k.upper()}" not in DEFAULTS)
        if unknown:
            raise ConfigurationError(f"unknown rekisterikit option(s): {', '.join(unknown)}")
        self.options = {f"REKISTERIKIT_{k.upper()}": v for k, v in options.items()}
        if app is not None:
            self.init_app(app)

    def _setting(self, app: Flask, key: str) -> Any:
        if key in app.config:
            return app.config[key]
        return self.options.get(key, DEFAULTS[key])

    def init_app(self, app: Flask) -> None:
        """Load and check the statement, set up consent, and register the hooks, globals, blueprint and CLI.

        Raises:
            RuntimeError: the extension is already initialised on ``app``.
            ConfigurationError: the statement cannot be loaded (the message lists every load error), a setting is
                invalid, ``SECRET_KEY`` is missing, or the statement has findings at ``REKISTERIKIT_FAIL_ON``.
        """
        if EXTENSION_KEY in app.extensions:
            raise RuntimeError("rekisterikit is already initialised on this application")
        state = self._build_state(app)
        app.extensions[EXTENSION_KEY] = state
        app.before_request(_before_request)
        app.after_request(_after_request)
        app.context_processor(_context)
        for name, function in GLOBALS.items():
            app.add_template_global(function, name)
        if state.blueprint:
            from rekisterikit.contrib.flask.views import make_blueprint

            app.register_blueprint(make_blueprint(), url_prefix=state.url_prefix or None)
        from rekisterikit.contrib.flask.cli import cli

        app.cli.add_command(cli)

    def _build_state(self, app: Flask) -> KitState:
        def setting(key: str) -> Any:
            return self._setting(app, key)

        statement, source = _load_statement(app, setting("REKISTERIKIT_STATEMENT"))
        log_level = _severity("REKISTERIKIT_LOG_LEVEL", setting("REKISTERIKIT_LOG_LEVEL"))
        fail_on = _severity("REKISTERIKIT_FAIL_ON", setting("REKISTERIKIT_FAIL_ON"))
        report = (_check(app, statement, source, log_level, fail_on) if setting("REKISTERIKIT_VALIDATE")
                  else None)

        secret = app.config.get("SECRET_KEY")
        if not secret:
            raise ConfigurationError("SECRET_KEY is not set: rekisterikit signs the consent cookie with a key "
                                     "derived from it")
        old = tuple(app.config.get("SECRET_KEY_FALLBACKS") or ())
        for key, value in (("SECRET_KEY", secret), *(("SECRET_KEY_FALLBACKS", o) for o in old)):
            try:
                derive_key(value)
            except (ConsentError, TypeError) as exc:
                raise ConfigurationError(f"{key}: {exc}") from None
        try:
            consent_config = ConsentConfig(
                secret=secret, old_secrets=old, cookie_name=setting("REKISTERIKIT_COOKIE_NAME"),
                max_age=_duration("REKISTERIKIT_COOKIE_MAX_AGE", setting("REKISTERIKIT_COOKIE_MAX_AGE")),
                reject_max_age=_duration("REKISTERIKIT_REJECT_COOKIE_MAX_AGE",
                                         setting("REKISTERIKIT_REJECT_COOKIE_MAX_AGE")),
                gpc=bool(setting("REKISTERIKIT_GPC")),
                gpc_covers=_names("REKISTERIKIT_GPC_COVERS", setting("REKISTERIKIT_GPC_COVERS")),
                consent_mode_services=None if setting("REKISTERIKIT_CONSENT_MODE_SERVICES") is None else _names(
                    "REKISTERIKIT_CONSENT_MODE_SERVICES", setting("REKISTERIKIT_CONSENT_MODE_SERVICES")),
                secure=setting("REKISTERIKIT_COOKIE_SECURE"),
                path=setting("REKISTERIKIT_COOKIE_PATH"), domain=setting("REKISTERIKIT_COOKIE_DOMAIN"),
                samesite=setting("REKISTERIKIT_COOKIE_SAMESITE"))
        except (ConsentError, TypeError) as exc:
            raise ConfigurationError(f"REKISTERIKIT_COOKIE_*: {exc}") from None

        languages = tuple(lang.value for lang in statement.languages)
        locales_setting = setting("REKISTERIKIT_LOCALES")
        locales = (tuple(dict.fromkeys(_language("REKISTERIKIT_LOCALES", v) for v in locales_setting))
                   if locales_setting else languages)
        default_setting = setting("REKISTERIKIT_DEFAULT_LOCALE")
        default = (_language("REKISTERIKIT_DEFAULT_LOCALE", default_setting) if default_setting
                   else statement.default_language.value)
        if default not in locales:
            locales = (default, *locales)

        csrf_mode = setting("REKISTERIKIT_CSRF")
        if csrf_mode not in ("token", "origin"):
            raise ConfigurationError(f"REKISTERIKIT_CSRF: expected 'token' or 'origin', not {csrf_mode!r}")
        trusted = setting("REKISTERIKIT_TRUSTED_ORIGINS")
        if isinstance(trusted, str):
            trusted = (trusted,)
        trusted_origins = []
        for value in trusted or ():
            origin = csrf.origin_of(str(value))
            if origin is None:
                raise ConfigurationError(f"REKISTERIKIT_TRUSTED_ORIGINS: {value!r} is not an http(s) origin")
            trusted_origins.append(origin)
        retention = setting("REKISTERIKIT_CONSENT_RETENTION")
        prefix = str(setting("REKISTERIKIT_URL_PREFIX") or "").rstrip("/")

        store = _store(app, setting("REKISTERIKIT_CONSENT_STORE"))
        service = ConsentService(statement, consent_config, store)
        return KitState(
            statement=statement, source=source, report=report, service=service, store=store,
            consent_config=consent_config, default_locale=default, locales=locales,
            locale_selector=_callable("REKISTERIKIT_LOCALE_SELECTOR", setting("REKISTERIKIT_LOCALE_SELECTOR")),
            subject=_callable("REKISTERIKIT_SUBJECT", setting("REKISTERIKIT_SUBJECT")),
            blueprint=bool(setting("REKISTERIKIT_BLUEPRINT")), url_prefix=prefix,
            static_url=setting("REKISTERIKIT_STATIC_URL"),
            statement_etag=bool(setting("REKISTERIKIT_STATEMENT_ETAG")), csrf_mode=csrf_mode,
            csrf_cookie_name=str(setting("REKISTERIKIT_CSRF_COOKIE_NAME")),
            csrf_require_origin=bool(setting("REKISTERIKIT_CSRF_REQUIRE_ORIGIN")),
            csrf_max_age=int(consent_config.max_age.total_seconds()), trusted_origins=tuple(trusted_origins),
            consent_mode=bool(setting("REKISTERIKIT_CONSENT_MODE")),
            lazy_settings_layer=bool(setting("REKISTERIKIT_LAZY_SETTINGS_LAYER")),
            retention=None if retention is None else _duration("REKISTERIKIT_CONSENT_RETENTION", retention),
            secret=secret, old_secrets=old)

    # -- conveniences for views -----------------------------------------------------------------------------

    @staticmethod
    def state(app: Flask | None = None) -> KitState:
        """The state of the extension on ``app`` (the current application by default)."""
        return get_state(app)

    @staticmethod
    def statement(app: Flask | None = None) -> Statement:
        """The loaded statement of ``app`` (the current application by default)."""
        return get_state(app).statement

    @staticmethod
    def consent() -> ConsentState | None:
        """The visitor's consent in the current request, or ``None``."""
        return current_consent()

    @staticmethod
    def allows(category: str | CookieCategory) -> bool:
        """Whether the visitor agreed to ``category`` in the current request."""
        return consent_allows(category)

    @staticmethod
    def decide(categories: Iterable[str | CookieCategory], *, locale: str | None = None) -> Decision:
        """Record a choice made by the shop's own code (e.g. an account page): grant exactly ``categories``.

        The response of the current request sets the new consent cookie.
        """
        state = get_state()
        decision = state.service.choose(categories, cookies=request.cookies, headers=request_headers(),
                                        locale=_locale(state, locale), subject=subject(), https=request.is_secure)
        remember_decision(decision)
        return decision
