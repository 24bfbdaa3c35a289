"""Django adapter: one app, one middleware and a few template tags.

Add ``"rekisterikit.contrib.django"`` to ``INSTALLED_APPS`` (its label is ``rekisterikit``),
``"rekisterikit.contrib.django.middleware.ConsentMiddleware"`` to ``MIDDLEWARE``, the URLs with
``path("privacy/", include("rekisterikit.contrib.django.urls"))``, and a ``REKISTERIKIT`` settings dict naming the
statement file. See the Django guide in the documentation for the settings, tags, views and checks.
"""
