"""Fixtures of the Flask adapter's tests: a statement file, an app factory with a memory consent store, clients."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("flask", reason="the Flask adapter needs Flask (pip install rekisterikit[flask])")

from flask import Flask, render_template_string
from flask.testing import FlaskClient

from rekisterikit.consent import MemoryConsentStore
from rekisterikit.contrib.flask import RekisteriKit

SECRET = "flask-test-secret-0123456789abcdef"
BASE = "http://localhost"

#: A statement in three languages with first-party cookies in every category (and one third-party cookie).
STATEMENT = """
languages = ["fi", "sv", "en"]
title = { fi = "Tietosuojaseloste", sv = "Dataskyddsbeskrivning", en = "Privacy notice" }

[controller]
name = "Testikauppa Oy"
business_id = "0956453-1"
email = "tietosuoja@testikauppa.example"

[[registers]]
key = "asiakkaat"
name = { fi = "Asiakasrekisteri", sv = "Kundregister", en = "Customer register" }

[[registers.purposes]]
key = "tilaukset"
description = { fi = "Tilausten käsittely", sv = "Hantering av beställningar", en = "Handling orders" }
legal_basis = "contract"

[[cookies]]
name = "session"
provider = "Testikauppa Oy"
party = "first"
category = "necessary"
duration = "session"
purpose = { fi = "Ostoskori", sv = "Kundvagn", en = "Shopping cart" }

[[cookies]]
name = "lang"
provider = "Testikauppa Oy"
party = "first"
category = "preferences"
duration = "P1Y"
purpose = { fi = "Kielivalinta", sv = "Språkval", en = "Language choice" }

[[cookies]]
name = "_ga"
provider = "Google Ireland Ltd"
party = "first"
category = "statistics"
duration = "P2Y"
purpose = { fi = "Kävijätilastot", sv = "Besöksstatistik", en = "Visitor statistics" }

[[cookies]]
name = "_ga_*"
provider = "Google Ireland Ltd"
party = "first"
category = "statistics"
duration = "P2Y"
purpose = { fi = "Istuntotilastot", sv = "Sessionsstatistik", en = "Session statistics" }

[[cookies]]
name = "_fbp"
provider = "Meta Platforms Ireland Ltd"
party = "first"
category = "marketing"
duration = "P3M"
purpose = { fi = "Mainonta", sv = "Reklam", en = "Advertising" }

[[cookies]]
name = "fr"
provider = "Meta Platforms Ireland Ltd"
party = "third"
domain = ".facebook.com"
category = "marketing"
duration = "P3M"
purpose = { fi = "Mainonta", sv = "Reklam", en = "Advertising" }
"""

#: A page that calls every global, for the tests of the hooks and globals.
PAGE = """<!doctype html><html lang="{{ locale }}"><head>{{ consent_scripts() }}</head><body>
<p id="consent">{{ 'yes' if consent else 'no' }}</p>
{{ gated_script('statistics', '/static/stats.js') }}
<footer>{{ consent_link() }}</footer>
{{ consent_banner() }}
</body></html>"""


@pytest.fixture
def statement_file(tmp_path: Path) -> Path:
    """The test statement as a TOML file."""
    path = tmp_path / "statement.toml"
    path.write_text(STATEMENT, encoding="utf-8")
    return path


AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(statement_file: Path, tmp_path: Path) -> AppFactory:
    """Build a Flask app with the extension; keyword arguments are config keys (``REKISTERIKIT_…``).

    The app has a memory consent store, a test secret, and a ``/page`` route rendering :data:`PAGE`.
    """
    def factory(*, init: bool = True, **config: Any) -> Flask:
        app = Flask("rk_test_shop", instance_path=str(tmp_path / "instance"))
        app.config.update(SECRET_KEY=SECRET, TESTING=True, REKISTERIKIT_STATEMENT=str(statement_file),
                          REKISTERIKIT_CONSENT_STORE=MemoryConsentStore(), REKISTERIKIT_LOG_LEVEL=None)
        app.config.update(config)

        @app.get("/page")
        def page() -> str:
            return render_template_string(PAGE, locale="fi")

        if init:
            RekisteriKit(app)
        return app

    return factory


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    """The default test app."""
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the default app."""
    return app.test_client()


def csrf_token(client: FlaskClient, path: str = "/page") -> str:
    """Fetch ``path`` and return the ``rk-csrf`` token its banner carries (the client keeps the nonce cookie).

    A visitor who has decided gets the lazy settings layer's placeholder: the token then comes from the layer it
    names, as consent.js fetches it.
    """
    import html as html_module
    import re

    html = client.get(path).get_data(as_text=True)
    layer = re.search(r'data-rk-layer="([^"]+)"', html)
    if layer is not None and "rk-csrf" not in html:
        html = client.get(html_module.unescape(layer.group(1))).get_data(as_text=True)
    match = re.search(r'name="rk-csrf" value="([^"]+)"', html)
    assert match is not None, html
    return match.group(1)


def post_consent(client: FlaskClient, data: dict[str, Any], *, json: bool = True, origin: str | None = BASE,
                 token: str | None = None, path: str = "/privacy/consent") -> Any:
    """POST a consent decision like the banner does (same-origin, with a valid token unless told otherwise)."""
    if token is None:
        token = csrf_token(client)
    headers = {"Accept": "application/json"} if json else {}
    if origin is not None:
        headers["Origin"] = origin
    return client.post(path, data={**data, "rk-csrf": token}, headers=headers)
