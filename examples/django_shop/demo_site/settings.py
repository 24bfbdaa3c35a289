"""Settings of the example shop: SQLite next to this file, Finnish first, rekisterikit with the corrected
Kalvokeskus statement. For a demo on your own machine only: DEBUG is on and the secret key is not secret."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
STATEMENTS = BASE_DIR.parent / "statements"

#: The five seed shops with a corrected statement; ``REKISTERIKIT_STATEMENT=confetti`` runs the shop on one of them.
SHOPS = ("kalvokeskus", "monalisa", "ompelijan-paratiisi", "confetti", "webstrella")


def statement_path(value: str | None) -> Path:
    """The statement to publish: the name of a seed shop (its corrected statement) or a path; Kalvokeskus when
    unset."""
    if not value:
        return STATEMENTS / "kalvokeskus-corrected.toml"
    if value in SHOPS:
        return STATEMENTS / f"{value}-corrected.toml"
    return Path(value)


SECRET_KEY = os.environ.get("DEMO_SHOP_SECRET_KEY", "demo-shop-not-a-secret-change-me-0123456789")
DEBUG = os.environ.get("DEMO_SHOP_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rekisterikit.contrib.django",  # 1. the app
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
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rekisterikit.contrib.django.middleware.ConsentMiddleware",  # 2. the middleware
]

# 3. the settings: where the statement is; everything else has defaults.
REKISTERIKIT = {
    "STATEMENT": statement_path(os.environ.get("REKISTERIKIT_STATEMENT")),
    "DEFAULT_LOCALE": "fi",
}

# The measurement ids the gated scripts would use in a real shop.
GA_MEASUREMENT_ID = "G-DEMO000000"
META_PIXEL_ID = "000000000000000"

ROOT_URLCONF = "demo_site.urls"
WSGI_APPLICATION = "demo_site.wsgi.application"
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
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ.get("DEMO_SHOP_DB", str(BASE_DIR / "db.sqlite3"))}}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "product_list"
LOGOUT_REDIRECT_URL = "product_list"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The statement declares the session cookie (sessionid: the cart, signing in) as lasting for the browser session;
# Django's default would keep it for two weeks (the scanner reports the difference as RK-SCAN-DURATION).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
