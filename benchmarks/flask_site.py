"""In-process Flask applications for the benchmarks: the same shop page without and with rekisterikit.

* the *bare* app renders a small shop page (12 products, Jinja2 template inheritance) and nothing else;
* the *rekisterikit* app is the same app with ``RekisteriKit(app)``: its ``before_request``/``after_request``
  hooks read the consent and expire declined cookies, and the page calls ``consent_scripts()``,
  ``gated_script()``, ``consent_link()`` and ``consent_banner()`` (for the decided visitor, the lazy settings
  layer's placeholder).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.django_site import PRODUCTS, Response, wsgi_call
from benchmarks.harness import Unavailable
from benchmarks.statements import large_statement, request_cookies

__all__ = ["SECRET_KEY", "Apps", "apps"]

HERE = Path(__file__).resolve().parent
SECRET_KEY = "rekisterikit-benchmarks-not-a-secret-0123456789"


def _app(name: str, *, kit: bool, factor: int) -> Any:
    try:
        from flask import Flask, render_template
    except ImportError as exc:
        raise Unavailable(f"{exc.name} is not installed (pip install -e '.[bench]')") from exc
    app = Flask(name, template_folder=str(HERE / "templates" / "flask"))
    app.config.update(SECRET_KEY=SECRET_KEY, TESTING=False)
    if kit:
        from rekisterikit.consent import MemoryConsentStore
        from rekisterikit.contrib.flask import RekisteriKit

        # The statement is checked once at start-up by default; the validators are measured on their own, and at
        # 100x they would dominate the set-up, so they are off here.
        app.config.update(REKISTERIKIT_STATEMENT=large_statement(factor), REKISTERIKIT_VALIDATE=False,
                          REKISTERIKIT_CONSENT_STORE=MemoryConsentStore(), REKISTERIKIT_DEFAULT_LOCALE="fi")
        RekisteriKit(app)

    def page(template: str) -> Any:
        def view() -> str:
            return render_template(template, title="Suojakalvot", products=PRODUCTS)

        view.__name__ = template.replace(".", "_")
        return view

    app.add_url_rule("/bare/", view_func=page("bare.html"))
    if kit:
        app.add_url_rule("/rekisterikit/", view_func=page("rekisterikit.html"))
    return app


class Apps:
    """The two Flask applications at one statement size, and the visitor's cookies."""

    def __init__(self, factor: int = 1) -> None:
        self.factor = factor
        self.bare = _app("bare_shop", kit=False, factor=factor)
        self.kit = _app("rekisterikit_shop", kit=True, factor=factor)
        from rekisterikit.contrib.flask import get_state

        with self.kit.app_context():
            service = get_state(self.kit).service
        decision = service.decide({"rk-action": "custom", "rk-category": ["statistics"]}, locale="fi")
        self.accepted, self.declined = request_cookies(large_statement(factor))
        self.cookie = "; ".join([
            f"rk_consent={decision.cookie.value}",
            "session=eyJfcGVybWFuZW50Ijp0cnVlfQ.Z0AAAA.benchmark",
            f"{self.accepted}=GA1.1.1234567890.1767225600",
            f"{self.declined}=1",
        ])

    def call(self, variant: str) -> Any:
        """A function that requests ``variant``'s page: ``bare``, ``rekisterikit`` or ``extension-only``."""
        if variant == "bare":
            return wsgi_call(self.bare.wsgi_app, "/bare/", self.cookie)
        if variant == "extension-only":
            return wsgi_call(self.kit.wsgi_app, "/bare/", self.cookie)
        return wsgi_call(self.kit.wsgi_app, "/rekisterikit/", self.cookie)


_apps: dict[int, Apps] = {}


def apps(factor: int = 1) -> Apps:
    """The Flask applications serving the statement at ``factor`` (built once per size)."""
    if factor not in _apps:
        _apps[factor] = Apps(factor)
    return _apps[factor]


def check(response: Response, *, kit: bool) -> None:
    """Fail unless the page is what the benchmark means to measure."""
    if not response.status.startswith("200"):
        raise AssertionError(f"Flask page answered {response.status}")
    body = response.body.decode("utf-8")
    if kit:
        if 'src="https://stats.example/analytics.js"' not in body:
            raise AssertionError("the statistics script is not active for a visitor who accepted statistics")
        if "data-rk-decided=\"true\"" not in body:
            raise AssertionError("the banner does not show the visitor as decided")
        if "data-rk-layer=" not in body or "rk-csrf" in body:
            raise AssertionError("a decided visitor's page should carry the settings layer's placeholder, no form")
