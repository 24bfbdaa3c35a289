"""Tests of the Flask extension: start-up and configuration, the request hooks, the locale and the Jinja globals."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from flask import Flask, Response, g, render_template_string

from rekisterikit.consent import MemoryConsentStore, SQLiteConsentStore
from rekisterikit.contrib.flask import ConfigurationError, KitState, RekisteriKit, get_state
from rekisterikit.errors import RekisterikitError
from rekisterikit.load import loads
from rekisterikit.render import render, render_cookie_table

from .conftest import BASE, SECRET, STATEMENT, AppFactory, post_consent


def set_cookies(response: object) -> dict[str, str]:
    """The Set-Cookie headers of a response by cookie name."""
    headers = response.headers.getlist("Set-Cookie")  # type: ignore[attr-defined]
    return {h.split("=", 1)[0]: h for h in headers}


def expired(response: object) -> set[str]:
    """The names of the cookies a response deletes."""
    return {name for name, h in set_cookies(response).items() if "Max-Age=0" in h}


def render_in(app: Flask, source: str, *, cookies: dict[str, str] | None = None, headers: dict[str, str] | None = None,
              path: str = "/page") -> str:
    """Render a template string inside a request to ``app`` with the given cookies and headers."""
    cookie_header = "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())
    all_headers = {**(headers or {}), **({"Cookie": cookie_header} if cookie_header else {})}
    with app.test_request_context(path, headers=all_headers):
        app.preprocess_request()
        return render_template_string(source)


def accepted_cookie(app: Flask, data: dict[str, object] | None = None) -> str:
    """The value of a consent cookie for ``data`` (accept all by default), obtained through the endpoint."""
    client = app.test_client()
    response = post_consent(client, data or {"rk-action": "accept_all"})
    assert 200 == response.status_code, response.get_data(as_text=True)
    return re.search(r"rk_consent=([^;]+)", set_cookies(response)["rk_consent"]).group(1)  # type: ignore[union-attr]


# -- start-up ---------------------------------------------------------------------------------------------------


def test_state_is_kept_in_app_extensions(app: Flask) -> None:
    """init_app stores a KitState under app.extensions['rekisterikit'] with the loaded statement."""
    state = app.extensions["rekisterikit"]
    assert isinstance(state, KitState)
    assert (loads(STATEMENT).version, ("fi", "sv", "en"), "fi") == (state.statement.version, state.locales,
                                                                   state.default_locale)


def test_double_init_app_raises_runtime_error(app: Flask) -> None:
    """A second init_app on the same application is a RuntimeError and leaves the first state in place."""
    state = app.extensions["rekisterikit"]
    with pytest.raises(RuntimeError, match="already initialised"):
        RekisteriKit().init_app(app)
    assert state is app.extensions["rekisterikit"]


def test_factory_pattern_keeps_no_app_on_the_extension(make_app: AppFactory, tmp_path: Path) -> None:
    """One extension object initialises several apps, each with its own state; it keeps no app itself."""
    kit = RekisteriKit()
    first, second = make_app(init=False), make_app(init=False, REKISTERIKIT_DEFAULT_LOCALE="sv")
    kit.init_app(first)
    kit.init_app(second)
    assert ("fi", "sv") == (get_state(first).default_locale, get_state(second).default_locale)
    assert not hasattr(kit, "app")


def test_bad_statement_file_fails_start_up_naming_the_field(make_app: AppFactory, tmp_path: Path) -> None:
    """An invalid statement stops start-up with a ConfigurationError (a RuntimeError) listing each load error."""
    bad = tmp_path / "bad.toml"
    bad.write_text(STATEMENT.replace('business_id = "0956453-1"', 'business_id = "1234567-8"')
                   .replace('category = "statistics"', 'category = "stats"', 1), encoding="utf-8")
    with pytest.raises(ConfigurationError) as info:
        make_app(REKISTERIKIT_STATEMENT=str(bad))
    message = str(info.value)
    assert isinstance(info.value, RuntimeError)
    assert isinstance(info.value, RekisterikitError)
    assert "REKISTERIKIT_STATEMENT" in message
    assert "@ $.controller.business_id" in message
    assert "@ $.cookies[2].category" in message


def test_missing_statement_file_fails_start_up(make_app: AppFactory, tmp_path: Path) -> None:
    """A statement path that does not exist is a ConfigurationError naming the file."""
    with pytest.raises(ConfigurationError, match=r"missing\.toml:\n  file not found"):
        make_app(REKISTERIKIT_STATEMENT=str(tmp_path / "missing.toml"))


def test_statement_setting_is_required(make_app: AppFactory) -> None:
    """Without REKISTERIKIT_STATEMENT the extension refuses to start."""
    with pytest.raises(ConfigurationError, match="REKISTERIKIT_STATEMENT is not set"):
        make_app(REKISTERIKIT_STATEMENT=None)
    with pytest.raises(ConfigurationError, match="expected a file path or a Statement"):
        make_app(REKISTERIKIT_STATEMENT=42)


def test_statement_object_and_relative_path(make_app: AppFactory, statement_file: Path) -> None:
    """A Statement object is used as is; a relative path is read from the app's root_path."""
    statement = loads(STATEMENT)
    assert statement is get_state(make_app(REKISTERIKIT_STATEMENT=statement)).statement
    app = make_app(init=False)
    app.root_path = str(statement_file.parent)
    app.config["REKISTERIKIT_STATEMENT"] = "statement.toml"
    RekisteriKit(app)
    assert (statement.version, str(statement_file)) == (get_state(app).statement.version, get_state(app).source)


