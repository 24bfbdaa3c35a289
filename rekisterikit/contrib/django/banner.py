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
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from markupsafe import Markup

if TYPE_CHECKING:
    from django.http import HttpRequest

__all__ = ["banner_markup", "cached_reverse", "cached_static", "clear_url_cache"]

#: The most cached URLs (names × URLconfs × script prefixes × languages); the cache starts over when full.
_MAX_URLS = 512

_urls: dict[tuple[str, object, str, str | None], str] = {}
_lock = threading.Lock()

#: Settings after whose change a cached URL may be wrong (the ``setting_changed`` signal clears the cache).
URL_SETTINGS = frozenset({"ROOT_URLCONF", "STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_STORAGE",
                          "DEBUG", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME", "INSTALLED_APPS",
                          "REKISTERIKIT"})


def clear_url_cache() -> None:
    """Forget the cached URLs (called when a setting they depend on changes)."""
    with _lock:
        _urls.clear()


def _remember(key: tuple[str, object, str, str | None], value: str) -> str:
    with _lock:
        if len(_urls) >= _MAX_URLS:
            _urls.clear()
        _urls[key] = value
    return value


def cached_reverse(viewname: str) -> str:
    """``reverse(viewname)`` (no arguments), kept per URLconf, script prefix and active language.

    The key holds what ``reverse()`` depends on: the request's URLconf (``request.urlconf``) or ``ROOT_URLCONF``,
    the script prefix (``SCRIPT_NAME`` or ``FORCE_SCRIPT_NAME``) and the active language (``i18n_patterns``).
    """
    key = ("r:" + viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), translation.get_language())
    found = _urls.get(key)
    if found is None:
        found = _remember(key, reverse(viewname))
    return found


def cached_static(path: str) -> str:
    """``static(path)``, kept per script prefix (a relative ``STATIC_URL`` is put under it)."""
    key = ("s:" + path, None, get_script_prefix(), None)
    found = _urls.get(key)
    if found is None:
        found = _remember(key, static(path))
    return found


def statement_url() -> str:
    """The statement's URL for links: ``STATEMENT_URL`` or the statement view."""
    from rekisterikit.contrib.django.conf import get_config

    return get_config().statement_url or cached_reverse("rekisterikit:statement")


def settings_url() -> str:
    """The cookie settings page's URL: ``SETTINGS_URL`` or the settings view."""
    from rekisterikit.contrib.django.conf import get_config

    return get_config().settings_url or cached_reverse("rekisterikit:consent_settings")


def banner_markup(request: HttpRequest, *, next_url: str, lazy: bool) -> Markup:
    """The consent banner for ``request``: rekisterikit's markup or the shop's ``BANNER_TEMPLATE``.

    Args:
        request: the request (its consent, CSRF token and GPC signal).
        next_url: where a plain form POST returns to.
        lazy: a visitor who has decided gets the placeholder of the lazy settings layer (no form, no CSRF token).
    """
    from django.middleware.csrf import get_token

    from rekisterikit.consent.banner import banner_context, render_banner, render_banner_placeholder
    from rekisterikit.contrib.django.conf import active_locale, get_config, get_service
    from rekisterikit.contrib.django.middleware import get_consent

    service = get_service()
    if not service.banner_needed:
        return Markup("")
    visitor = get_consent(request)
    locale = active_locale()
    if lazy and visitor.state is not None:
        return render_banner_placeholder(service, visitor.state, locale=locale,
                                         layer_url=cached_reverse("rekisterikit:consent_layer"))
    arguments: dict[str, Any] = {
        "locale": locale, "action": cached_reverse("rekisterikit:consent"), "statement_url": statement_url(),
        "next_url": next_url, "hidden": {"csrfmiddlewaretoken": get_token(request)}, "gpc": visitor.gpc,
        "changed": None if visitor.state is not None else service.what_changed(request.COOKIES, locale=locale),
    }
    own = get_config().banner_template
    if own is not None:  # the shop's own template gets the banner as plain data (Django escapes it)
        from django.template.loader import render_to_string

        return Markup(render_to_string(own, {"banner": banner_context(service, visitor.state, **arguments)},
                                       request=request))
    return render_banner(service, visitor.state, **arguments)
