"""CSRF protection of the consent endpoints: an Origin/Referer check and a signed double-submit token.

A forged consent ("accept all" posted by another site in the visitor's name) is not the visitor's consent, so the
consent POST endpoints refuse a request unless both checks pass:

1. **Origin check.** When the request carries ``Origin``, it must be this site's origin (scheme, host and port of
   ``request.host_url``, so put ``ProxyFix`` in front when behind a proxy) or one of
   ``REKISTERIKIT_TRUSTED_ORIGINS``; ``Origin: null`` is refused. Without ``Origin``, a ``Referer`` must have such
   an origin. A request with neither header is refused (``REKISTERIKIT_CSRF_REQUIRE_ORIGIN``, on by default: every
   browser of the last years sends ``Origin`` with a POST); with the setting off, the token alone decides it.
2. **Token** (mode ``"token"``, the default). The form field ``rk-csrf`` (or the ``X-RK-CSRF`` header) must be
   ``HMAC-SHA256(key, nonce)`` of the random nonce in the ``rk_csrf`` cookie (``HttpOnly``, ``SameSite=Lax``),
   with the key derived from ``SECRET_KEY`` for this purpose only (``SECRET_KEY_FALLBACKS`` still verify). Another
   site can neither read the cookie nor compute the token. The token is bound to the visitor's own nonce cookie,
   and over HTTPS (without ``REKISTERIKIT_COOKIE_DOMAIN``) that cookie is ``__Host-rk_csrf``: a ``__Host-`` cookie
   cannot be set by a sibling subdomain or over plain HTTP, so an attacker cannot plant their own nonce — whose
   token they know — in a visitor's browser. The banner carries the token as a hidden field; the cookie is set on
   the response that rendered it.

When the application uses Flask-WTF's ``CSRFProtect``, its token replaces ours: the banner carries Flask-WTF's
``csrf_token`` field, CSRFProtect checks it before the view, and the view checks it again with
:func:`flask_wtf.csrf.validate_csrf` (so it holds even when the blueprint is exempted).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask, Request, g

from rekisterikit.consent import SetCookie

if TYPE_CHECKING:
    from rekisterikit.contrib.flask.state import KitState

__all__ = ["FIELD", "HEADER", "HOST_PREFIX", "KEY_PURPOSE", "CsrfRefused", "check", "cookie_name", "origin_of", "token",
           "uses_flask_wtf"]

#: The form field of our token.
FIELD = "rk-csrf"
#: The request header that may carry the token instead (background requests with a JSON body).
HEADER = "X-RK-CSRF"
#: The purpose string the token key is derived with.
KEY_PURPOSE = b"rekisterikit.csrf.v1"

#: The prefix of the nonce cookie over HTTPS: browsers accept such a cookie only from the host itself, with Secure.
HOST_PREFIX = "__Host-"

_NONCE = re.compile(r"[A-Za-z0-9_-]{22,64}")


class CsrfRefused(Exception):
    """The request failed the CSRF checks; the message says why (it is shown to the client)."""


@lru_cache(maxsize=16)
def _key(secret: str | bytes) -> bytes:
    raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    return hmac.new(raw, KEY_PURPOSE, hashlib.sha256).digest()


def _sign(key: bytes, nonce: str) -> str:
    digest = hmac.new(key, nonce.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def origin_of(url: str) -> str | None:
    """The ``scheme://host[:port]`` origin of an absolute URL, lower-cased, or ``None`` when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def uses_flask_wtf(app: Flask) -> bool:
    """Whether Flask-WTF's ``CSRFProtect`` is initialised on ``app`` and enabled."""
    return "csrf" in app.extensions and bool(app.config.get("WTF_CSRF_ENABLED", True))


def cookie_name(request: Request, state: KitState) -> str:
    """The nonce cookie's name for this request: ``__Host-rk_csrf`` over HTTPS without a cookie domain."""
    if request.is_secure and state.consent_config.domain is None:
        return HOST_PREFIX + state.csrf_cookie_name
    return state.csrf_cookie_name


