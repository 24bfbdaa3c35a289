"""URLs of the statement page and the consent endpoints: ``include("rekisterikit.contrib.django.urls")``.

============================  ====================================  ==========================================
path (under the include)      name                                  view
============================  ====================================  ==========================================
``""``                        ``rekisterikit:statement``            the statement in the active language
``"fi/"``, ``"sv/"``, ``"en/"``  ``rekisterikit:statement_lang``    the statement in that language
``"consent/"``                ``rekisterikit:consent``              POST a decision (form or JSON)
``"consent/status/"``         ``rekisterikit:consent_status``       GET the visitor's consent as JSON
``"consent/withdraw/"``       ``rekisterikit:consent_withdraw``     POST to withdraw every optional category
``"consent/settings/"``       ``rekisterikit:consent_settings``     the cookie settings page
``"consent/layer/"``          ``rekisterikit:consent_layer``        GET the settings layer (lazy settings layer)
``"history/"``                ``rekisterikit:history``              every published version, with what changed
``"history/<version>/"``      ``rekisterikit:history_version``      one version as it was
============================  ====================================  ==========================================
"""

from __future__ import annotations

from django.urls import path, re_path

from rekisterikit.contrib.django import history, views

app_name = "rekisterikit"

urlpatterns = [
    path("", views.statement, name="statement"),
    re_path(r"^(?P<lang>fi|sv|en)/$", views.statement, name="statement_lang"),
    path("consent/", views.consent, name="consent"),
    path("consent/status/", views.consent_status, name="consent_status"),
    path("consent/withdraw/", views.withdraw, name="consent_withdraw"),
    path("consent/settings/", views.consent_settings, name="consent_settings"),
    path("consent/layer/", views.consent_layer, name="consent_layer"),
    path("history/", history.history, name="history"),
    re_path(r"^history/(?P<version>sha256:[0-9a-f]{64})/$", history.history_version, name="history_version"),
]