def test_secret_key_is_required(make_app: AppFactory) -> None:
    """Without SECRET_KEY there is no key to sign the consent cookie with: start-up fails."""
    with pytest.raises(ConfigurationError, match="SECRET_KEY is not set"):
        make_app(SECRET_KEY=None)


def test_short_secret_and_bad_cookie_settings_fail(make_app: AppFactory) -> None:
    """The consent core's own checks (secret length, cookie name, SameSite) surface as ConfigurationErrors."""
    with pytest.raises(ConfigurationError, match="at least 16 bytes"):
        make_app(SECRET_KEY="short")
    with pytest.raises(ConfigurationError, match="invalid cookie name"):
        make_app(REKISTERIKIT_COOKIE_NAME="bad name")
    with pytest.raises(ConfigurationError, match="samesite"):
        make_app(REKISTERIKIT_COOKIE_SAMESITE="Sometimes")
    with pytest.raises(ConfigurationError, match="REKISTERIKIT_COOKIE_MAX_AGE"):
        make_app(REKISTERIKIT_COOKIE_MAX_AGE="a year")


@pytest.mark.parametrize(("key", "value", "message"), [
    ("REKISTERIKIT_CSRF", "none", "expected 'token' or 'origin'"),
    ("REKISTERIKIT_DEFAULT_LOCALE", "de", "not one of fi, sv, en"),
    ("REKISTERIKIT_LOCALES", ["fi", "xx"], "not one of fi, sv, en"),
    ("REKISTERIKIT_TRUSTED_ORIGINS", ["javascript:alert(1)"], "not an http"),
    ("REKISTERIKIT_FAIL_ON", "fatal", "expected 'error', 'warning', 'info'"),
    ("REKISTERIKIT_LOCALE_SELECTOR", 42, "expected a function"),
    ("REKISTERIKIT_SUBJECT", "no.such.module:function", "cannot import"),
    ("REKISTERIKIT_CONSENT_STORE", 3.5, "expected a ConsentStore"),
])
def test_bad_settings_fail_start_up(make_app: AppFactory, key: str, value: object, message: str) -> None:
    """Each invalid setting stops start-up with a message naming the key."""
    with pytest.raises(ConfigurationError, match=re.escape(key) + ".*" + re.escape(message)):
        make_app(**{key: value})


def test_unknown_option_is_refused() -> None:
    """An option that is no configuration key is a ConfigurationError (a typo must not pass silently)."""
    with pytest.raises(ConfigurationError, match=r"unknown rekisterikit option.*statment"):
        RekisteriKit(statment="x.toml")


