"""The Flask adapter's Jinja globals: the statement, the cookie declaration, the banner, scripts and links.

:class:`~rekisterikit.contrib.flask.RekisteriKit` registers every function of :data:`GLOBALS` on the application;
each is also importable for use in views.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, cast

from flask import Flask, current_app, request
from markupsafe import Markup

from rekisterikit.consent import (
    ConsentError,
    ConsentState,
    consent_mode_script,
    deferred_script,
    render_banner,
    render_banner_placeholder,
    reopen_link,
    safe_next,
    static_tags,
)
from rekisterikit.consent.state import parse_category
from rekisterikit.contrib.flask import csrf
from rekisterikit.contrib.flask.state import (
    _UNREAD,
    CATEGORY_NAMES,
    LOCALE_FIELD,
    ConfigurationError,
    KitState,
    _locale,
    _uses_cookie,
    cached_url,
    consent_allows,
    current_application,
    current_consent,
    current_g,
    get_state,
    gpc_headers,
    memo,
)
from rekisterikit.model import CookieCategory

__all__ = [
    "GLOBALS",
    "banner_markup",
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


def _form_args(state: KitState, locale: str, next_url: str | None = None) -> dict[str, Any]:
    field, token = consent_csrf_token()
    return {
        "locale": locale,
        "action": cached_url(state, "rekisterikit.consent"),
        "statement_url": cached_url(state, "rekisterikit.statement", lang=locale),
        "next_url": _current_path() if next_url is None else next_url,
        "hidden": {field: token, LOCALE_FIELD: locale},
        "gpc": state.service.gpc(gpc_headers()),
    }


def banner_markup(state: KitState, lang: str, *, next_url: str | None = None, lazy: bool) -> Markup:
    """The consent banner of the current request in ``lang``: rekisterikit's markup or the shop's template.

    Args:
        state: the extension's state.
        lang: the banner's language (one of the offered locales).
        next_url: where a plain form POST returns to (the current page by default).
        lazy: a visitor who has decided gets the lazy settings layer's placeholder: no form, no CSRF token, one
            URL (the layer's), a few hundred bytes.
    """
    ctx_g = current_g()
    ctx_g._rk_vary_cookie = True
    service = state.service
    own = current_application().config.get("REKISTERIKIT_BANNER_TEMPLATE")
    if not own and not service.banner_needed:
        return Markup("")  # nothing to ask about: no form, so no CSRF token (and no nonce cookie) either
    consent = ctx_g.get("consent", _UNREAD)
    if consent is _UNREAD:
        consent = current_consent()
    if lazy and consent is not None:
        layer_url = cached_url(state, "rekisterikit.consent_layer", lang=lang)
        key = ("placeholder", lang, layer_url, consent.granted, consent.services)
        found: Markup | None = state.memo.get(key)
        if found is None:
            found = memo(state, key, render_banner_placeholder(service, consent, locale=lang, layer_url=layer_url))
        return found
    changed = None if consent is not None else service.what_changed(request.cookies, locale=lang)
    if own:  # the shop's own template gets the banner as plain data (Jinja escapes it)
        from flask import render_template

        from rekisterikit.consent.banner import banner_context

        return Markup(render_template(str(own), banner=banner_context(service, consent, changed=changed,
                                                                      **_form_args(state, lang, next_url))))
    return render_banner(service, consent, changed=changed, **_form_args(state, lang, next_url))


def consent_banner(locale: str | None = None) -> Markup:
    """The consent banner for the end of ``<body>``: the first layer until the visitor decides, then a placeholder.

    For a visitor who has decided, the page carries only a hidden placeholder (``REKISTERIKIT_LAZY_SETTINGS_LAYER``,
    on by default): the "Cookie settings" link (:func:`consent_link`) makes consent.js load the settings layer from
    the blueprint (``rekisterikit.consent_layer``) and open it; without JavaScript the link goes to the settings
    page. With the setting off the hidden banner is inline, as before. Renders nothing when the statement declares
    no cookie that needs consent.
    """
    state = get_state()
    _need_blueprint(state, "consent_banner()")
    return banner_markup(state, _locale(state, locale), lazy=state.lazy_settings_layer)


def consent_settings(locale: str | None = None) -> Markup:
    """The cookie settings form for a settings page (every category, with the current choices ticked)."""
    from rekisterikit.consent import render_settings

    state = get_state()
    _need_blueprint(state, "consent_settings()")
    lang = _locale(state, locale)
    _uses_cookie()
    args = _form_args(state, lang)
    return render_settings(state.service, current_consent(), saved=request.args.get("saved") == "1",
                           back_url=safe_next(request.args.get("back"), default="/"), **args)


def consent_link(locale: str | None = None) -> Markup:
    """The "Cookie settings" link for the footer: reopens the banner, or goes to the settings page without JS."""
    state = get_state()
    _need_blueprint(state, "consent_link()")
    lang = _locale(state, locale)
    href = cached_url(state, "rekisterikit.settings")
    key = ("link", lang, href)
    found: Markup | None = state.memo.get(key)
    if found is None:
        found = memo(state, key, reopen_link(locale=lang, href=href))
    return found


def consent_scripts(nonce: str | None = None, *, regions: Sequence[str] | None = None,
                    other_regions: Literal["denied", "granted"] = "denied", ads_data_redaction: bool | None = True,
                    url_passthrough: bool | None = None) -> Markup:
    """The ``<link>`` to consent.css and ``<script defer>`` of consent.js (and the Consent Mode default).

    Put it in ``<head>``. With ``REKISTERIKIT_CONSENT_MODE`` the Google Consent Mode v2 default (and the visitor's
    stored choices) come first, before any Google tag; ``regions``, ``other_regions``, ``ads_data_redaction`` and
    ``url_passthrough`` are Consent Mode's settings (see :func:`~rekisterikit.consent.consent_mode_script`), and
    the update follows the visitor's services.
    """
    state = get_state()
    if state.static_url is not None:
        base = state.static_url
    else:
        _need_blueprint(state, "consent_scripts()")
        base = cached_url(state, "rekisterikit.static", filename="")
    if nonce is None:  # a CSP nonce is new on every request: kept only without one
        key = ("static", base)
        tags = state.memo.get(key)
        if tags is None:
            tags = memo(state, key, static_tags(base))
    else:
        tags = static_tags(base, nonce=nonce)
    if state.consent_mode:
        _uses_cookie()
        consent = current_consent()
        options: dict[str, Any] = {"regions": regions, "other_regions": other_regions,
                                   "ads_data_redaction": ads_data_redaction, "url_passthrough": url_passthrough}
        if nonce is not None:
            return Markup("{}\n{}").format(_mode_script(state, consent, nonce, options), tags)
        # The Consent Mode script follows the visitor's choice (a handful of distinct ones) and the arguments.
        mode_key = ("mode", tags, None if consent is None else (consent.granted, consent.services),
                    None if regions is None else (type(regions), tuple(regions)), other_regions, ads_data_redaction,
                    url_passthrough)
        found: Markup | None = state.memo.get(mode_key)
        if found is None:
            found = memo(state, mode_key, Markup("{}\n{}").format(_mode_script(state, consent, None, options), tags))
        return found
    return tags


def _mode_script(state: KitState, consent: ConsentState | None, nonce: str | None, options: dict[str, Any]
                 ) -> Markup:
    return consent_mode_script(consent, nonce=nonce, values=None if consent is None else
                               state.service.consent_mode(consent), **options)


def gated_script(target: str | CookieCategory, src: str | None = None, *, code: str | None = None,
                 nonce: str | None = None, **attributes: str) -> Markup:
    """A script that runs only with consent to a category or to one service.

    ``gated_script("statistics", "/static/ga.js", async_="")`` gates an external script;
    ``gated_script("google-analytics", code="gtag('config', 'G-XXXX');")`` gates an inline one (the GA config
    snippet, the Meta pixel loader); in a template the code can come from a ``{% set %}`` block. The target is a
    category (``statistics``, ``marketing``, ``preferences``) or a service key of the statement. With consent it is
    a normal script; without, an inert ``type="text/plain"`` element that consent.js activates when the visitor
    agrees. ``attributes`` become attributes of the script (``async=""``, ``data_id="x"`` is ``data-id``).

    Raises:
        ValueError: an unknown category or service, neither or both of ``src`` and ``code``, or an attribute that
            is not allowed (``type``, ``src``, ``on…``).
    """
    state = get_state()
    # What the arguments make of the script depends only on them (their types too: Markup is not escaped again)
    # and on whether the visitor allows the target, so the checked arguments and the markup are kept; not with a
    # CSP nonce, which is new on every request.
    args: tuple[object, ...] | None = None
    checked = None
    if nonce is None:
        args = ("gated", type(target), target, type(src), src, type(code), code, *attributes.items())
        try:
            checked = state.memo.get(args)
        except TypeError:  # an unhashable argument: nothing is kept
            args = None
    if checked is None:
        checked = _gated_args(state, target, src, code, attributes)
        if args is not None:
            memo(state, args, checked)
    cat, key, attrs = checked
    allowed = not cat.needs_consent or consent_allows(key or cat)
    if args is None:
        return _gated_markup(cat, key, src, code, nonce=nonce, attrs=attrs, allowed=allowed)
    found: Markup | None = state.memo.get((args, allowed))
    if found is None:
        found = memo(state, (args, allowed), _gated_markup(cat, key, src, code, nonce=None, attrs=attrs,
                                                           allowed=allowed))
    return found


def _gated_args(state: KitState, target: str | CookieCategory, src: str | None, code: str | None,
                attributes: dict[str, str]) -> tuple[CookieCategory, str | None, dict[str, str]]:
    """The category, the service key (or ``None``) and the attributes of a gated script; checked."""
    if (src is None) == (code is None):
        raise ValueError("gated_script: give exactly one of src and code")
    key: str | None = None
    if isinstance(target, CookieCategory) or target in CATEGORY_NAMES:
        cat = parse_category(target)
    else:
        try:
            cat, key = state.service.service(target).category, target
        except ConsentError as exc:
            raise ValueError(f"gated_script: {exc}; or use a category (preferences, statistics, marketing)") from None
    attrs = {k.rstrip("_").replace("_", "-"): str(v) for k, v in attributes.items()}
    for name in attrs:
        if not name.replace("-", "").isalnum() or name.lower() in ("type", "src", "nonce") or name.startswith("on"):
            raise ValueError(f"attribute {name!r} is not allowed")
    return cat, key, attrs


def _gated_markup(cat: CookieCategory, key: str | None, src: str | None, code: str | None, *, nonce: str | None,
                  attrs: dict[str, str], allowed: bool) -> Markup:
    if allowed:
        parts = [] if src is None else [Markup(' src="{}"').format(src)]
        if cat.needs_consent:
            parts.append(Markup(' data-rk-for="{}"').format(key or cat.value))
        if nonce is not None:
            parts.append(Markup(' nonce="{}"').format(nonce))
        parts.extend(Markup(' {}="{}"').format(k, v) for k, v in attrs.items())
        body = Markup("") if code is None else Markup(str(code).replace("</", "<\\/").replace("<!--", "<\\!--"))
        return Markup("<script{}>{}</script>").format(Markup("").join(parts), body)
    return deferred_script(cat, src, code=None if code is None else str(code), nonce=nonce, attributes=attrs,
                           service=key)


def gated_embed(target: str, src: str, *, title: str, width: int | str | None = None,
                height: int | str | None = None, allow: str | None = None, locale: str | None = None) -> Markup:
    """An embedded player or map (YouTube, Vimeo, Google Maps, any iframe) behind consent.

    With the service (or category) allowed, the iframe; otherwise a placeholder that says who receives data, with
    "load this once" and "always allow <service>" (a form posting to the consent endpoint with the CSRF token, so
    it also works without JavaScript). No request reaches the provider before.

    Raises:
        ValueError: unknown target, a ``src`` that is not https (or not on the service's ``hosts``), bad sizes.
    """
    from rekisterikit.consent import render_embed

    state = get_state()
    _need_blueprint(state, "gated_embed()")
    lang = _locale(state, locale)
    _uses_cookie()
    args = _form_args(state, lang)
    return render_embed(state.service, current_consent(), target, src, title=title, locale=lang,
                        action=args["action"], next_url=args["next_url"], hidden=args["hidden"], width=width,
                        height=height, allow=allow)


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
    "gated_embed": gated_embed,
}

