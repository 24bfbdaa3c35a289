"""Template tags: ``{% load rekisterikit %}``.

* ``{% privacy_statement %}`` — the statement in the active language (cached per statement version), preceded the
  first time in a page by the statement's responsive stylesheet (``style=False`` leaves it out);
* ``{% privacy_statement_style %}`` — that stylesheet as a ``<style>`` element, for ``<head>`` (once per page);
* ``{% cookie_declaration %}`` — the cookie table;
* ``{% consent_scripts %}`` — consent.css, consent.js and the Google Consent Mode defaults, for ``<head>``;
* ``{% consent_banner %}`` — the banner with the CSRF token, shown when the visitor still has to decide; for a
  visitor who has decided a small placeholder from which the "Cookie settings" link loads the settings layer
  (``LAZY_SETTINGS_LAYER``; with it off, the banner rendered hidden);
* ``{% consent_settings_link %}`` — the "Cookie settings" link for the footer;
* ``{% gated_script "statistics" src %}`` — a script that runs only with consent to the category.

Every shop-written text is escaped; the tags return safe markup built with markupsafe.
"""

from __future__ import annotations

import re
import threading
from typing import Any, TypeVar

from django import template
from django.middleware.csrf import get_token
from markupsafe import Markup

from rekisterikit.consent import consent_mode_script, reopen_link
from rekisterikit.contrib.django.banner import banner_markup, cached_reverse, cached_static, per_urls, settings_url
from rekisterikit.contrib.django.conf import active_locale, get_config, get_service, get_statement
from rekisterikit.contrib.django.middleware import get_consent

register = template.Library()

_ATTRIBUTE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")

__all__ = ["register"]


def _request(context: template.Context) -> Any:
    request = context.get("request")
    if request is None:
        raise template.TemplateSyntaxError(
            "rekisterikit's consent tags need the request in the template context: add "
            "'django.template.context_processors.request' to the template engine's context_processors")
    return request


def _plain(value: object) -> str:
    """``value`` as a plain ``str``: template literals are ``SafeString``, which markupsafe would not escape."""
    return str.__str__(str(value))


def _nonce(request: Any) -> str | None:
    nonce = getattr(request, "csp_nonce", None)
    return _plain(nonce) if nonce else None


def _style_once(context: template.Context) -> Markup:
    """The statement's stylesheet as a ``<style>`` element the first time a page asks for it, then nothing."""
    from rekisterikit.render import STYLESHEET

    request = context.get("request")
    if request is not None:
        if getattr(request, "_rk_statement_style", False):
            return Markup("")
        request._rk_statement_style = True
    else:
        if context.render_context.get("_rk_statement_style"):
            return Markup("")
        context.render_context["_rk_statement_style"] = True
    nonce = _nonce(request) if request is not None else None
    if nonce is None:
        return Markup("<style>{}</style>\n").format(STYLESHEET)
    return Markup('<style nonce="{}">{}</style>\n').format(nonce, STYLESHEET)


@register.simple_tag(takes_context=True)
def privacy_statement_style(context: template.Context) -> Markup:
    """The statement's responsive stylesheet as a ``<style>`` element, for the shop layout's ``<head>``.

    Emitted once per page: a later ``{% privacy_statement %}`` does not repeat it.
    """
    return _style_once(context)


@register.simple_tag(takes_context=True)
def privacy_statement(context: template.Context, locale: str | None = None, heading_level: int = 2,
                      style: bool = True) -> Markup:
    """The privacy statement as HTML in ``locale`` (default: Django's active language).

    With ``style`` (the default) the statement's responsive stylesheet comes first, unless the page already has it
    (from ``{% privacy_statement_style %}`` or an earlier statement), so the statement fits a phone in any layout.
    """
    from rekisterikit.render import render

    body = render(get_statement(), locale=locale or active_locale(), format="html", heading_level=heading_level)
    if not style:
        return body
    return Markup("{}{}").format(_style_once(context), body)


@register.simple_tag
def cookie_declaration(locale: str | None = None) -> Markup:
    """The statement's cookie declaration as an HTML table in ``locale`` (default: the active language)."""
    from rekisterikit.render import render_cookie_table

    return render_cookie_table(get_statement(), locale=locale or active_locale(), format="html")