def test_options_are_defaults_and_app_config_wins(make_app: AppFactory) -> None:
    """Constructor options apply when the app's config does not set the key."""
    kit = RekisteriKit(default_locale="en", cookie_name="shop_consent")
    app = make_app(init=False, REKISTERIKIT_DEFAULT_LOCALE="sv")
    kit.init_app(app)
    state = get_state(app)
    assert ("sv", "shop_consent") == (state.default_locale, state.consent_config.cookie_name)


def test_findings_are_logged_at_the_configured_level(make_app: AppFactory, tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """Validator findings at or above REKISTERIKIT_LOG_LEVEL are logged with their rule and path."""
    poor = tmp_path / "poor.toml"
    poor.write_text('[controller]\nname = "Kauppa Oy"\n', encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="rekisterikit.contrib.flask"):
        app = make_app(REKISTERIKIT_STATEMENT=str(poor), REKISTERIKIT_LOG_LEVEL="error")
    report = get_state(app).report
    assert report is not None
    assert report.fails("error")
    logged = [r for r in caplog.records if r.name == "rekisterikit.contrib.flask"]
    assert len(report.at_least("error")) == len(logged)
    assert {logging.ERROR} == {r.levelno for r in logged}
    assert "RK-PURPOSES" in caplog.text


def test_fail_on_stops_start_up_with_the_findings(make_app: AppFactory, tmp_path: Path) -> None:
    """With REKISTERIKIT_FAIL_ON, findings at that level stop start-up and are listed in the error."""
    poor = tmp_path / "poor.toml"
    poor.write_text('[controller]\nname = "Kauppa Oy"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"REKISTERIKIT_FAIL_ON=error(.|\n)*RK-PURPOSES @ \$\.registers"):
        make_app(REKISTERIKIT_STATEMENT=str(poor), REKISTERIKIT_FAIL_ON="error")


def test_validation_can_be_turned_off(make_app: AppFactory, tmp_path: Path) -> None:
    """REKISTERIKIT_VALIDATE = False skips the validators (no report), even with REKISTERIKIT_FAIL_ON."""
    poor = tmp_path / "poor.toml"
    poor.write_text('[controller]\nname = "Kauppa Oy"\n', encoding="utf-8")
    app = make_app(REKISTERIKIT_STATEMENT=str(poor), REKISTERIKIT_VALIDATE=False, REKISTERIKIT_FAIL_ON="error")
    assert get_state(app).report is None


def test_default_store_is_sqlite_in_the_instance_folder(make_app: AppFactory, tmp_path: Path) -> None:
    """Without REKISTERIKIT_CONSENT_STORE the consent log is an SQLite file in the app's instance folder."""
    store = get_state(make_app(REKISTERIKIT_CONSENT_STORE=None)).store
    assert isinstance(store, SQLiteConsentStore)
    assert tmp_path / "instance" / "rekisterikit-consent.sqlite3" == store.path
    store.close()


def test_store_from_path_and_url(make_app: AppFactory, tmp_path: Path) -> None:
    """A relative path is an SQLite file in the instance folder; a URL gives the SQLAlchemy store."""
    pytest.importorskip("sqlalchemy")
    from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

    store = get_state(make_app(REKISTERIKIT_CONSENT_STORE="logs/consent.db")).store
    assert isinstance(store, SQLiteConsentStore)
    assert tmp_path / "instance" / "logs" / "consent.db" == store.path
    store.close()
    url_store = get_state(make_app(REKISTERIKIT_CONSENT_STORE=f"sqlite:///{tmp_path / 'sa.db'}")).store
    assert isinstance(url_store, SQLAlchemyConsentStore)
    url_store.close()


def test_store_from_flask_sqlalchemy(make_app: AppFactory, tmp_path: Path) -> None:
    """'flask_sqlalchemy' uses the app's Flask-SQLAlchemy engine and metadata; consent POSTs land there."""
    flask_sqlalchemy = pytest.importorskip("flask_sqlalchemy")
    from rekisterikit.contrib.sqlalchemy import SQLAlchemyConsentStore

    app = make_app(init=False, REKISTERIKIT_CONSENT_STORE="flask_sqlalchemy",
                   SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'shop.db'}")
    db = flask_sqlalchemy.SQLAlchemy()
    db.init_app(app)
    RekisteriKit(app)
    store = get_state(app).store
    assert isinstance(store, SQLAlchemyConsentStore)
    assert "rk_consent_record" in db.metadata.tables
    with app.app_context():
        assert db.engine is store.engine
    post_consent(app.test_client(), {"rk-action": "accept_all"})
    assert ["accept_all"] == [r.method.value for r in store.all()]


def test_flask_sqlalchemy_store_needs_the_extension(make_app: AppFactory) -> None:
    """'flask_sqlalchemy' without Flask-SQLAlchemy on the app fails start-up with a hint."""
    with pytest.raises(ConfigurationError, match="Flask-SQLAlchemy initialised"):
        make_app(REKISTERIKIT_CONSENT_STORE="flask_sqlalchemy")


def test_get_state_outside_an_initialised_app() -> None:
    """get_state on an app without the extension says how to initialise it."""
    with pytest.raises(RuntimeError, match="not initialised"):
        get_state(Flask("bare"))


# -- hooks and g.consent ------------------------------------------------------------------------------------------


def test_g_consent_is_none_without_a_cookie(app: Flask) -> None:
    """Without a consent cookie, g.consent is None and the template's consent is false."""
    with app.test_request_context("/page"):
        app.preprocess_request()
        assert g.consent is None
    assert '<p id="consent">no</p>' in app.test_client().get("/page").get_data(as_text=True)


def test_g_consent_holds_the_state_after_consent(app: Flask) -> None:
    """With a valid consent cookie, g.consent is the ConsentState and the template sees it."""
    value = accepted_cookie(app)
    with app.test_request_context("/page", headers={"Cookie": f"rk_consent={value}"}):
        app.preprocess_request()
        assert {"preferences", "statistics", "marketing"} == {c.value for c in g.consent.granted}
    client = app.test_client()
    client.set_cookie("rk_consent", value)
    assert '<p id="consent">yes</p>' in client.get("/page").get_data(as_text=True)


def test_forged_cookie_gives_no_consent(app: Flask) -> None:
    """A consent cookie with a changed payload, a wrong signature or garbage counts as no consent."""
    value = accepted_cookie(app)
    version, payload, signature = value.split(".")
    forged = [f"{version}.{payload[:-2]}AA.{signature}", f"{version}.{payload}.{signature[:-2]}AA", "garbage",
              value.replace("v3.", "v2.", 1), value.replace("v3.", "v1.", 1)]
    for cookie in forged:
        client = app.test_client()
        client.set_cookie("rk_consent", cookie)
        html = client.get("/page").get_data(as_text=True)
        assert '<p id="consent">no</p>' in html
        assert 'data-rk-decided="false"' in html


def test_cookie_signed_with_another_secret_gives_no_consent(make_app: AppFactory) -> None:
    """A cookie signed with another application's secret is not accepted; one in SECRET_KEY_FALLBACKS is."""
    other = make_app(SECRET_KEY="another-secret-0123456789abcdefgh")
    value = accepted_cookie(other)
    plain = make_app()
    rotated = make_app(SECRET_KEY="the-new-secret-0123456789abcdefgh", SECRET_KEY_FALLBACKS=[
        "another-secret-0123456789abcdefgh"])
    for app, expected in ((plain, "no"), (rotated, "yes")):
        client = app.test_client()
        client.set_cookie("rk_consent", value)
        assert f'<p id="consent">{expected}</p>' in client.get("/page").get_data(as_text=True)


def test_declined_first_party_cookies_are_deleted_without_consent(client: object) -> None:
    """Without consent, every response deletes the optional first-party cookies the request carried."""
    client.set_cookie("_ga", "GA1.1")  # type: ignore[attr-defined]
    client.set_cookie("_ga_ABC123", "GS1.1")  # type: ignore[attr-defined]
    client.set_cookie("_fbp", "fb.1")  # type: ignore[attr-defined]
    client.set_cookie("lang", "sv")  # type: ignore[attr-defined]
    client.set_cookie("session", "cart")  # type: ignore[attr-defined]
    client.set_cookie("unrelated", "x")  # type: ignore[attr-defined]
    response = client.get("/page")  # type: ignore[attr-defined]
    assert {"_ga", "_ga_ABC123", "_fbp", "lang"} == expired(response)


def test_only_declined_categories_are_deleted(app: Flask) -> None:
    """With statistics granted, the statistics cookies stay and preferences and marketing cookies go."""
    value = accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})
    client = app.test_client()
    for name, v in (("rk_consent", value), ("_ga", "1"), ("_fbp", "2"), ("lang", "fi")):
        client.set_cookie(name, v)
    assert {"_fbp", "lang"} == expired(client.get("/page"))


