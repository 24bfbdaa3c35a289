"""URLs of the Django tests for a shop that routes rekisterikit's views one by one and left out the settings layer."""

from __future__ import annotations

from django.urls import include, path

from rekisterikit.contrib.django import views
from tests.contrib.django.urls import page

consent_urls = ([
    path("", views.statement, name="statement"),
    path("consent/", views.consent, name="consent"),
    path("consent/settings/", views.consent_settings, name="consent_settings"),
], "rekisterikit")

urlpatterns = [
    path("privacy/", include(consent_urls)),
    path("page/", page),
]
