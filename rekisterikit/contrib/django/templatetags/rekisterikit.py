"""Template tags: ``{% load rekisterikit %}``.

* ``{% privacy_statement %}`` — the statement in the active language (cached per statement version), preceded the
  first time in a page by the statement's responsive stylesheet (``style=False`` leaves it out);
* ``{% privacy_statement_style %}`` — that stylesheet as a ``<style>`` element, for ``<head>`` (once per page);
* ``{% cookie_declaration %}`` — the cookie table;
* ``{% consent_scripts %}`` — consent.css, consent.js and the Google Consent Mode defaults, for ``<head>``;
* ``{% consent_banner %}`` — the banner, shown when the visitor still has to decide (otherwise rendered hidden, so
  the "Cookie settings" link can reopen it), with the CSRF token;
* ``{% consent_settings_link %}`` — the "Cookie settings" link for the footer;
* ``{% gated_script "statistics" src %}`` — a script that runs only with consent to the category.

Every shop-written text is escaped; the tags return safe markup built with markupsafe.
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from markupsafe import Markup

from rekisterikit.contrib.django.conf import active_locale, get_service, get_statement

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
def consent_scripts(context: template.Context, wait_for_update: int = 500) -> Markup:
    """For ``<head>``: consent.css, consent.js (deferred) and the Consent Mode default (and the visitor's update).

    Put it before any Google tag, so that Google's tags start with consent denied.
    """
    from rekisterikit.consent import consent_mode_script

    request = _request(context)
    nonce = _nonce(request)
    css, js = static("rekisterikit/consent.css"), static("rekisterikit/consent.js")
    state = request.consent.state if hasattr(request, "consent") else None
    mode = consent_mode_script(state, nonce=nonce, wait_for_update=wait_for_update)
    if nonce is None:
        tags = Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>').format(css, js)
    else:
        tags = Markup('<link rel="stylesheet" href="{}">\n<script src="{}" defer nonce="{}"></script>').format(
            css, js, nonce)
    return Markup("{}\n{}").format(tags, mode)


@register.simple_tag(takes_context=True)
def consent_banner(context: template.Context) -> Markup:
    """The consent banner for the end of ``<body>``, posting to the consent view with the page's CSRF token."""
    from rekisterikit.consent import render_banner
    from rekisterikit.contrib.django.middleware import get_consent
    from rekisterikit.contrib.django.views import statement_url

    request = _request(context)
    service = get_service()
    if not service.banner_needed:
        return Markup("")
    visitor = get_consent(request)
    return render_banner(service, visitor.state, locale=active_locale(), action=reverse("rekisterikit:consent"),
                         statement_url=statement_url(), next_url=request.get_full_path(),
                         hidden={"csrfmiddlewaretoken": get_token(request)}, gpc=visitor.gpc)


@register.simple_tag
def consent_settings_link(css_class: str = "rk-consent-reopen") -> Markup:
    """The "Cookie settings" link: reopens the banner, or without JavaScript goes to the settings page."""
    from rekisterikit.consent import reopen_link
    from rekisterikit.contrib.django.views import settings_url

    return reopen_link(locale=active_locale(), href=settings_url(), css_class=css_class)


@register.simple_tag(takes_context=True)
def gated_script(context: template.Context, category: str, src: str, **attributes: Any) -> Markup:
    """A script that runs only with consent to ``category``.

    With consent already given it is a normal ``<script src>``; otherwise it is inert (``type="text/plain"``)
    and consent.js starts it as soon as the visitor agrees, without a reload. Further keyword arguments become
    attributes (``async=True`` → ``async``).

    Raises:
        ValueError: ``category`` is unknown or ``necessary``.
    """
    from rekisterikit.consent import deferred_script
    from rekisterikit.consent.state import parse_category
    from rekisterikit.contrib.django.middleware import get_consent

    request = _request(context)
    cat = parse_category(category)
    if not cat.needs_consent:
        raise ValueError("necessary scripts need no consent: include them with a normal <script> tag")
    nonce = _nonce(request)
    bad = [k for k in attributes if not _ATTRIBUTE.fullmatch(k.replace("_", "-"))]
    if bad:
        raise template.TemplateSyntaxError(f"gated_script: invalid attribute name(s) {bad}")
    src = _plain(src)
    attrs = {k.replace("_", "-"): ("" if v is True else _plain(v)) for k, v in attributes.items()
             if v is not False and v is not None}
    if get_consent(request).allows(cat):
        parts = [Markup(' src="{}"').format(src), Markup(' data-rk-for="{}"').format(cat.value)]
        if nonce is not None:
            parts.append(Markup(' nonce="{}"').format(nonce))
        parts.extend(Markup(" {}").format(k) if v == "" else Markup(' {}="{}"').format(k, v)
                     for k, v in sorted(attrs.items()))
        return Markup("<script{}></script>").format(Markup("").join(parts))
    return deferred_script(cat, src, nonce=nonce, attributes=attrs)
