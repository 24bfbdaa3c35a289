"""An in-process Django site for the benchmarks: one settings module, three pages, three middleware stacks.

* ``/bare/`` renders a small shop page (12 products) with Django's default middleware (``startproject``);
* ``/rekisterikit/`` renders the same page with rekisterikit's ``ConsentMiddleware`` and its tags
  (``consent_scripts``, ``gated_script``, ``consent_settings_link``, ``consent_banner``);
* ``/cookie-consent/`` renders the same page with django-cookie-consent's ``CleanCookiesMiddleware`` and its tags
  (the ``cookie_group_accepted`` filter gating the same script, ``not_accepted_or_declined_cookie_groups``,
  ``all_cookie_groups`` and its ``cookiebar.module.js`` set-up as its documentation shows).

Both consent apps know the same cookies: django-cookie-consent's tables are filled from the statement's cookie
declaration (one group per optional category). Requests are WSGI calls with a fresh environ; nothing goes over
a network. The module doubles as the ``ROOT_URLCONF``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks import pg
from benchmarks.harness import Unavailable
from benchmarks.statements import large_statement, request_cookies

__all__ = ["SECRET_KEY", "Site", "site", "statement"]

HERE = Path(__file__).resolve().parent
SECRET_KEY = "rekisterikit-benchmarks-not-a-secret-0123456789"

BASE_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
RK_MIDDLEWARE = [*BASE_MIDDLEWARE, "rekisterikit.contrib.django.middleware.ConsentMiddleware"]
DCC_MIDDLEWARE = [*BASE_MIDDLEWARE, "cookie_consent.middleware.CleanCookiesMiddleware"]

PRODUCTS = [{"slug": f"kalvo-{i}", "name": f"Suojakalvo malli {i}", "price": f"{9 + i},90",
             "description": f"Kestävä suojakalvo {i}: helppo asentaa, ei kuplia, sopii kaikkiin malleihin."}
            for i in range(12)]

#: The statement size the site serves (``Site.use_factor`` changes it), and the site once built.
_STATE: dict[str, Any] = {"factor": 1, "site": None}


def statement() -> Any:
    """The ``REKISTERIKIT["STATEMENT"]`` callable: the large statement at the current size."""
    return large_statement(_STATE["factor"])


def _page(template: str) -> Callable[..., Any]:
    def view(request: Any) -> Any:
        from django.shortcuts import render

        return render(request, template, {"title": "Suojakalvot", "products": PRODUCTS})

    return view


def _urlpatterns() -> list[Any]:
    from django.urls import include, path

    return [
        path("bare/", _page("bare.html")),
        path("rekisterikit/", _page("rekisterikit.html")),
        path("cookie-consent/", _page("cookie_consent.html")),
        path("privacy/", include("rekisterikit.contrib.django.urls")),
        path("cookies/", include("cookie_consent.urls")),
    ]


def __getattr__(name: str) -> Any:
    if name == "urlpatterns":  # built when Django asks, after settings are configured
        return _urlpatterns()
    raise AttributeError(name)


def _configure() -> None:
    try:
        import cookie_consent
        import django
    except ImportError as exc:
        raise Unavailable(f"{exc.name} is not installed (pip install -e '.[bench]')") from exc
    from django.conf import settings

    if settings.configured:
        return
    databases: dict[str, Any] = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    pg_db = pg.django_database()
    if pg_db is not None:
        databases["pg"] = pg_db
    settings.configure(
        DEBUG=False,
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=["testserver"],
        USE_TZ=True,
        USE_I18N=True,
        LANGUAGE_CODE="fi",
        LANGUAGES=[("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")],
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "rekisterikit.contrib.django",
            "cookie_consent",
        ],
        MIDDLEWARE=BASE_MIDDLEWARE,
        ROOT_URLCONF="benchmarks.django_site",
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [str(HERE / "templates" / "django")],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]},
        }],
        DATABASES=databases,
        STATIC_URL="/static/",
        REKISTERIKIT={"STATEMENT": "benchmarks.django_site.statement", "STORE": None},
        COOKIE_CONSENT_LOG_ENABLED=False,
    )
    django.setup()
    import cookie_consent.conf  # noqa: F401 - its defaults go into settings now, not inside override_settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False, database="default")


def _environ(path: str, cookie: str) -> dict[str, Any]:
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver", "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_LANGUAGE": "fi-FI,fi;q=0.9,en;q=0.5", "HTTP_ACCEPT_ENCODING": "gzip, deflate",
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) rekisterikit-benchmarks", "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "127.0.0.1", "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
    }


class Response:
    """What a WSGI call returned."""

    def __init__(self) -> None:
        self.status = ""
        self.headers: list[tuple[str, str]] = []
        self.body = b""

    def start_response(self, status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        self.status, self.headers = status, headers
        return None

    def header(self, name: str) -> list[str]:
        """Every value of a header."""
        return [v for k, v in self.headers if k.lower() == name.lower()]


def wsgi_call(app: Callable[..., Iterable[bytes]], path: str, cookie: str) -> Callable[[], Response]:
    """A function that sends one GET request to ``app`` (a fresh environ each time) and returns the response."""
    base = _environ(path, cookie)

    def call() -> Response:
        environ = dict(base)
        environ["wsgi.input"] = io.BytesIO(b"")
        response = Response()
        body = app(environ, response.start_response)
        try:
            response.body = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        return response

    return call


class Site:
    """The configured Django site: WSGI handlers per middleware stack and the visitors' cookies."""

    def __init__(self) -> None:
        _configure()
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.utils import override_settings

        self.handlers: dict[str, WSGIHandler] = {}
        for name, stack in (("bare", BASE_MIDDLEWARE), ("rekisterikit", RK_MIDDLEWARE),
                            ("cookie-consent", DCC_MIDDLEWARE)):
            with override_settings(MIDDLEWARE=stack):
                self.handlers[name] = WSGIHandler()
        self.factor = 0
        self.use_factor(1)

    def use_factor(self, factor: int) -> None:
        """Serve the statement at ``factor`` times the large size; declare its cookies to django-cookie-consent."""
        if factor == self.factor:
            return
        from cookie_consent.cache import delete_cache
        from cookie_consent.models import Cookie, CookieGroup

        from rekisterikit.contrib.django.conf import clear_caches, get_service
        from rekisterikit.model import CookieCategory

        _STATE["factor"] = factor
        clear_caches()
        st = large_statement(factor)
        Cookie.objects.all().delete()
        CookieGroup.objects.all().delete()
        groups = {}
        for order, category in enumerate(CookieCategory):
            groups[category] = CookieGroup.objects.create(
                varname=category.value, name=category.value.title(), is_required=category is CookieCategory.NECESSARY,
                is_deletable=category is not CookieCategory.NECESSARY, ordering=order)
        Cookie.objects.bulk_create(
            [Cookie(cookiegroup=groups[c.category or CookieCategory.NECESSARY], name=c.name, domain=c.domain or "",
                    description=(c.purpose.fi or "") if c.purpose else "") for c in st.cookies],
            batch_size=500)
        delete_cache()
        statistics = CookieGroup.objects.get(varname="statistics")
        dcc_value = f"preferences=-1|statistics={statistics.get_version()}|marketing=-1"
        decision = get_service().decide({"rk-action": "custom", "rk-category": ["statistics"]}, locale="fi")
        # The same jar for every variant: both consent cookies, the CSRF cookie, an accepted first-party
        # statistics cookie and a declined first-party marketing cookie (both apps expire the latter).
        self.accepted, self.declined = request_cookies(st)
        self.cookie = "; ".join([
            "csrftoken=Zq8cWJbQ5gq6b2vXbW5cS9fZp1yqPq4m",
            f"rk_consent={decision.cookie.value}",
            f"cookie_consent={dcc_value}",
            f"{self.accepted}=GA1.1.1234567890.1767225600",
            f"{self.declined}=1",
        ])
        self.factor = factor

    def call(self, variant: str, path: str | None = None) -> Callable[[], Response]:
        """A function that requests ``variant``'s page (or ``path``) through ``variant``'s middleware."""
        return wsgi_call(self.handlers[variant], path or f"/{variant}/", self.cookie)


def site() -> Site:
    """The Django site, configured on first use.

    Raises:
        Unavailable: Django or django-cookie-consent is not installed.
    """
    if _STATE["site"] is None:
        _STATE["site"] = Site()
    built: Site = _STATE["site"]
    return built
