"""The Saleor adapter: a Saleor App that publishes the statement and keeps consent with the customer.

* :func:`create_app` — the App, a Flask (WSGI) application: manifest, installation, signed webhooks and the
  storefront's consent endpoints (needs ``pip install rekisterikit[saleor]``);
* :func:`publish_statement` — the statement as a Saleor page with its translations (also the command
  ``rekisterikit saleor publish``);
* :class:`SaleorClient` — the small GraphQL client both use; every document it is given lives in
  :mod:`rekisterikit.contrib.saleor.graphql`.

Flask and PyJWT are imported only when :func:`create_app` (or the webhook verification) is used, so publishing
works with the core installation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rekisterikit.contrib.saleor.client import SaleorClient, SaleorError
from rekisterikit.contrib.saleor.publish import PublishResult, publish_statement
from rekisterikit.contrib.saleor.storage import Installation, InstallationStore

if TYPE_CHECKING:
    from rekisterikit.contrib.saleor.app import SaleorAppConfig, create_app

__all__ = [
    "Installation",
    "InstallationStore",
    "PublishResult",
    "SaleorAppConfig",
    "SaleorClient",
    "SaleorError",
    "create_app",
    "publish_statement",
]


def __getattr__(name: str) -> Any:
    if name in ("create_app", "SaleorAppConfig"):
        from rekisterikit.contrib.saleor import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
