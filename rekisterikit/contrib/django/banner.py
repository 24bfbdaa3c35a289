"""The consent banner of a Django request, the lazy settings layer, and the per-request URL look-ups cached.

* :func:`banner_markup` renders ``{% consent_banner %}``: the first layer for a visitor who has to decide, and
  for a visitor who has decided (with ``LAZY_SETTINGS_LAYER``, the default) a placeholder of a few hundred bytes,
  with no CSRF token, no form and no URL look-up but the layer's; the settings layer view
  (:func:`~rekisterikit.contrib.django.views.consent_layer`) renders the layer itself when the visitor reopens it.
* :func:`cached_reverse` and :func:`cached_static` keep ``reverse()`` and ``static()`` results per URLconf, script
  prefix and language (what Django's own resolver caches on, plus the prefix a ``SCRIPT_NAME`` sets), so a page
  does not walk the resolver or the storage for the same URL on every request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from markupsafe import Markup

from rekisterikit.consent.banner import banner_context, render_banner, render_banner_placeholder
from rekisterikit.contrib.django.conf import active_locale, get_config, get_service
from rekisterikit.contrib.django.middleware import get_consent

if TYPE_CHECKING:
    from django.http import HttpRequest

    from rekisterikit.consent import ConsentService, ConsentState

__all__ = ["banner_markup", "cached_reverse", "cached_static", "clear_url_cache"]

#: The most cached URLs (names × URLconfs × script prefixes × languages); the cache starts over when full.
_MAX_URLS = 512

_urls: dict[tuple[Hashable, object, str, str | None], Any] = {}
_lock = threading.Lock()

#: Settings after whose change a cached URL may be wrong (the ``setting_changed`` signal clears the cache).
URL_SETTINGS = frozenset({"ROOT_URLCONF", "STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_STORAGE",
                          "DEBUG", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME", "INSTALLED_APPS",
                          "REKISTERIKIT"})


def clear_url_cache() -> None:
    """Forget the cached URLs (called when a setting they depend on changes)."""
    with _lock:
        _urls.clear()


_V = TypeVar("_V")


def _remember(key: tuple[Hashable, object, str, str | None], value: _V) -> _V:
    with _lock:
        if len(_urls) >= _MAX_URLS:
            _urls.clear()
        _urls[key] = value
    return value


def per_urls(name: Hashable, build: Callable[[], _V], request: HttpRequest | None = None, *,
             language: bool = True) -> _V:
    """``build()``, kept under ``name`` per URLconf, script prefix and active language (what ``reverse()`` and the
    active locale depend on): for markup made only of reversed URLs, the language and settings.

    With ``request`` (inside its view or template), its URLconf and script prefix are read once per request: both
    are set before the view runs and stay so until the response; the language is read on every call (a
    ``{% language %}`` block changes it) unless ``language`` is false (markup that does not depend on it).
    """
    if request is None:
        urlconf, prefix = get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()
    else:
        base = request.__dict__.get("_rk_url_base")
        if base is None:
            base = request.__dict__["_rk_url_base"] = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
        urlconf, prefix = base
    key = (name, urlconf, prefix, translation.get_language() if language else None)
    found: _V | None = _urls.get(key)
    if found is None:
        found = _remember(key, build())
    return found


def cached_reverse(viewname: str) -> str:
    """``reverse(viewname)`` (no arguments), kept per URLconf, script prefix and active language.

    The key holds what ``reverse()`` depends on: the request's URLconf (``request.urlconf``) or ``ROOT_URLCONF``,
    the script prefix (``SCRIPT_NAME`` or ``FORCE_SCRIPT_NAME``) and the active language (``i18n_patterns``).
    """
    return per_urls("r:" + viewname, lambda: reverse(viewname))


def cached_static(path: str) -> str:
    """``static(path)``, kept per script prefix (what ``static()`` gives under it)."""
    key = ("s:" + path, None, get_script_prefix(), None)
    found: str | None = _urls.get(key)
    if found is None:
        found = _remember(key, static(path))
    return found


def statement_url() -> str:
    """The statement's URL for links: ``STATEMENT_URL`` or the statement view."""
    return get_config().statement_url or cached_reverse("rekisterikit:statement")


def settings_url() -> str:
    """The cookie settings page's URL: ``SETTINGS_URL`` or the settings view."""
    return get_config().settings_url or cached_reverse("rekisterikit:consent_settings")


def _layer() -> tuple[str, str | None]:
    """The active locale and the settings layer view's URL, or ``None`` when the URLconf does not route it (a shop
    that lists rekisterikit's views one by one): the banner is then rendered inline, hidden, as before."""
    try:
        url: str | None = cached_reverse("rekisterikit:consent_layer")
    except NoReverseMatch:
        url = None
    return active_locale(), url


def _placeholder(service: ConsentService, state: ConsentState) -> Markup | None:
    """The lazy settings layer's placeholder in the active language, or ``None`` without a layer URL."""
    locale, layer_url = _layer()
    if layer_url is None:
        return None
    return render_banner_placeholder(service, state, locale=locale, layer_url=layer_url)


def banner_markup(request: HttpRequest, *, next_url: str | None = None, lazy: bool) -> Markup:
    """The consent banner for ``request``: rekisterikit's markup or the shop's ``BANNER_TEMPLATE``.

    Args:
        request: the request (its consent, CSRF token and GPC signal).
        next_url: where a plain form POST returns to (default: the request's own path and query).
        lazy: a visitor who has decided gets the placeholder of the lazy settings layer (no form, no CSRF token).
    """
    service = get_service()
    if not service.banner_needed:
        return Markup("")
    visitor = get_consent(request)
    state = visitor.state
    if lazy and state is not None:
        # The placeholder depends on the choice, the language and the layer's URL: kept with the URLs.
        # (A URLconf without the layer view keeps ``(None,)``: the hidden banner, below.)
        (placeholder,) = per_urls(("placeholder", service, state.granted, state.services),
                                  lambda: (_placeholder(service, state),), request)
        if placeholder is not None:
            return placeholder
    locale = active_locale()
    arguments: dict[str, Any] = {
        "locale": locale, "action": cached_reverse("rekisterikit:consent"), "statement_url": statement_url(),
        "next_url": request.get_full_path() if next_url is None else next_url,
        "hidden": {"csrfmiddlewaretoken": get_token(request)}, "gpc": visitor.gpc,
        "changed": None if visitor.state is not None else service.what_changed(request.COOKIES, locale=locale),
    }
    own = get_config().banner_template
    if own is not None:  # the shop's own template gets the banner as plain data (Django escapes it)
        from django.template.loader import render_to_string

        return Markup(render_to_string(own, {"banner": banner_context(service, visitor.state, **arguments)},
                                       request=request))
    return render_banner(service, visitor.state, **arguments)