def test_a_page_view_that_deletes_cookies_is_never_publicly_cacheable(app: Flask) -> None:
    """The response that expires declined cookies says private (with Vary: Cookie), also when the view itself marks
    it public: a shared cache must not replay one visitor's deletions to another."""
    @app.get("/public")
    def public() -> Response:
        response = app.make_response("cached page")
        response.headers["Cache-Control"] = "public, max-age=600"
        return response

    value = accepted_cookie(app, {"rk-action": "custom", "rk-category": "statistics"})

    for cookies in ((("_fbp", "fb.1"),), (("rk_consent", value), ("_fbp", "fb.1"))):
        for path in ("/page", "/public"):
            client = app.test_client()
            for name, v in cookies:
                client.set_cookie(name, v)
            response = client.get(path)
            directives = {d.strip().split("=")[0] for d in response.headers.get("Cache-Control", "").split(",")}
            assert ("_fbp" in expired(response), "private" in directives, "public" in directives,
                    "Cookie" in response.headers.get("Vary", "")) == (True, True, False, True), (path, cookies)


def test_gpc_rewrites_a_consent_that_grants_marketing(app: Flask) -> None:
    """A request with Sec-GPC: 1 and a stored marketing consent gets a new cookie without marketing, recorded
    with the method gpc."""
    value = accepted_cookie(app)
    client = app.test_client()
    client.set_cookie("rk_consent", value)
    client.set_cookie("_fbp", "fb.1")
    response = client.get("/page", headers={"Sec-GPC": "1"})
    assert "rk_consent" in set_cookies(response)
    assert "_fbp" in expired(response)
    store = get_state(app).store
    assert isinstance(store, MemoryConsentStore)
    assert ["accept_all", "gpc"] == [r.method.value for r in store.all()]
    assert not store.all()[-1].granted & {"marketing"}  # type: ignore[comparison-overlap]


