"""The Saleor App: a small Flask application that Saleor installs from its manifest.

Routes:

* ``GET /api/manifest`` — the app manifest (permissions, ``tokenTargetUrl``, ``dataPrivacyUrl``, webhooks with
  their subscription queries);
* ``POST /api/register`` — installation: Saleor posts ``{"auth_token": …}`` with ``Saleor-Api-Url``; the token is
  checked against that Saleor (``query { app { id identifier } }``: it must be this app's) and stored in the
  database, for allow-listed URLs only; a stored installation is replaced only once Saleor refuses its token;
* ``POST /api/webhooks/customer-created|customer-deleted|account-deleted`` — signed webhooks
  (:mod:`~rekisterikit.contrib.saleor.webhooks`): deleting a customer erases their consent records (GDPR 17),
  creating one links the consent id the storefront put in the new account's metadata;
* ``GET|POST /api/consent``, ``POST /api/consent/withdraw`` — the storefront's consent endpoints (CORS for the
  configured storefront origin only): read the consent, record a decision or a withdrawal, and mirror it into the
  customer's (or the guest checkout's) metadata;
* ``GET /statement`` — the statement as HTML (the manifest's ``dataPrivacyUrl`` by default);
* ``GET /`` — the page Saleor's dashboard shows for the app.

Everything shop-specific comes from :class:`SaleorAppConfig`; nothing is read from the environment implicitly.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import attrs
from attrs import define, field
from flask import Flask, Response, request
from markupsafe import Markup

from rekisterikit.consent import (
    ConsentConfig,
    ConsentError,
    ConsentMethod,
    ConsentRecord,
    ConsentService,
    ConsentState,
    ConsentStore,
    StatementArchive,
)
from rekisterikit.contrib.saleor import graphql as gql
from rekisterikit.contrib.saleor.client import SaleorClient, SaleorError, http_url, jwks_url, normalize_api_url
from rekisterikit.contrib.saleor.storage import ConsentLinkStore, Installation, InstallationStore
from rekisterikit.contrib.saleor.webhooks import JwksCache, VerifiedWebhook, WebhookRefused, header, verify_webhook
from rekisterikit.errors import RekisterikitError
from rekisterikit.model import Language, Statement

__all__ = [
    "CONSENT_HEADER",
    "METADATA_KEYS",
    "PERMISSIONS",
    "SaleorApp",
    "SaleorAppConfig",
    "create_app",
    "customer_subject",
    "metadata_for",
    "visitor_subject",
]

logger = logging.getLogger("rekisterikit.contrib.saleor")

#: The request header the storefront sends the consent value in (its own first-party cookie's value).
CONSENT_HEADER = "X-Rekisterikit-Consent"

#: The metadata keys mirrored into a customer's (or checkout's) public metadata.
METADATA_KEYS = (
    "rekisterikit.consent_id",
    "rekisterikit.consent",
    "rekisterikit.consent_version",
    "rekisterikit.consent_at",
    "rekisterikit.consent_method",
)

#: The permissions the app asks for, and why.
PERMISSIONS = (
    "MANAGE_USERS",  # customer events, and writing a customer's metadata
    "MANAGE_CHECKOUTS",  # writing a guest checkout's metadata
    "MANAGE_PAGES",  # publishing the statement page
    "MANAGE_PAGE_TYPES_AND_ATTRIBUTES",  # creating the statement's page type on the first publication
    "MANAGE_TRANSLATIONS",  # the statement page's translations (pageTranslate)
)

_WEBHOOKS = {
    "customer-created": ("CUSTOMER_CREATED", "CustomerCreated"),
    "customer-deleted": ("CUSTOMER_DELETED", "CustomerDeleted"),
    "account-deleted": ("ACCOUNT_DELETED", "AccountDeleted"),
}
_CORS_HEADERS = f"Authorization, Content-Type, {CONSENT_HEADER}"
_CONSENT_ID_KEY = "rekisterikit.consent_id"
_CONSENT_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
_EXTENSION = "rekisterikit_saleor"


def _base_url(instance: object, attribute: Any, value: str) -> None:
    try:
        http_url(value)
    except SaleorError:
        raise ValueError(f"{attribute.name}: an absolute http(s) URL, not {value!r}") from None


def _origin(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") or parts.query:
        raise ValueError(f"storefront_origin: an origin such as 'https://shop.example', not {value!r}")
    return f"{parts.scheme}://{parts.netloc}".lower()


def _api_urls(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    try:
        return tuple(normalize_api_url(v) for v in value)
    except SaleorError as exc:
        raise ValueError(f"allowed_saleor_urls: {exc}") from None


def _optional_api_url(value: str | None) -> str | None:
    try:
        return None if value is None else normalize_api_url(value)
    except SaleorError as exc:
        raise ValueError(f"saleor_api_url: {exc}") from None


def _strip_slash(value: str) -> str:
    return str(value).rstrip("/")


def _optional_path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None else Path(value)


def _headers() -> Mapping[str, str]:
    return cast(Mapping[str, str], request.headers)


def _positive_age(instance: object, attribute: Any, value: dt.timedelta) -> None:
    if value <= dt.timedelta(0):
        raise ValueError(f"{attribute.name} must be positive")


@define(frozen=True, kw_only=True)
class SaleorAppConfig:
    """Everything the Saleor app needs to know about the shop.

    Attributes:
        app_url: the public base URL the app is served at (``https://consent.shop.example``); the manifest's
            URLs are built from it.
        allowed_saleor_urls: the Saleor API URLs the app may be installed in (``https://shop.example/graphql/``);
            installation from any other URL is refused.
        consent: the consent cookie settings; its ``secret`` signs the consent values.
        storefront_origin: the storefront's origin (``https://shop.example``), the only one allowed to call the
            consent endpoints from a browser (CORS). ``None``: only same-origin or server-side calls.
        saleor_api_url: the Saleor instance the consent endpoints work with (customers' tokens are checked and
            metadata written there); by default the only allowed URL.
        database: the SQLite file for installations and customer links; by default the consent store's ``path``.
        identifier: the manifest's ``id``.
        name: the app's name in Saleor's dashboard.
        data_privacy_url: the manifest's ``dataPrivacyUrl``; by default the app's own ``/statement``.
        webhook_max_age: the oldest webhook ``issuedAt`` accepted. Saleor retries failed deliveries with the
            original payload, so it should cover the retries you want to accept.
        jwks_refetch_interval: the shortest time, in seconds, between two fetches of Saleor's keys.
        timeout: seconds to wait for Saleor.
    """

    app_url: str = field(converter=_strip_slash, validator=_base_url)
    allowed_saleor_urls: tuple[str, ...] = field(converter=_api_urls)
    consent: ConsentConfig
    storefront_origin: str | None = field(default=None, converter=_origin)
    saleor_api_url: str | None = field(default=None, converter=_optional_api_url)
    database: Path | None = field(default=None, converter=_optional_path)
    identifier: str = "fi.rekisterikit.saleor"
    name: str = "rekisterikit"
    data_privacy_url: str | None = field(default=None)
    webhook_max_age: dt.timedelta = field(default=dt.timedelta(minutes=30), validator=_positive_age)
    jwks_refetch_interval: float = 10.0
    timeout: float = 10.0

    def __attrs_post_init__(self) -> None:
        if not self.allowed_saleor_urls:
            raise ValueError("allowed_saleor_urls: give at least one Saleor API URL")
        if self.saleor_api_url is not None and self.saleor_api_url not in self.allowed_saleor_urls:
            raise ValueError("saleor_api_url must be one of allowed_saleor_urls")
        if self.data_privacy_url is not None:
            _base_url(self, attrs.fields(SaleorAppConfig).data_privacy_url, self.data_privacy_url)

    @property
    def consent_api_url(self) -> str | None:
        """The Saleor instance of the consent endpoints: ``saleor_api_url``, or the only allowed URL."""
        if self.saleor_api_url is not None:
            return self.saleor_api_url
        return self.allowed_saleor_urls[0] if len(self.allowed_saleor_urls) == 1 else None


def customer_subject(api_url: str, user_id: str) -> str:
    """The consent log's subject reference of a Saleor customer: ``saleor:<host>:<user ID>``."""
    return f"saleor:{urlsplit(api_url).netloc}:{user_id}"


def visitor_subject(consent_id: str) -> str:
    """The subject reference of decisions made before logging in: ``saleor-visitor:<consent id>``.

    Recording them under a reference (rather than none) is what lets the app erase them once the consent id is
    linked to a customer who is then deleted.
    """
    return f"saleor-visitor:{consent_id}"


def metadata_for(state: ConsentState) -> list[dict[str, str]]:
    """The ``MetadataInput`` items mirroring ``state`` into a customer's or checkout's metadata."""
    return [
        {"key": "rekisterikit.consent_id", "value": state.consent_id},
        {"key": "rekisterikit.consent", "value": json.dumps(state.choices, sort_keys=True, separators=(",", ":"))},
        {"key": "rekisterikit.consent_version", "value": state.version},
        {"key": "rekisterikit.consent_at", "value": state.given_at.isoformat().replace("+00:00", "Z")},
        {"key": "rekisterikit.consent_method", "value": state.method.value},
    ]


def _state_json(state: ConsentState) -> dict[str, Any]:
    return {"id": state.consent_id, "granted": sorted(c.value for c in state.granted), "choices": state.choices,
            "services": sorted(state.services), "method": state.method.value, "gpc": state.gpc,
            "version": state.version, "given_at": state.given_at.isoformat().replace("+00:00", "Z")}


class _Refused(RekisterikitError, ValueError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class SaleorApp:
    """The app's state, kept in ``app.extensions["rekisterikit_saleor"]``: statement, stores and services."""

    def __init__(self, *, statement: Statement, store: ConsentStore, config: SaleorAppConfig,
                 jwks: JwksCache | None = None) -> None:
        database = config.database or getattr(store, "path", None)
        if database is None:
            raise ValueError("give SaleorAppConfig.database: the consent store has no database path")
        self.statement = statement
        self.store = store
        self.config = config
        self.installations = InstallationStore(Path(os.fspath(database)))
        self.links = ConsentLinkStore(Path(os.fspath(database)))
        self.jwks = jwks or JwksCache(refetch_interval=config.jwks_refetch_interval)
        self.service = ConsentService(statement, config.consent, store=None)

    def client(self, installation: Installation) -> SaleorClient:
        """A client of the installation's Saleor, with the app's token."""
        return SaleorClient(installation.api_url, installation.token, timeout=self.config.timeout)

    # -- installation --------------------------------------------------------------------------------------

    def register(self, api_url_header: str | None, body: Any) -> Installation:
        """Handle ``POST /api/register``; return the stored installation.

        The token must belong to this app (``app { identifier }`` is the manifest's ``id``), and may replace a
        stored installation of another app id only once Saleor no longer accepts the stored token (the operator
        uninstalled the app there): a token of another app, or of a second copy, cannot take the installation over.

        Raises:
            _Refused: the URL is missing or not allowed, the token is missing or does not work (401), belongs to
                another app (403) or to another installation while the stored one is still in place (409).
        """
        if not api_url_header:
            raise _Refused("no Saleor-Api-Url header", 400)
        try:
            api_url = normalize_api_url(api_url_header)
        except SaleorError:
            raise _Refused("bad Saleor-Api-Url header", 400) from None
        if api_url not in self.config.allowed_saleor_urls:
            logger.warning("refused installation from a Saleor that is not allowed: %s", api_url)
            raise _Refused("this app may only be installed in allowed Saleor instances", 403)
        token = body.get("auth_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token.strip():
            raise _Refused("no auth_token", 400)
        client = SaleorClient(api_url, token, timeout=self.config.timeout)
        try:
            app = client.execute(gql.APP_ID).get("app") or {}
            self.jwks.fetch(jwks_url(api_url))
        except SaleorError as exc:
            logger.warning("installation from %s failed: %s", api_url, exc)
            raise _Refused("the token could not be verified with Saleor", 401) from None
        if not isinstance(app.get("id"), str) or not app["id"]:
            raise _Refused("the token could not be verified with Saleor", 401)
        if app.get("identifier") != self.config.identifier:
            logger.warning("refused installation in %s: the token belongs to app %r, not to %r", api_url,
                           app.get("identifier"), self.config.identifier)
            raise _Refused("the token belongs to another app", 403)
        current = self.installations.get(api_url)
        if current is not None and current.app_id != app["id"] and self._still_installed(current):
            logger.warning("refused installation in %s as app %s: app %s is installed there and its token still "
                           "works; uninstall it in Saleor first", api_url, app["id"], current.app_id)
            raise _Refused("the app is already installed in this Saleor: uninstall it there first", 409)
        installation = Installation(api_url=api_url, app_id=app["id"], token=token,
                                    installed_at=dt.datetime.now(dt.UTC))
        self.installations.save(installation)
        logger.info("installed in %s as app %s", api_url, installation.app_id)
        return installation

    def _still_installed(self, installation: Installation) -> bool:
        """Whether Saleor still accepts the stored token as the stored app (it forgets both on uninstallation)."""
        try:
            app = self.client(installation).execute(gql.APP_ID).get("app") or {}
        except SaleorError:
            return False  # Saleor was reached a moment ago with the new token: the old one is refused
        return bool(app.get("id") == installation.app_id)

    # -- webhooks ------------------------------------------------------------------------------------------

    def erase_customer(self, api_url: str, user_id: str) -> int:
        """Erase every consent record of the customer and of the consent ids linked to them (GDPR 17).

        Returns:
            How many records were deleted.
        """
        subject = customer_subject(api_url, user_id)
        consent_ids = set(self.links.consent_ids(api_url, user_id))
        consent_ids.update(r.consent_id for r in self.store.for_subject(subject))
        erased = self.store.erase_subject(subject)
        for consent_id in sorted(consent_ids):
            erased += self.store.erase_subject(visitor_subject(consent_id))
        self.links.forget(api_url, user_id)
        return erased

    def link_customer(self, hook: VerifiedWebhook, user: Mapping[str, Any]) -> bool:
        """Link the consent id in a new customer's metadata to the customer; return whether one was linked."""
        api_url, user_id = hook.installation.api_url, str(user["id"])
        consent_id = (user.get("metafields") or {}).get(_CONSENT_ID_KEY)
        if not isinstance(consent_id, str) or not _CONSENT_ID.fullmatch(consent_id):
            return False
        history = self.store.history(consent_id)
        self.links.link(api_url, user_id, consent_id)
        if not history:
            return True
        latest = history[-1]
        subject = customer_subject(api_url, user_id)
        receipt = uuid.uuid5(uuid.NAMESPACE_URL, f"rekisterikit:saleor-link:{subject}:{latest.receipt_id}")
        linked = attrs.evolve(latest, receipt_id=str(receipt), at=hook.issued_at, withdrawn=frozenset(),
                              method=ConsentMethod.API, subject=subject)
        self.store.record(linked)
        state = ConsentState(consent_id=linked.consent_id, version=linked.version, fingerprint=linked.fingerprint,
                             given_at=latest.at, granted=linked.granted, method=latest.method, locale=linked.locale)
        try:
            self.client(hook.installation).mutate(gql.UPDATE_METADATA, {"id": user_id, "input": metadata_for(state)},
                                                  "updateMetadata")
        except SaleorError as exc:
            logger.warning("could not write the consent into the metadata of customer %s: %s", user_id, exc)
        return True

    def handle_webhook(self, slug: str, headers: Mapping[str, str], body: bytes) -> None:
        """Verify and act on one webhook delivery.

        Raises:
            WebhookRefused: verification failed or the payload is not what the route expects.
        """
        event_enum, type_name = _WEBHOOKS[slug]
        hook = verify_webhook(headers=headers, body=body, installations=self.installations, jwks=self.jwks,
                              max_age=self.config.webhook_max_age)
        if hook.event != type_name:
            raise WebhookRefused(f"expected {type_name}, got {hook.event}", status=400)
        user = hook.payload.get("user")
        if not isinstance(user, dict) or not isinstance(user.get("id"), str) or not user["id"]:
            raise WebhookRefused("the payload has no user", status=400)
        api_url = hook.installation.api_url
        if event_enum == "CUSTOMER_CREATED":
            if self.link_customer(hook, user):
                logger.info("linked a consent id to Saleor customer %s at %s", user["id"], api_url)
            return
        erased = self.erase_customer(api_url, user["id"])
        logger.info("%s: erased %d consent record(s) of Saleor customer %s at %s (GDPR 17)",
                    event_enum, erased, user["id"], api_url)

    # -- consent endpoints ---------------------------------------------------------------------------------

    def consent_installation(self) -> Installation:
        """The installation the consent endpoints write metadata with.

        Raises:
            _Refused: no Saleor instance is configured for them, or the app is not installed there.
        """
        api_url = self.config.consent_api_url
        installation = None if api_url is None else self.installations.get(api_url)
        if installation is None:
            raise _Refused("the app is not installed in the storefront's Saleor", 503)
        return installation

    def customer_id(self, authorization: str | None) -> str | None:
        """The ID of the customer whose access token is in ``Authorization``, checked with Saleor's ``me``.

        Raises:
            _Refused: a token was given and Saleor does not accept it.
        """
        if not authorization:
            return None
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _Refused("Authorization must be 'Bearer <customer access token>'", 401)
        installation = self.consent_installation()
        try:
            me = self.client(installation).execute(gql.ME, token=token.strip()).get("me")
        except SaleorError:
            me = None
        if not isinstance(me, dict) or not isinstance(me.get("id"), str):
            raise _Refused("Saleor does not accept the customer's token", 401)
        return str(me["id"])

    def cookies(self) -> dict[str, str]:
        """The request's consent value: the ``X-Rekisterikit-Consent`` header, else the cookie."""
        jar = dict(request.cookies)
        value = request.headers.get(CONSENT_HEADER)
        if value:
            jar[self.config.consent.cookie_name] = value
        return jar

    def read(self) -> dict[str, Any]:
        """Handle ``GET /api/consent``."""
        from rekisterikit.consent import banner_texts

        state = self.service.read(self.cookies(), _headers())
        locale = request.args.get("locale", "fi")
        locale = locale if locale in ("fi", "sv", "en") else "fi"
        return {"consent": None if state is None else _state_json(state),
                "consent_mode": self.service.consent_mode(state),
                "banner": self.service.banner_needed and state is None,
                "offered": [c.value for c in self.service.offered], "version": self.service.version,
                "fingerprint": self.service.fingerprint,
                "services": [{"key": s.key, "name": s.name, "category": s.category.value, "provider": s.provider,
                              "outside_eea": [c.code for c in s.outside_eea]} for s in self.service.services],
                "texts": banner_texts(self.service.statement, locale=locale),
                "changed": None if state is not None else self.service.what_changed(self.cookies(), locale=locale)}

    def decide(self, body: Mapping[str, Any], *, withdraw: bool = False) -> tuple[dict[str, Any], list[str]]:
        """Handle ``POST /api/consent`` (or, with ``withdraw``, ``POST /api/consent/withdraw``).

        Records the decision, mirrors it into Saleor metadata and returns the JSON answer and the cookies to set.

        Raises:
            _Refused: a bad customer token or checkout, or a form without a valid action.
        """
        customer = self.customer_id(request.headers.get("Authorization"))
        checkout = body.get("checkout_id")
        installation: Installation | None = None
        if customer is None and checkout is not None:
            if not isinstance(checkout, str) or not checkout or len(checkout) > 200:
                raise _Refused("checkout_id must be a Saleor checkout ID", 400)
            installation = self.consent_installation()
            try:
                found = self.client(installation).execute(gql.CHECKOUT, {"id": checkout}).get("checkout")
            except SaleorError:
                found = None
            if not isinstance(found, dict):
                raise _Refused("no such checkout", 404)
        locale = body.get("locale")
        language = locale if locale in tuple(Language) else self.statement.default_language.value
        try:
            if withdraw:
                decision = self.service.withdraw(cookies=self.cookies(), headers=_headers(), locale=language,
                                                 https=request.is_secure)
            else:
                decision = self.service.decide(body, cookies=self.cookies(), headers=_headers(), locale=language,
                                               https=request.is_secure)
        except ConsentError as exc:
            raise _Refused(str(exc), 400) from None
        api_url = self.config.consent_api_url or ""
        subject = customer_subject(api_url, customer) if customer else visitor_subject(decision.state.consent_id)
        record: ConsentRecord = attrs.evolve(decision.record, subject=subject)
        if isinstance(self.store, StatementArchive):
            self.store.remember_statement(self.statement)
        self.store.record(record)
        if customer:
            self.links.link(api_url, customer, decision.state.consent_id)
        target = customer or (checkout if isinstance(checkout, str) else None)
        written = False
        if target is not None:
            try:
                installation = installation or self.consent_installation()
                self.client(installation).mutate(gql.UPDATE_METADATA,
                                                 {"id": target, "input": metadata_for(decision.state)},
                                                 "updateMetadata")
                written = True
            except (SaleorError, _Refused) as exc:
                logger.warning("could not write the consent into Saleor metadata: %s", exc)
        cookie = decision.cookie
        payload = {**decision.to_json(),
                   "cookie": {"name": cookie.name, "value": cookie.value, "max_age": cookie.max_age,
                              "path": cookie.path, "samesite": cookie.samesite, "secure": cookie.secure},
                   "metadata": {"target": None if target is None else ("user" if customer else "checkout"),
                                "id": target, "written": written}}
        return payload, decision.set_cookie_headers()


def _manifest(config: SaleorAppConfig) -> dict[str, Any]:
    from rekisterikit import __version__

    base = config.app_url
    return {
        "id": config.identifier,
        "version": __version__,
        "name": config.name,
        "about": "Publishes the shop's privacy statement (tietosuojaseloste) as a page and keeps cookie consent "
                 "with the customer; erases a deleted customer's consent records.",
        "permissions": list(PERMISSIONS),
        "appUrl": f"{base}/",
        "tokenTargetUrl": f"{base}/api/register",
        "dataPrivacyUrl": config.data_privacy_url or f"{base}/statement",
        "homepageUrl": f"{base}/",
        "author": "rekisterikit",
        "requiredSaleorVersion": ">=3.23",
        "extensions": [],
        "webhooks": [
            {"name": f"rekisterikit {event.lower().replace('_', ' ')}", "asyncEvents": [event],
             "query": gql.SUBSCRIPTIONS[event].strip(), "targetUrl": f"{base}/api/webhooks/{slug}",
             "isActive": True}
            for slug, (event, _) in _WEBHOOKS.items()
        ],
    }


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status=status, mimetype="application/json")


def create_app(*, statement: Statement, store: ConsentStore, config: SaleorAppConfig,
               jwks: JwksCache | None = None) -> Flask:
    """Create the Saleor App.

    Args:
        statement: the shop's statement.
        store: the consent log (normally a :class:`~rekisterikit.consent.SQLiteConsentStore`, whose file also
            holds the installations).
        config: the app's configuration.
        jwks: the cache of Saleor's signing keys (for tests); a new one by default.

    Returns:
        A Flask application; serve it with any WSGI server (``gunicorn 'myshop.saleor_app:app'``).
    """
    state = SaleorApp(statement=statement, store=store, config=config, jwks=jwks)
    app = Flask("rekisterikit.contrib.saleor")
    app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
    app.extensions[_EXTENSION] = state

    def refused(exc: _Refused | WebhookRefused) -> Response:
        return _json({"success": False, "error": {"message": str(exc)}}, exc.status)

    @app.get("/api/manifest")
    def manifest() -> Response:
        return _json(_manifest(config))

    @app.post("/api/register")
    def register() -> Response:
        try:
            state.register(header(_headers(), "Saleor-Api-Url"), request.get_json(force=True, silent=True))
        except _Refused as exc:
            return refused(exc)
        return _json({"success": True})

    @app.post("/api/webhooks/<slug>")
    def webhook(slug: str) -> Response:
        if slug not in _WEBHOOKS:
            return _json({"success": False}, 404)
        try:
            state.handle_webhook(slug, _headers(), request.get_data())
        except WebhookRefused as exc:
            logger.warning("refused a Saleor webhook (%s): %s", slug, exc.reason)
            return refused(exc)
        return _json({"success": True})

    def cors(response: Response) -> Response:
        origin = request.headers.get("Origin")
        if origin and config.storefront_origin and origin.lower() == config.storefront_origin:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = _CORS_HEADERS
            response.headers["Access-Control-Max-Age"] = "600"
        response.headers["Vary"] = "Origin"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.route("/api/consent", methods=["GET", "POST", "OPTIONS"])
    @app.route("/api/consent/withdraw", methods=["POST", "OPTIONS"], endpoint="withdraw")
    def consent() -> Response:
        origin = request.headers.get("Origin")
        if origin and origin.lower() != config.storefront_origin:
            return cors(_json({"success": False, "error": {"message": "origin not allowed"}}, 403))
        if request.method == "OPTIONS":
            return cors(Response(status=204))
        if request.method == "GET":
            return cors(_json(state.read()))
        if not request.is_json:
            return cors(_json({"success": False, "error": {"message": "send JSON"}}, 415))
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return cors(_json({"success": False, "error": {"message": "send a JSON object"}}, 400))
        try:
            payload, cookies = state.decide(body, withdraw=request.path.endswith("/withdraw"))
        except _Refused as exc:
            return cors(refused(exc))
        response = _json(payload)
        for value in cookies:
            response.headers.add("Set-Cookie", value)
        return cors(response)

    @app.get("/statement")
    def statement_page() -> Response:
        from rekisterikit.render import render

        wanted = request.args.get("locale")
        language = Language(wanted) if wanted in tuple(Language) else statement.default_language
        html = render(statement, locale=language.value, format="html")
        page = Markup('<!doctype html>\n<html lang="{}"><head><meta charset="utf-8"><title>{}</title></head>'
                      "<body>{}</body></html>").format(language.value, config.name, html)
        return Response(str(page), mimetype="text/html")

    @app.get("/")
    def home() -> Response:
        page = Markup('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>'
                      "<body><h1>{name}</h1><p>Statement version <code>{version}</code>.</p>"
                      '<p><a href="{url}" target="_blank" rel="noopener">Privacy statement</a></p></body></html>'
                      ).format(name=config.name, version=statement.version, url=f"{config.app_url}/statement")
        return Response(str(page), mimetype="text/html")

    return app
