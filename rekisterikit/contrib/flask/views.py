"""The blueprint: the statement page per language, the cookie settings page and the consent endpoints.

Mounted at ``REKISTERIKIT_URL_PREFIX`` (``/privacy`` by default), endpoint names in ``rekisterikit.*``:

=====================================  ================================  ==============================================
URL                                    endpoint                          what
=====================================  ================================  ==============================================
``GET /privacy/``                      ``rekisterikit.index``            redirect to the statement in the request's
                                                                         language
``GET /privacy/<lang>``                ``rekisterikit.statement``        the statement page (``fi``, ``sv``, ``en``);
                                                                         ETag, answers ``If-None-Match`` with 304
``GET /privacy/cookies``               ``rekisterikit.settings``         the cookie settings page (the reopen link's
                                                                         target without JavaScript)
``GET /privacy/consent``               ``rekisterikit.consent_status``   the visitor's consent as JSON
``POST /privacy/consent``              ``rekisterikit.consent``          record a decision (the banner's form)
``POST /privacy/consent/withdraw``     ``rekisterikit.withdraw``         withdraw every optional category
``GET /privacy/consent/layer``         ``rekisterikit.consent_layer``    the settings layer a decided visitor's
                                                                         placeholder loads (``no-store``)
``GET /privacy/static/<file>``         ``rekisterikit.static``           ``rekisterikit/consent.js`` and ``.css``
=====================================  ================================  ==============================================

The two POST endpoints pass the CSRF checks of :mod:`rekisterikit.contrib.flask.csrf` first (403 otherwise) and
answer JSON to a request that accepts ``application/json`` (consent.js) or a 303 redirect to the form's ``rk-next``
(a path on this site) otherwise. The templates ``rekisterikit/statement.html`` and ``rekisterikit/settings.html``
can be overridden by the application's own templates folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from rekisterikit.consent import (
    FIELD_NEXT,
    ConsentError,
    ConsentMethod,
    safe_next,
)
from rekisterikit.contrib.flask import csrf
from rekisterikit.contrib.flask.state import (
    LOCALE_FIELD,
    KitState,
    current_consent,
    current_locale,
    get_state,
    remember_decision,
    request_headers,
    subject,
)

__all__ = ["language_links", "make_blueprint", "statement_etag"]

_STATIC = Path(__file__).resolve().parent.parent.parent / "consent" / "static"


def _app() -> Flask:
    return cast(Flask, current_app._get_current_object())  # type: ignore[attr-defined]


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" or (request.is_json and best != "text/html")


def _form() -> Any:
    if request.is_json:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            abort(400, description="the JSON body must be an object")
        return data
    return request.form


def _refuse(status: int, message: str) -> Response:
    response = jsonify({"error": message}) if _wants_json() else Response(message + "\n", mimetype="text/plain")
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _posted_locale(state: KitState, form: Any) -> str:
    value = form.get(LOCALE_FIELD)
    if isinstance(value, str):
        lang = value.replace("-", "_").split("_")[0].lower()
        if lang in state.locales:
            return lang
    return current_locale()


def _answer(decision_json: dict[str, Any], form: Any) -> Response:
    if _wants_json():
        response = jsonify(decision_json)
    else:
        target = safe_next(form.get(FIELD_NEXT))
        if form.get("rk-source") == "settings":  # the no-JavaScript settings page says "saved" after the redirect
            target += ("&" if "?" in target else "?") + "saved=1"
        response = cast(Response, redirect(target, code=303))
    response.headers["Cache-Control"] = "no-store"
    return response


def consent_post() -> Response:
    """Record the visitor's decision from the banner or the settings page."""
    state = get_state()
    try:
        csrf.check(request, state, _app())
    except csrf.CsrfRefused as exc:
        return _refuse(403, str(exc))
    form = _form()
    try:
        decision = state.service.decide(form, cookies=request.cookies, headers=request_headers(),
                                        locale=_posted_locale(state, form), subject=subject(),
                                        https=request.is_secure)
    except ConsentError as exc:
        return _refuse(400, str(exc))
    remember_decision(decision)
    return _answer(decision.to_json(), form)


def withdraw_post() -> Response:
    """Withdraw every optional category (GDPR 7(3)); the record lists what was withdrawn."""
    state = get_state()
    try:
        csrf.check(request, state, _app())
    except csrf.CsrfRefused as exc:
        return _refuse(403, str(exc))
    form = _form()
    source = form.get("rk-source")
    method = ConsentMethod.SETTINGS if source == "settings" else ConsentMethod.API
    decision = state.service.withdraw(cookies=request.cookies, headers=request_headers(),
                                      locale=_posted_locale(state, form), method=method, subject=subject(),
                                      https=request.is_secure)
    remember_decision(decision)
    return _answer(decision.to_json(), form)