def test_pages_using_consent_vary_on_cookie(client: object) -> None:
    """A page that rendered consent-dependent output says Vary: Cookie."""
    response = client.get("/page")  # type: ignore[attr-defined]
    assert "Cookie" in response.headers.get("Vary", "")


# -- locale ---------------------------------------------------------------------------------------------------------


def test_locale_selector_chooses_the_language(make_app: AppFactory) -> None:
    """REKISTERIKIT_LOCALE_SELECTOR (a function or its import path) chooses; unknown results fall back."""
    from flask import request

    app = make_app(REKISTERIKIT_LOCALE_SELECTOR=lambda: request.args.get("lang"))
    source = "{{ consent_link() }}"
    assert "Kakinställningar" in render_in(app, source, path="/page?lang=sv-FI")
    assert "Cookie settings" in render_in(app, source, path="/page?lang=en")
    assert "Evästeasetukset" in render_in(app, source, path="/page?lang=de")


def test_locale_from_flask_babel(make_app: AppFactory) -> None:
    """With Flask-Babel initialised, its locale selector decides the language."""
    flask_babel = pytest.importorskip("flask_babel")
    app = make_app(init=False)
    flask_babel.Babel(app, locale_selector=lambda: "sv_FI")
    RekisteriKit(app)
    assert "Kakinställningar" in render_in(app, "{{ consent_link() }}")


