"""The Flask adapter's Jinja globals: the statement, the cookie declaration, the banner, scripts and links.

:class:`~rekisterikit.contrib.flask.RekisteriKit` registers every function of :data:`GLOBALS` on the application;
each is also importable for use in views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from flask import Flask, current_app, request, url_for
from markupsafe import Markup

from rekisterikit.consent import consent_mode_script
from rekisterikit.consent.state import parse_category
from rekisterikit.contrib.flask import csrf
from rekisterikit.contrib.flask.state import (
    LOCALE_FIELD,
    ConfigurationError,
    KitState,
    _locale,
    _uses_cookie,
    consent_allows,
    current_consent,
    get_state,
    request_headers,
)
from rekisterikit.model import CookieCategory

__all__ = [
    "GLOBALS",
    "consent_banner",
    "consent_csrf_token",
    "consent_link",
    "consent_scripts",
    "consent_settings",
    "cookie_declaration",
    "gated_script",
    "privacy_statement",
]

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


#: Every template global, by the name templates use.
GLOBALS: dict[str, Callable[..., Any]] = {
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

