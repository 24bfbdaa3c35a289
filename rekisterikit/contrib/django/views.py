"""Views: the statement page per language, the consent endpoint, its status JSON, withdrawal and a settings page.

Include them with ``path("privacy/", include("rekisterikit.contrib.django.urls"))``; the URL names are in the
``rekisterikit`` namespace (``rekisterikit:statement``, ``rekisterikit:consent`` …).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import render as render_template
from django.template.loader import get_template
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import condition, require_GET, require_POST
from markupsafe import Markup

import rekisterikit
from rekisterikit.consent import FIELD_NEXT, FIELD_SOURCE, ConsentMethod, Decision, safe_next
from rekisterikit.contrib.django.banner import cached_reverse
from rekisterikit.contrib.django.conf import (
    LOCALES,
    active_locale,
    get_config,
    get_service,
    get_statement,
    request_subject,
)
from rekisterikit.contrib.django.middleware import apply_cookie, get_consent, private, request_host
from rekisterikit.errors import ConsentError

__all__ = ["consent", "consent_layer", "consent_settings", "consent_status", "statement", "withdraw"]

#: The largest JSON body the consent endpoint reads.
MAX_JSON_BODY = 16 * 1024

_OWN_PAGE = Path(__file__).resolve().parent / "templates" / "rekisterikit" / "statement_page.html"


class HttpResponseSeeOther(HttpResponseRedirect):
    """``303 See Other``: after a form POST, the browser fetches ``next`` with GET (as Flask answers too)."""

    status_code = 303


def _locale(lang: str | None) -> str:
    if lang is None:
        return active_locale()
    if lang not in LOCALES:
        raise Http404("unknown language")
    return lang


def _own_page(template_name: str) -> bool:
    """Whether ``template_name`` resolves to the library's own statement page (which shows nothing per visitor).

    A shop's ``PAGE_TEMPLATE`` — or its own ``rekisterikit/statement_page.html`` overriding the library's — may show
    the banner, a CSRF token or the signed-in customer, so it is treated as personal.
    """
    origin = getattr(get_template(template_name), "origin", None)
    name = getattr(origin, "name", None)
    return isinstance(name, str) and Path(name).resolve() == _OWN_PAGE


def _etag(request: HttpRequest, lang: str | None = None) -> str:
    from rekisterikit.contrib.django.history import history_url

    version = get_statement().version.partition(":")[2][:32]
    # The page links to the history once there is an earlier version: a cached copy without the link is stale then.
    tag = f"{version}-{_locale(lang)}-{rekisterikit.__version__}{'-h' if history_url() else ''}"
    config = get_config()
    if _own_page(config.page_template):
        return tag
    # A shop's page can depend on the consent (the banner), the CSRF token, the session and the language cookie:
    # a visitor whose cookies changed (e.g. after deciding) must not be answered 304 with the page from before.
    names = (config.consent.cookie_name, settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME,
             settings.LANGUAGE_COOKIE_NAME)
    parts = [tag, *(str(request.COOKIES.get(n, "")) for n in names)]
    return "rk-" + hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _style() -> Markup:
    from rekisterikit.render import STYLESHEET

    return Markup(STYLESHEET)  # the library's own constant stylesheet, not shop text


@require_GET
@condition(etag_func=_etag)
def statement(request: HttpRequest, lang: str | None = None) -> HttpResponse:
    """The privacy statement as a page, in ``lang`` or Django's active language.

    Sets ``Content-Language``; the ``ETag`` follows the statement version (a conditional request gets ``304``). The
    library's own page is ``Cache-Control: public, max-age=PAGE_CACHE_SECONDS``; a shop's ``PAGE_TEMPLATE`` (or an
    override of ``rekisterikit/statement_page.html``) is ``private, no-cache`` with ``Vary: Cookie``, and its
    ``ETag`` also follows the visitor's consent, CSRF, session and language cookies, so a page with the banner is
    never revalidated to the version from before the visitor decided.
    """
    from rekisterikit.contrib.django.history import history_url, remember
    from rekisterikit.records.history import history_link
    from rekisterikit.render import render

    locale = _locale(lang)
    config = get_config()
    stmt = get_statement()
    published = tuple(str(x) for x in stmt.languages)
    if lang is not None and lang not in published:
        # Library headings over text in another language are no translation: as in Flask, a language the statement
        # does not publish is not found.
        raise Http404("the statement is not published in this language")
    if locale not in published:
        locale = published[0]
    remember()  # the statement history keeps every version served
    body = render(stmt, locale=locale, format="html", heading_level=1)
    title = stmt.title.resolve(locale)[0] if stmt.title is not None else stmt.controller.name
    earlier = history_url()  # the link to the earlier versions, once there are any
    response = render_template(request, config.page_template, {
        "statement": stmt, "statement_html": body, "title": title, "locale": locale, "languages": published,
        "version": stmt.version, "statement_style": _style(), "history_url": earlier,
        "history_link": history_link(earlier, locale=locale) if earlier else "",
    })
    response["Content-Language"] = locale
    if not _own_page(config.page_template):
        patch_cache_control(response, no_cache=True)
        private(response)
    elif config.page_cache_seconds:
        patch_cache_control(response, public=True, max_age=config.page_cache_seconds)
    else:
        patch_cache_control(response, no_cache=True)
    if lang is None:
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.content_type == "application/json"


def _form(request: HttpRequest) -> Mapping[str, Any]:
    if request.content_type == "application/json":
        if len(request.body) > MAX_JSON_BODY:
            raise ConsentError("request body too large")
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise ConsentError("invalid JSON") from None
        if not isinstance(data, dict):
            raise ConsentError("the JSON body must be an object")
        return data
    return request.POST


def _respond(request: HttpRequest, decision: Decision, next_url: object) -> HttpResponseBase:
    response: HttpResponseBase = (JsonResponse(decision.to_json()) if _wants_json(request)
                                  else HttpResponseSeeOther(safe_next(next_url)))
    from rekisterikit.consent.domains import with_parent_domains

    apply_cookie(response, decision.cookie)
    for cookie in with_parent_domains(decision.expire, request_host(request)):
        apply_cookie(response, cookie)
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))
    return response


def _error(request: HttpRequest, message: str) -> HttpResponseBase:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=400)
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@require_POST
@csrf_protect
def consent(request: HttpRequest) -> HttpResponseBase:
    """Record the visitor's decision from the banner or the settings page (form fields or a JSON body).

    Answers JSON (:meth:`Decision.to_json <rekisterikit.consent.Decision.to_json>`) to a request that accepts
    ``application/json``, otherwise redirects (``303 See Other``) to the ``rk-next`` path (this site only). Sets
    the consent cookie and expires cookies of declined categories. An invalid form gets ``400``; a request without a
    valid CSRF token ``403``.
    """
    try:
        form = _form(request)
        decision = get_service().decide(form, cookies=request.COOKIES, headers=request.headers,
                                        locale=active_locale(), subject=request_subject(request),
                                        https=request.is_secure())
    except ConsentError as exc:
        return _error(request, str(exc))
    next_url: object = form.get(FIELD_NEXT)
    if not _wants_json(request) and form.get(FIELD_SOURCE) == "settings":
        target = safe_next(next_url)  # the no-JavaScript settings page says "saved" after the redirect
        next_url = target + ("&" if "?" in target else "?") + "saved=1"
    return _respond(request, decision, next_url)


@require_POST
@csrf_protect
def withdraw(request: HttpRequest) -> HttpResponseBase:
    """Withdraw every optional category (GDPR 7(3)) and delete the declined cookies; JSON or a redirect."""
    try:
        form = _form(request)
    except ConsentError as exc:
        return _error(request, str(exc))
    decision = get_service().withdraw(cookies=request.COOKIES, headers=request.headers, locale=active_locale(),
                                      method=ConsentMethod.SETTINGS, subject=request_subject(request),
                                      https=request.is_secure())
    return _respond(request, decision, form.get(FIELD_NEXT))


@require_GET
def consent_status(request: HttpRequest) -> JsonResponse:
    """The visitor's consent as JSON, for pages served from a cache (which cannot contain per-visitor markup).

    Shape: ``{"decided": bool, "banner_needed": bool, "consent": {...} | null, "consent_mode": {...},
    "version": "sha256:…", "csrf_token": "…"}``; ``consent`` has the fields of the consent endpoint's answer.
    """
    service = get_service()
    visitor = get_consent(request)
    state = visitor.state
    data: dict[str, Any] = {
        "decided": state is not None,
        "banner_needed": service.banner_needed,
        "consent": None,
        "consent_mode": service.consent_mode(state),
        "version": service.version,
        "csrf_token": get_token(request),
    }
    if state is not None:
        data["consent"] = {"id": state.consent_id, "granted": visitor.granted, "choices": state.choices,
                           "services": sorted(state.services),
                           "method": state.method.value, "gpc": state.gpc, "version": state.version,
                           "given_at": state.given_at.isoformat().replace("+00:00", "Z")}
    response = JsonResponse(data)
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))
    return response


def statement_url() -> str:
    """The statement's URL for links: ``STATEMENT_URL`` or the statement view."""
    from rekisterikit.contrib.django.banner import statement_url as url

    return url()