def test_own_selector_wins_over_flask_babel(make_app: AppFactory) -> None:
    """The extension's own selector is asked before Flask-Babel."""
    flask_babel = pytest.importorskip("flask_babel")
    app = make_app(init=False, REKISTERIKIT_LOCALE_SELECTOR=lambda: "en")
    flask_babel.Babel(app, locale_selector=lambda: "sv")
    RekisteriKit(app)
    assert "Cookie settings" in render_in(app, "{{ consent_link() }}")


def test_offered_locales_limit_the_choice(make_app: AppFactory) -> None:
    """A language outside REKISTERIKIT_LOCALES falls back to the default; an explicit one raises ValueError."""
    app = make_app(REKISTERIKIT_LOCALES=["fi", "en"], REKISTERIKIT_LOCALE_SELECTOR=lambda: "sv")
    assert "Evästeasetukset" in render_in(app, "{{ consent_link() }}")
    with pytest.raises(ValueError, match="not offered"):
        render_in(app, "{{ consent_link('sv') }}")


# -- globals -------------------------------------------------------------------------------------------------------


def test_privacy_statement_and_cookie_declaration(app: Flask) -> None:
    """privacy_statement() and cookie_declaration() are the renderer's HTML in the request's (or given) language."""
    statement = get_state(app).statement
    assert str(render(statement, locale="fi")) == render_in(app, "{{ privacy_statement() }}")
    assert str(render(statement, locale="sv", heading_level=2)) == render_in(
        app, "{{ privacy_statement('sv', heading_level=2) }}")
    assert str(render_cookie_table(statement, locale="en")) == render_in(app, "{{ cookie_declaration('en') }}")


def test_banner_is_shown_until_decided_then_hidden(make_app: AppFactory) -> None:
    """consent_banner() is visible without consent; with one, and the lazy settings layer off, rendered hidden
    (reopenable) inline. (With the layer on, the default, a decided visitor gets the placeholder: see
    test_settings_layer.py.)"""
    app = make_app(REKISTERIKIT_LAZY_SETTINGS_LAYER=False)
    first = render_in(app, "{{ consent_banner() }}")
    assert 'data-rk-decided="false"' in first
    assert " hidden" not in first.split(">", 1)[0]
    assert 'action="/privacy/consent"' in first
    assert 'name="rk-locale" value="fi"' in first
    assert re.search(r'name="rk-csrf" value="[A-Za-z0-9_-]{43}"', first)
    assert 'name="rk-next" value="/page?x=1"' in render_in(app, "{{ consent_banner() }}", path="/page?x=1")
    decided = render_in(app, "{{ consent_banner() }}", cookies={"rk_consent": accepted_cookie(app)})
    assert 'data-rk-decided="true"' in decided
    assert decided.split("<section", 1)[0].endswith(" hidden>")


def test_banner_is_empty_without_optional_cookies(make_app: AppFactory) -> None:
    """A statement without cookies that need consent gets no banner at all."""
    statement = loads(STATEMENT.split("[[cookies]]")[0])
    app = make_app(REKISTERIKIT_STATEMENT=statement)
    assert "" == render_in(app, "{{ consent_banner() }}")


def test_consent_scripts(make_app: AppFactory) -> None:
    """consent_scripts() links the blueprint's consent.css and consent.js, or REKISTERIKIT_STATIC_URL; with
    REKISTERIKIT_CONSENT_MODE the Consent Mode default comes first."""
    plain = render_in(make_app(), "{{ consent_scripts() }}")
    assert ('<link rel="stylesheet" href="/privacy/static/rekisterikit/consent.css">\n'
            '<script src="/privacy/static/rekisterikit/consent.js" defer></script>') == plain
    cdn = render_in(make_app(REKISTERIKIT_STATIC_URL="https://cdn.example/rk/"), "{{ consent_scripts('n1') }}")
    assert '<script src="https://cdn.example/rk/rekisterikit/consent.js" defer nonce="n1"></script>' in cdn
    mode = render_in(make_app(REKISTERIKIT_CONSENT_MODE=True), "{{ consent_scripts() }}")
    assert mode.index("gtag('consent','default'") < mode.index("consent.js")


