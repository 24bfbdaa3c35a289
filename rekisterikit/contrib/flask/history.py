"""The statement history pages of the Flask blueprint: every published version, and each one as it was.

``GET <prefix>/history`` lists the versions the shop has served (kept in the consent store), newest first, with
what changed; ``GET <prefix>/history/<version>`` shows one version as it was. The statement page remembers the
version it serves, so the list is complete from the first request on, and links to ``/history`` ("Earlier
versions") once the store keeps a version other than the one in force (:func:`history_url`).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request, url_for

from rekisterikit.contrib.flask.state import KitState, current_locale, get_state

__all__ = ["add_routes", "history_page", "history_url", "remember", "version_page"]


def remember(state: KitState) -> None:
    """Keep the statement in force in the consent store's archive (once per process and version)."""
    from rekisterikit.records.history import remember_served

    remember_served(state.store, state.statement)


def history_url(state: KitState) -> str | None:
    """The history page's URL when the consent store keeps an earlier version of the statement, else ``None``."""
    from rekisterikit.records.history import has_earlier_versions

    if not has_earlier_versions(state.store, state.statement):
        return None
    return url_for("rekisterikit.history")


def _respond(html: str, lang: str, etag: str) -> Response:
    response = Response(html, mimetype="text/html")
    response.set_etag(etag)
    # No cookies are set here; revalidate so a new version shows at once.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Content-Language"] = lang
    response.make_conditional(request)
    return response


def history_page() -> Response:
    """Every published version of the statement, newest first, with what changed."""
    from rekisterikit.records.history import history_page as page
    from rekisterikit.records.history import versions

    state = get_state()
    remember(state)
    lang = current_locale()
    entries = versions(state.store, current=state.statement)
    html = page(entries, locale=lang, version_url=lambda v: url_for("rekisterikit.history_version", version=v),
                statement_url=url_for("rekisterikit.statement", lang=lang))
    return _respond(str(html), lang, "rk-h-" + "-".join(e.version[7:19] for e in entries[-3:]) + "-" + lang)


def version_page(version: str) -> Response:
    """One version of the statement as it was; 404 for a version that was never served."""
    from rekisterikit.records.history import is_version, statement_at
    from rekisterikit.records.history import version_page as page

    state = get_state()
    if not is_version(version):
        abort(404)
    statement = state.statement if version == state.statement.version else statement_at(state.store, version)
    if statement is None:
        abort(404)
    lang = current_locale()
    first_seen = next((at for v, at in getattr(state.store, "statement_versions", list)() if v == version), None)
    html = page(statement, locale=lang, first_seen=first_seen, current_version=state.statement.version,
                current_url=url_for("rekisterikit.statement", lang=lang),
                history_url=url_for("rekisterikit.history"))
    return _respond(str(html), lang, f"rk-v-{version[7:39]}-{lang}")


def add_routes(bp: Blueprint) -> None:
    """Add ``/history`` and ``/history/<version>`` to the blueprint."""
    bp.add_url_rule("/history", "history", history_page, methods=["GET"])
    bp.add_url_rule("/history/<version>", "history_version", version_page, methods=["GET"])