@register.simple_tag(takes_context=True)
def consent_scripts(context: template.Context, wait_for_update: int = 500, *, regions: str | None = None,
                    other_regions: str = "denied", ads_data_redaction: bool | None = True,
                    url_passthrough: bool | None = None) -> Markup:
    """For ``<head>``: consent.css, consent.js (deferred) and the Consent Mode default (and the visitor's update).

    Put it before any Google tag, so that Google's tags start with consent denied. ``regions="FI,SE"`` gives the
    denied default only for those regions (``other_regions`` elsewhere); ``ads_data_redaction`` and
    ``url_passthrough`` are Consent Mode's settings of those names (see
    :func:`~rekisterikit.consent.consent_mode_script`). The update follows the visitor's services (Google
    Analytics allowed while the Meta Pixel is not still grants ``analytics_storage``).
    """
    request = _request(context)
    nonce = _nonce(request)
    state = get_consent(request).state if hasattr(request, "consent") else None
    service = get_service()
    options = (wait_for_update, regions, other_regions, ads_data_redaction, url_passthrough)
    if nonce is None:
        key = ("consent_scripts", service, None if state is None else (state.granted, state.services), options)
        try:
            hash(key)
        except TypeError:  # an unhashable argument from a template: nothing to keep
            return per_urls("static-tags", _static_tags, request, language=False) + _NEWLINE + _mode_script(
                service, state, None, options)
        # The static tags and the Consent Mode script in one entry per URLs, choice and tag arguments.
        return per_urls(key, lambda: per_urls("static-tags", _static_tags, request, language=False) + _NEWLINE
                        + _mode_script(service, state, None, options), request, language=False)
    css, js = cached_static("rekisterikit/consent.css"), cached_static("rekisterikit/consent.js")
    tags = Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer nonce="{}"></script>').format(
        css, js, nonce)
    return tags + _NEWLINE + _mode_script(service, state, nonce, options)


_NEWLINE = Markup("\n")

def _mode_script(service: Any, state: Any, nonce: str | None, options: tuple[Any, ...]) -> Markup:
    wait_for_update, regions, other_regions, ads_data_redaction, url_passthrough = options
    return consent_mode_script(
        state, nonce=nonce, wait_for_update=wait_for_update,
        regions=None if not regions else [r.strip() for r in _plain(regions).split(",") if r.strip()],
        other_regions="granted" if other_regions == "granted" else "denied", ads_data_redaction=ads_data_redaction,
        url_passthrough=url_passthrough, values=None if state is None else _mode_values(service, state))



def _static_tags() -> Markup:
    """The consent.css/consent.js tags without a nonce."""
    css, js = cached_static("rekisterikit/consent.css"), cached_static("rekisterikit/consent.js")
    return Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>').format(css, js)

#: The service-aware Consent Mode values per service and choice.
_MODES: dict[tuple[Any, frozenset[Any], frozenset[str]], dict[str, str]] = {}


def _mode_values(service: Any, state: Any) -> dict[str, str]:
    """``service.consent_mode(state)``, kept per service and distinct choice (read only: not to be changed)."""
    key = (service, state.granted, state.services)
    found = _MODES.get(key)
    if found is None:
        found = _remember(_MODES, key, service.consent_mode(state))
    return found


@register.simple_tag(takes_context=True)
def consent_banner(context: template.Context) -> Markup:
    """The consent banner, posting to the consent view with the page's CSRF token.

    Place it right after ``<body>``: it is shown fixed at the bottom, but early in the document order, so keyboard
    and screen reader users reach it first (consent.js also moves it there). After a material change of the
    statement it says what changed (:meth:`~rekisterikit.consent.ConsentService.what_changed`). For a visitor who
    has decided it is the lazy settings layer's placeholder (a few hundred bytes, no form and no CSRF token):
    the "Cookie settings" link loads the layer from the ``rekisterikit:consent_layer`` view when clicked, or goes
    to the settings page without JavaScript. ``LAZY_SETTINGS_LAYER = False`` renders the hidden form instead.
    """
    return banner_markup(_request(context), lazy=get_config().lazy_settings_layer)