def test_gated_script_without_and_with_consent(app: Flask) -> None:
    """gated_script() is an inert text/plain script until its category is granted, then a real script."""
    source = "{{ gated_script('statistics', '/s.js?a=1&b=2', async='') }}"
    assert ('<script type="text/plain" data-rk-category="statistics" data-src="/s.js?a=1&amp;b=2" async="">'
            "</script>") == render_in(app, source)
    granted = render_in(app, source, cookies={"rk_consent": accepted_cookie(app)})
    assert '<script src="/s.js?a=1&amp;b=2" data-rk-for="statistics" async=""></script>' == granted
    assert '<script src="/n.js"></script>' == render_in(app, "{{ gated_script('necessary', '/n.js') }}")


def test_gated_script_rejects_typos_and_handlers(app: Flask) -> None:
    """An unknown category or an event-handler attribute is a ValueError, not a silent script."""
    with pytest.raises(ValueError, match="unknown service 'statistic'"):
        render_in(app, "{{ gated_script('statistic', '/s.js') }}")
    with pytest.raises(ValueError, match="not allowed"):
        render_in(app, "{{ gated_script('statistics', '/s.js', onload='x()') }}")


def test_consent_link_and_allows(app: Flask) -> None:
    """consent_link() links the settings page; consent_allows() follows the visitor's choice."""
    assert ('<a href="/privacy/cookies" class="rk-consent-reopen" data-rk-open>Evästeasetukset</a>'
            == render_in(app, "{{ consent_link() }}"))
    value = accepted_cookie(app, {"rk-action": "custom", "rk-category": "marketing"})
    source = "{{ consent_allows('marketing') }} {{ consent_allows('statistics') }} {{ consent_allows('necessary') }}"
    assert "True False True" == render_in(app, source, cookies={"rk_consent": value})


def test_globals_that_post_need_the_blueprint(make_app: AppFactory) -> None:
    """Without the blueprint the statement globals work and the banner explains what is missing."""
    app = make_app(REKISTERIKIT_BLUEPRINT=False)
    assert "rk-statement" in render_in(app, "{{ privacy_statement() }}")
    with pytest.raises(ConfigurationError, match="needs the rekisterikit blueprint"):
        render_in(app, "{{ consent_banner() }}")
    assert 404 == app.test_client().get("/privacy/fi").status_code


def test_kit_shortcuts(app: Flask) -> None:
    """RekisteriKit.allows/consent/statement/decide work in a request; decide() sets the cookie."""
    with app.test_request_context("/page"):
        app.preprocess_request()
        assert (None, False) == (RekisteriKit.consent(), RekisteriKit.allows("statistics"))
        decision = RekisteriKit.decide(["statistics"], locale="en")
        assert (True, "en") == (RekisteriKit.allows("statistics"), decision.state.locale)
        response = app.process_response(app.make_response("ok"))
        assert "rk_consent" in set_cookies(response)
    assert get_state(app).statement is RekisteriKit.statement(app)


# -- escaping ------------------------------------------------------------------------------------------------------

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def hostile_statement() -> str:
    """The test statement with markup in every shop-written field the helpers show."""
    h = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    text = STATEMENT.replace('"Testikauppa Oy"', f'"Kauppa {h}"').replace('"Mainonta"', f'"Mainonta {h}"')
    text = text.replace('"Kävijätilastot"', f'"Tilastot {h}"').replace('"Advertising"', f'"Ads {h}"')
    text = text.replace('name = "_ga"', f'name = "_ga{h}"').replace('"Tietosuojaseloste"', f'"Seloste {h}"')
    return text.replace('"Google Ireland Ltd"', f'"Google {h}"').replace('"Kielivalinta"', f'"Kieli {h}"')


