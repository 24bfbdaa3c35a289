"""The statement history pages of the Flask blueprint, in the example shop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rekisterikit.contrib.flask import get_state
from rekisterikit.load import load

ROOT = Path(__file__).resolve().parents[3]
#: The Monalisa statement as published: the version the shop served before the corrected one.
PUBLISHED = ROOT / "examples" / "statements" / "monalisa.toml"


@pytest.fixture
def shop(tmp_path: Path) -> Flask:
    """The example shop with its instance folder in a temporary directory."""
    from examples.flask_shop import create_app

    return create_app({"TESTING": True}, instance_path=str(tmp_path / "instance"))


def test_history_lists_every_served_version_newest_first(shop: Flask) -> None:
    """After the statement page was served, the history lists the earlier version and the current one."""
    state = get_state(shop)
    state.store.remember_statement(load(PUBLISHED))  # type: ignore[attr-defined]
    client = shop.test_client()
    assert 200 == client.get("/privacy/fi").status_code
    response = client.get("/privacy/history", headers={"Accept-Language": "fi"})
    assert 200 == response.status_code
    html = response.get_data(as_text=True)
    versions = re.findall(r'href="/privacy/history/(sha256:[0-9a-f]{64})"', html)
    assert [state.statement.version, load(PUBLISHED).version] == versions
    assert "Set-Cookie" not in response.headers
    assert "no-cache" == response.headers["Cache-Control"]


def test_an_old_version_is_shown_as_it_was(shop: Flask) -> None:
    """The earlier version renders with a note; the current one without; others are 404."""
    old = load(PUBLISHED)
    state = get_state(shop)
    state.store.remember_statement(old)  # type: ignore[attr-defined]
    client: FlaskClient = shop.test_client()
    page = client.get(f"/privacy/history/{old.version}").get_data(as_text=True)
    assert 'role="note"' in page
    assert old.controller.name in page
    current = client.get(f"/privacy/history/{state.statement.version}")
    assert 'role="note"' not in current.get_data(as_text=True)
    assert 404 == client.get("/privacy/history/sha256:" + "0" * 64).status_code
    assert 404 == client.get("/privacy/history/..%2Fsecret").status_code


def test_conditional_request_gets_304(shop: Flask) -> None:
    """A repeated request with the ETag is answered 304."""
    client = shop.test_client()
    first = client.get("/privacy/history")
    again = client.get("/privacy/history", headers={"If-None-Match": first.headers["ETag"]})
    assert 304 == again.status_code
