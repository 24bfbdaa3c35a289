"""The statement history pages: every published version, and each one as it was.

``history/`` (``rekisterikit:history``) lists the versions the shop has served — kept in the consent store
(:class:`~rekisterikit.contrib.django.models.StatementVersion`) — newest first, with what changed;
``history/<version>/`` (``rekisterikit:history_version``) shows one version as it was. The statement view
remembers the version it serves, so the list is complete from the first request on. Without a consent store
(``STORE = None``) the history shows only the statement in force.

The statement page links to ``history/`` ("Earlier versions") once the store keeps a version other than the one in
force (:func:`history_url`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import require_GET

from rekisterikit.contrib.django.conf import active_locale, get_statement, get_store

__all__ = ["history", "history_url", "history_version", "remember", "version_url"]


def remember() -> None:
    """Keep the statement in force in the consent store's archive (once per process and version)."""
    from rekisterikit.records.history import remember_served

    store = get_store()
    if store is not None:
        remember_served(store, get_statement())


def history_url() -> str | None:
    """The history page's path when the consent store keeps an earlier version of the statement, else ``None``."""
    from rekisterikit.records.history import has_earlier_versions

    store = get_store()
    if store is None or not has_earlier_versions(store, get_statement()):
        return None
    return reverse("rekisterikit:history")


def version_url(request: HttpRequest | None = None, base_url: str | None = None) -> Callable[[str], str | None]:
    """A function of a statement version giving the URL of its ``history/<version>/`` page, for the consent proof.

    It gives ``None`` (no link) when the URLs are not included or the version is not a ``sha256:`` version.

    Args:
        request: makes the URL absolute on the request's host.
        base_url: otherwise, the scheme and host to put before the path (``https://shop.example``); with neither,
            the path alone.
    """
    def url(version: str) -> str | None:
        try:
            path = reverse("rekisterikit:history_version", args=[version])
        except NoReverseMatch:
            return None
        if request is not None:
            return request.build_absolute_uri(path)
        return path if not base_url else base_url.rstrip("/") + path

    return url


def _respond(request: HttpRequest, html: str, lang: str, etag: str) -> HttpResponse:
    tag = quote_etag(etag)
    if tag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["ETag"] = tag
    response["Content-Language"] = lang
    # No cookies are set here; revalidate so a new version shows at once.
    patch_cache_control(response, no_cache=True)
    return response


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    """Every published version of the statement, newest first, with what changed."""
    from rekisterikit.records.history import history_page, versions

    remember()
    lang = active_locale()
    entries = versions(get_store(), current=get_statement())
    html = history_page(entries, locale=lang,
                        version_url=lambda v: reverse("rekisterikit:history_version", args=[v]),
                        statement_url=reverse("rekisterikit:statement"))
    return _respond(request, str(html), lang, "rk-h-" + "-".join(e.version[7:19] for e in entries[-3:]) + "-" + lang)


@require_GET
def history_version(request: HttpRequest, version: str) -> HttpResponse:
    """One version of the statement as it was; 404 for a version that was never served."""
    from rekisterikit.records.history import is_version, statement_at, version_page

    if not is_version(version):
        raise Http404("unknown version")
    current = get_statement()
    store = get_store()
    statement = current if version == current.version else statement_at(store, version)
    if statement is None:
        raise Http404("unknown version")
    listing = getattr(store, "statement_versions", None)
    first_seen = next((at for v, at in listing() if v == version), None) if listing is not None else None
    lang = active_locale()
    html = version_page(statement, locale=lang, first_seen=first_seen, current_version=current.version,
                        current_url=reverse("rekisterikit:statement"), history_url=reverse("rekisterikit:history"))
    return _respond(request, str(html), lang, f"rk-v-{version[7:39]}-{lang}")