def _nonce(request: Request, state: KitState) -> str:
    existing = getattr(g, "_rk_csrf_nonce", None)
    if existing is not None:
        return str(existing)
    value = request.cookies.get(cookie_name(request, state))
    if value is None or not _NONCE.fullmatch(value):
        value = secrets.token_urlsafe(24)
        g._rk_csrf_new = True
    g._rk_csrf_nonce = value
    return value


def token(request: Request, state: KitState, app: Flask) -> tuple[str, str]:
    """The hidden field ``(name, value)`` that the consent forms of this response must carry.

    With Flask-WTF's CSRFProtect it is Flask-WTF's field and token; otherwise ``rk-csrf`` with our token, and the
    nonce cookie is set on the response when the request did not carry one.
    """
    if uses_flask_wtf(app):
        from flask_wtf.csrf import generate_csrf

        return str(app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")), str(generate_csrf())
    found = getattr(g, "_rk_csrf_token", None)
    if found is None:  # once per request, however many forms the page has
        found = g._rk_csrf_token = _sign(_key(state.secret), _nonce(request, state))
    return FIELD, str(found)


def nonce_cookie(request: Request, state: KitState) -> SetCookie | None:
    """The nonce cookie to set on the response, when this request created a new nonce."""
    if not getattr(g, "_rk_csrf_new", False):
        return None
    name = cookie_name(request, state)
    if name.startswith(HOST_PREFIX):  # the prefix requires Secure, Path=/ and no Domain
        return SetCookie(name=name, value=str(g._rk_csrf_nonce), max_age=state.csrf_max_age, path="/", secure=True,
                         samesite="Lax", httponly=True)
    secure = state.consent_config.secure if state.consent_config.secure is not None else request.is_secure
    return SetCookie(name=name, value=str(g._rk_csrf_nonce), max_age=state.csrf_max_age,
                     path="/", domain=state.consent_config.domain, secure=secure, samesite="Lax", httponly=True)


def _check_origin(request: Request, allowed: Iterable[str], *, required: bool) -> None:
    own = origin_of(request.host_url)
    origins = {o for o in (own, *allowed) if o}
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin_of(origin) not in origins:
            raise CsrfRefused(f"cross-site request refused: Origin {origin!r} is not this site")
        return
    referer = request.headers.get("Referer")
    if referer:
        if origin_of(referer) not in origins:
            raise CsrfRefused("cross-site request refused: the Referer is not this site")
        return
    if required:
        raise CsrfRefused("request refused: it has neither an Origin nor a Referer header")


def _check_token(request: Request, state: KitState) -> None:
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    nonce = request.cookies.get(cookie_name(request, state)) or ""
    if not sent or not _NONCE.fullmatch(nonce):
        raise CsrfRefused("request refused: the CSRF token or its cookie is missing")
    for secret in (state.secret, *state.old_secrets):
        if hmac.compare_digest(_sign(_key(secret), nonce), sent):
            return
    raise CsrfRefused("request refused: the CSRF token is not valid")


def check(request: Request, state: KitState, app: Flask) -> None:
    """Refuse a consent POST that fails the Origin/Referer check or the token check.

    Raises:
        CsrfRefused: the request is refused; the message says why.
    """
    _check_origin(request, state.trusted_origins,
                  required=state.csrf_mode == "origin" or state.csrf_require_origin)
    if state.csrf_mode == "origin":
        return
    if uses_flask_wtf(app):
        from flask_wtf.csrf import validate_csrf
        from wtforms import ValidationError

        field = str(app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
        sent = request.form.get(field) or request.headers.get("X-CSRFToken") or request.headers.get("X-CSRF-Token")
        try:
            validate_csrf(sent)
        except ValidationError as exc:
            raise CsrfRefused(f"request refused: {exc.args[0] if exc.args else 'invalid CSRF token'}") from None
        return
    _check_token(request, state)
