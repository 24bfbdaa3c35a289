"""The Flask extension: :class:`RekisteriKit`, its configuration keys, the request hooks and the Jinja globals."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, cast

from attrs import define, field
from flask import Flask, Response, current_app, g, request, url_for
from markupsafe import Markup

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentService,
    ConsentState,
    ConsentStore,
    Decision,
    SetCookie,
    SQLiteConsentStore,
    consent_mode_script,
    derive_key,
)
from rekisterikit.consent.state import parse_category
from rekisterikit.contrib.flask import csrf
from rekisterikit.errors import LoadError, RekisterikitError
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
    "REKISTERIKIT_COOKIE_SECURE": None,
    "REKISTERIKIT_COOKIE_DOMAIN": None,
    "REKISTERIKIT_COOKIE_PATH": "/",
    "REKISTERIKIT_COOKIE_SAMESITE": "Lax",
    "REKISTERIKIT_GPC": True,
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
    "REKISTERIKIT_TRUSTED_ORIGINS": (),
    "REKISTERIKIT_CONSENT_MODE": False,
    "REKISTERIKIT_CONSENT_RETENTION": None,
}

_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


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


# -- configuration ----------------------------------------------------------------------------------------------


def _duration(key: str, value: object) -> dt.timedelta:
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.timedelta(seconds=value)
    raise ConfigurationError(f"{key}: expected a timedelta or a number of seconds, not {value!r}")


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


# -- the request's consent, locale and hooks --------------------------------------------------------------------


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
    """Whether the visitor agreed to ``category`` (``necessary`` is always allowed).

    Raises:
        ValueError: ``category`` is not a cookie category.
    """
    cat = parse_category(category)
    state = current_consent()
    _uses_cookie()
    return cat is CookieCategory.NECESSARY or (state is not None and cat in state.granted)


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


def _before_request() -> None:
    state = get_state()
    decision = None
    if state.service.gpc(request_headers()):
        decision = state.service.refresh(request.cookies, request_headers(), https=request.is_secure,
                                         subject=subject())
    if decision is not None:
        remember_decision(decision)
    else:
        g.consent = state.service.read(request.cookies, request_headers())


def _after_request(response: Response) -> Response:
    state = get_state()
    service = state.service
    decision: Decision | None = g.pop("_rk_decision", None)
    deleted: set[str] = set()
    if decision is not None:
        for header in decision.set_cookie_headers():
            response.headers.add("Set-Cookie", header)
        deleted.update(decision.delete_cookies)
        granted = decision.state.granted
        _uses_cookie()
    else:
        consent = g.get("consent") if "consent" in g else service.read(request.cookies, request_headers())
        granted = consent.granted if consent is not None else frozenset()
    config = state.consent_config
    secure = config.secure if config.secure is not None else request.is_secure
    for name in service.declined_cookies(granted, request.cookies):
        if name not in deleted:
            response.headers.add("Set-Cookie", SetCookie.expire(name, path=config.path, domain=config.domain,
                                                                secure=secure, samesite=config.samesite).header())
    nonce = csrf.nonce_cookie(request, state)
    if nonce is not None:
        response.headers.add("Set-Cookie", nonce.header())
        _uses_cookie()
    if g.get("_rk_vary_cookie"):
        response.vary.add("Cookie")
    return response


# -- Jinja globals ------------------------------------------------------------------------------------------------


def privacy_statement(locale: str | None = None, *, heading_level: int = 1) -> Markup:
    """The statement as an HTML fragment in ``locale`` (the request's language by default)."""
    from rekisterikit.render import render

    state = get_state()
    return render(state.statement, locale=_locale(state, locale), format="html", heading_level=heading_level)


def cookie_declaration(locale: str | None = None) -> Markup:
    """The cookie declaration table (name, provider, purpose, category, duration, party) as HTML."""
    from rekisterikit.render import render_cookie_table

    state = get_state()
    return render_cookie_table(state.statement, locale=_locale(state, locale), format="html")


def _need_blueprint(state: KitState, what: str) -> None:
    if not state.blueprint:
        raise ConfigurationError(f"{what} needs the rekisterikit blueprint (REKISTERIKIT_BLUEPRINT = True): it "
                                 "posts to the blueprint's consent endpoint")


def consent_csrf_token() -> tuple[str, str]:
    """The hidden ``(field name, token)`` a form posting to the consent endpoints must carry."""
    state = get_state()
    app = cast(Flask, current_app._get_current_object())  # type: ignore[attr-defined]
    _uses_cookie()
    return csrf.token(request, state, app)


def _current_path() -> str:
    query = request.query_string.decode("latin-1")
    return request.path + ("?" + query if query else "")


def _form_args(state: KitState, locale: str) -> dict[str, Any]:
    field, token = consent_csrf_token()
    return {
        "locale": locale,
        "action": url_for("rekisterikit.consent"),
        "statement_url": url_for("rekisterikit.statement", lang=locale),
        "next_url": _current_path(),
        "hidden": {field: token, LOCALE_FIELD: locale},
        "gpc": state.service.gpc(request_headers()),
    }


def consent_banner(locale: str | None = None) -> Markup:
    """The consent banner for the end of ``<body>``: shown until the visitor decides, hidden (reopenable) after.

    Renders nothing when the statement declares no cookie that needs consent.
    """
    from rekisterikit.consent import render_banner

    state = get_state()
    _need_blueprint(state, "consent_banner()")
    lang = _locale(state, locale)
    _uses_cookie()
    return render_banner(state.service, current_consent(), **_form_args(state, lang))


def consent_settings(locale: str | None = None) -> Markup:
    """The cookie settings form for a settings page (every category, with the current choices ticked)."""
    from rekisterikit.consent import render_settings

    state = get_state()
    _need_blueprint(state, "consent_settings()")
    lang = _locale(state, locale)
    _uses_cookie()
    args = _form_args(state, lang)
    return render_settings(state.service, current_consent(), **args)


def consent_link(locale: str | None = None) -> Markup:
    """The "Cookie settings" link for the footer: reopens the banner, or goes to the settings page without JS."""
    from rekisterikit.consent import reopen_link

    state = get_state()
    _need_blueprint(state, "consent_link()")
    return reopen_link(locale=_locale(state, locale), href=url_for("rekisterikit.settings"))


def consent_scripts(nonce: str | None = None) -> Markup:
    """The ``<link>`` to consent.css and ``<script defer>`` of consent.js (and the Consent Mode default).

    Put it in ``<head>``. With ``REKISTERIKIT_CONSENT_MODE`` the Google Consent Mode v2 default (and the visitor's
    stored choices) come first, before any Google tag.
    """
    from rekisterikit.consent import static_tags

    state = get_state()
    if state.static_url is not None:
        base = state.static_url
    else:
        _need_blueprint(state, "consent_scripts()")
        base = url_for("rekisterikit.static", filename="")
    tags = static_tags(base, nonce=nonce)
    if state.consent_mode:
        _uses_cookie()
        return Markup("{}\n{}").format(consent_mode_script(current_consent(), nonce=nonce), tags)
    return tags


def gated_script(category: str | CookieCategory, src: str, *, nonce: str | None = None,
                 **attributes: str) -> Markup:
    """A ``<script src>`` that runs only with consent to ``category``.

    With consent it is a normal script; without, an inert ``type="text/plain"`` element that consent.js activates
    when the visitor agrees. ``attributes`` become attributes of the script (``async=""``, ``data_id="x"`` is
    ``data-id``).

    Raises:
        ValueError: an unknown category, or an attribute that is not allowed (``type``, ``src``, ``on…``).
    """
    from rekisterikit.consent import deferred_script

    cat = parse_category(category)
    attrs = {k.replace("_", "-"): str(v) for k, v in attributes.items()}
    for name in attrs:
        if not name.replace("-", "").isalnum() or name.lower() in ("type", "src", "nonce") or name.startswith("on"):
            raise ValueError(f"attribute {name!r} is not allowed")
    if not cat.needs_consent or consent_allows(cat):
        parts = [Markup(' src="{}"').format(src)]
        if cat.needs_consent:
            parts.append(Markup(' data-rk-for="{}"').format(cat.value))
        if nonce is not None:
            parts.append(Markup(' nonce="{}"').format(nonce))
        parts.extend(Markup(' {}="{}"').format(k, v) for k, v in attrs.items())
        return Markup("<script{}></script>").format(Markup("").join(parts))
    return deferred_script(cat, src, nonce=nonce, attributes=attrs)


def _context() -> dict[str, Any]:
    return {"consent": current_consent()}


_GLOBALS: dict[str, Callable[..., Any]] = {
    "privacy_statement": privacy_statement,
    "cookie_declaration": cookie_declaration,
    "consent_banner": consent_banner,
    "consent_settings": consent_settings,
    "consent_scripts": consent_scripts,
    "consent_link": consent_link,
    "consent_allows": consent_allows,
    "consent_csrf_token": consent_csrf_token,
    "gated_script": gated_script,
}


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
        for name, function in _GLOBALS.items():
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
                gpc=bool(setting("REKISTERIKIT_GPC")), secure=setting("REKISTERIKIT_COOKIE_SECURE"),
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
            csrf_max_age=int(consent_config.max_age.total_seconds()), trusted_origins=tuple(trusted_origins),
            consent_mode=bool(setting("REKISTERIKIT_CONSENT_MODE")),
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
