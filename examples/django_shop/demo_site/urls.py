"""URLs of the example shop: the shop, accounts, the admin, language switching and rekisterikit."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("tietosuoja/", include("rekisterikit.contrib.django.urls")),  # the statement and the consent endpoints
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("demo_shop.urls")),
]