def settings_url() -> str:
    """The cookie settings page's URL: ``SETTINGS_URL`` or the settings view."""
    from rekisterikit.contrib.django.banner import settings_url as url

    return url()


def _keep_csrf_cookie(request: HttpRequest) -> None:
    """Do not send the CSRF cookie again when the visitor already has the one the layer's token is masked from.

    ``get_token`` asks Django's CSRF middleware to send the cookie anew (to renew its expiry); the settings layer is
    fetched in the background and needs no cookie the visitor already has. A visitor without one (or with a legacy
    masked one) still gets it.
    """
    if settings.CSRF_USE_SESSIONS:
        return
    secret = request.META.get("CSRF_COOKIE")
    if secret is not None and request.COOKIES.get(settings.CSRF_COOKIE_NAME) == secret:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False


@require_GET
def consent_layer(request: HttpRequest) -> HttpResponse:
    """The settings layer (the lazy settings layer's fragment): the banner form with the visitor's ticks.

    consent.js fetches it when a visitor who has decided follows the "Cookie settings" link, and opens it in place
    of the page's placeholder. ``?next=`` is the page the visitor is on (this site only), where a plain form POST
    returns. It holds a fresh CSRF token (Django sets its cookie only when the visitor has none) and is
    ``Cache-Control: no-store, private`` with ``Vary: Cookie``; ``404`` when the statement has no optional cookies.
    """
    from rekisterikit.consent import SETTINGS_LAYER_HEADERS
    from rekisterikit.contrib.django.banner import banner_markup

    if not get_service().banner_needed:
        raise Http404("no optional cookies: there is no consent banner")
    body = banner_markup(request, next_url=safe_next(request.GET.get("next")), lazy=False)
    _keep_csrf_cookie(request)
    response = HttpResponse(str(body), content_type="text/html; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))
    response["X-Robots-Tag"] = SETTINGS_LAYER_HEADERS["X-Robots-Tag"]
    return response


@require_GET
def consent_settings(request: HttpRequest) -> HttpResponse:
    """The cookie settings page: the consent form with every category, for changing or withdrawing a choice.

    It is where the "Cookie settings" link leads when JavaScript is off.
    """
    from rekisterikit.consent import render_settings

    service = get_service()
    locale = active_locale()
    next_url = safe_next(request.GET.get("next"), default=request.path)
    form = render_settings(service, get_consent(request).state, locale=locale,
                           action=cached_reverse("rekisterikit:consent"), statement_url=statement_url(),
                           next_url=next_url, hidden={"csrfmiddlewaretoken": get_token(request)},
                           gpc=service.gpc(request.headers), saved=request.GET.get("saved") == "1",
                           back_url=safe_next(request.GET.get("back"), default="/"))
    from rekisterikit.render.i18n import translator

    title = translator(locale).gettext("Cookie settings")
    response = render_template(request, get_config().settings_template,
                               {"consent_form": form, "locale": locale, "title": title})
    patch_cache_control(response, private=True, no_store=True)
    return response