@pytest.mark.parametrize("source", [
    "{{ privacy_statement() }}", "{{ privacy_statement('en') }}", "{{ cookie_declaration() }}",
    "{{ cookie_declaration('sv') }}", "{{ consent_banner() }}", "{{ consent_banner('en') }}",
    "{{ consent_settings() }}", "{{ consent_link() }}", "{{ consent_scripts() }}",
    "{{ gated_script('statistics', src) }}",
])
def test_every_helper_escapes_shop_text(make_app: AppFactory, tmp_path: Path, source: str) -> None:
    """No helper lets markup from the statement (or a script URL) through unescaped."""
    path = tmp_path / "hostile.toml"
    path.write_text(hostile_statement(), encoding="utf-8")
    app = make_app(REKISTERIKIT_STATEMENT=str(path))
    with app.test_request_context("/page"):
        app.preprocess_request()
        html = render_template_string(source.replace("src)", "hostile)"), hostile=HOSTILE)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html or not any(n in source for n in ("statement", "declaration", "banner",
                                                                           "settings", "gated"))


def test_pages_escape_shop_text(make_app: AppFactory, tmp_path: Path) -> None:
    """The statement page and the settings page show the hostile texts escaped, never as markup."""
    path = tmp_path / "hostile.toml"
    path.write_text(hostile_statement(), encoding="utf-8")
    client = make_app(REKISTERIKIT_STATEMENT=str(path)).test_client()
    for url in ("/privacy/fi", "/privacy/sv", "/privacy/en", "/privacy/cookies", "/privacy/cookies?x=%22%3E%3Cb%3E"):
        html = client.get(url).get_data(as_text=True)
        assert ("<script>alert" in html, "<img src=x" in html, '"><b>' in html) == (False, False, False)
        assert "&lt;script&gt;alert(1)" in html


def test_next_field_escapes_the_request_path(app: Flask) -> None:
    """The banner's rk-next field carries the current path escaped."""
    html = render_in(app, "{{ consent_banner() }}", path='/page?q="><script>x</script>')
    assert "<script>x" not in html
    assert 'value="/page?q=&#34;&gt;&lt;script&gt;' in html


def test_json_answer_is_not_html(app: Flask) -> None:
    """The consent endpoint answers JSON with a JSON content type (no HTML sniffing of shop text)."""
    response = post_consent(app.test_client(), {"rk-action": "reject_all"}, origin=BASE)
    assert "application/json" == response.mimetype



def test_consent_csrf_token_for_own_forms(make_app: AppFactory) -> None:
    """consent_csrf_token() gives the field a shop's own consent form needs; posting it is accepted."""
    app = make_app()

    @app.get("/own-form")
    def own_form() -> str:
        return render_template_string(
            '{% set name, token = consent_csrf_token() %}<input name="{{ name }}" value="{{ token }}">')

    client = app.test_client()
    match = re.search(r'name="(rk-csrf)" value="([^"]+)"', client.get("/own-form").get_data(as_text=True))
    assert match is not None
    response = client.post("/privacy/consent", data={"rk-action": "reject_all", match.group(1): match.group(2)},
                           headers={"Origin": BASE, "Accept": "application/json"})
    assert 200 == response.status_code


def test_state_repr_hides_the_secrets(make_app: AppFactory) -> None:
    """The state's repr (logs, debuggers) shows no secret."""
    app = make_app(SECRET_KEY_FALLBACKS=["an-old-secret-0123456789abcdef"])
    text = repr(get_state(app))
    assert (SECRET in text, "an-old-secret" in text) == (False, False)


def test_gpc_covers_and_consent_mode_services_reach_the_consent_core(make_app: AppFactory) -> None:
    """REKISTERIKIT_GPC_COVERS and REKISTERIKIT_CONSENT_MODE_SERVICES configure the consent service; a bad value is
    a ConfigurationError naming the key."""
    app = make_app(REKISTERIKIT_GPC_COVERS=["marketing", "statistics"],
                   REKISTERIKIT_CONSENT_MODE_SERVICES=["google-analytics"])
    config = get_state(app).consent_config
    assert (("marketing", "statistics"), ("google-analytics",)) == (config.gpc_covers, config.consent_mode_services)
    with pytest.raises(ConfigurationError, match="REKISTERIKIT_GPC_COVERS"):
        make_app(REKISTERIKIT_GPC_COVERS="marketing")
