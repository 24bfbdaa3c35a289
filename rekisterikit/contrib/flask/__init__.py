"""The Flask adapter: ``RekisteriKit(app)`` puts the statement and the cookie consent into every template.

Needs ``pip install rekisterikit[flask]``::

    from flask import Flask
    from rekisterikit.contrib.flask import RekisteriKit

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "…"
    app.config["REKISTERIKIT_STATEMENT"] = "tietosuojaseloste.toml"
    RekisteriKit(app)

and in the base template::

    <head>… {{ consent_scripts() }}</head>
    <body>… <footer>{{ consent_link() }}</footer> {{ consent_banner() }}</body>

The statement is loaded and validated when the extension starts; an unreadable statement stops the application
with every load error. See the Flask page of the documentation for the configuration keys, the globals, the
routes (:mod:`rekisterikit.contrib.flask.views`), the CSRF protection (:mod:`rekisterikit.contrib.flask.csrf`)
and the CLI (:mod:`rekisterikit.contrib.flask.cli`).
"""

from rekisterikit.contrib.flask.extension import (
    DEFAULTS,
    ConfigurationError,
    KitState,
    RekisteriKit,
    consent_allows,
    consent_banner,
    consent_csrf_token,
    consent_link,
    consent_scripts,
    consent_settings,
    cookie_declaration,
    current_consent,
    current_locale,
    gated_script,
    get_state,
    privacy_statement,
)

__all__ = [
    "DEFAULTS",
    "ConfigurationError",
    "KitState",
    "RekisteriKit",
    "consent_allows",
    "consent_banner",
    "consent_csrf_token",
    "consent_link",
    "consent_scripts",
    "consent_settings",
    "cookie_declaration",
    "current_consent",
    "current_locale",
    "gated_script",
    "get_state",
    "privacy_statement",
]
