"""Settings of the Django example shop under the HTTP load test (``python -m benchmarks.load_http``).

The shop's own settings, with PostgreSQL (the database named in ``REKISTERIKIT_LOAD_DATABASE``, a
``postgresql://`` URL), ``DEBUG`` off and only the loopback host allowed.
"""

from __future__ import annotations

import importlib
import os
from urllib.parse import unquote, urlsplit

# The example shop's settings (examples/django_shop is on the path), changed below.
globals().update({k: v for k, v in vars(importlib.import_module("demo_site.settings")).items() if k.isupper()})

_url = urlsplit(os.environ["REKISTERIKIT_LOAD_DATABASE"])
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": unquote(_url.path.lstrip("/")),
                         "USER": unquote(_url.username or ""), "PASSWORD": unquote(_url.password or ""),
                         "HOST": _url.hostname or "", "PORT": str(_url.port or ""), "CONN_MAX_AGE": 60}}
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
SECRET_KEY = os.environ["REKISTERIKIT_LOAD_SECRET"]