def consent_status() -> Response:
    """The visitor's consent as JSON: ``{"consent": {…} | null, "consent_mode": {…}, "banner_needed": …}``."""
    state = get_state()
    consent = current_consent()
    g._rk_vary_cookie = True
    body: dict[str, Any] = {
        "consent": None,
        "consent_mode": state.service.consent_mode(consent),
        "banner_needed": state.service.banner_needed and consent is None,
        "offered": [c.value for c in state.service.offered],
        "version": state.statement.version,
    }
    if consent is not None:
        body["consent"] = {
            "id": consent.consent_id,
            "granted": sorted(c.value for c in consent.granted),
            "choices": consent.choices,
            "services": sorted(consent.services),
            "method": consent.method.value,
            "gpc": consent.gpc,
            "version": consent.version,
            "given_at": consent.given_at.isoformat().replace("+00:00", "Z"),
            "expires_at": consent.expires_at(state.service.lifetime(consent)).isoformat().replace("+00:00", "Z"),
        }
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def statement_etag(state: KitState, lang: str) -> str:
    """The statement page's entity tag: the statement version, the language, the library version and the cookies
    the page depends on (consent, CSRF nonce, session), hashed."""
    from rekisterikit import __version__

    app = _app()
    from rekisterikit.contrib.flask.csrf import cookie_name

    cookies = (state.consent_config.cookie_name, cookie_name(request, state), app.config.get("SESSION_COOKIE_NAME"))
    from rekisterikit.contrib.flask.history import history_url

    # The page links to the history once there is an earlier version: a cached copy without the link is stale then.
    parts = [state.statement.version, lang, __version__, "h" if history_url(state) else "",
             *(str(request.cookies.get(str(c), "")) for c in cookies)]
    return "rk-" + hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]


def language_links(state: KitState, current: str) -> list[dict[str, Any]]:
    """The statement page's language switcher: one entry per offered language, named in its own language."""
    from babel import Locale

    return [{"lang": lang, "name": (Locale.parse(lang).get_display_name(lang) or lang).capitalize(),
             "url": url_for("rekisterikit.statement", lang=lang), "current": lang == current}
            for lang in state.locales]


def _title(state: KitState, lang: str) -> str:
    from rekisterikit.render.i18n import translator

    if state.statement.title is not None:
        return state.statement.title.resolve(lang)[0]
    return translator(lang).gettext("Privacy notice")


def _style() -> Markup:
    from rekisterikit.render import STYLESHEET

    return Markup(STYLESHEET)  # the library's own constant stylesheet, not shop text


def statement_page(lang: str) -> Response:
    """The full statement in ``lang``, with a conditional-request ETag."""
    state = get_state()
    if lang not in state.locales:
        abort(404)
    g._rk_locale = lang
    from rekisterikit.contrib.flask.history import history_url, remember
    from rekisterikit.records.history import history_link

    remember(state)  # the statement history keeps every version served
    etag = statement_etag(state, lang) if state.statement_etag else None
    if etag is not None and request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        earlier = history_url(state)  # the link to the earlier versions, once there are any
        html = render_template("rekisterikit/statement.html", locale=lang, title=_title(state, lang),
                               languages=language_links(state, lang), statement=state.statement,
                               statement_style=_style(), history_url=earlier,
                               history_link=history_link(earlier, locale=lang) if earlier else "")
        response = Response(html, mimetype="text/html")
    if etag is not None:
        response.set_etag(etag)
        response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Content-Language"] = lang
    response.vary.add("Cookie")
    return response


def index() -> Response:
    """Redirect to the statement in the request's language."""
    return cast(Response, redirect(url_for("rekisterikit.statement", lang=current_locale())))


def settings_page() -> Response:
    """The cookie settings page in the request's language."""
    from rekisterikit.render.i18n import translator

    state = get_state()
    lang = current_locale()
    html = render_template("rekisterikit/settings.html", locale=lang,
                           title=translator(lang).gettext("Cookie settings"), statement=state.statement,
                           statement_style=_style())
    response = Response(html, mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Language"] = lang
    return response


def consent_layer() -> Response:
    """The settings layer: the banner form with the visitor's ticks, for the placeholder of a decided visitor.

    consent.js fetches it when the visitor follows the "Cookie settings" link and opens it in place of the page's
    placeholder. ``?lang=`` is the page's banner language (the placeholder's URL carries it; the request's language
    otherwise) and ``?next=`` the page the visitor is on (a path on this site; ``/`` otherwise), where a plain form
    POST returns. The form carries a CSRF token made for this request (the nonce cookie is set only when the
    visitor has none); the answer is ``Cache-Control: no-store, private`` with ``Vary: Cookie``, ``404`` when the
    statement has no optional cookies.
    """
    from rekisterikit.consent import SETTINGS_LAYER_HEADERS
    from rekisterikit.contrib.flask.template_globals import banner_markup

    state = get_state()
    if not state.service.banner_needed:
        abort(404)
    lang = request.args.get("lang")
    if not isinstance(lang, str) or lang not in state.locales:
        lang = current_locale()
    g._rk_locale = lang
    html = banner_markup(state, lang, next_url=safe_next(request.args.get("next")), lazy=False)
    response = Response(str(html), mimetype="text/html")
    for name, value in SETTINGS_LAYER_HEADERS.items():
        if name == "Vary":
            response.vary.add(value)
        else:
            response.headers[name] = value
    response.headers["Content-Language"] = lang
    return response


def make_blueprint() -> Blueprint:
    """A new blueprint named ``rekisterikit`` with the routes above, its templates and the consent static files."""
    bp = Blueprint("rekisterikit", __name__, template_folder="templates", static_folder=str(_STATIC),
                   static_url_path="/static")
    bp.add_url_rule("/", "index", index, methods=["GET"])
    bp.add_url_rule("/cookies", "settings", settings_page, methods=["GET"])
    bp.add_url_rule("/consent", "consent_status", consent_status, methods=["GET"])
    bp.add_url_rule("/consent", "consent", consent_post, methods=["POST"])
    bp.add_url_rule("/consent/withdraw", "withdraw", withdraw_post, methods=["POST"])
    bp.add_url_rule("/consent/layer", "consent_layer", consent_layer, methods=["GET"])
    bp.add_url_rule("/<lang>", "statement", statement_page, methods=["GET"])
    from rekisterikit.contrib.flask import history

    history.add_routes(bp)  # /history and /history/<version>
    return bp
