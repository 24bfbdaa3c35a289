"""Fixtures of the Saleor adapter's tests: Saleor's schema (built once per session), a running fake Saleor, the
statement, and the app served over real HTTP on 127.0.0.1 (Saleor calls it back during installation)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

for _module, _why in (("flask", "the Saleor adapter needs Flask (pip install rekisterikit[saleor])"),
                      ("jwt", "the Saleor adapter needs PyJWT (pip install rekisterikit[saleor])"),
                      ("graphql", "the Saleor tests need graphql-core (pip install rekisterikit[dev])")):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        importlib.import_module(_module)  # under CI a missing dependency fails instead of skipping
    else:
        pytest.importorskip(_module, reason=_why)

from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from graphql import GraphQLSchema  # noqa: E402

from rekisterikit import Statement, loads  # noqa: E402
from rekisterikit.consent import ConsentConfig, SQLiteConsentStore  # noqa: E402

from .fake_saleor import FakeSaleor, InstalledApp, saleor_schema, serve  # noqa: E402

STATEMENT = """
languages = ["fi", "sv", "en"]
title = { fi = "Tietosuojaseloste", sv = "Dataskyddsbeskrivning", en = "Privacy notice" }

[controller]
name = "Kauppa Oy"
business_id = "0956453-1"
email = "tietosuoja@kauppa.example"

[[registers]]
key = "asiakkaat"
name = { fi = "Asiakasrekisteri", sv = "Kundregister", en = "Customer register" }

[[registers.purposes]]
key = "tilaukset"
description = { fi = "Tilausten käsittely", sv = "Hantering av beställningar", en = "Handling orders" }
legal_basis = "contract"

[[cookies]]
name = "_ga"
provider = "Google Ireland Ltd"
category = "statistics"
duration = "P2Y"
purpose = { fi = "Kävijätilastot", sv = "Besöksstatistik", en = "Visitor statistics" }

[[cookies]]
name = "_fbp"
provider = "Meta Platforms Ireland Ltd"
category = "marketing"
duration = "P3M"
purpose = { fi = "Mainonta", sv = "Reklam", en = "Advertising" }
"""

STOREFRONT = "https://shop.example"
SECRET = "test-secret-0123456789-abcdefghij"


@pytest.fixture(scope="session")
def schema() -> GraphQLSchema:
    """Saleor 3.24's GraphQL schema (the vendored copy under data/)."""
    return saleor_schema()


@pytest.fixture
def saleor(schema: GraphQLSchema) -> Iterator[FakeSaleor]:
    """A fake Saleor serving on 127.0.0.1; the test fails if the adapter sent it an invalid GraphQL request."""
    with FakeSaleor(schema=schema) as fake:
        yield fake
    assert [] == fake.invalid_requests


@pytest.fixture
def statement() -> Statement:
    """A statement in fi, sv and en with a statistics and a marketing cookie."""
    return loads(STATEMENT)


class LiveServer:
    """A WSGI app served over HTTP on 127.0.0.1; the app may be set after the URL is known."""

    def __init__(self) -> None:
        self.app: Callable[..., Any] | None = None
        self.server, self.thread, self.url = serve(self._wsgi)

    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        assert self.app is not None
        return self.app(environ, start_response)

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@dataclass
class AppUnderTest:
    """The Saleor app as the tests see it."""

    url: str
    flask: Flask
    store: SQLiteConsentStore
    saleor: FakeSaleor

    @property
    def http(self) -> FlaskClient:
        """Flask's test client (for requests a browser or storefront would make)."""
        return self.flask.test_client()

    def install(self, **kwargs: Any) -> InstalledApp:
        """Install the app in the fake Saleor from its manifest, as a staff member does in the dashboard."""
        return self.saleor.install_app(f"{self.url}/api/manifest", **kwargs)


@pytest.fixture
def make_app(saleor: FakeSaleor, statement: Statement, tmp_path: Path) -> Iterator[Callable[..., AppUnderTest]]:
    """Create the app (over real HTTP) with config overrides; the default allows only the fake Saleor."""
    from rekisterikit.contrib.saleor import SaleorAppConfig, create_app

    servers: list[LiveServer] = []
    stores: list[SQLiteConsentStore] = []

    def make(**overrides: Any) -> AppUnderTest:
        live = LiveServer()
        servers.append(live)
        store = SQLiteConsentStore(tmp_path / f"consent-{len(stores)}.sqlite3")
        stores.append(store)
        options: dict[str, Any] = {"app_url": live.url, "allowed_saleor_urls": [saleor.api_url],
                                   "consent": ConsentConfig(secret=SECRET), "storefront_origin": STOREFRONT,
                                   "jwks_refetch_interval": 0.0, **overrides}
        app = create_app(statement=statement, store=store, config=SaleorAppConfig(**options))
        live.app = app
        return AppUnderTest(url=live.url, flask=app, store=store, saleor=saleor)

    yield make
    for live in servers:
        live.stop()
    for store in stores:
        store.close()


@pytest.fixture
def app(make_app: Callable[..., AppUnderTest]) -> AppUnderTest:
    """The app with the default configuration, not yet installed."""
    return make_app()


@pytest.fixture
def installed(app: AppUnderTest) -> AppUnderTest:
    """The app installed in the fake Saleor."""
    app.install()
    return app