@register.simple_tag(takes_context=True)
def consent_settings_link(context: template.Context, css_class: str = "rk-consent-reopen") -> Markup:
    """The "Cookie settings" link: reopens the banner, or without JavaScript goes to the settings page."""
    return per_urls("link:" + css_class,
                    lambda: reopen_link(locale=active_locale(), href=settings_url(), css_class=css_class),
                    context.get("request"))


def _gate_target(target: str) -> tuple[Any, str | None]:
    """(category, service key or None) of a gated_script/gated_embed target: a category or a service key."""
    from rekisterikit.consent.state import parse_category
    from rekisterikit.errors import ConsentError
    from rekisterikit.model import CookieCategory

    if target in {c.value for c in CookieCategory}:
        cat = parse_category(target)
        if not cat.needs_consent:
            raise ValueError("necessary scripts need no consent: include them with a normal <script> tag")
        return cat, None
    try:
        return get_service().service(target).category, target
    except ConsentError as exc:
        raise ValueError(f"gated_script: {exc}; or use a category (preferences, statistics, marketing)") from None


def render_gated_script(request: Any, target: str, src: str | None, attributes: dict[str, Any],
                        code: str | None = None) -> Markup:
    """The markup of ``{% gated_script %}``: a normal script when ``target`` is allowed, an inert one otherwise.

    Raises:
        ValueError: ``target`` is unknown or ``necessary``.
        template.TemplateSyntaxError: an invalid attribute name.
    """

    service = get_service()
    gate = _GATES.get((service, target))
    if gate is None:
        gate = _remember(_GATES, (service, target), _gate_target(target))
    cat, key = gate
    nonce = _nonce(request)
    bad = [k for k in attributes if not _ATTRIBUTE.fullmatch(k.replace("_", "-"))]
    if bad:
        raise template.TemplateSyntaxError(f"gated_script: invalid attribute name(s) {bad}")
    attrs = {k.replace("_", "-"): ("" if v is True else _plain(v)) for k, v in attributes.items()
             if v is not False and v is not None}
    allowed = get_consent(request).allows(key or cat)
    if nonce is not None:  # a nonce per request: nothing to keep
        return _gated_markup(cat, key, src, attrs, code=code, nonce=nonce, allowed=allowed)
    cache_key = (service, target, src, tuple(attrs.items()), code, allowed)
    found = _GATED.get(cache_key)
    if found is None:
        found = _remember(_GATED, cache_key, _gated_markup(cat, key, src, attrs, code=code, nonce=None,
                                                           allowed=allowed))
    return found


#: ``{% gated_script %}`` targets and markup already resolved, per consent service (bounded; cleared when full).
_GATES: dict[tuple[Any, str], tuple[Any, str | None]] = {}
_GATED: dict[tuple[Any, ...], Markup] = {}
_MAX_GATED = 512
_GATED_LOCK = threading.Lock()

_V = TypeVar("_V")


def _remember(cache: dict[Any, _V], key: Any, value: _V) -> _V:
    with _GATED_LOCK:
        if len(cache) >= _MAX_GATED:
            cache.clear()
        cache[key] = value
    return value


def _gated_markup(cat: Any, key: str | None, src: str | None, attrs: dict[str, str], *, code: str | None,
                  nonce: str | None, allowed: bool) -> Markup:
    from rekisterikit.consent import deferred_script

    if allowed:
        parts = [Markup(' data-rk-for="{}"').format(key or cat.value)]
        if src is not None:
            parts.insert(0, Markup(' src="{}"').format(src))
        if nonce is not None:
            parts.append(Markup(' nonce="{}"').format(nonce))
        parts.extend(Markup(" {}").format(k) if v == "" else Markup(' {}="{}"').format(k, v)
                     for k, v in sorted(attrs.items()))
        body = Markup("") if code is None else Markup(code.replace("</", "<\\/").replace("<!--", "<\\!--"))
        return Markup("<script{}>{}</script>").format(Markup("").join(parts), body)
    return deferred_script(cat, src, code=code, nonce=nonce, attributes=attrs, service=key)


