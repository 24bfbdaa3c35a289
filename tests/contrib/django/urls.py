"""URLs of the Django tests: rekisterikit's views, the admin, a page per template tag, and the example shop."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path


def page(request: HttpRequest) -> HttpResponse:
    """Render the template given in ?t= (tests only) with the request in the context."""
    source = request.GET.get("t", "")
    template = engines["django"].from_string("{% load rekisterikit %}" + source)
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("privacy/", include("rekisterikit.contrib.django.urls")),
    path("admin/", admin.site.urls),
    path("page/", page),
    path("", include("demo_shop.urls")),
]
