"""Django settings for rekisterikit's Django tests (selected by tests/conftest.py when Django is installed).

The database is SQLite in memory, or PostgreSQL when ``REKISTERIKIT_DJANGO_DB=postgres``: then the server in
``REKISTERIKIT_TEST_POSTGRES`` (``postgresql://user[:password]@host:port/name``, see ``scripts/pg-start``) is used.
The example shop's app is installed too, so that its pages and the browser test run in the same suite.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[3]
SHOP = ROOT / "examples" / "django_shop"
if str(SHOP) not in sys.path:
    sys.path.append(str(SHOP))


def _database() -> dict[str, object]:
    if os.environ.get("REKISTERIKIT_DJANGO_DB", "sqlite") != "postgres":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    url = os.environ.get("REKISTERIKIT_TEST_POSTGRES")
    if not url:
        raise RuntimeError("REKISTERIKIT_DJANGO_DB=postgres needs REKISTERIKIT_TEST_POSTGRES (eval \"$(bash "
                           "scripts/pg-start)\")")
    parts = urlsplit(url)
    return {"ENGINE": "django.db.backends.postgresql", "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "", "PORT": str(parts.port or ""),
            "TEST": {"NAME": "test_rekisterikit_django"}}


SECRET_KEY = "rekisterikit-tests-not-a-secret-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rekisterikit.contrib.django",
    "demo_shop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "rekisterikit.contrib.django.middleware.ConsentMiddleware",
]

ROOT_URLCONF = "tests.contrib.django.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "demo_shop.context_processors.shop",
    ]},
}]
DATABASES = {"default": _database()}
STATIC_URL = "/static/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

REKISTERIKIT = {
    "STATEMENT": "tests.contrib.django.statements.SHOP",
    "DEFAULT_LOCALE": "fi",
    "CHECK_FAIL_LEVEL": "error",
}

# The statement declares the session cookie (sessionid: the cart, signing in) as lasting for the browser session;
# Django's default would keep it for two weeks (the scanner reports the difference as RK-SCAN-DURATION).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