class GatedScriptNode(template.Node):
    """``{% gated_script target [src] [attr=value …] %}`` and its block form with ``{% endgated_script %}``."""

    def __init__(self, target: Any, src: Any, attributes: dict[str, Any], nodelist: template.NodeList | None) -> None:
        self.target, self.src, self.attributes, self.nodelist = target, src, attributes, nodelist

    def render(self, context: template.Context) -> str:
        request = _request(context)
        target = _plain(self.target.resolve(context))
        src = None if self.src is None else _plain(self.src.resolve(context))
        attributes = {k: v.resolve(context) for k, v in self.attributes.items()}
        code = None if self.nodelist is None else str(self.nodelist.render(context))
        return str(render_gated_script(request, target, src, attributes, code))


@register.tag("gated_script")
def gated_script(parser: Any, token: Any) -> GatedScriptNode:
    """A script that runs only with consent to a category or to one service.

    ``{% gated_script "statistics" src async=True %}`` gates an external script;
    ``{% gated_script "google-analytics" %}gtag('config', 'G-XXXX');{% endgated_script %}`` gates an inline one
    (the GA config snippet, the Meta pixel loader). The target is a category (``statistics``, ``marketing``,
    ``preferences``) or a service key of the statement. With consent already given it is a normal ``<script>``;
    otherwise it is inert (``type="text/plain"``) and consent.js starts it as soon as the visitor agrees, without a
    reload. Further keyword arguments become attributes (``async=True`` → ``async``). The page's CSP nonce
    (``request.csp_nonce``) is added.

    Raises:
        ValueError: the target is unknown or ``necessary`` (when rendered).
    """
    from django.template.base import token_kwargs

    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("gated_script needs a category or service, e.g. {% gated_script "
                                           "\"statistics\" \"/static/ga.js\" %}")
    positional = [b for b in bits if "=" not in b]
    kwargs = token_kwargs([b for b in bits if "=" in b], parser)
    if len(positional) not in (1, 2) or len(kwargs) != len([b for b in bits if "=" in b]):
        raise template.TemplateSyntaxError("gated_script takes a target, an optional src and attr=value pairs")
    target = parser.compile_filter(positional[0])
    src = parser.compile_filter(positional[1]) if len(positional) == 2 else None
    nodelist = None
    if src is None:
        nodelist = parser.parse(("endgated_script",))
        parser.delete_first_token()
    return GatedScriptNode(target, src, kwargs, nodelist)


@register.simple_tag(takes_context=True)
def gated_embed(context: template.Context, target: str, src: str, *, title: str, width: int | str | None = None,
                height: int | str | None = None, allow: str | None = None) -> Markup:
    """An embedded player or map (YouTube, Vimeo, Google Maps, any iframe) behind consent.

    ``{% gated_embed "youtube" "https://www.youtube-nocookie.com/embed/ID" title="Asennusvideo" width=560
    height=315 allow="fullscreen" %}``: with the service (or category) allowed, the iframe; otherwise a placeholder
    that says who receives data, with "load this once" and "always allow <service>" (a form posting to the consent
    view with the CSRF token, so it also works without JavaScript). No request reaches the provider before.

    Raises:
        ValueError: unknown target, a ``src`` that is not https (or not on the service's ``hosts``), bad sizes.
    """
    from rekisterikit.consent import render_embed

    request = _request(context)
    return render_embed(get_service(), get_consent(request).state, _plain(target), _plain(src),
                        title=_plain(title), locale=active_locale(), action=cached_reverse("rekisterikit:consent"),
                        next_url=request.get_full_path(), hidden={"csrfmiddlewaretoken": get_token(request)},
                        width=None if width is None else _plain(width),
                        height=None if height is None else _plain(height),
                        allow=None if allow is None else _plain(allow))


@register.filter
def allows(consent: Any, target: str) -> bool:
    """``{% if request.consent|allows:"meta-pixel" %}``: whether the visitor allows a category or a service."""
    return bool(consent.allows(_plain(target)))
