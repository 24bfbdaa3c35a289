"""URLs of the Django tests under ``i18n_patterns``: rekisterikit's views and the tag test page, per language."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from tests.contrib.django.urls import page

urlpatterns = i18n_patterns(
    path("privacy/", include("rekisterikit.contrib.django.urls")),
    path("page/", page),
)
